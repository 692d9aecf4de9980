import { randomUUID } from 'node:crypto';
import { forgedAuthorizations, signJwt } from './credentials';
import { Random } from './random';
import { HttpRequest } from './transport';

/** One HTTP-level request: how it is sent and which judge reads the answer. */
export interface HttpCase {
  operation: string;
  where: string;
  input: string;
  request?: HttpRequest;
  /** Bytes for the socket, for what fetch will not send. */
  raw?: Buffer;
  graphql: boolean;
}

export interface HttpSources {
  /** A platform admin's token: the dashboard's own API is fuzzed behind its door too. */
  adminToken: string;
  /** A real user id, for tokens that are well signed but wrong in other ways. */
  userId: string;
  seed: number;
}

const DASHBOARD = '/admin/queues';
const QUEUES = ['system', 'referrals', 'notifications', 'emails', 'webhooks'];

/** Every route the API serves (and some it does not), with the method it is normally called with. */
const ROUTES: [method: string, path: string][] = [
  ['POST', '/graphql'],
  ['GET', '/graphql'],
  ['GET', '/graphql?query=%7B__typename%7D'],
  ['GET', DASHBOARD],
  ['GET', `${DASHBOARD}/`],
  ['GET', `${DASHBOARD}/login`],
  ['POST', `${DASHBOARD}/login`],
  ['GET', `${DASHBOARD}/api/queues`],
  ['GET', `${DASHBOARD}/api/redis/stats`],
  ['GET', `${DASHBOARD}/api/queues/notifications/1`],
  ['PUT', `${DASHBOARD}/api/queues/notifications/retry/failed`],
  ['GET', `${DASHBOARD}/static/js/main.js`],
  ['GET', '/health/live'],
  ['GET', '/health/ready'],
  ['GET', '/health/metrics'],
  ['GET', '/graphiql/graphiql.js'],
  ['GET', '/graphiql/graphiql.css'],
  ['GET', '/graphiql/nope.js'],
  ['GET', '/'],
  ['GET', '/no/such/path'],
];

const COOKIE = 'pp_queue_dashboard';

/** Header abuse tried on every route. */
function headerAbuse(sources: HttpSources): [where: string, input: string, headers: Record<string, string>][] {
  const forgedCookie = signJwt({ sub: 'not-a-uuid', typ: 'access', iss: 'partnership-platform', exp: 4e9 });
  return [
    ['(none)', 'no credentials', {}],
    ['Cookie', 'undecodable cookie %E0%A4%A', { cookie: `${COOKIE}=%E0%A4%A` }],
    ['Cookie', 'undecodable cookie %', { cookie: `${COOKIE}=%` }],
    ['Cookie', 'cookie %00', { cookie: `${COOKIE}=%00` }],
    ['Cookie', 'cookie %ZZ and %C0%80', { cookie: `a=%ZZ; ${COOKIE}=%C0%80` }],
    ['Cookie', 'empty cookie', { cookie: `${COOKIE}=` }],
    ['Cookie', 'cookie without =', { cookie: `${COOKIE}; other` }],
    ['Cookie', 'cookie of 12 KB', { cookie: `${COOKIE}=${'a'.repeat(12_000)}` }],
    ['Cookie', '500 cookies', { cookie: Array.from({ length: 500 }, (_, i) => `c${i}=${i}`).join('; ') }],
    ['Cookie', 'cookie twice', { cookie: `${COOKIE}=a; ${COOKIE}=%E0%A4%A` }],
    ['Cookie', 'cookie with Latin-1 bytes', { cookie: `${COOKIE}=Ã©Ã` }],
    ['Cookie', 'cookie with a forged token', { cookie: `${COOKIE}=${forgedCookie}` }],
    ['Cookie', 'admin cookie, percent-encoded', { cookie: `${COOKIE}=${encodeURIComponent(sources.adminToken)}` }],
    ...forgedAuthorizations(sources.userId).map(
      ([input, value]) =>
        ['Authorization', input, { authorization: value }] as [string, string, Record<string, string>],
    ),
    ['headers', 'header of 20 KB', { 'x-fill': 'a'.repeat(20_000) }],
    ['headers', '200 headers', Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`x-h${i}`, String(i)]))],
    ['x-request-id', 'hostile request id', { 'x-request-id': '../../etc/passwd\t%E0%A4%A' }],
    ['x-request-id', 'request id of 2 KB', { 'x-request-id': 'r'.repeat(2048) }],
    ['Accept', 'odd Accept', { accept: 'text/html;q=garbage, */*;q=2, application/json;q=-1' }],
    ['X-Forwarded-For', 'forged client address', { 'x-forwarded-for': '127.0.0.1, ::1, not-an-ip, %E0%A4%A' }],
    ['Content-Type', 'odd content type', { 'content-type': 'application/json; charset=utf-32; boundary=%' }],
    ['Accept-Encoding', 'odd Accept-Encoding', { 'accept-encoding': 'gzip;q=x, br;q=-1, *;q=2' }],
    ['Range', 'odd Range', { range: 'bytes=999999999-1' }],
  ];
}

