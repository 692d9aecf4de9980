import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { Queue } from 'bullmq';
import { QUEUES, QueueFactory } from '@app/core';

/**
 * Shared by the fault tests: the real worker entry point built into a private
 * folder and run as a child process, a small audience whose expected inbox is
 * known in advance, set-based outbox inserts, and the report computed from
 * the data rather than from what the worker says about itself (its log is read
 * only for the reconciler's own count).
 */
export const ROOT = join(__dirname, '..', '..', '..');

export function intFromEnv(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A small seeded generator (mulberry32), so a failing run can be repeated with FAULT_SEED. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `npm run build`'s swc step into a private folder under .tmp (the checkout's dist/ is left alone). */
export function buildEntryPoints(label: string): string {
  const dir = join(ROOT, '.tmp', `${label}-${process.pid}-${randomBytes(3).toString('hex')}`);
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/@swc/cli/bin/swc.js'), 'apps', 'libs', '-d', dir, '--quiet'],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
  return dir;
}

export interface ChildHandle {
  process: ChildProcess;
  exited: Promise<void>;
  output(): string;
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
}

/**
 * Spawns a process whose output is kept (in memory, for the report and for
 * failures, and appended to `logFile`). `exited` resolves when it is gone.
 */
export function spawnChild(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildHandle {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    appendFileSync(logFile, text);
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    process: child,
    exited,
    output: () => output,
    waitForOutput: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output.slice(-4000)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        exited.then(() => {
          if (pattern.test(output)) return;
          cleanup();
          reject(new Error(`exited before printing ${pattern}:\n${output.slice(-4000)}`));
        }, reject);
        check();
      }),
  };
}

export function isRunning(child: ChildHandle | undefined): child is ChildHandle {
  return !!child && child.process.exitCode === null && child.process.signalCode === null;
}

/** SIGKILL, and wait until the kernel has reaped it (its connections are gone). */
export async function killHard(child: ChildHandle): Promise<void> {
  if (isRunning(child)) child.process.kill('SIGKILL');
  await child.exited;
}

export interface WorkerSettings {
  buildDir: string;
  databaseUrl: string;
  redisUrl?: string;
  queuePrefix: string;
  logFile: string;
  env?: Record<string, string>;
}

/** The real worker entry point (`apps/worker/src/main.js`), as `npm run start:worker` runs it. */
export function startWorker(settings: WorkerSettings): ChildHandle {
  return spawnChild(
    process.execPath,
    [join(settings.buildDir, 'apps/worker/src/main.js')],
    {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      WORKER_PORT: '0',
      DATABASE_URL: settings.databaseUrl,
      ...(settings.redisUrl ? { REDIS_URL: settings.redisUrl } : {}),
      QUEUE_PREFIX: settings.queuePrefix,
      JWT_SECRET: 'fault-test-secret-fault-test-secret-0123456789',
      DATA_DIR: join(settings.buildDir, 'data'),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: '5000',
      ...settings.env,
    },
    settings.logFile,
  );
}

export const WORKER_READY = /Worker running/;

/** Sum of N over the worker's "reconciler: N undelivered outbox events re-dispatched" lines. */
export function reconcilerRedispatches(output: string): number {
  let total = 0;
  for (const match of output.matchAll(/reconciler: (\d+) undelivered outbox events re-dispatched/g)) {
    total += Number(match[1]);
  }
  return total;
}

// ---------------------------------------------------------------------------
// The audience and the events

/**
 * Three organisations whose members are chosen so that each event type's
 * audience is known, including people who must NOT be notified (an auditor,
 * a disabled caseworker, partner admins for referral events).
 */
export interface Audience {
  /** referral.send to SOLO: its caseworker. */
  send: { organisationId: string; userIds: string[] };
  /** referral.accept from TEAM: its caseworkers and coordinator. */
  accept: { organisationId: string; userIds: string[] };
  /** consent.withdrawn to SOLO and TEAM: their caseworkers, coordinators and partner admins. */
  withdrawn: { organisationIds: string[]; userIds: string[] };
}

