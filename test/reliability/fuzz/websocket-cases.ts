import WebSocket from 'ws';
import { forgedAuthorizations } from './credentials';
import { Actor } from './inputs';
import { Answer, combine, judgeGraphQL, Problem } from './oracle';
import { ANSWER_WITHIN_MS } from './transport';

/** One graphql-ws session: what to send after the socket opens. */
export interface WebSocketCase {
  actor: Actor;
  input: string;
  /** For a generated request sent over the socket: which operation it calls (kept out of the failure class). */
  operation?: string;
  protocol?: string;
  /** Messages (objects are sent as JSON, strings and buffers as they are). */
  messages: (object | string | Buffer)[];
}

const SUBSCRIPTION =
  'subscription { notificationAdded { __typename id eventType subjectId subjectType title summary readAt createdAt organisationId } }';
/** A session ends this long after the last message either way. */
const IDLE_MS = 150;

/** Close codes that say the server failed (graphql-ws's internal error, the WebSocket's). */
const FAILED_CLOSE = new Set([1011, 4500]);

/** Sessions for one actor: the subscription as it should be used, then every way to get it wrong. */
export function webSocketCases(
  actor: Actor,
  userId: string,
  overWs: { input: string; body: string }[],
): WebSocketCase[] {
  const authorization = actor.token ? `Bearer ${actor.token}` : undefined;
  const init = { type: 'connection_init', payload: authorization ? { authorization } : {} };
  const subscribe = (payload: unknown, id: unknown = '1') => ({ id, type: 'subscribe', payload });
  const session = (input: string, messages: WebSocketCase['messages'], protocol?: string): WebSocketCase => ({
    actor,
    input,
    messages,
    protocol,
  });
  return [
    session('subscribe as intended', [init, subscribe({ query: SUBSCRIPTION }), { id: '1', type: 'complete' }]),
    session('unknown field', [init, subscribe({ query: 'subscription { notificationAdded { nope } }' })]),
    session('hostile unused variables', [
      init,
      subscribe({ query: SUBSCRIPTION, variables: { a: '\u0000', b: '\ud800', c: 'x'.repeat(100_000) } }),
    ]),
    session('argument that does not exist', [
      init,
      subscribe({ query: 'subscription { notificationAdded(after: "\\u0000") { id } }' }),
    ]),
    session('two subscriptions in one document', [
      init,
      subscribe({ query: `${SUBSCRIPTION} subscription B { notificationAdded { id } }` }),
    ]),
    session('payload null', [init, subscribe(null)]),
    session('query null', [init, subscribe({ query: null })]),
    session('query a number', [init, subscribe({ query: 1 })]),
    session('operationName a number', [init, subscribe({ query: SUBSCRIPTION, operationName: 1 })]),
    session('persisted-query extension', [
      init,
      subscribe({ extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }),
    ]),
    session('id empty', [init, subscribe({ query: SUBSCRIPTION }, '')]),
    session('id a number', [init, subscribe({ query: SUBSCRIPTION }, 7)]),
    session('id of 100 KB', [init, subscribe({ query: SUBSCRIPTION }, 'i'.repeat(100_000))]),
    session('same id twice', [init, subscribe({ query: SUBSCRIPTION }), subscribe({ query: SUBSCRIPTION })]),
    session('complete an unknown id', [init, { id: 'nope', type: 'complete' }]),
    session('ping with payload', [init, { type: 'ping', payload: { a: '\u0000' } }]),
    session('unknown message type', [init, { type: 'start', id: '1', payload: { query: SUBSCRIPTION } }]),
    session('message without type', [init, { id: '1' }]),
    session('not JSON', [init, '{']),
    session('binary frame', [init, Buffer.from([0xff, 0x00, 0xfe])]),
    session('message of 2 MB', [
      init,
      JSON.stringify(subscribe({ query: SUBSCRIPTION, variables: { a: 'x'.repeat(2 << 20) } })),
    ]),
    session('subscribe before init', [subscribe({ query: SUBSCRIPTION })]),
    session('init twice', [init, init]),
    session('init payload a string', [{ type: 'connection_init', payload: 'x' }]),
    session('init payload a list', [{ type: 'connection_init', payload: [authorization] }]),
    session('authorization a number', [{ type: 'connection_init', payload: { authorization: 123 } }]),
    session('authorization an object', [
      { type: 'connection_init', payload: { authorization: { token: authorization } } },
    ]),
    session('authorization of 1 MB', [
      { type: 'connection_init', payload: { authorization: `Bearer ${'a'.repeat(1 << 20)}` } },
    ]),
    session('authorization with NUL', [
      { type: 'connection_init', payload: { authorization: `Bearer \u0000${actor.token ?? ''}` } },
    ]),
    session('authorization a lone surrogate', [
      { type: 'connection_init', payload: { authorization: 'Bearer \ud800' } },
    ]),
    ...forgedAuthorizations(userId)
      .filter((_, i) => i % 3 === 0)
      .map(([kind, value]) =>
        session(`forged credential: ${kind}`, [
          { type: 'connection_init', payload: { authorization: value } },
          subscribe({ query: SUBSCRIPTION }),
        ]),
      ),
    session('legacy subprotocol', [init, subscribe({ query: SUBSCRIPTION })], 'graphql-ws'),
    session('unknown subprotocol', [init], 'nope'),
    // A generated request's body (JSON text, as sent over HTTP) as the payload of a subscribe message.
    ...overWs.map(({ input, body }) => ({
      ...session('a generated query or mutation over the socket', [
        init,
        `{"id":"1","type":"subscribe","payload":${body}}`,
      ]),
      operation: input,
    })),
  ];
}

