import { LookupAddress } from 'node:dns';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { WEBHOOK_ERRORS, WebhookAddressGuard } from '@app/notifications';
import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';
import { commitEvent, payloadForEveryEventType } from '../support/notification-events';

const CREATE = `mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { id url secret } }`;
const DELIVERIES = `query ($endpointId: ID!) { webhookDeliveries(endpointId: $endpointId, first: 10) {
  edges { node { id status attemptCount lastStatusCode lastError attempts { statusCode error } } } } }`;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Webhooks cannot be aimed inside our network (server-side request forgery)
 * with the default setting: not when an endpoint is created, and not when a
 * delivery connects after the host's DNS answer changed (DNS rebinding,
 * played by the guard's resolver). A real listener on 127.0.0.1 stands for
 * the internal service and must receive nothing.
 */
describe('webhooks and the internal network (WEBHOOK_ALLOW_PRIVATE_NETWORKS unset)', () => {
  let internal: Server;
  let internalPort: number;
  const reachedInternal: string[] = [];
  let api: TestApp;
  let db: Client;
  let pupId: string;
  let cisId: string;
  let pupAdmin: GraphQLClient;
  /** The DNS the guard sees: tests change an answer between creation and delivery. */
  const zone = new Map<string, string>();

  beforeAll(async () => {
    internal = createServer((req, res) => {
      reachedInternal.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('internal secrets');
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
    internalPort = (internal.address() as AddressInfo).port;
    api = await startTestApp({ env: { WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_DISABLE_AFTER_FAILURES: '1' } });
    expect(api.config.webhooks.allowPrivateNetworks).toBe(false);
    const guard = api.app.get(WebhookAddressGuard);
    const systemResolve = guard.resolve.bind(guard);
    jest.spyOn(guard, 'resolve').mockImplementation(async (hostname: string): Promise<LookupAddress[]> => {
      const address = zone.get(hostname);
      if (address === undefined) return systemResolve(hostname); // localhost and the rest: the real resolver
      return [{ address, family: address.includes(':') ? 6 : 4 }];
    });
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    const { rows } = await db.query(
      `SELECT u.email, m.organisation_id FROM users u JOIN memberships m ON m.user_id = u.id
        WHERE u.email IN ('pup.admin@demo.local', 'cis.admin@demo.local')`,
    );
    pupId = rows.find((r) => r.email === 'pup.admin@demo.local').organisation_id;
    cisId = rows.find((r) => r.email === 'cis.admin@demo.local').organisation_id;
    pupAdmin = await demoClients(api.baseUrl).labourOfficeAdmin();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
    internal.closeAllConnections();
    await new Promise((resolve) => internal.close(resolve));
  });

  const endpointCount = async () =>
    Number((await db.query(`SELECT count(*) AS n FROM webhook_endpoints`)).rows[0].n as string);

  it('createWebhookEndpoint refuses internal addresses with BAD_USER_INPUT and stores nothing', async () => {
    zone.set('internal.rebinding.test', '10.20.30.40');
    const before = await endpointCount();
    for (const url of [
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://127.0.0.1:5432/',
      `http://127.0.0.1:${internalPort}/`,
      'http://[::1]:22/',
      'http://10.0.0.7/hook',
      'http://192.168.1.1/',
      'http://[::ffff:127.0.0.1]:6379/',
      'http://[fd00:ec2::254]/',
      `http://localhost:${internalPort}/`, // resolved by the real resolver
      'http://internal.rebinding.test/hook',
      `http://user:password@127.0.0.1:${internalPort}/`,
    ]) {
      const answer = await pupAdmin.request(CREATE, { input: { organisationId: pupId, url, eventTypes: [] } });
      expect([url, answer.errors?.[0]?.extensions?.code]).toEqual([url, 'BAD_USER_INPUT']);
      expect(JSON.stringify(answer.errors)).not.toContain('10.20.30.40'); // a name's address is never told
    }
    const refused = await pupAdmin.request(CREATE, {
      input: { organisationId: pupId, url: 'http://internal.rebinding.test/hook', eventTypes: [] },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'url', problems: [expect.stringContaining('resolves to an address that is not public')] }],
    });
    expect(await endpointCount()).toBe(before);
    expect(reachedInternal).toEqual([]);
  });

  it('a host that resolved to a public address at creation and to loopback at delivery gets nothing', async () => {
    const host = 'hooks.rebinding.test';
    zone.set(host, '93.184.215.14');
    const { createWebhookEndpoint: endpoint } = await pupAdmin.data(CREATE, {
      input: { organisationId: pupId, url: `http://${host}:${internalPort}/rebind`, eventTypes: ['referral.accept'] },
    });
    expect(endpoint.url).toBe(`http://${host}:${internalPort}/rebind`);
    zone.set(host, '127.0.0.1'); // the attacker's DNS now answers with our loopback

    const eventId = await commitEvent(db, 'referral.accept', payloadForEveryEventType(pupId, cisId));
    const delivery = await until('the delivery to fail for good', async () => {
      const { rows } = await db.query(`SELECT * FROM webhook_deliveries WHERE endpoint_id = $1 AND event_id = $2`, [
        endpoint.id,
        eventId,
      ]);
      return rows[0]?.status === 'FAILED' ? rows[0] : undefined;
    });
    expect(reachedInternal).toEqual([]);
    expect(delivery).toMatchObject({ attempts: 5, last_status_code: null, last_error: WEBHOOK_ERRORS.refused });

    // What the organisation's admins see: failed attempts with the neutral text, nothing the target said.
    const { webhookDeliveries } = await pupAdmin.data(DELIVERIES, { endpointId: endpoint.id });
    expect(webhookDeliveries.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      {
        id: delivery.id,
        status: 'FAILED',
        attemptCount: 5,
        lastStatusCode: null,
        lastError: WEBHOOK_ERRORS.refused,
        attempts: Array.from({ length: 5 }, () => ({ statusCode: null, error: WEBHOOK_ERRORS.refused })),
      },
    ]);
    // A refused delivery counts as a failure like any other: after WEBHOOK_DISABLE_AFTER_FAILURES the endpoint is disabled.
    const { rows } = await db.query(`SELECT active FROM webhook_endpoints WHERE id = $1`, [endpoint.id]);
    expect(rows[0].active).toBe(false);
    expect(reachedInternal).toEqual([]);
  }, 40_000);
});