const json = { 'content-type': 'application/json' };
const gql = (body: string | Buffer, headers: Record<string, string> = json, method = 'POST', path = '/graphql') => ({
  method,
  path,
  headers,
  body,
});

/** Malformed bodies, content types and methods for /graphql. */
function graphqlBodies(): [input: string, request: HttpRequest][] {
  const mutation = 'mutation { markAllNotificationsRead }';
  const enc = encodeURIComponent;
  return [
    ['bad JSON: {', gql('{')],
    ['bad JSON: truncated', gql('{"query":"{ me { user { id } } }"')],
    ['bad JSON: NaN', gql('{"query":"{__typename}","variables":{"a":NaN}}')],
    ['JSON null', gql('null')],
    ['JSON number', gql('1')],
    ['JSON string', gql('"{ __typename }"')],
    ['empty body', gql('')],
    ['batched array', gql('[{"query":"{__typename}"},{"query":"{__typename}"}]')],
    ['empty array', gql('[]')],
    ['query null', gql('{"query":null}')],
    ['query a number', gql('{"query":1}')],
    ['query an object', gql('{"query":{"a":1}}')],
    ['query an array', gql('{"query":["{__typename}"]}')],
    ['variables a string', gql('{"query":"{__typename}","variables":"x"}')],
    ['variables an array', gql('{"query":"{__typename}","variables":[1]}')],
    ['variables with __proto__', gql('{"query":"{__typename}","variables":{"__proto__":{"admin":true}}}')],
    ['operationName a number', gql('{"query":"{__typename}","operationName":1}')],
    ['operationName unknown', gql('{"query":"query A {__typename}","operationName":"B"}')],
    ['extensions a string', gql('{"query":"{__typename}","extensions":"x"}')],
    ['persisted query: unknown hash', gql('{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}')],
    ['persisted query: hash a number', gql('{"extensions":{"persistedQuery":{"version":1,"sha256Hash":123}}}')],
    ['persisted query: version 2', gql('{"extensions":{"persistedQuery":{"version":2,"sha256Hash":"abc"}}}')],
    ['persisted query: version a string', gql('{"extensions":{"persistedQuery":{"version":"1","sha256Hash":"abc"}}}')],
    ['persisted query: null', gql('{"extensions":{"persistedQuery":null}}')],
    ['persisted query: a string', gql('{"extensions":{"persistedQuery":"x"}}')],
    ['persisted query: empty object', gql('{"extensions":{"persistedQuery":{}}}')],
    [
      'persisted query: hash does not match query',
      gql(
        '{"query":"{__typename}","extensions":{"persistedQuery":{"version":1,"sha256Hash":"' + 'a'.repeat(64) + '"}}}',
      ),
    ],
    [
      'persisted query over GET',
      gql('', {}, 'GET', `/graphql?extensions=${enc('{"persistedQuery":{"version":1,"sha256Hash":"x"}}')}`),
    ],
    ['GET with bad extensions JSON', gql('', {}, 'GET', '/graphql?query=%7B__typename%7D&extensions=%7B')],
    ['GET with bad variables JSON', gql('', {}, 'GET', '/graphql?query=%7B__typename%7D&variables=%7B')],
    ['GET mutation', gql('', {}, 'GET', `/graphql?query=${enc(mutation)}`)],
    [
      'GET mutation with preflight header',
      gql('', { 'apollo-require-preflight': 'true' }, 'GET', `/graphql?query=${enc(mutation)}`),
    ],
    ['GET query, undecodable query string', gql('', {}, 'GET', '/graphql?query=%E0%A4%A')],
    ['GET with query twice', gql('', {}, 'GET', '/graphql?query=%7B__typename%7D&query=%7Bme%7Bid%7D%7D')],
    [
      'subscription over GET',
      gql(
        '',
        { 'apollo-require-preflight': 'true' },
        'GET',
        `/graphql?query=${enc('subscription { notificationAdded { id } }')}`,
      ),
    ],
    ['subscription over POST', gql('{"query":"subscription { notificationAdded { id } }"}')],
    ['text/plain (CSRF)', gql('{"query":"{__typename}"}', { 'content-type': 'text/plain' })],
    ['form-encoded', gql('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' })],
    [
      'multipart',
      gql('--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--b--', {
        'content-type': 'multipart/form-data; boundary=b',
        'apollo-require-preflight': 'true',
      }),
    ],
    ['application/graphql', gql('{ __typename }', { 'content-type': 'application/graphql' })],
    ['no content type', gql('{"query":"{__typename}"}', {})],
    ['JSON as Latin-1', gql('{"query":"{__typename}"}', { 'content-type': 'application/json; charset=latin1' })],
    [
      'JSON as UTF-16',
      gql(Buffer.from('{"query":"{__typename}"}', 'utf16le'), { 'content-type': 'application/json; charset=utf-16' }),
    ],
    ['invalid UTF-8 bytes', gql(Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x80, 0x22, 0x7d]))],
    ['BOM before JSON', gql(`\ufeff{"query":"{__typename}"}`)],
    ['NUL in the document', gql('{"query":"{ __typename \\u0000 }"}')],
    ['raw NUL byte in the body', gql(Buffer.from('{"query":"{__typename}"}\u0000'))],
    ['gzip declared, not gzip', gql('{"query":"{__typename}"}', { ...json, 'content-encoding': 'gzip' })],
    ['unknown content encoding', gql('{"query":"{__typename}"}', { ...json, 'content-encoding': 'zstd-xx' })],
    ['body of 5 MB', gql(`{"query":"{__typename}","variables":{"a":"${'x'.repeat(5 << 20)}"}}`)],
    ['body of 90 KB', gql(`{"query":"{__typename}","variables":{"a":"${'x'.repeat(90_000)}"}}`)],
    [
      'JSON nested 100,000 deep',
      gql(`{"query":"{__typename}","variables":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`),
    ],
    ['document of 200 KB', gql(JSON.stringify({ query: `{ ${'__typename '.repeat(20_000)}}` }))],
    ['PUT', gql('{"query":"{__typename}"}', json, 'PUT')],
    ['DELETE', gql('', {}, 'DELETE')],
    ['PATCH', gql('{"query":"{__typename}"}', json, 'PATCH')],
    ['OPTIONS', gql('', { origin: 'https://evil.example', 'access-control-request-method': 'POST' }, 'OPTIONS')],
    ['HEAD', gql('', {}, 'HEAD')],
  ];
}

