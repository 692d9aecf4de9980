import { judgeGraphQL, judgeHttp } from './oracle';

/** The fuzz test's judge, on answers seen in real runs: what must fail, and what must not. */
describe('fuzz oracle', () => {
  const graphql = (status: number, body: unknown) => judgeGraphQL({ status, text: JSON.stringify(body) });
  const error = (message: string, code?: string) => ({ errors: [{ message, extensions: code ? { code } : {} }] });

  it('passes coded request errors, including graphql-js "Syntax Error" and echoed hostile input', () => {
    expect(
      graphql(400, error('Syntax Error: Invalid Unicode escape sequence: "\\ud800".', 'GRAPHQL_PARSE_FAILED')),
    ).toEqual([]);
    expect(graphql(200, error(`Variable "$input" got invalid value "' OR '1'='1"`, 'BAD_USER_INPUT'))).toEqual([]);
    expect(graphql(200, { data: { participant: { notes: 'relation "x" at column "y"' } } })).toEqual([]);
    expect(judgeGraphQL({ status: 0, text: '', networkError: 'ECONNRESET' })).toEqual([]);
  });

  it('fails internal errors, uncoded errors, 5xx, PostgreSQL text and stacks, one outcome per answer', () => {
    expect(graphql(200, error('Internal server error', 'INTERNAL_SERVER_ERROR'))).toEqual([
      { outcome: 'INTERNAL_SERVER_ERROR' },
    ]);
    expect(graphql(200, error('Invalid input'))).toEqual([{ outcome: 'error without extensions.code' }]);
    expect(
      graphql(200, error('time zone displacement out of range: "2026-01-01 00:00:00+14:60"', 'BAD_USER_INPUT')),
    ).toEqual([{ outcome: 'PostgreSQL text' }]);
    expect(graphql(200, error('x\n    at completeValue (execute.js:851:13)', 'BAD_USER_INPUT'))).toEqual([
      { outcome: 'stack trace' },
    ]);
    expect(
      judgeHttp({ status: 500, text: '{"message":"invalid byte sequence for encoding \\"UTF8\\": 0x00"}' }),
    ).toEqual([{ outcome: 'HTTP 500, PostgreSQL text' }]);
    expect(judgeHttp({ status: 0, text: '', networkError: 'no answer within 20 s' })).toEqual([
      { outcome: 'no answer (no answer within 20 s)' },
    ]);
  });

  it('reads a 2xx page as content (GraphiQL ships "column" in its scripts)', () => {
    expect(judgeHttp({ status: 200, text: 'function f(){ column "x"; at foo.js:1:2 }' })).toEqual([]);
  });
});
