/**
 * Notification figures (issue 6): latency from an outbox commit to the in-app
 * notification, and how many events per second the worker delivers; each
 * against bare BullMQ on the same backing and concurrency, in this run.
 *
 * Each side's worker runs in a process of its own (notification-workers.ts,
 * forked from the bench build), as the worker does in production: ours is the
 * worker's relay (OutboxRelayService) and delivery (NotificationDeliveryService)
 * booted from the production modules on the bench database and backing, with
 * the worker's concurrency; the baseline is a bare BullMQ worker, same queue
 * factory and concurrency. This process only generates the load, subscribes to
 * the live bus and takes the times. The scheduled jobs (reconciler, expiry
 * reminders, referral sweep) are left out: they are not on the path of an
 * event, and a sweep over the generated data would add events of its own.
 */
import { ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { INestApplicationContext, Module } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, OutboxEvent, QUEUES, QueueFactory, QueueName } from '@app/core';
import {
  CHANNEL_JOB_OPTIONS,
  NotificationBus,
  NotificationBusModule,
  NotificationDeliveryService,
  OutboxRow,
} from '@app/notifications';
import { BenchContext, Figure, FigureGroup } from '../figure';
import {
  CapturedStatement,
  benchConfig,
  captureStatements,
  latencySummary,
  millis,
  num,
  paced,
  processCpuMs,
  sleep,
  startContext,
  waitFor,
} from './in-process';
import { BARE_QUEUE, FromWorker, ToWorker, WorkerMode } from './notification-workers';

/** Events per second of the latency figures. */
const RATE = 200;
/** Events (jobs) at most per throughput round, by scale. */
const BATCH = { small: 2500, medium: 5000, large: 5000 } as const;
/** A throughput round is sized to last about this long on our side (the PostgreSQL backing is slower). */
const ROUND_TARGET_SECONDS = 5;
/** Figure and baseline run in alternating rounds, so the machine's load of the moment weighs on both alike. */
const ROUNDS = 2;
/** Slack allowed over bare BullMQ's p99 (issue 6, on Redis). */
const LATENCY_SLACK_MS = 40;

interface Audience {
  fromOrganisationId: string;
  toOrganisationId: string;
}

interface LatencyRound {
  samples: number[];
  missing: number;
  /** Events per second that came out: from the first sent to the last arrived (below RATE: saturated, latency is queueing). */
  delivered: number;
  /** CPU time of the side's worker process over the round, ms (undefined where /proc is unreadable). */
  workerCpuMs?: number;
  /** Server-side stages of our events (ms): commit → relay pass, relay pass → delivery statement. */
  toRelay?: number[];
  toDelivery?: number[];
}

interface ThroughputRound {
  events: number;
  seconds: number;
  notifications: number;
  workerCpuMs?: number;
}

/** The bench process's own use of the delivery code: to capture the statements the baseline replays. */
@Module({ imports: [NotificationBusModule], providers: [NotificationDeliveryService] })
class CaptureModule {}

