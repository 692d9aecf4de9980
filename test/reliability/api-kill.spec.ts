import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, GraphQLClient, readTestEnvironment, TestDatabase } from '@app/testing';
import {
  buildEntryPoints,
  ChildHandle,
  freePort,
  intFromEnv,
  killHard,
  seededRandom,
  sleep,
  spawnChild,
} from './support/fault-harness';

/**
 * The API killed between commit and enqueue: the real API entry point, running
 * the worker in its own process as the embedded default does (so the relay
 * that enqueues dies with it), takes a burst of `createReferral(send: true)`
 * and is SIGKILLed at a random moment, API_KILLS times, restarted each time.
 * Afterwards every referral the database holds as SENT — acknowledged or not —
 * must have its `referral.send` event, delivered to every CIS caseworker once,
 * within 60 s; and every acknowledged referral must be there.
 */
const KILLS = intFromEnv('API_KILLS', 3, 1);
const REFERRALS_PER_LIFE = intFromEnv('API_KILL_REFERRALS', 60, 5);
const SEED = intFromEnv('FAULT_SEED', Math.floor(Math.random() * 2 ** 31));
const CONCURRENCY = 8;
const DELIVERED_WITHIN_MS = 60_000;
const BOOT_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 60_000 + (KILLS + 1) * (BOOT_TIMEOUT_MS / 2 + 5_000) + DELIVERED_WITHIN_MS;
const JWT_SECRET = 'api-kill-secret-api-kill-secret-0123456789';

