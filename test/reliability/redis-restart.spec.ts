import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@app/testing';
import {
  Audience,
  buildEntryPoints,
  ChildHandle,
  countDeliveries,
  createExpectedTable,
  dispatchedUndelivered,
  freePort,
  insertEvents,
  intFromEnv,
  isRunning,
  killHard,
  planEvents,
  publishReport,
  reconcilerRedispatches,
  redisServerAvailable,
  seedAudience,
  seededRandom,
  sleep,
  splitPlan,
  startRedis,
  startWorker,
  stillUndelivered,
  undeliveredEvents,
  waitUntilDelivered,
  WORKER_READY,
} from './support/fault-harness';

/**
 * The second fault run: Redis restarted without persistence while the worker
 * delivers. Every job on the queue is gone with it (and so is the reconciler's
 * own job scheduler); the outbox still says which events were dispatched and
 * not delivered, and the reconciler must dispatch them again: nothing lost,
 * nothing duplicated. Runs on a private `redis-server` (no RDB, no AOF,
 * noeviction) owned by this test, whatever backing the rest of the run uses;
 * skipped, saying so, when there is no `redis-server` on PATH.
 */
const NOTIFICATIONS = intFromEnv('FAULT_NOTIFICATIONS', 800, 10);
const SEED = intFromEnv('FAULT_SEED', Math.floor(Math.random() * 2 ** 31));
const DELIVERED_WITHIN_MS = 60_000;
const TEST_TIMEOUT_MS = 120_000 + NOTIFICATIONS * 10 + DELIVERED_WITHIN_MS;
const WORKER_ENV = {
  OUTBOX_POLL_MS: '200',
  OUTBOX_RECONCILE_EVERY_SECONDS: '1',
  OUTBOX_REDELIVER_AFTER_SECONDS: '3',
};

const available = redisServerAvailable();
if (!available) {
  console.warn('redis-restart fault test SKIPPED: no redis-server on PATH (CI installs it for its Redis phase)');
}

(available ? describe : describe.skip)('notifications survive Redis restarted without persistence', () => {
  const random = seededRandom(SEED);
  let buildDir: string;
  let database: TestDatabase;
  let db: Client;
  let audience: Audience;
  let redisPort: number;
  let redis: ChildHandle | undefined;
  let worker: ChildHandle | undefined;

  beforeAll(async () => {
    buildDir = buildEntryPoints('reliability-redis-restart');
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    await createExpectedTable(db);
    audience = await seedAudience(db);
    redisPort = await freePort();
  }, 60_000);

  afterAll(async () => {
    if (worker) await killHard(worker);
    if (redis) await killHard(redis);
    await db?.end();
    await database?.drop();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  it(
    `${NOTIFICATIONS} notifications, Redis wiped mid-way: none lost (the reconciler), none duplicated`,
    async () => {
      const started = Date.now();
      const redisDir = join(buildDir, 'redis');
      const redisLog = join(buildDir, 'redis.log');
      redis = await startRedis(redisPort, redisDir, redisLog);

      const plan = planEvents(audience, NOTIFICATIONS);
      const [backlog, live] = splitPlan(plan.counts, 2);
      const [duringOutage, afterRestart] = splitPlan(live, 2);
      await insertEvents(db, audience, backlog);

      worker = startWorker({
        buildDir,
        databaseUrl: database.url,
        redisUrl: `redis://127.0.0.1:${redisPort}`,
        queuePrefix: `fault-${randomBytes(4).toString('hex')}`,
        logFile: join(buildDir, 'worker.log'),
        env: WORKER_ENV,
      });
      await worker.waitForOutput(WORKER_READY, 60_000);

      // Mid-way: once a random share (20–60 %) of the backlog is delivered.
      const backlogEvents = backlog.send + backlog.accept + backlog.withdrawn;
      const wipeWhenPending = Math.round(backlogEvents * (1 - (0.2 + random() * 0.4)));
      const deadline = Date.now() + 60_000;
      while ((await undeliveredEvents(db)) > wipeWhenPending && Date.now() < deadline) await sleep(20);

      await killHard(redis);
      const wipedAt = Date.now();
      await insertEvents(db, audience, duringOutage);
      await sleep(Math.max(0, wipedAt + 1000 + Math.floor(random() * 1500) - Date.now()));
      // Deliveries that were inside their database transaction have committed by now; what was
      // dispatched before the wipe and is still undelivered had its job in the Redis that died. (Events
      // the relay dispatches during the outage are not lost: ioredis holds their jobs until Redis is back.)
      const lostWithQueue = await dispatchedUndelivered(db, new Date(wipedAt));
      redis = await startRedis(redisPort, redisDir, redisLog);
      const restartedAt = Date.now();
      await insertEvents(db, audience, afterRestart);

      const deliveredAt = await waitUntilDelivered(db, restartedAt + DELIVERED_WITHIN_MS);
      const counts = await countDeliveries(db);
      const recovered = lostWithQueue.length - (await stillUndelivered(db, lostWithQueue)).length;
      worker.process.kill('SIGTERM');
      await worker.exited;
      const output = worker.output();

      const report = {
        scenario: 'redis-restart',
        backing: 'redis',
        redis: 'private redis-server: no RDB, no AOF, noeviction; SIGKILLed and started empty',
        seed: SEED,
        ...counts,
        lostWithQueue: lostWithQueue.length,
        recovered,
        reconcilerRedispatches: reconcilerRedispatches(output),
        redisDownMs: restartedAt - wipedAt,
        deliveredWithinMsOfRestart:
          deliveredAt === undefined ? `not within ${DELIVERED_WITHIN_MS}` : deliveredAt - restartedAt,
        totalMs: Date.now() - started,
      };
      publishReport(report);

      expect(report.lost).toBe(0);
      expect(report.duplicated).toBe(0);
      expect(report.unexpected).toBe(0);
      expect(report.eventsOverAudience).toBe(0);
      expect(report.expected).toBe(NOTIFICATIONS);
      expect(report.delivered).toBe(NOTIFICATIONS);
      expect(deliveredAt).toBeDefined();
      // The wipe did cost jobs, and it was the reconciler that brought them back.
      expect(report.lostWithQueue).toBeGreaterThan(0);
      expect(report.recovered).toBe(report.lostWithQueue);
      expect(report.reconcilerRedispatches).toBeGreaterThan(0);
      expect(isRunning(worker)).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );
});
