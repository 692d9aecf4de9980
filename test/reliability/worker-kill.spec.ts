import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig, QUEUES, QueueFactory } from '@app/core';
import { createTestDatabase, readTestEnvironment, TestDatabase } from '@app/testing';
import {
  Audience,
  buildEntryPoints,
  ChildHandle,
  countDeliveries,
  describeJobs,
  createExpectedTable,
  insertEvents,
  intFromEnv,
  isRunning,
  killHard,
  planEvents,
  publishReport,
  reconcilerRedispatches,
  seedAudience,
  seededRandom,
  sleep,
  splitPlan,
  startWorker,
  stillUndelivered,
  undeliveredEvents,
  undeliveredIds,
  untilNewJobActive,
  waitUntilDelivered,
  WORKER_READY,
} from './support/fault-harness';

/**
 * The notifications fault test: FAULT_NOTIFICATIONS in-app notifications
 * (default 800; `npm run test:reliability` runs 10,000) while the real worker
 * process is killed with SIGKILL FAULT_KILLS times (default 4; full run 20) at
 * random moments and restarted each time. Afterwards nothing may be lost,
 * nothing duplicated, and everything must be delivered within 60 s of the
 * last kill. Runs on the run's backing: BullMQ on PostgreSQL, or on Redis
 * with REDIS_URL (under a queue prefix private to this test).
 */
const NOTIFICATIONS = intFromEnv('FAULT_NOTIFICATIONS', 800, 10);
const KILLS = intFromEnv('FAULT_KILLS', 4, 1);
const SEED = intFromEnv('FAULT_SEED', Math.floor(Math.random() * 2 ** 31));
/** A worker lives a random 100 ms to this long (plus up to ~1 s, see below) after it reports ready, then it is killed. */
const MAX_UPTIME_MS = intFromEnv('FAULT_MAX_UPTIME_MS', 2500, 200);
const STREAM_COMMITS_PER_LIFE = 8;
const DELIVERED_WITHIN_MS = 60_000;
const BOOT_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS =
  120_000 + KILLS * (MAX_UPTIME_MS + BOOT_TIMEOUT_MS / 4) + NOTIFICATIONS * 10 + DELIVERED_WITHIN_MS;

/**
 * Short intervals, so a lost or failed job comes back within seconds: the
 * relay polls every 200 ms, the reconciler looks every 2 s at events
 * dispatched more than 10 s ago.
 */
const WORKER_ENV = {
  OUTBOX_POLL_MS: '200',
  OUTBOX_RECONCILE_EVERY_SECONDS: '2',
  OUTBOX_REDELIVER_AFTER_SECONDS: '10',
};

interface Kill {
  n: number;
  /** From spawn to "Worker running". */
  bootMs: number;
  /** From "Worker running" to SIGKILL. */
  uptimeMs: number;
  /** Delivery jobs this process had taken and that were still active when it died. */
  active: number;
  /** Of those, not delivered yet: the kill cut their delivery. */
  cut: number;
  undeliveredEvents: number;
}