export async function seedAudience(db: Client): Promise<Audience> {
  const tag = randomBytes(3).toString('hex');
  const organisation = async (name: string, kind: string): Promise<string> => {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO organisations (kind, name) VALUES ($1, $2) RETURNING id`,
      [kind, `${name} ${tag}`],
    );
    return rows[0].id;
  };
  const member = async (organisationId: string, role: string, label: string, disabled = false): Promise<string> => {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO users (email, display_name, password_hash, disabled_at)
       VALUES ($1, $2, 'not-a-login', CASE WHEN $3 THEN now() END) RETURNING id`,
      [`${label}.${tag}@fault.test`, label, disabled],
    );
    await db.query(`INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, $3)`, [
      rows[0].id,
      organisationId,
      role,
    ]);
    return rows[0].id;
  };

  const solo = await organisation('Fault test labour office', 'LABOUR_OFFICE');
  const soloCaseworker = await member(solo, 'CASEWORKER', 'solo-caseworker');
  const soloAdmin = await member(solo, 'PARTNER_ADMIN', 'solo-admin');
  await member(solo, 'AUDITOR', 'solo-auditor');

  const team = await organisation('Fault test integration centre', 'SOCIAL_INTEGRATION_CENTRE');
  const teamCasework = [
    await member(team, 'CASEWORKER', 'team-caseworker-1'),
    await member(team, 'CASEWORKER', 'team-caseworker-2'),
    await member(team, 'COORDINATOR', 'team-coordinator'),
  ];
  const teamAdmin = await member(team, 'PARTNER_ADMIN', 'team-admin');
  await member(team, 'CASEWORKER', 'team-caseworker-disabled', true);
  await member(team, 'AUDITOR', 'team-auditor');

  // Hears nothing: it is in no event's audience.
  const bystander = await organisation('Fault test NGO', 'NGO');
  await member(bystander, 'CASEWORKER', 'bystander-caseworker');

  return {
    send: { organisationId: solo, userIds: [soloCaseworker] },
    accept: { organisationId: team, userIds: teamCasework },
    withdrawn: { organisationIds: [solo, team], userIds: [soloCaseworker, soloAdmin, ...teamCasework, teamAdmin] },
  };
}

export type EventKind = 'send' | 'accept' | 'withdrawn';

export interface EventPlan {
  counts: Record<EventKind, number>;
  events: number;
  notifications: number;
}

/**
 * Events whose audiences add up to exactly `notifications` in-app
 * notifications: whole rounds of (send, accept, withdrawn), the remainder as
 * single-recipient sends.
 */
export function planEvents(audience: Audience, notifications: number): EventPlan {
  if (audience.send.userIds.length !== 1) throw new Error('the remainder needs a single-recipient event');
  const perRound = audience.send.userIds.length + audience.accept.userIds.length + audience.withdrawn.userIds.length;
  const rounds = Math.floor(notifications / perRound);
  const rest = notifications - rounds * perRound;
  const counts = { send: rounds + rest, accept: rounds, withdrawn: rounds };
  return { counts, events: counts.send + counts.accept + counts.withdrawn, notifications };
}

/** Splits a plan into `parts` batches of (nearly) equal size, every kind spread over all of them. */
export function splitPlan(counts: Record<EventKind, number>, parts: number): Record<EventKind, number>[] {
  const batches = Array.from({ length: parts }, () => ({ send: 0, accept: 0, withdrawn: 0 }));
  for (const kind of ['send', 'accept', 'withdrawn'] as const) {
    for (let i = 0; i < parts; i++) {
      batches[i][kind] = Math.floor(counts[kind] / parts) + (i < counts[kind] % parts ? 1 : 0);
    }
  }
  return batches;
}

/** The oracle: which (event, user) pairs must end up as notifications. Created once per test database. */
export async function createExpectedTable(db: Client): Promise<void> {
  await db.query(
    `CREATE TABLE fault_expected (event_id uuid NOT NULL, user_id uuid NOT NULL, PRIMARY KEY (event_id, user_id))`,
  );
}