export const notificationFigures: FigureGroup = async (context) => {
  const admin = new Pool({ connectionString: context.databaseUrl, max: 2 });
  // Every outbox row (and so notification) these figures create names one of these aggregates.
  const aggregates: string[] = [];
  let app: INestApplicationContext | undefined;
  let ours: Pipeline | undefined;
  let bare: BareQueue | undefined;
  try {
    await clearBacklog(admin, context);
    const audience: Audience = {
      fromOrganisationId: context.senderCaseworker.organisationId,
      toOrganisationId: context.partnerCaseworker.organisationId,
    };
    const config = benchConfig(context);
    // The workers' environment: the API's (database, backing), the figures' own queue prefix.
    const env = { ...context.apiEnvironment, LOG_LEVEL: 'warn', BENCH_QUEUE_PREFIX: config.queuePrefix };
    app = await startContext(config, context, [CaptureModule]);
    ours = await Pipeline.start(context, app, admin, audience, aggregates, env);
    bare = await BareQueue.start(context, app, admin, await ours.captureDelivery(), env);

    const seconds = Math.max(10, context.loadSeconds);
    const roundMs = (seconds * 1000) / ROUNDS;
    context.log(
      `notifications: latency at ${RATE}/s, ours vs bare BullMQ, ${ROUNDS} alternating rounds of ${roundMs / 1000} s`,
    );
    await ours.latency(1000);
    await bare.latency(1000);
    const latency = { ours: [] as LatencyRound[], bare: [] as LatencyRound[] };
    for (let i = 0; i < ROUNDS; i++) {
      latency.ours.push(await ours.latency(roundMs));
      latency.bare.push(await bare.latency(roundMs));
    }

    // A first small batch each warms up and tells how big a round our side gets through in ROUND_TARGET_SECONDS.
    const probe = await ours.throughput(500);
    await bare.throughput(500);
    const size = Math.max(
      500,
      Math.min(BATCH[context.scale], Math.round((probe.events / probe.seconds) * ROUND_TARGET_SECONDS)),
    );
    context.log(`notifications: throughput, ours vs bare, ${ROUNDS} alternating rounds of ${num(size)} events`);
    const throughput = { ours: [] as ThroughputRound[], bare: [] as ThroughputRound[] };
    for (let i = 0; i < ROUNDS; i++) {
      throughput.ours.push(await ours.throughput(size));
      throughput.bare.push(await bare.throughput(size));
    }
    return [
      latencyFigure(context, config, seconds, latency.ours, latency.bare),
      throughputFigure(config, throughput.ours, throughput.bare, bare.statements),
    ];
  } finally {
    await bare
      ?.close()
      .catch((error: Error) => context.log(`notifications: closing the bare worker: ${error.message}`));
    await ours?.close().catch((error: Error) => context.log(`notifications: closing our worker: ${error.message}`));
    await app?.close().catch((error: Error) => context.log(`notifications: closing the context: ${error.message}`));
    await removeEvents(admin, aggregates, context).catch((error: Error) =>
      context.log(`notifications: clean-up failed: ${error.message}`),
    );
    await admin.end();
  }
};

/**
 * Events left undelivered (by the data generator, the write figures) would be
 * a backlog in front of the measured ones: they are marked delivered, unsent.
 */
async function clearBacklog(admin: Pool, context: BenchContext): Promise<void> {
  const { rowCount } = await admin.query(
    `UPDATE outbox SET dispatched_at = COALESCE(dispatched_at, now()), delivered_at = now() WHERE delivered_at IS NULL`,
  );
  if (rowCount) context.log(`notifications: ${num(rowCount)} undelivered outbox events marked delivered first`);
}

function referralSent(audience: Audience, aggregateId: string): OutboxEvent {
  return {
    type: 'referral.send',
    aggregateType: 'referral',
    aggregateId,
    payload: {
      referralId: aggregateId,
      fromOrganisationId: audience.fromOrganisationId,
      toOrganisationId: audience.toOrganisationId,
      status: 'SENT',
      actorOrganisationId: audience.fromOrganisationId,
      reasonCode: null,
      outcome: null,
      childReferralId: null,
    },
  };
}

