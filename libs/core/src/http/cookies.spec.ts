import { cookieValue } from './cookies';

describe('cookieValue', () => {
  it('reads a cookie among others and decodes it', () => {
    expect(cookieValue('a=1; pp=x%20y; b=2', 'pp')).toBe('x y');
    expect(cookieValue('a=1', 'pp')).toBeUndefined();
    expect(cookieValue(undefined, 'pp')).toBeUndefined();
  });

  it.each(['%E0%A4%A', '%', '%zz', '%C0%80', '%ED%A0%80'])('treats the malformed encoding %p as absent', (raw) => {
    expect(cookieValue(`pp=${raw}`, 'pp')).toBeUndefined();
  });
});