/**
 * Commits `count` events of one kind and their expected recipients in one
 * statement (payloads carry ids only, as the real writers' do). The outbox
 * trigger NOTIFYs the relay once.
 */
async function insertKind(db: Client, audience: Audience, kind: EventKind, count: number): Promise<void> {
  if (count === 0) return;
  const [eventType, payload, userIds] =
    kind === 'send'
      ? ['referral.send', { toOrganisationId: audience.send.organisationId }, audience.send.userIds]
      : kind === 'accept'
        ? ['referral.accept', { fromOrganisationId: audience.accept.organisationId }, audience.accept.userIds]
        : [
            'consent.withdrawn',
            { notifyOrganisationIds: audience.withdrawn.organisationIds },
            audience.withdrawn.userIds,
          ];
  await db.query(
    `WITH events AS (
       INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
       SELECT $1, $2, gen_random_uuid(), $3::jsonb FROM generate_series(1, $4::int)
       RETURNING id
     )
     INSERT INTO fault_expected (event_id, user_id)
     SELECT events.id, recipient FROM events CROSS JOIN unnest($5::uuid[]) AS recipient`,
    [eventType, kind === 'withdrawn' ? 'consent' : 'referral', JSON.stringify(payload), count, userIds],
  );
}

export async function insertEvents(db: Client, audience: Audience, batch: Record<EventKind, number>): Promise<void> {
  for (const kind of ['send', 'accept', 'withdrawn'] as const) await insertKind(db, audience, kind, batch[kind]);
}

export async function undeliveredEvents(db: Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE delivered_at IS NULL`);
  return rows[0].n;
}

/** Events dispatched to the queue and not delivered: what a wiped queue loses. */
export async function dispatchedUndelivered(db: Client, dispatchedBefore?: Date): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM outbox WHERE dispatched_at IS NOT NULL AND delivered_at IS NULL
        AND ($1::timestamptz IS NULL OR dispatched_at < $1::timestamptz)`,
    [dispatchedBefore ?? null],
  );
  return rows.map((r) => r.id);
}