/** Runs a session; the answer's text is the transcript (messages and close code) as JSON. */
export async function runWebSocketCase(baseUrl: string, c: WebSocketCase): Promise<Answer> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/graphql`;
  return new Promise<Answer>((resolve) => {
    const received: unknown[] = [];
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    const socket = new WebSocket(url, c.protocol ?? 'graphql-transport-ws', { maxPayload: 8 << 20 });
    const done = (closeCode: number | undefined, networkError?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      clearTimeout(deadline);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.terminate();
      resolve({ status: closeCode ?? 0, text: JSON.stringify({ closeCode, received }), networkError });
    };
    const deadline = setTimeout(
      () => done(undefined, `no answer within ${ANSWER_WITHIN_MS / 1000} s`),
      ANSWER_WITHIN_MS,
    );
    const waitIdle = (ms = IDLE_MS) => {
      clearTimeout(idle);
      idle = setTimeout(() => done(1000), ms);
    };
    const write = (message: WebSocketCase['messages'][number]) =>
      socket.send(typeof message === 'string' || Buffer.isBuffer(message) ? message : JSON.stringify(message));
    // After a connection_init, the rest waits for the server's first answer (ack or refusal), as a client must.
    const first = c.messages[0] as { type?: unknown } | undefined;
    let rest = first?.type === 'connection_init' ? c.messages.slice(1) : [];
    socket.on('open', () => {
      for (const message of rest.length ? c.messages.slice(0, 1) : c.messages) write(message);
      waitIdle(rest.length ? 5_000 : IDLE_MS);
    });
    socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      try {
        received.push(JSON.parse(text));
      } catch {
        received.push(text.slice(0, 200));
      }
      for (const message of rest.splice(0)) write(message);
      rest = [];
      waitIdle();
    });
    // 1006: the connection went without a close frame (a crashed process looks like this).
    socket.on('close', (code) => done(code, code === 1006 ? 'connection dropped (1006)' : undefined));
    socket.on('unexpected-response', (_request, response) => done(response.statusCode ?? 0));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      // The server took the connection without agreeing to the subprotocol asked for: a refusal, not a failure.
      /sent no subprotocol/.test(error.message) ? done(0) : done(undefined, error.code ?? error.message),
    );
  });
}

/** A session failed if the server closed it as an internal error, or any error it sent would fail over HTTP. */
export function judgeWebSocket(answer: Answer): Problem[] {
  if (answer.networkError) return [{ outcome: `no answer (${answer.networkError})` }];
  const transcript = JSON.parse(answer.text) as {
    closeCode?: number;
    received: { type?: string; payload?: unknown }[];
  };
  const problems: Problem[] = [];
  if (transcript.closeCode !== undefined && FAILED_CLOSE.has(transcript.closeCode)) {
    problems.push({ outcome: `closed with ${transcript.closeCode}` });
  }
  if (transcript.closeCode !== undefined && transcript.closeCode >= 500 && transcript.closeCode < 600) {
    problems.push({ outcome: `upgrade answered HTTP ${transcript.closeCode}` });
  }
  for (const message of transcript.received) {
    const errors =
      message?.type === 'error'
        ? message.payload
        : message?.type === 'next'
          ? (message.payload as { errors?: unknown })?.errors
          : undefined;
    if (errors) problems.push(...judgeGraphQL({ status: 200, text: JSON.stringify({ errors }) }));
  }
  return combine(problems);
}
