import { findUnstorableText, unstorableTextProblem } from './storable-text';

describe('text PostgreSQL cannot store', () => {
  it.each([
    ['plain Polish text', 'Zażółć gęślą jaźń', undefined],
    ['a surrogate pair (emoji)', 'ok \ud83d\ude00', undefined],
    ['right-to-left override', 'abc\u202edef', undefined],
    ['a NUL character', 'a\u0000b', 'must not contain NUL characters'],
    ['a lone high surrogate', 'a\ud800b', 'must not contain unpaired UTF-16 surrogates'],
    ['a lone low surrogate', '\udc00', 'must not contain unpaired UTF-16 surrogates'],
    ['reversed pair', '\ude00\ud83d', 'must not contain unpaired UTF-16 surrogates'],
  ])('%s', (_name, text, problem) => {
    expect(unstorableTextProblem(text)).toBe(problem);
  });

  it('finds the first bad string anywhere in a nested input, with its path', () => {
    const input = { a: 'ok', b: [{ c: 'fine' }, { d: ['x', 'y\u0000'] }], e: new Date() };
    expect(findUnstorableText(input)).toEqual({
      path: 'b.1.d.1',
      problem: 'must not contain NUL characters',
    });
    expect(findUnstorableText({ ['k\ud800']: 1 })?.problem).toMatch(/field names/);
    expect(findUnstorableText({ a: 1, b: null, c: [true] })).toBeUndefined();
    expect(findUnstorableText('a\u0000')).toEqual({ path: '', problem: 'must not contain NUL characters' });
  });
});
