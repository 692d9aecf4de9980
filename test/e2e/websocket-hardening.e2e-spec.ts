import WebSocket from 'ws';
import { GraphQLClient, startTestApp, TestApp } from '@app/testing';

interface Message {
  id?: string;
  type: string;
  payload?: { message?: string; extensions?: { code?: string } }[] | Record<string, unknown>;
}

/** A graphql-transport-ws connection, signed in, speaking the protocol message by message. */
async function connect(app: TestApp, authorization: string) {
  const socket = new WebSocket(`${app.baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const inbox: Message[] = [];
  let closed: { code: number; reason: string } | undefined;
  socket.on('message', (data: Buffer) => inbox.push(JSON.parse(data.toString('utf8')) as Message));
  socket.on('close', (code, reason) => (closed = { code, reason: reason.toString() }));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } }));
  const next = async (id?: string): Promise<Message> => {
    for (let waited = 0; waited < 5000; waited += 10) {
      const index = inbox.findIndex((m) => m.id === id);
      if (index >= 0) return inbox.splice(index, 1)[0];
      if (closed) throw new Error(`socket closed: ${closed.code} ${closed.reason}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no message for ${id}`);
  };
  expect((await next()).type).toBe('connection_ack');
  return {
    next,
    subscribe: (id: string, query: string) =>
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query } })),
    isOpen: () => socket.readyState === WebSocket.OPEN && !closed,
    close: () => socket.close(),
  };
}

/**
 * A graphql-ws message goes through what an HTTP request goes through: the
 * same limits, coded errors, only subscriptions — and a malformed one is an
 * error message on a socket that stays open, never an internal error.
 */
describe('GraphQL over WebSocket', () => {
  let api: TestApp;
  let authorization: string;

  beforeAll(async () => {
    api = await startTestApp();
    const { login } = await GraphQLClient.anonymous(api.baseUrl).data(
      'mutation { login(email: "pup.caseworker@demo.local", password: "demo") { accessToken } }',
    );
    authorization = `Bearer ${login.accessToken as string}`;
  });
  afterAll(() => api?.close());

  it.each([
    ['a syntax error', 'subscription { notificationAdded { id ', 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', 'subscription { notificationAdded { nope } }', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'too many aliases (the HTTP limits apply)',
      `subscription { notificationAdded { ${Array.from({ length: 100 }, (_, i) => `a${i}: id`).join(' ')} } }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['a query', '{ me { user { email } } }', 'BAD_REQUEST'],
    ['a mutation', 'mutation { markAllNotificationsRead }', 'BAD_REQUEST'],
    [
      'two operations and no name',
      'subscription A { notificationAdded { id } } subscription B { notificationAdded { id } }',
      'BAD_REQUEST',
    ],
  ])('%s is a coded error message, and the socket stays open', async (_name, query, code) => {
    const ws = await connect(api, authorization);
    try {
      ws.subscribe('1', query);
      const answer = await ws.next('1');
      expect(answer.type).toBe('error');
      const errors = answer.payload as { message: string; extensions?: { code?: string } }[];
      expect(errors.map((e) => e.extensions?.code)).toEqual(errors.map(() => code));
      expect(JSON.stringify(errors)).not.toMatch(/INTERNAL_SERVER_ERROR|\n\s+at /);
      // Still serving: a good subscription is accepted (no error follows).
      ws.subscribe('2', 'subscription { notificationAdded { id } }');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(ws.isOpen()).toBe(true);
    } finally {
      ws.close();
    }
  });
});