const CREATE_AND_SEND = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id status } }`;

interface Life {
  n: number;
  acknowledged: number;
  failed: number;
  /** Outbox events committed but not yet on the queue when the process died: what this test is about. */
  undispatchedAtKill: number;
}

describe('referrals survive the API killed between commit and enqueue', () => {
  const random = seededRandom(SEED);
  const { redisUrl } = readTestEnvironment();
  const queuePrefix = `apikill-${randomBytes(4).toString('hex')}`;
  let buildDir: string;
  let database: TestDatabase;
  let db: Client;
  let api: ChildHandle | undefined;
  let baseUrl = '';
  const logFile = () => join(buildDir, 'api.log');

  async function startApi(): Promise<void> {
    const port = await freePort();
    api = spawnChild(
      process.execPath,
      [join(buildDir, 'apps/api/src/main.js')],
      {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: database.url,
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
        QUEUE_PREFIX: queuePrefix,
        RUN_WORKER: 'true',
        JWT_SECRET,
        DATA_DIR: join(buildDir, 'data'),
        SEED_DEMO_DATA: 'true',
        LOG_LEVEL: 'info',
        OUTBOX_POLL_MS: '200',
        OUTBOX_RECONCILE_EVERY_SECONDS: '2',
        OUTBOX_REDELIVER_AFTER_SECONDS: '10',
      },
      logFile(),
    );
    await api.waitForOutput(/GraphQL on http/, BOOT_TIMEOUT_MS);
    baseUrl = `http://127.0.0.1:${port}`;
  }

  beforeAll(async () => {
    buildDir = buildEntryPoints('reliability-api-kill');
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    if (api) await killHard(api);
    await db?.end();
    await database?.drop();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  /** Participants of the labour office, each with a REFERRAL consent to the CIS. */
  async function participantsWithConsent(count: number): Promise<{ cis: string; ids: string[] }> {
    const { rows } = await db.query<{ cis: string; ids: string[] }>(
      `WITH who AS (
         SELECT u.id AS user_id, m.organisation_id AS pup,
                (SELECT m2.organisation_id FROM memberships m2 JOIN users u2 ON u2.id = m2.user_id
                  WHERE u2.email = 'cis.caseworker@demo.local') AS cis
           FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = 'pup.caseworker@demo.local'
       ), p AS (
         INSERT INTO participants (owner_organisation_id, registered_by_user_id)
         SELECT who.pup, who.user_id FROM who, generate_series(1, $1) RETURNING id
       ), c AS (
         INSERT INTO consents (participant_id, granted_to_organisation_id, purposes, data_categories, valid_from,
                               evidence_method, collected_by_user_id, recorded_by_organisation_id)
         SELECT p.id, who.cis, '{REFERRAL}', '{IDENTITY,EMPLOYMENT}', current_date - 1, 'PAPER_SIGNATURE',
                who.user_id, who.pup FROM p, who
       )
       SELECT (SELECT cis FROM who) AS cis, array_agg(p.id) AS ids FROM p`,
      [count],
    );
    return rows[0];
  }

  it(
    `${KILLS} SIGKILLs of the API during bursts of sends: every committed referral is announced once`,
    async () => {
      await startApi(); // the first boot seeds the demo data
      const { cis, ids } = await participantsWithConsent(KILLS * REFERRALS_PER_LIFE);
      const acknowledged = new Set<string>();
      const lives: Life[] = [];
      for (let n = 1; n <= KILLS; n++) {
        if (n > 1) await startApi();
        const client = await GraphQLClient.login(baseUrl, 'pup.caseworker@demo.local');
        const batch = ids.slice((n - 1) * REFERRALS_PER_LIFE, n * REFERRALS_PER_LIFE);
        const life: Life = { n, acknowledged: 0, failed: 0, undispatchedAtKill: 0 };
        let next = 0;
        const sender = async () => {
          while (next < batch.length) {
            const participantId = batch[next++];
            try {
              const result = await client.request(CREATE_AND_SEND, {
                input: {
                  participantId,
                  toOrganisationId: cis,
                  reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
                  reason: 'Test odporności',
                  send: true,
                },
              });
              const referral = result.data?.createReferral as { id: string; status: string } | undefined;
              if (referral?.status !== 'SENT') throw new Error(JSON.stringify(result.errors));
              acknowledged.add(referral.id);
              life.acknowledged++;
            } catch {
              life.failed++; // the process died under it: outcome unknown to the client
            }
          }
        };
        const senders = Array.from({ length: CONCURRENCY }, sender);
        // Kill once the burst is under way (a first send acknowledged), at a random point of it.
        const underWay = Date.now();
        while (life.acknowledged === 0 && life.failed === 0 && Date.now() - underWay < 20_000) await sleep(10);
        await sleep(random() * 600);
        await killHard(api!);
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox WHERE event_type = 'referral.send' AND dispatched_at IS NULL`,
        );
        life.undispatchedAtKill = rows[0].n;
        await Promise.all(senders);
        lives.push(life);
      }

      // One more life, left alone: its relay must pick up whatever the dead ones committed.
      const lastKill = Date.now();
      await startApi();
      const audience = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM memberships m JOIN users u ON u.id = m.user_id AND u.disabled_at IS NULL
          WHERE m.organisation_id = $1 AND m.role IN ('CASEWORKER', 'COORDINATOR')`,
        [cis],
      );
      const recipients = audience.rows[0].n;
      expect(recipients).toBeGreaterThan(0);

      let report: Record<string, unknown>;
      for (;;) {
        const { rows } = await db.query<{
          sent: number;
          events: number;
          sent_without_event: number;
          undelivered: number;
          missing_notifications: number;
          duplicated: number;
        }>(
          `WITH sent AS (SELECT id FROM referrals WHERE participant_id = ANY ($1::uuid[]) AND status = 'SENT'),
                events AS (SELECT o.* FROM outbox o JOIN sent s ON s.id = o.aggregate_id
                            WHERE o.event_type = 'referral.send')
           SELECT (SELECT count(*)::int FROM sent) AS sent,
                  (SELECT count(*)::int FROM events) AS events,
                  (SELECT count(*)::int FROM sent s WHERE NOT EXISTS
                     (SELECT 1 FROM events e WHERE e.aggregate_id = s.id)) AS sent_without_event,
                  (SELECT count(*)::int FROM events WHERE delivered_at IS NULL) AS undelivered,
                  (SELECT count(*)::int FROM events e WHERE
                     (SELECT count(*) FROM notifications n WHERE n.event_id = e.id) < $2) AS missing_notifications,
                  (SELECT count(*)::int FROM events e WHERE
                     (SELECT count(*) FROM notifications n WHERE n.event_id = e.id) > $2) AS duplicated`,
          [ids, recipients],
        );
        report = { ...rows[0], recipientsPerEvent: recipients, acknowledged: acknowledged.size, lives, seed: SEED };
        if (rows[0].undelivered === 0 && rows[0].missing_notifications === 0) break;
        if (Date.now() - lastKill > DELIVERED_WITHIN_MS) break;
        await sleep(200);
      }
      report.deliveredAfterLastKillMs = Date.now() - lastKill;
      console.log(`API-kill fault test report:\n${JSON.stringify(report, null, 2)}`);

      const { rows: ackRows } = await db.query<{ id: string }>(
        `SELECT id FROM referrals WHERE id = ANY ($1::uuid[]) AND status = 'SENT'`,
        [[...acknowledged]],
      );
      expect(ackRows).toHaveLength(acknowledged.size); // an acknowledged send is durable
      expect(acknowledged.size).toBeGreaterThan(0);
      expect(report).toMatchObject({
        sent_without_event: 0, // the event commits with the change, or neither does
        undelivered: 0,
        missing_notifications: 0,
        duplicated: 0,
      });
      expect(report.events).toBe(report.sent);
      expect(report.deliveredAfterLastKillMs as number).toBeLessThanOrEqual(DELIVERED_WITHIN_MS);
    },
    TEST_TIMEOUT_MS,
  );
});
