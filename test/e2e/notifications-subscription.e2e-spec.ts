import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from '@app/organisations';
import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';
import { createParticipant, createReferral, grantConsent } from './support/referrals';

const SUBSCRIPTION = `subscription { notificationAdded { id eventType subjectId title readAt } }`;

interface Added {
  id: string;
  eventType: string;
  subjectId: string;
  title: string;
  readAt: string | null;
}

function wsUrl(app: TestApp): string {
  return `${app.baseUrl.replace(/^http/, 'ws')}/graphql`;
}

async function accessToken(app: TestApp, email: string): Promise<string> {
  const { login } = await GraphQLClient.anonymous(app.baseUrl).data<{ login: { accessToken: string } }>(
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email, password: DEMO_PASSWORD },
  );
  return login.accessToken;
}

/** A live subscription: `received` holds what arrived, `ready` resolves once the server acknowledged it. */
function subscribe(url: string, authorization?: string) {
  const received: Added[] = [];
  let failure: unknown;
  let acknowledged!: () => void;
  const ready = new Promise<void>((resolve) => (acknowledged = resolve));
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: authorization ? { authorization } : {},
    on: { connected: () => acknowledged() },
    onNonLazyError: (error) => (failure = error),
  });
  client.subscribe<{ notificationAdded: Added }>(
    { query: SUBSCRIPTION },
    {
      next: (result) => {
        if (result.data) received.push(result.data.notificationAdded);
        else failure = result.errors;
      },
      error: (error) => (failure = error),
      complete: () => undefined,
    },
  );
  return { client, received, ready, failure: () => failure };
}

async function eventually<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The PUP caseworker registers a participant, records consent and sends a referral to the CIS. */
async function sendReferral(app: TestApp): Promise<string> {
  const pup = await demoClients(app.baseUrl).labourOfficeCaseworker();
  const { organisations } = await pup.data('{ organisations(kind: SOCIAL_INTEGRATION_CENTRE) { id } }');
  const cisId = organisations[0].id;
  const participantId = await createParticipant(pup, 'Mazur');
  await grantConsent(pup, participantId, cisId);
  const { id } = await createReferral(pup, participantId, cisId);
  return id as string;
}

describe('notificationAdded: live in-app delivery over graphql-ws', () => {
  let a: TestApp;
  let b: TestApp;
  const clients: Client[] = [];

  beforeAll(async () => {
    a = await startTestApp();
    // A second API process on the same database and Redis prefix, without a worker.
    b = await startTestApp({
      databaseUrl: a.database.url,
      queuePrefix: a.config.queuePrefix,
      env: { RUN_WORKER: 'false', SEED_DEMO_DATA: 'false' },
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => Promise.resolve(client.dispose())));
    await b?.close();
    await a?.close();
  });

  it('refuses a connection without a valid token', async () => {
    for (const authorization of [undefined, 'Bearer not-a-token']) {
      const subscription = subscribe(wsUrl(a), authorization);
      clients.push(subscription.client);
      const failure = await eventually(subscription.failure, 5000);
      expect((failure as { code?: number }).code).toBe(4403);
      expect(subscription.received).toHaveLength(0);
    }
  });

  it('pushes the sent referral to the CIS caseworker within a second, from this or another API process', async () => {
    const token = `Bearer ${await accessToken(a, 'cis.caseworker@demo.local')}`;
    const onA = subscribe(wsUrl(a), token);
    const onB = subscribe(wsUrl(b), token);
    const pup = subscribe(wsUrl(b), `Bearer ${await accessToken(a, 'pup.caseworker@demo.local')}`);
    clients.push(onA.client, onB.client, pup.client);
    await Promise.all([onA.ready, onB.ready, pup.ready]);
    // The subscribe message follows the acknowledgement; give the server a moment to register it.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const referralId = await sendReferral(a);
    const sent = Date.now();
    const [fromA, fromB] = await Promise.all([
      eventually(() => onA.received[0], 5000),
      eventually(() => onB.received[0], 5000),
    ]);
    expect(Date.now() - sent).toBeLessThan(1000);
    for (const notification of [fromA, fromB]) {
      expect(notification).toMatchObject({
        eventType: 'referral.send',
        subjectId: referralId,
        title: 'Nowe skierowanie',
        readAt: null,
      });
    }
    expect(fromB.id).toBe(fromA.id);
    // Only that user's notifications: the sender hears nothing of it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pup.received).toHaveLength(0);
    expect(onA.failure() ?? onB.failure()).toBeUndefined();
  });
});