/** The dashboard's own API, as a platform admin, with names and ids that do not exist or are hostile. */
function dashboardCalls(adminToken: string): [input: string, request: HttpRequest][] {
  const auth = { authorization: `Bearer ${adminToken}` };
  const names = ['nope', '%E0%A4%A', "'%3B--", '__proto__', 'a'.repeat(1000), '%00'];
  const jobIds = ['nope', '-1', "'", '%00', randomUUID(), 'a'.repeat(1000), '%E0%A4%A', '1e400'];
  const calls: [string, HttpRequest][] = [];
  for (const name of names) {
    for (const [method, suffix] of [
      ['GET', ''],
      ['GET', '/metrics'],
      ['GET', '/workers'],
      ['PUT', '/pause'],
      ['PUT', '/resume'],
      ['PUT', '/empty'],
      ['PUT', '/obliterate'],
      ['PUT', '/retry/failed'],
      ['PUT', '/clean/completed'],
      ['PUT', '/promote'],
      ['POST', '/add'],
    ]) {
      calls.push([
        `queue name ${name.slice(0, 20)} ${method} ${suffix || '/'}`,
        {
          method,
          path: `${DASHBOARD}/api/queues/${name}${suffix}`,
          headers: { ...auth, ...json },
          body: method === 'GET' ? undefined : '{}',
        },
      ]);
    }
  }
  for (const queue of QUEUES) {
    for (const id of jobIds) {
      for (const [method, suffix] of [
        ['GET', ''],
        ['GET', '/logs'],
        ['PUT', '/retry/failed'],
        ['PUT', '/clean'],
        ['PUT', '/promote'],
        ['PATCH', '/update-data'],
      ]) {
        calls.push([
          `job id ${id.slice(0, 20)} ${method} ${suffix || '/'}`,
          {
            method,
            path: `${DASHBOARD}/api/queues/${queue}/${id}${suffix}`,
            headers: { ...auth, ...json },
            body: method === 'GET' ? undefined : '{"data":{"x":"\\u0000"}}',
          },
        ]);
      }
    }
    calls.push([
      `clean with a bad status`,
      { method: 'PUT', path: `${DASHBOARD}/api/queues/${queue}/clean/nope`, headers: auth },
    ]);
    calls.push([
      `retry with a bad status`,
      { method: 'PUT', path: `${DASHBOARD}/api/queues/${queue}/retry/%E0%A4%A`, headers: auth },
    ]);
    // Jobs a processor was never meant to see: they must fail as jobs, not take the process down.
    for (const [input, body] of [
      ['garbage job', '{"name":"nope","data":{}}'],
      ['job with bad ids', `{"name":"deliver","data":{"eventId":"' OR 1=1","outboxId":"%00","id":"${randomUUID()}"}}`],
      ['job with null data', '{"name":"deliver","data":null}'],
      ['job with bad options', '{"name":"x","data":{},"options":{"delay":-1,"attempts":"x","jobId":"\\u0000"}}'],
      ['add without a body', ''],
    ]) {
      calls.push([
        input,
        { method: 'POST', path: `${DASHBOARD}/api/queues/${queue}/add`, headers: { ...auth, ...json }, body },
      ]);
    }
  }
  for (const query of [
    'activeQueue=nope&status=failed&page=-1&jobsPerPage=1e400',
    'activeQueue=%E0%A4%A&status=%00&page=NaN',
    'activeQueue=notifications&status=completed&page=99999999999&jobsPerPage=-5',
    'activeQueue[]=a&activeQueue[]=b&status[x]=y',
    'page=1&page=2&jobsPerPage=100000000',
  ]) {
    calls.push([
      `list query ${query.slice(0, 40)}`,
      { method: 'GET', path: `${DASHBOARD}/api/queues?${query}`, headers: auth },
    ]);
  }
  calls.push([
    'job schedulers, bad id',
    { method: 'PUT', path: `${DASHBOARD}/api/queues/system/job-schedulers/%E0%A4%A/remove`, headers: auth },
  ]);
  calls.push([
    'static path traversal',
    { method: 'GET', path: `${DASHBOARD}/static/..%2f..%2f..%2fpackage.json`, headers: auth },
  ]);
  return calls;
}