/** Undelivered outbox events (the partial index outbox_undelivered_idx answers it; the backlog was cleared). */
const undelivered = async (admin: Pool) =>
  (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE delivered_at IS NULL`)).rows[0].n;

/** The CPU time a worker process used while `work` ran, ms. */
async function cpuOf<T>(worker: WorkerProcess, work: () => Promise<T>): Promise<{ result: T; cpuMs?: number }> {
  const before = worker.cpuMs();
  const result = await work();
  const after = worker.cpuMs();
  return { result, cpuMs: before === undefined || after === undefined ? undefined : after - before };
}

// ---------------------------------------------------------------- worker processes

/** A worker of notification-workers.ts, forked from the bench build; its output goes to the bench log. */
class WorkerProcess {
  private readonly listeners = new Set<(message: FromWorker) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: FromWorker) => {
      for (const listener of this.listeners) listener(message);
    });
  }

  static async start(context: BenchContext, mode: WorkerMode, env: Record<string, string>): Promise<WorkerProcess> {
    // The bench process's own flags (--enable-source-maps, and a --cpu-prof of whoever runs it) carry over.
    const child = fork(join(context.buildRoot, 'test', 'bench', 'figures', 'notification-workers.js'), [mode], {
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => context.log(`  [${mode} worker] ${line}`));
    }
    const worker = new WorkerProcess(child);
    try {
      await worker.until((message) => message.type === 'ready', 90_000);
      return worker;
    } catch (error) {
      await worker.stop();
      throw error;
    }
  }

  on(listener: (message: FromWorker) => void): void {
    this.listeners.add(listener);
  }

  /** Resolves on the first message that `matches`; rejects if the process exits or `timeoutMs` passes first. */
  until(matches: (message: FromWorker) => boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        this.child.off('exit', exited);
        if (error) reject(error);
        else resolve();
      };
      const listener = (message: FromWorker) => {
        if (matches(message)) done();
      };
      const exited = (code: number | null, signal: string | null) =>
        done(new Error(`notification worker exited (code ${code}, signal ${signal})`));
      const timer = setTimeout(
        () => done(new Error(`no answer from the notification worker in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.listeners.add(listener);
      this.child.once('exit', exited);
    });
  }

  send(message: ToWorker): void {
    this.child.send(message);
  }

  cpuMs(): number | undefined {
    return processCpuMs(this.child.pid);
  }

  /** SIGTERM (a graceful close), SIGKILL after 20 s. */
  stop(): Promise<void> {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}

// ---------------------------------------------------------------- our pipeline

interface CapturedDelivery {
  eventId: string;
  statements: CapturedStatement[];
}

/** Our worker process (relay and delivery), and this process's subscriber on the live bus. */
class Pipeline {
  /** When each notification reached the live bus (delivery publishes after its commit). */
  private readonly arrivals = new Map<string, number>();
  private unsubscribe: () => void = () => undefined;
  /** One aggregate for every throughput event: their delivery SQL is then the same but for the event id. */
  private readonly batchAggregate = randomUUID();

  private constructor(
    private readonly app: INestApplicationContext,
    private readonly admin: Pool,
    private readonly audience: Audience,
    private readonly aggregates: string[],
    private readonly worker: WorkerProcess,
    /** The writers of the latency events: raw pg, so the load costs this process little. */
    private readonly producer: Pool,
  ) {
    aggregates.push(this.batchAggregate);
  }

  static async start(
    context: BenchContext,
    app: INestApplicationContext,
    admin: Pool,
    audience: Audience,
    aggregates: string[],
    env: Record<string, string>,
  ): Promise<Pipeline> {
    const worker = await WorkerProcess.start(context, 'ours', env);
    const producer = new Pool({ connectionString: context.databaseUrl, max: 10 });
    const pipeline = new Pipeline(app, admin, audience, aggregates, worker, producer);
    try {
      pipeline.unsubscribe = await app.get(NotificationBus).subscribe((message) => {
        const now = performance.now();
        for (const id of message.notificationIds) if (!pipeline.arrivals.has(id)) pipeline.arrivals.set(id, now);
      });
      return pipeline;
    } catch (error) {
      await pipeline.close();
      throw error;
    }
  }

