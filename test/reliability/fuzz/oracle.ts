/**
 * What no answer may contain, whatever was sent: a 5xx status, the code
 * INTERNAL_SERVER_ERROR, an error without a code, PostgreSQL's wording, or a
 * stack trace. The API process staying up is checked by the runner.
 */
export const LEAK_PATTERNS: readonly [string, RegExp][] = [
  // PostgreSQL's own wording (graphql-js says "Syntax Error:" of documents, which is fine).
  ['PostgreSQL text', /syntax error at|violates|relation "|column "|invalid input syntax|duplicate key|\bpg_|SQLSTATE/],
  [
    'PostgreSQL text',
    /invalid byte sequence|out of range for type|date\/time field value|time zone displacement|null value in column|QueryFailedError|unsupported Unicode escape/,
  ],
  ['stack trace', /\n?\s{4}at |\.ts:\d+|\.js:\d+:\d+|node_modules\//],
];

export interface Answer {
  status: number;
  text: string;
  /** Set when no HTTP answer came (connection reset, timeout). */
  networkError?: string;
}

export interface Problem {
  /** The class of the problem, e.g. "HTTP 500", "INTERNAL_SERVER_ERROR", "PostgreSQL text". */
  outcome: string;
}

/**
 * A connection the server closed without answering, while the process lives
 * on (Node does this to a request whose headers are too large while its body
 * is still being sent): not a failure by itself. A hang is.
 */
function noAnswer(networkError: string): Problem[] {
  return /no answer within/.test(networkError) ? [{ outcome: `no answer (${networkError})` }] : [];
}

interface GraphQLBody {
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
  data?: unknown;
}

/** The leak classes found in a text (JSON escapes of quotes and newlines read as the characters). */
export function leaksIn(raw: string): string[] {
  const text = raw.replace(/\\"/g, '"').replace(/\\n/g, '\n');
  return [...new Set(LEAK_PATTERNS.filter(([, re]) => re.test(text)).map(([name]) => name))];
}

/** The checks for an answer from /graphql (JSON, or a plain error page for requests refused before GraphQL). */
export function judgeGraphQL(answer: Answer): Problem[] {
  if (answer.networkError) return noAnswer(answer.networkError);
  const problems: Problem[] = [];
  if (answer.status >= 500) problems.push({ outcome: `HTTP ${answer.status}` });
  let body: GraphQLBody | undefined;
  try {
    body = JSON.parse(answer.text) as GraphQLBody;
  } catch {
    if (answer.status < 400) problems.push({ outcome: `HTTP ${answer.status} without a JSON body` });
    return [...problems, ...leaksIn(answer.text).map((outcome) => ({ outcome }))];
  }
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  for (const error of errors) {
    const code = error?.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR') problems.push({ outcome: 'INTERNAL_SERVER_ERROR' });
    else if (typeof code !== 'string') problems.push({ outcome: 'error without extensions.code' });
  }
  // Data may echo what was sent; errors (and non-GraphQL bodies) must not carry internals.
  const errorText = JSON.stringify(errors);
  problems.push(...leaksIn(errorText).map((outcome) => ({ outcome })));
  return combine(problems);
}

/**
 * The checks for any other route: no 5xx, and no internals in an error page
 * (a 2xx body is the route's content: GraphiQL's scripts, bull-board's page).
 */
export function judgeHttp(answer: Answer): Problem[] {
  if (answer.networkError) return noAnswer(answer.networkError);
  const problems: Problem[] = [];
  if (answer.status >= 500) problems.push({ outcome: `HTTP ${answer.status}` });
  if (answer.status >= 300) {
    if (answer.text.includes('INTERNAL_SERVER_ERROR')) problems.push({ outcome: 'INTERNAL_SERVER_ERROR' });
    problems.push(...leaksIn(answer.text).map((outcome) => ({ outcome })));
  }
  return combine(problems);
}

/** One problem per answer, naming everything wrong with it ("HTTP 500, PostgreSQL text"): one class, not three. */
export function combine(problems: Problem[]): Problem[] {
  const outcomes = [...new Set(problems.map((p) => p.outcome))];
  return outcomes.length ? [{ outcome: outcomes.join(', ') }] : [];
}