/** The dashboard's sign-in form with wrong, missing and hostile fields. */
function signInForms(): [input: string, request: HttpRequest][] {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const post = (body: string, headers: Record<string, string> = form) => ({
    method: 'POST',
    path: `${DASHBOARD}/login`,
    headers,
    body,
  });
  return [
    ['no fields', post('')],
    ['wrong password', post('email=admin%40demo.local&password=nope')],
    ['email an array', post('email[]=a&email[]=b&password=x')],
    ['email an object', post('email[x]=a&password=x')],
    ['NUL in email', post('email=a%00b%40demo.local&password=x')],
    ['lone surrogate in email', post('email=%ED%A0%80%40demo.local&password=x')],
    ['undecodable field', post('email=%E0%A4%A&password=%')],
    ['password of 1 MB', post(`email=admin%40demo.local&password=${'p'.repeat(1 << 20)}`)],
    ['JSON body', post('{"email":"admin@demo.local","password":null}', json)],
    ['bad JSON body', post('{"email":', json)],
    ['text body', post('email=admin@demo.local', { 'content-type': 'text/plain' })],
    ['10,000 fields', post(Array.from({ length: 10_000 }, (_, i) => `f${i}=${i}`).join('&'))],
  ];
}

/** Requests fetch will not send: written to the socket byte for byte. */
function rawRequests(): [input: string, bytes: Buffer][] {
  const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;
  const body = '{"query":"{__typename}"}';
  return [
    [
      'cookie with raw UTF-8 bytes',
      Buffer.concat([
        Buffer.from(`GET ${DASHBOARD}/api/queues HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: ${COOKIE}=`),
        Buffer.from([0xe0, 0xa4, 0xc3, 0x28]),
        Buffer.from('\r\n\r\n'),
      ]),
    ],
    [
      'Authorization with raw UTF-8 bytes',
      Buffer.concat([
        Buffer.from(
          'POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 24\r\nAuthorization: Bearer ',
        ),
        Buffer.from([0xf0, 0x9f, 0x92, 0xa9, 0xff]),
        Buffer.from(`\r\n\r\n${body}`),
      ]),
    ],
    [
      'NUL byte in a header',
      Buffer.from(`GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-A: a\u0000b\r\n\r\n`, 'latin1'),
    ],
    ['malformed request line', Buffer.from('GARBAGE\r\n\r\n')],
    ['HTTP/1.0 without Host', Buffer.from('GET /graphql HTTP/1.0\r\n\r\n')],
    [
      'absolute-form URL',
      Buffer.from(crlf(['GET http://evil.example/admin/queues/api/queues HTTP/1.1', 'Host: x', 'Connection: close'])),
    ],
    [
      'undecodable path into bull-board',
      Buffer.from(crlf([`GET ${DASHBOARD}/api/queues/%E0%A4%A/1 HTTP/1.1`, 'Host: x', 'Connection: close'])),
    ],
    [
      'raw UTF-8 in the path',
      Buffer.concat([
        Buffer.from('GET /graphiql/'),
        Buffer.from([0xe0, 0xa4, 0xff]),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      ]),
    ],
    [
      'URL of 100 KB',
      Buffer.from(crlf([`GET /graphql?query=${'a'.repeat(100_000)} HTTP/1.1`, 'Host: x', 'Connection: close'])),
    ],
    [
      'Content-Length larger than the body',
      Buffer.from(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n${body}`,
      ),
    ],
    [
      'negative Content-Length',
      Buffer.from(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n${body}`,
      ),
    ],
    [
      'bad chunk size',
      Buffer.from(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`,
      ),
    ],
    [
      'Content-Length and chunked together',
      Buffer.from(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 24\r\nTransfer-Encoding: chunked\r\n\r\n18\r\n${body}\r\n0\r\n\r\n`,
      ),
    ],
    [
      'two Content-Length headers',
      Buffer.from(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 24\r\nContent-Length: 5\r\n\r\n${body}`,
      ),
    ],
    [
      'Expect: 100-continue, no body',
      Buffer.from(
        crlf([
          'POST /graphql HTTP/1.1',
          'Host: x',
          'Connection: close',
          'Content-Type: application/json',
          'Content-Length: 24',
          'Expect: 100-continue',
        ]),
      ),
    ],
  ];
}

/**
 * The HTTP-level cases: every route with every kind of header abuse, every
 * malformed /graphql body, the dashboard's API and sign-in form with hostile
 * names, raw malformed requests, and then `extra` random mixes of them.
 */
export function httpCases(sources: HttpSources, extra: number): HttpCase[] {
  const cases: HttpCase[] = [];
  const headers = headerAbuse(sources);
  for (const [method, path] of ROUTES) {
    for (const [where, input, extraHeaders] of headers) {
      cases.push({
        operation: `${method} ${path}`,
        where,
        input,
        request: {
          method,
          path,
          headers: { ...(method === 'POST' || method === 'PUT' ? json : {}), ...extraHeaders },
          body: method === 'POST' ? '{"query":"{ me { user { id } } }"}' : undefined,
        },
        graphql: path.startsWith('/graphql'),
      });
    }
  }
  for (const [input, request] of graphqlBodies())
    cases.push({ operation: `${request.method} /graphql`, where: 'body', input, request, graphql: true });
  for (const [input, request] of dashboardCalls(sources.adminToken))
    cases.push({
      operation: `${request.method} ${DASHBOARD}/api (admin)`,
      where: 'path',
      input,
      request,
      graphql: false,
    });
  for (const [input, request] of signInForms())
    cases.push({ operation: `POST ${DASHBOARD}/login`, where: 'form', input, request, graphql: false });
  for (const [input, raw] of rawRequests())
    cases.push({ operation: 'raw HTTP', where: 'bytes', input, raw, graphql: false });

  // Random mixes: a route, a method, two header abuses and a malformed body at once.
  const bodies = graphqlBodies();
  for (let i = 0; i < extra; i++) {
    const rng = Random.for(sources.seed, 'http', i);
    const [, path] = rng.pick(ROUTES);
    const method = rng.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
    const a = rng.pick(headers);
    const b = rng.pick(headers);
    const [bodyKind, bodyRequest] = rng.pick(bodies);
    const hasBody = !['GET', 'HEAD'].includes(method);
    cases.push({
      operation: `${method} ${path} (mixed)`,
      where: `${a[0]} + ${b[0]}${hasBody ? ' + body' : ''}`,
      input: `${a[1]} + ${b[1]}${hasBody ? ` + ${bodyKind}` : ''}`,
      request: {
        method,
        path,
        headers: { ...bodyRequest.headers, ...a[2], ...b[2] },
        body: hasBody ? bodyRequest.body : undefined,
      },
      graphql: path.startsWith('/graphql'),
    });
  }
  return cases;
}