/** Of the given events, those not delivered yet. */
export async function stillUndelivered(db: Client, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM outbox WHERE id = ANY ($1::uuid[]) AND delivered_at IS NULL`,
    [ids],
  );
  return rows.map((r) => r.id);
}

/** Polls until every event is delivered; returns when that happened, or undefined at the deadline. */
export async function waitUntilDelivered(db: Client, deadline: number): Promise<number | undefined> {
  for (;;) {
    if ((await undeliveredEvents(db)) === 0) return Date.now();
    if (Date.now() > deadline) return undefined;
    await sleep(200);
  }
}

// ---------------------------------------------------------------------------
// The report

export interface DeliveryCounts {
  /** Expected (event, user) notifications. */
  expected: number;
  events: number;
  /** Notification rows in the inbox. */
  delivered: number;
  /** Expected pairs with no notification. */
  lost: number;
  /** Notification rows beyond the first for the same (event, user). */
  duplicated: number;
  /** Notifications for someone outside the event's audience. */
  unexpected: number;
  /** Events with more notifications than audience members. */
  eventsOverAudience: number;
  /** Events whose delivery transaction committed more than once (outbox.attempts > 1). */
  redelivered: number;
  maxAttempts: number;
  undeliveredEvents: number;
}

export async function countDeliveries(db: Client): Promise<DeliveryCounts> {
  const { rows } = await db.query(`
    SELECT
      (SELECT count(*) FROM fault_expected)::int AS expected,
      (SELECT count(*) FROM outbox)::int AS events,
      (SELECT count(*) FROM notifications)::int AS delivered,
      (SELECT count(*) FROM fault_expected e
        WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_id = e.event_id AND n.user_id = e.user_id))::int AS lost,
      (SELECT COALESCE(sum(n - 1), 0) FROM (
         SELECT count(*) AS n FROM notifications GROUP BY event_id, user_id HAVING count(*) > 1) d)::int AS duplicated,
      (SELECT count(*) FROM notifications n
        WHERE NOT EXISTS (SELECT 1 FROM fault_expected e WHERE e.event_id = n.event_id AND e.user_id = n.user_id))::int AS unexpected,
      (SELECT count(*) FROM (
         SELECT n.event_id FROM notifications n GROUP BY n.event_id
         HAVING count(*) > (SELECT count(*) FROM fault_expected e WHERE e.event_id = n.event_id)) o)::int AS "eventsOverAudience",
      (SELECT count(*) FROM outbox WHERE attempts > 1)::int AS redelivered,
      (SELECT COALESCE(max(attempts), 0) FROM outbox)::int AS "maxAttempts",
      (SELECT count(*) FROM outbox WHERE delivered_at IS NULL)::int AS "undeliveredEvents"`);
  return rows[0] as DeliveryCounts;
}

export type FaultReport = DeliveryCounts & {
  scenario: string;
  backing: string;
  seed: number;
  /** Events whose job was lost or cut by a fault while undelivered, and that were delivered in the end. */
  recovered: number;
  [key: string]: unknown;
};

/** Prints the report and writes it as JSON and markdown under .tmp/reliability/. */
export function publishReport(report: FaultReport): string {
  const dir = join(ROOT, '.tmp', 'reliability');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = join(dir, `${report.scenario}-${report.backing}-${stamp}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  const entries = Object.entries(report);
  const markdown = [
    `# Fault test: ${report.scenario} (${report.backing})`,
    '',
    '| measure | value |',
    '| --- | --- |',
    ...entries.map(([key, value]) => `| ${key} | ${Array.isArray(value) ? value.join('<br>') : String(value)} |`),
    '',
  ];
  writeFileSync(`${base}.md`, markdown.join('\n'));
  const width = Math.max(...entries.map(([key]) => key.length));
  const text = entries
    .map(([key, value]) =>
      Array.isArray(value)
        ? `  ${key}:${value.map((item) => `\n    ${String(item)}`).join('')}`
        : `  ${key.padEnd(width)}  ${String(value)}`,
    )
    .join('\n');
  console.log(`fault test report — ${report.scenario} on ${report.backing}\n${text}\n  (written to ${base}.json, .md)`);
  return base;
}

// ---------------------------------------------------------------------------
// A private Redis without persistence

export function redisServerAvailable(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

/** `redis-server` in the foreground, owned by the test: no RDB, no AOF, noeviction. */
export async function startRedis(port: number, dir: string, logFile: string): Promise<ChildHandle> {
  mkdirSync(dir, { recursive: true });
  const redis = spawnChild(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
      '--dir',
      dir,
    ],
    { PATH: process.env.PATH ?? '' },
    logFile,
  );
  await redis.waitForOutput(/Ready to accept connections/, 15_000);
  return redis;
}

/**
 * Returns once the queue has an active job other than `stale` (those a killed
 * worker left behind), or after `timeoutMs`.
 */
export async function untilNewJobActive(queue: Queue, stale: ReadonlySet<string>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await queue.getActive()).some((job) => !stale.has(job.id!))) return;
    await sleep(5);
  }
}

/** For a failure message: where the jobs of undelivered events are (state, attempts, stalls, failure). */
export async function describeJobs(queues: QueueFactory, eventIds: readonly string[], limit = 10): Promise<string[]> {
  const queue = queues.queue(QUEUES.notifications);
  const described: string[] = [];
  for (const id of eventIds.slice(0, limit)) {
    const job = await queue.getJob(id);
    if (!job) {
      described.push(`${id}: no job`);
      continue;
    }
    described.push(
      `${id}: ${await job.getState()}, attemptsMade ${job.attemptsMade}, stalled ${job.stalledCounter}` +
        (job.failedReason ? `, failed: ${job.failedReason}` : ''),
    );
  }
  return described;
}

export async function undeliveredIds(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM outbox WHERE delivered_at IS NULL`);
  return rows.map((r) => r.id);
}