  /**
   * `referral.send` events committed at RATE per second for `ms` (a
   * transaction each, the outbox insert of writeOutboxEvent); per event,
   * COMMIT sent → first notification on the bus.
   */
  async latency(ms: number): Promise<LatencyRound> {
    const commits = new Map<string, number>();
    this.arrivals.clear();
    const { result: sent, cpuMs } = await cpuOf(this.worker, async () => {
      const sent = await paced(RATE, ms, async () => {
        const aggregateId = randomUUID();
        this.aggregates.push(aggregateId);
        const event = referralSent(this.audience, aggregateId);
        const client = await this.producer.connect();
        try {
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload) VALUES ($1, $2, $3, $4)`,
            [event.type, event.aggregateType, event.aggregateId, JSON.stringify(event.payload)],
          );
          commits.set(aggregateId, performance.now());
          await client.query('COMMIT');
        } catch (error) {
          commits.delete(aggregateId);
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      });
      await waitFor(async () => (await undelivered(this.admin)) === 0, 60_000);
      return sent;
    });
    if (sent.errors > 0) throw new Error(`notifications: ${sent.errors} outbox commits failed: ${sent.firstError}`);
    await sleep(200); // messages still on their way from the bus
    const { rows } = await this.admin.query<{
      id: string;
      subject_id: string;
      to_relay: number;
      to_delivery: number;
    }>(
      `SELECT n.id, n.subject_id,
              extract(epoch FROM o.dispatched_at - o.created_at) * 1000 AS to_relay,
              extract(epoch FROM o.delivered_at - o.dispatched_at) * 1000 AS to_delivery
         FROM notifications n JOIN outbox o ON o.id = n.event_id WHERE n.id = ANY ($1::uuid[])`,
      [[...this.arrivals.keys()]],
    );
    const first = new Map<string, { at: number; toRelay: number; toDelivery: number }>();
    for (const row of rows) {
      const at = this.arrivals.get(row.id)!;
      const known = first.get(row.subject_id);
      if (!known || known.at > at)
        first.set(row.subject_id, { at, toRelay: row.to_relay, toDelivery: row.to_delivery });
    }
    const round: Required<LatencyRound> = {
      samples: [],
      missing: 0,
      delivered: 0,
      workerCpuMs: cpuMs ?? Number.NaN,
      toRelay: [],
      toDelivery: [],
    };
    let firstSent = Infinity;
    let lastArrived = 0;
    for (const [aggregateId, committed] of commits) {
      firstSent = Math.min(firstSent, committed);
      const arrival = first.get(aggregateId);
      if (!arrival) {
        round.missing++;
        continue;
      }
      lastArrived = Math.max(lastArrived, arrival.at);
      round.samples.push(arrival.at - committed);
      round.toRelay.push(Number(arrival.toRelay));
      round.toDelivery.push(Number(arrival.toDelivery));
    }
    if (round.samples.length === 0) throw new Error('notifications: no notification reached the bus');
    round.delivered = (round.samples.length * 1000) / (lastArrived - firstSent);
    return round;
  }

  /** `events` committed at once; from that commit until the last is marked delivered. */
  async throughput(events: number): Promise<ThroughputRound> {
    const event = referralSent(this.audience, this.batchAggregate);
    const client = await this.admin.connect();
    try {
      await client.query('BEGIN');
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
         SELECT $1, $2, $3, $4 FROM generate_series(1, $5) RETURNING id`,
        [event.type, event.aggregateType, event.aggregateId, JSON.stringify(event.payload), events],
      );
      const { result: seconds, cpuMs } = await cpuOf(this.worker, async () => {
        const started = performance.now();
        await client.query('COMMIT');
        const drained = await waitFor(async () => (await undelivered(this.admin)) === 0, 300_000);
        if (!drained) throw new Error(`notifications: ${events} events not delivered within 300 s`);
        return (performance.now() - started) / 1000;
      });
      const {
        rows: [{ n }],
      } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE event_id = ANY ($1::uuid[])`,
        [inserted.rows.map((r) => r.id)],
      );
      return { events, seconds, notifications: n, workerCpuMs: cpuMs };
    } finally {
      client.release();
    }
  }

  /**
   * The delivery statements of one event like the throughput events, as
   * TypeORM sends them: the baseline replays exactly these. The row is marked
   * dispatched, so the relay leaves it alone, and handed to the delivery as
   * our worker's relay hands it the rows it claims.
   */
  async captureDelivery(): Promise<CapturedDelivery> {
    const event = referralSent(this.audience, this.batchAggregate);
    const {
      rows: [row],
    } = await this.admin.query<OutboxRow>(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at)
       VALUES ($1, $2, $3, $4, now()) RETURNING id, event_type, aggregate_type, aggregate_id, payload`,
      [event.type, event.aggregateType, event.aggregateId, JSON.stringify(event.payload)],
    );
    const id = row.id;
    const delivery = this.app.get(NotificationDeliveryService);
    delivery.remember([row]);
    const captured = await captureStatements(this.app.get(DataSource), () => delivery.deliver(id));
    const statements = captured.statements.filter((s) => s.params.includes(id));
    if (!statements.some((s) => /INSERT INTO notifications/i.test(s.sql))) {
      throw new Error('notifications: could not capture the delivery statements');
    }
    return { eventId: id, statements };
  }

  async close(): Promise<void> {
    this.unsubscribe();
    try {
      await this.worker.stop();
      await removeQueues(this.app.get(QueueFactory), [QUEUES.notifications]);
    } finally {
      await this.producer.end();
    }
  }
}

// ---------------------------------------------------------------- bare BullMQ

/**
 * A queue and worker process of their own on the same backing (same factory,
 * options and concurrency), the worker doing nothing but the job; the jobs get
 * the options of our delivery jobs.
 */
class BareQueue {
  private readonly arrivals = new Map<string, number>();

  private constructor(
    private readonly app: INestApplicationContext,
    private readonly admin: Pool,
    private readonly captured: CapturedDelivery,
    private readonly worker: WorkerProcess,
  ) {
    worker.on((message) => {
      if (message.type === 'arrived') this.arrivals.set(message.id, performance.now());
    });
  }

  get statements(): number {
    return this.captured.statements.length;
  }

  static async start(
    context: BenchContext,
    app: INestApplicationContext,
    admin: Pool,
    captured: CapturedDelivery,
    env: Record<string, string>,
  ): Promise<BareQueue> {
    const worker = await WorkerProcess.start(context, 'bare', env);
    const bare = new BareQueue(app, admin, captured, worker);
    try {
      const replaying = worker.until((message) => message.type === 'replaying', 30_000);
      replaying.catch(() => undefined); // awaited below, unless send throws first
      // SQL and parameters only: the captured TypeORM runner does not cross the IPC channel.
      const statements = captured.statements.map(({ sql, params }) => ({ sql, params }));
      worker.send({ type: 'replay', statements, eventId: captured.eventId });
      await replaying;
      return bare;
    } catch (error) {
      await bare.close().catch(() => undefined);
      throw error;
    }
  }

  private get queue() {
    return this.app.get(QueueFactory).queue(BARE_QUEUE);
  }

  /** Jobs added at RATE per second for `ms`; per job, add() called → the worker says the processor was called. */
  async latency(ms: number): Promise<LatencyRound> {
    const adds = new Map<string, number>();
    this.arrivals.clear();
    const { result: sent, cpuMs } = await cpuOf(this.worker, async () => {
      const sent = await paced(RATE, ms, async () => {
        const jobId = randomUUID();
        adds.set(jobId, performance.now());
        await this.queue.add('latency', {}, { ...CHANNEL_JOB_OPTIONS, jobId });
      });
      await waitFor(() => this.arrivals.size >= adds.size, 60_000);
      return sent;
    });
    if (sent.errors > 0) throw new Error(`notifications: ${sent.errors} adds failed: ${sent.firstError}`);
    const samples = [...adds].flatMap(([id, added]) => (this.arrivals.has(id) ? [this.arrivals.get(id)! - added] : []));
    const span = Math.max(...this.arrivals.values()) - Math.min(...adds.values());
    return {
      samples,
      missing: adds.size - samples.length,
      delivered: (samples.length * 1000) / span,
      workerCpuMs: cpuMs,
    };
  }

  /**
   * `events` outbox rows (dispatched already, so our relay leaves them alone);
   * from the first addBulk until the last is marked delivered (by the replayed SQL).
   */
  async throughput(events: number): Promise<ThroughputRound> {
    const { rows } = await this.admin.query<{ id: string }>(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at)
       SELECT event_type, aggregate_type, aggregate_id, payload, now() FROM outbox, generate_series(1, $2)
        WHERE id = $1
       RETURNING id`,
      [this.captured.eventId, events],
    );
    const { result: seconds, cpuMs } = await cpuOf(this.worker, async () => {
      const started = performance.now();
      for (let i = 0; i < rows.length; i += 500) {
        await this.queue.addBulk(
          rows.slice(i, i + 500).map((row) => ({
            name: 'deliver',
            data: { eventId: row.id },
            opts: { ...CHANNEL_JOB_OPTIONS, jobId: row.id },
          })),
        );
      }
      const finished = await waitFor(async () => (await undelivered(this.admin)) === 0, 300_000);
      if (!finished) throw new Error(`notifications: the bare worker did not finish ${events} jobs within 300 s`);
      return (performance.now() - started) / 1000;
    });
    const {
      rows: [{ n }],
    } = await this.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE event_id = ANY ($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    return { events: rows.length, seconds, notifications: n, workerCpuMs: cpuMs };
  }

  async close(): Promise<void> {
    await this.worker.stop();
    await removeQueues(this.app.get(QueueFactory), [BARE_QUEUE]);
  }
}

/** Empties and removes queues this group created (on Redis, their keys under this run's prefix). */
async function removeQueues(queues: QueueFactory, names: QueueName[]): Promise<void> {
  for (const name of names) await queues.queue(name).obliterate({ force: true });
}

/** Deletes every outbox event these figures wrote and what their delivery created. */
async function removeEvents(admin: Pool, aggregates: string[], context: BenchContext): Promise<void> {
  if (aggregates.length === 0) return;
  context.log(`notifications: removing the events and notifications written`);
  const client = await admin.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMPORARY TABLE bench_events ON COMMIT DROP AS
         SELECT id FROM outbox WHERE aggregate_id = ANY ($1::uuid[])`,
      [aggregates],
    );
    await client.query(
      `DELETE FROM email_deliveries WHERE notification_id IN
         (SELECT n.id FROM notifications n JOIN bench_events e ON e.id = n.event_id)`,
    );
    await client.query(`DELETE FROM notifications WHERE event_id IN (SELECT id FROM bench_events)`);
    await client.query(
      `DELETE FROM webhook_attempts WHERE delivery_id IN
         (SELECT d.id FROM webhook_deliveries d JOIN bench_events e ON e.id = d.event_id)`,
    );
    await client.query(`DELETE FROM webhook_deliveries WHERE event_id IN (SELECT id FROM bench_events)`);
    await client.query(`DELETE FROM outbox WHERE id IN (SELECT id FROM bench_events)`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------- rows

/** Worker CPU per event over the rounds, e.g. "1.9 ms" (— where /proc was unreadable). */
function cpuPerEvent(rounds: { workerCpuMs?: number }[], events: number): string {
  const total = rounds.reduce((sum, r) => sum + (r.workerCpuMs ?? Number.NaN), 0);
  return Number.isFinite(total) ? `${(total / events).toFixed(2)} ms` : '—';
}

function latencyFigure(
  context: BenchContext,
  config: AppConfig,
  seconds: number,
  oursRounds: LatencyRound[],
  bareRounds: LatencyRound[],
): Figure {
  const ours = latencySummary(oursRounds.flatMap((r) => r.samples));
  const bare = latencySummary(bareRounds.flatMap((r) => r.samples));
  const toRelay = latencySummary(oursRounds.flatMap((r) => r.toRelay ?? []));
  const toDelivery = latencySummary(oursRounds.flatMap((r) => r.toDelivery ?? []));
  const missing = [...oursRounds, ...bareRounds].reduce((sum, r) => sum + r.missing, 0);
  const over = ours.p99 - bare.p99;
  // A side that cannot keep up with RATE shows queueing, not latency: the comparison then says little.
  const slowest = (rounds: LatencyRound[]) => Math.min(...rounds.map((r) => r.delivered));
  const saturated = (rounds: LatencyRound[], who: string) =>
    slowest(rounds) < 0.9 * RATE ? `; ${who} saturated: ${num(slowest(rounds))}/s out of ${RATE}/s offered` : '';
  const saturation = saturated(oursRounds, 'ours') + saturated(bareRounds, 'bare BullMQ');
  return {
    name: 'notification latency',
    how: `outbox commit → in-app notification on the live bus, ${RATE} events/s, ${ROUNDS} × ${seconds / ROUNDS} s (referral.send, ${context.backing})`,
    value: `p50 ${millis(ours.p50)}, p99 ${millis(ours.p99)} (max ${millis(ours.max)}, ${num(ours.count)} events)`,
    baseline: `p50 ${millis(bare.p50)}, p99 ${millis(bare.p99)}: bare BullMQ add → processor, same rate, concurrency ${config.notifications.concurrency} and backing`,
    ratio: `p99 ${over >= 0 ? '+' : '−'}${millis(Math.abs(over))}`,
    target: `p99 ≤ bare p99 + ${LATENCY_SLACK_MS} ms${context.backing === 'redis' ? '' : ' (set for Redis)'}`,
    met: over <= LATENCY_SLACK_MS && missing === 0 && slowest(oursRounds) >= 0.9 * RATE,
    note:
      `each side's worker in a process of its own, the load and the clock in the bench process; ` +
      `relay woken at once by LISTEN/NOTIFY (statement trigger on outbox insert), fallback poll every ` +
      `OUTBOX_POLL_MS = ${config.notifications.relayPollMs} ms; a relay pass claims its rows in one statement, then ` +
      `adds the jobs; then BullMQ → delivery statement → live bus ` +
      `(${context.backing === 'redis' ? 'Redis pub/sub' : 'PostgreSQL NOTIFY'}); ` +
      `start = COMMIT sent, end = the event's first notification received from the bus (bare: the worker's IPC ` +
      `message received); stages (server clock, p50/p99): event written → relay pass ` +
      `${millis(toRelay.p50)}/${millis(toRelay.p99)}, relay pass → delivery statement ${millis(toDelivery.p50)}/${millis(toDelivery.p99)}; ` +
      `worker CPU per event: ours ${cpuPerEvent(oursRounds, ours.count)}, bare ${cpuPerEvent(bareRounds, bare.count)}` +
      saturation +
      (missing > 0 ? `; ${missing} events never arrived` : ''),
  };
}

function throughputFigure(
  config: AppConfig,
  oursRounds: ThroughputRound[],
  bareRounds: ThroughputRound[],
  statements: number,
): Figure {
  const total = (rounds: ThroughputRound[]) => ({
    events: rounds.reduce((sum, r) => sum + r.events, 0),
    seconds: rounds.reduce((sum, r) => sum + r.seconds, 0),
    notifications: rounds.reduce((sum, r) => sum + r.notifications, 0),
  });
  const ours = total(oursRounds);
  const bare = total(bareRounds);
  const ratio = ours.events / ours.seconds / (bare.events / bare.seconds);
  return {
    name: 'queue throughput',
    how: `${ROUNDS} × ${num(oursRounds[0].events)} outbox events committed at once → relay → BullMQ → delivery, concurrency ${config.notifications.concurrency}`,
    value: `${num(ours.notifications / ours.seconds)} notifications/s (${num(ours.events / ours.seconds)} events/s × ${num(ours.notifications / ours.events, 1)} recipients)`,
    baseline: `${num(bare.notifications / bare.seconds)} notifications/s (${num(bare.events / bare.seconds)} jobs/s): bare BullMQ worker, same backing and concurrency, the same delivery SQL (${statements === 1 ? 'one statement' : `${statements} statements`}, captured, prepared as ours) through raw pg`,
    ratio: ratio.toFixed(2),
    target: '≥ 0.8',
    met: ratio >= 0.8 && bare.notifications === ours.notifications,
    note:
      `each side's worker in a process of its own; ours from the commit to the last event marked delivered (relay ` +
      `batches of 500 included), bare from the first addBulk (500 a call) to the same; ours also publishes each ` +
      `delivery on the live bus; worker CPU per event: ours ${cpuPerEvent(oursRounds, ours.events)}, bare ` +
      `${cpuPerEvent(bareRounds, bare.events)}; rounds alternate with the baseline's`,
  };
}
