import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { NOTIFICATION_EVENT_TYPES, OutboxRelayService, audienceFor } from '@app/notifications';
import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';
import { commitEvent as commitOutboxEvent, payloadForEveryEventType } from '../support/notification-events';

interface Receipt {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  validSignature: boolean;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What a receiver does: recompute the HMAC over `${timestamp}.${raw body}` and compare in constant time. */
function verify(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const timestamp = String(headers['x-webhook-timestamp'] ?? '');
  const signature = String(headers['x-webhook-signature'] ?? '');
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

const ENDPOINT = `id organisationId url eventTypes active consecutiveFailures disabledAt secret`;
const CREATE = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { ${ENDPOINT} } }`;
const LIST = `query ($organisationId: ID!) { webhookEndpoints(organisationId: $organisationId) { ${ENDPOINT} } }`;
const DELIVERIES = `query ($endpointId: ID!, $first: Int! = 50, $after: String) {
  webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
    edges { cursor node { id endpointId eventId eventType status attemptCount lastStatusCode lastError deliveredAt
                          attempts { attemptedAt statusCode latencyMs error } } }
    pageInfo { hasNextPage endCursor } } }`;
const REPLAY = `mutation ($id: ID!) { replayWebhookDelivery(deliveryId: $id) { id status } }`;
const DISABLE = `mutation ($id: ID!) { disableWebhookEndpoint(id: $id) { id active disabledAt } }`;
const ENABLE = `mutation ($id: ID!) { enableWebhookEndpoint(id: $id) { id active consecutiveFailures disabledAt } }`;

/** Signed webhooks against a real HTTP receiver started here, on the run's queue backing. */
describe('webhooks', () => {
  const receipts: Receipt[] = [];
  const secrets = new Map<string, string>(); // path -> secret
  const flakyFailures = new Map<string, number>(); // delivery id -> failures so far
  let receiver: Server;
  let receiverUrl: string;
  let api: TestApp;
  let db: Client;
  let pupId: string;
  let cisId: string;
  let pupAdmin: GraphQLClient;
  let cisAdmin: GraphQLClient;
  const endpoints: Record<string, string> = {}; // path -> endpoint id

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        const id = String(req.headers['x-webhook-id']);
        let status = 204;
        if (path === '/down') status = 500;
        if (path === '/flaky') {
          const failures = flakyFailures.get(id) ?? 0;
          if (failures < 3) {
            flakyFailures.set(id, failures + 1);
            status = 503;
          }
        }
        receipts.push({
          path,
          headers: req.headers,
          body,
          status,
          validSignature: verify(secrets.get(path) ?? '', req.headers, body),
        });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    // The receiver listens on 127.0.0.1: allowed only with the private-network setting (webhook-ssrf.spec.ts covers it off).
    api = await startTestApp({
      env: {
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_DISABLE_AFTER_FAILURES: '2',
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      },
    });
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    const orgs = await db.query(
      `SELECT u.email, m.organisation_id FROM users u JOIN memberships m ON m.user_id = u.id
        WHERE u.email IN ('pup.admin@demo.local', 'cis.admin@demo.local')`,
    );
    pupId = orgs.rows.find((r) => r.email === 'pup.admin@demo.local').organisation_id;
    cisId = orgs.rows.find((r) => r.email === 'cis.admin@demo.local').organisation_id;
    const clients = demoClients(api.baseUrl);
    [pupAdmin, cisAdmin] = await Promise.all([clients.labourOfficeAdmin(), clients.cisAdmin()]);
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  async function createEndpoint(
    client: GraphQLClient,
    organisationId: string,
    path: string,
    eventTypes: string[] = [],
  ) {
    const { createWebhookEndpoint: endpoint } = await client.data(CREATE, {
      input: { organisationId, url: `${receiverUrl}${path}`, eventTypes },
    });
    expect(endpoint.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    secrets.set(path, endpoint.secret);
    endpoints[path] = endpoint.id;
    return endpoint;
  }

  const payload = () => payloadForEveryEventType(pupId, cisId);

  const commitEvent = (eventType: string, body: Record<string, unknown>) => commitOutboxEvent(db, eventType, body);

  async function delivery(endpointId: string, eventId: string) {
    const { rows } = await db.query(`SELECT * FROM webhook_deliveries WHERE endpoint_id = $1 AND event_id = $2`, [
      endpointId,
      eventId,
    ]);
    return rows[0];
  }

  it('each event type reaches the endpoints of its audience once, signed', async () => {
    await createEndpoint(pupAdmin, pupId, '/pup');
    await createEndpoint(cisAdmin, cisId, '/cis');
    const events = new Map<string, string>();
    for (const type of NOTIFICATION_EVENT_TYPES) events.set(type, await commitEvent(type, payload()));
    for (const [type, eventId] of events) {
      const audience = audienceFor({
        id: eventId,
        event_type: type,
        aggregate_type: 'referral',
        aggregate_id: eventId,
        payload: payload(),
      })!;
      for (const [path, organisationId] of [
        ['/pup', pupId],
        ['/cis', cisId],
      ]) {
        const expected = audience.organisationIds.includes(organisationId);
        if (!expected) {
          // delivered means every delivery it would have had exists by now
          await until(`${type} to be delivered`, async () => {
            const { rows } = await db.query(`SELECT delivered_at FROM outbox WHERE id = $1`, [eventId]);
            return rows[0].delivered_at ? true : undefined;
          });
          expect(await delivery(endpoints[path], eventId)).toBeUndefined();
          continue;
        }
        const row = await until(`${type} to reach ${path}`, async () => {
          const current = await delivery(endpoints[path], eventId);
          return current?.status === 'SUCCEEDED' ? current : undefined;
        });
        const got = receipts.filter((r) => r.headers['x-webhook-id'] === row.id);
        expect(got).toHaveLength(1);
        expect(got[0].path).toBe(path);
        expect(got[0].validSignature).toBe(true);
        expect(got[0].headers['content-type']).toBe('application/json');
        const body = JSON.parse(got[0].body);
        expect(body).toEqual({ id: row.id, event: type, occurredAt: expect.any(String), data: payload() });
        expect(row.last_status_code).toBe(204);
      }
    }
  });

  it('a receiver that fails three times gets the event once, after retries', async () => {
    await createEndpoint(pupAdmin, pupId, '/flaky', ['referral.accept']);
    const eventId = await commitEvent('referral.accept', payload());
    const row = await until('the flaky delivery to succeed', async () => {
      const current = await delivery(endpoints['/flaky'], eventId);
      return current?.status === 'SUCCEEDED' ? current : undefined;
    });
    const got = receipts.filter((r) => r.headers['x-webhook-id'] === row.id);
    expect(got.map((r) => r.status)).toEqual([503, 503, 503, 204]);
    expect(got.filter((r) => r.status < 300)).toHaveLength(1);
    expect(got.every((r) => r.validSignature)).toBe(true);
    expect(new Set(got.map((r) => r.body)).size).toBe(1);
    expect(row.attempts).toBe(4);
    const { webhookDeliveries } = await pupAdmin.data(DELIVERIES, { endpointId: endpoints['/flaky'] });
    const listed = webhookDeliveries.edges.find((e: { node: { id: string } }) => e.node.id === row.id).node;
    expect(listed).toMatchObject({
      status: 'SUCCEEDED',
      attemptCount: 4,
      lastStatusCode: 204,
      eventType: 'referral.accept',
    });
    expect(listed.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([503, 503, 503, 204]);
    // One delivery a page, through the cursors: the same deliveries in the same order.
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: typeof webhookDeliveries = (
        await pupAdmin.data(DELIVERIES, { endpointId: endpoints['/flaky'], first: 1, after })
      ).webhookDeliveries;
      paged.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(webhookDeliveries.edges.map((e: { node: { id: string } }) => e.node.id));
    const { rows } = await db.query(`SELECT consecutive_failures FROM webhook_endpoints WHERE id = $1`, [
      endpoints['/flaky'],
    ]);
    expect(rows[0].consecutive_failures).toBe(0);
  });

  it('a receiver that keeps failing is disabled and its admins are told', async () => {
    await createEndpoint(cisAdmin, cisId, '/down', ['referral.send']);
    const first = await commitEvent('referral.send', payload());
    const second = await commitEvent('referral.send', payload());
    for (const eventId of [first, second]) {
      const row = await until(
        'the delivery to fail for good',
        async () => {
          const current = await delivery(endpoints['/down'], eventId);
          return current?.status === 'FAILED' ? current : undefined;
        },
        20_000,
      );
      expect(row.attempts).toBe(5);
      expect(row.last_error).toBe('HTTP 500');
    }
    const { rows } = await db.query(
      `SELECT active, disabled_at, consecutive_failures FROM webhook_endpoints WHERE id = $1`,
      [endpoints['/down']],
    );
    expect(rows[0]).toMatchObject({ active: false, consecutive_failures: 2 });
    expect(rows[0].disabled_at).not.toBeNull();
    const notification = await until('the admin to be notified', async () => {
      const { notifications } = await cisAdmin.data(
        `{ notifications(first: 50) { edges { node { eventType subjectId summary { webhookEndpointId } } } } }`,
      );
      return notifications.edges.find((e: { node: { eventType: string } }) => e.node.eventType === 'webhook.disabled')
        ?.node;
    });
    expect(notification.subjectId).toBe(endpoints['/down']);
    expect(notification.summary).toEqual({ webhookEndpointId: endpoints['/down'] });

    // Never sent to while disabled.
    const before = receipts.filter((r) => r.path === '/down').length;
    const third = await commitEvent('referral.send', payload());
    await until('the third event to be delivered', async () => {
      const { rows: outbox } = await db.query(`SELECT delivered_at FROM outbox WHERE id = $1`, [third]);
      return outbox[0].delivered_at ? true : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await delivery(endpoints['/down'], third)).toBeUndefined();
    expect(receipts.filter((r) => r.path === '/down').length).toBe(before);
    const { enableWebhookEndpoint } = await cisAdmin.data(ENABLE, { id: endpoints['/down'] });
    expect(enableWebhookEndpoint).toMatchObject({ active: true, consecutiveFailures: 0, disabledAt: null });
    const { disableWebhookEndpoint } = await cisAdmin.data(DISABLE, { id: endpoints['/down'] });
    expect(disableWebhookEndpoint.active).toBe(false);
  }, 40_000);

  it('a delivery can be replayed, with the same id', async () => {
    const eventId = await commitEvent('referral.send', payload());
    const row = await until('the delivery to succeed', async () => {
      const current = await delivery(endpoints['/cis'], eventId);
      return current?.status === 'SUCCEEDED' ? current : undefined;
    });
    for (const n of [1, 2]) {
      const { replayWebhookDelivery } = await cisAdmin.data(REPLAY, { id: row.id });
      expect(replayWebhookDelivery).toEqual({ id: row.id, status: 'PENDING' });
      await until(`replay ${n} to arrive`, async () =>
        receipts.filter((r) => r.headers['x-webhook-id'] === row.id).length === n + 1 ? true : undefined,
      );
      await until(`replay ${n} to succeed`, async () =>
        (await delivery(endpoints['/cis'], eventId)).status === 'SUCCEEDED' ? true : undefined,
      );
    }
    const got = receipts.filter((r) => r.headers['x-webhook-id'] === row.id);
    expect(got.every((r) => r.validSignature && JSON.parse(r.body).id === row.id)).toBe(true);
  });

  it('the reconciler re-enqueues a pending delivery whose job was lost', async () => {
    const { rows: events } = await db.query(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at, delivered_at)
       VALUES ('referral.accept', 'referral', gen_random_uuid(), $1::jsonb, now(), now()) RETURNING id`,
      [JSON.stringify(payload())],
    );
    const { rows } = await db.query(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, created_at) VALUES ($1, $2, now() - interval '1 hour')
       RETURNING id`,
      [endpoints['/pup'], events[0].id],
    );
    expect(await api.app.get(OutboxRelayService).reconcileWebhooks()).toBeGreaterThanOrEqual(1);
    await until('the recovered delivery to succeed', async () =>
      (await delivery(endpoints['/pup'], events[0].id)).status === 'SUCCEEDED' ? true : undefined,
    );
    expect(receipts.filter((r) => r.headers['x-webhook-id'] === rows[0].id)).toHaveLength(1);
  });

  it('only the organisation’s partner admins (or a platform admin) manage its webhooks', async () => {
    const clients = demoClients(api.baseUrl);
    const [pupCaseworker, platformAdmin] = await Promise.all([
      clients.labourOfficeCaseworker(),
      clients.platformAdmin(),
    ]);
    const pupEndpoint = endpoints['/pup'];
    const input = { organisationId: pupId, url: `${receiverUrl}/x`, eventTypes: [] };
    expect(await pupCaseworker.errorCode(CREATE, { input })).toBe('FORBIDDEN');
    expect(await pupCaseworker.errorCode(LIST, { organisationId: pupId })).toBe('FORBIDDEN');
    expect(await pupCaseworker.errorCode(DISABLE, { id: pupEndpoint })).toBe('FORBIDDEN');
    expect(await cisAdmin.errorCode(LIST, { organisationId: pupId })).toBe('NOT_FOUND');
    expect(await cisAdmin.errorCode(CREATE, { input })).toBe('NOT_FOUND');
    expect(await cisAdmin.errorCode(DISABLE, { id: pupEndpoint })).toBe('NOT_FOUND');
    expect(await cisAdmin.errorCode(ENABLE, { id: pupEndpoint })).toBe('NOT_FOUND');
    expect(await cisAdmin.errorCode(DELIVERIES, { endpointId: pupEndpoint })).toBe('NOT_FOUND');
    const { rows } = await db.query(`SELECT id FROM webhook_deliveries WHERE endpoint_id = $1 LIMIT 1`, [pupEndpoint]);
    expect(await cisAdmin.errorCode(REPLAY, { id: rows[0].id })).toBe('NOT_FOUND');
    expect(await pupCaseworker.errorCode(REPLAY, { id: rows[0].id })).toBe('FORBIDDEN');
    expect(await GraphQLClient.anonymous(api.baseUrl).errorCode(LIST, { organisationId: pupId })).toBe(
      'UNAUTHENTICATED',
    );

    for (const url of ['ftp://example.org/hook', 'not a url', `https://example.org/${'a'.repeat(2000)}`]) {
      expect(await pupAdmin.errorCode(CREATE, { input: { ...input, url } })).toBe('BAD_USER_INPUT');
    }
    expect(await pupAdmin.errorCode(CREATE, { input: { ...input, eventTypes: ['DROP TABLE'] } })).toBe(
      'BAD_USER_INPUT',
    );

    const { webhookEndpoints } = await pupAdmin.data(LIST, { organisationId: pupId });
    expect(webhookEndpoints.map((e: { id: string }) => e.id)).toEqual(
      expect.arrayContaining([pupEndpoint, endpoints['/flaky']]),
    );
    expect(webhookEndpoints.every((e: { secret: string | null }) => e.secret === null)).toBe(true);
    const asPlatform = await platformAdmin.data(LIST, { organisationId: pupId });
    expect(asPlatform.webhookEndpoints).toHaveLength(webhookEndpoints.length);
    const { webhookEndpoints: cisEndpoints } = await cisAdmin.data(LIST, { organisationId: cisId });
    expect(cisEndpoints.map((e: { id: string }) => e.id)).not.toContain(pupEndpoint);
  });
});