describe('notifications survive a worker killed with SIGKILL', () => {
  const random = seededRandom(SEED);
  const { redisUrl } = readTestEnvironment();
  const backing = redisUrl ? 'redis' : 'postgres';
  const queuePrefix = `fault-${randomBytes(4).toString('hex')}`;
  let buildDir: string;
  let database: TestDatabase;
  let db: Client;
  let queues: QueueFactory;
  let audience: Audience;
  let worker: ChildHandle | undefined;

  beforeAll(async () => {
    buildDir = buildEntryPoints('reliability-worker-kill');
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    await createExpectedTable(db);
    audience = await seedAudience(db);
    // The test's own view of the queue, to see which jobs a kill interrupted.
    const config = loadConfig(
      { NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_URL: redisUrl, JWT_SECRET: 'x'.repeat(32) },
      { queuePrefix },
    );
    queues = new QueueFactory(config, undefined as never);
  }, 60_000);

  afterAll(async () => {
    if (worker) await killHard(worker);
    await queues?.onApplicationShutdown();
    await db?.end();
    await database?.drop();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  it(
    `${NOTIFICATIONS} notifications, ${KILLS} SIGKILLs: none lost, none duplicated, all delivered within 60 s of the last kill`,
    async () => {
      const started = Date.now();
      const logFile = join(buildDir, 'worker.log');
      const spawnWorker = () =>
        startWorker({ buildDir, databaseUrl: database.url, redisUrl, queuePrefix, logFile, env: WORKER_ENV });
      let output = '';

      // Half the events wait as a backlog; the other half streams in while the workers run and die.
      const plan = planEvents(audience, NOTIFICATIONS);
      const [backlog, live] = splitPlan(plan.counts, 2);
      const liveBatches = splitPlan(live, KILLS);
      await insertEvents(db, audience, backlog);

      const kills: Kill[] = [];
      const cut = new Set<string>();
      let lastKillAt = 0;
      let leftActive = new Set<string>();
      for (let n = 1; n <= KILLS; n++) {
        const spawnedAt = Date.now();
        worker = spawnWorker();
        await worker.waitForOutput(WORKER_READY, BOOT_TIMEOUT_MS);
        const bootMs = Date.now() - spawnedAt;
        // This life's share of the stream: half in small commits spread over a random uptime, the
        // other half committed at its end. The kill comes 0–50 ms after deliveries of it are
        // under way (or after 1 s if none start), so it finds the relay and deliveries at work.
        const uptimeMs = 100 + Math.floor(random() * (MAX_UPTIME_MS - 100));
        const [spread, last] = splitPlan(liveBatches[n - 1], 2);
        const commits = [...splitPlan(spread, STREAM_COMMITS_PER_LIFE - 1), last];
        const readyAt = Date.now();
        for (let i = 0; i < commits.length; i++) {
          await sleep(readyAt + ((i + 1) * uptimeMs) / commits.length - Date.now());
          await insertEvents(db, audience, commits[i]);
        }
        await untilNewJobActive(queues.queue(QUEUES.notifications), leftActive, 1000);
        await sleep(Math.floor(random() * 50));
        await killHard(worker);
        lastKillAt = Date.now();
        output += worker.output();

        // The process is gone: the delivery jobs it had taken and that are still active were cut off
        // by this kill (jobs an earlier kill left active, not yet taken back, are not counted again).
        const activeJobs = await queues.queue(QUEUES.notifications).getActive();
        const active = activeJobs
          .filter((job) => job.name === 'notifications.deliver' && !leftActive.has(job.id!))
          .map((job) => job.id!);
        leftActive = new Set(activeJobs.map((job) => job.id!));
        const undelivered = await stillUndelivered(db, active);
        undelivered.forEach((id) => cut.add(id));
        kills.push({
          n,
          bootMs,
          uptimeMs,
          active: active.length,
          cut: undelivered.length,
          undeliveredEvents: await undeliveredEvents(db),
        });
      }

      // The last restart: everything must be delivered within 60 s of the last kill.
      worker = spawnWorker();
      const deliveredAt = await waitUntilDelivered(db, lastKillAt + DELIVERED_WITHIN_MS);
      const counts = await countDeliveries(db);
      const recovered = cut.size - (await stillUndelivered(db, [...cut])).length;
      worker.process.kill('SIGTERM');
      await worker.exited;
      output += worker.output();
      // Jobs that stalled twice fail for good; if their event was not delivered yet, the reconciler re-dispatched it.
      const failedJobs = await queues.queue(QUEUES.notifications).getFailed();

      const report = {
        scenario: 'worker-kill',
        backing,
        seed: SEED,
        ...counts,
        kills: kills.length,
        interruptedJobs: kills.reduce((sum, kill) => sum + kill.active, 0),
        recovered,
        reconcilerRedispatches: reconcilerRedispatches(output),
        failedJobs: failedJobs.map((job) => `${job.name} ${job.id}: ${job.failedReason}`),
        deliveredWithinMsOfLastKill:
          deliveredAt === undefined ? `not within ${DELIVERED_WITHIN_MS}` : deliveredAt - lastKillAt,
        totalMs: Date.now() - started,
        killLog: kills.map(
          (k) =>
            `#${k.n} boot ${k.bootMs} ms, up ${k.uptimeMs} ms, ${k.active} active/${k.cut} cut, ${k.undeliveredEvents} pending`,
        ),
      };
      const stuck = await undeliveredIds(db);
      if (stuck.length > 0) Object.assign(report, { stuckJobs: await describeJobs(queues, stuck) });
      publishReport(report);

      expect(report.lost).toBe(0);
      expect(report.duplicated).toBe(0);
      expect(report.unexpected).toBe(0);
      expect(report.eventsOverAudience).toBe(0);
      expect(report.expected).toBe(NOTIFICATIONS);
      expect(report.delivered).toBe(NOTIFICATIONS);
      expect(report.kills).toBeGreaterThanOrEqual(KILLS);
      expect(deliveredAt).toBeDefined();
      expect(report.recovered).toBe(cut.size);
      expect(isRunning(worker)).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );
});
