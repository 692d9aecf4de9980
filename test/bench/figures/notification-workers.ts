/**
 * The worker processes of the notification figures: notifications.ts forks
 * this file (from the bench build) once per side, so each side's worker has
 * an event loop of its own, apart from the bench process that generates the
 * load and takes the times, as the worker is its own process in production.
 *
 * - `ours`: the worker's relay (OutboxRelayService, LISTEN/NOTIFY and poll)
 *   and delivery (NotificationDeliveryService, publishing on the live bus),
 *   booted from the production modules, with a `notifications` worker at
 *   NOTIFICATION_CONCURRENCY running what NotificationsProcessor runs for
 *   `notifications.deliver`. Not apps/worker/src/main.ts itself: its job
 *   schedulers run once at start, and the referral sweep would expire the
 *   generated referrals (thousands of events and changed data); the scheduled
 *   jobs are not on the path of an event.
 * - `bare`: a plain BullMQ worker on a queue of its own, built by the same
 *   QueueFactory (backing, options) at the same concurrency, doing only the
 *   job: a `latency` job tells the bench process it arrived (over IPC, as our
 *   bus message reaches it over Redis or PostgreSQL); a `deliver` job runs the
 *   captured SQL of our delivery through raw pg (`replay` message first).
 *
 * Configuration comes from the environment the bench process sets
 * (`BENCH_QUEUE_PREFIX`: the figures' queue prefix). Says `{ type: 'ready' }`
 * once working; SIGTERM closes it gracefully (a `--cpu-prof` inherited from
 * the bench process is written then).
 */
import 'reflect-metadata';
import { INestApplicationContext, LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Job } from 'bullmq';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  JobPayloads,
  QUEUES,
  QueueFactory,
  QueueModule,
  QueueName,
  loadConfig,
} from '@app/core';
import { NotificationDeliveryModule, NotificationDeliveryService } from '@app/notifications';
import { CapturedStatement, Replay } from './in-process';

/** The bare baseline's queue: its own name, under the same prefix. */
export const BARE_QUEUE = 'bench-bare' as QueueName;

export type WorkerMode = 'ours' | 'bare';

/** From the bench process. */
export type ToWorker = { type: 'replay'; statements: Omit<CapturedStatement, 'runner'>[]; eventId: string };

/** To the bench process. */
export type FromWorker = { type: 'ready' } | { type: 'arrived'; id: string } | { type: 'replaying' };

const send = (message: FromWorker) => process.send!(message);

/** Nest's warnings and errors to stderr (the bench log); the rest is dropped. */
class StderrLogger implements LoggerService {
  log(): void {}
  warn(message: unknown, context?: string): void {
    process.stderr.write(`[${context ?? 'nest'}] warn: ${String(message)}\n`);
  }
  error(message: unknown, trace?: string, context?: string): void {
    process.stderr.write(`[${context ?? 'nest'}] error: ${String(message)}${trace ? `\n${trace}` : ''}\n`);
  }
}

@Module({})
class OursRootModule {}

async function ours(config: AppConfig): Promise<() => Promise<void>> {
  const app: INestApplicationContext = await NestFactory.createApplicationContext(
    {
      module: OursRootModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config), QueueModule, NotificationDeliveryModule],
    },
    { logger: new StderrLogger() },
  );
  const delivery = app.get(NotificationDeliveryService);
  app
    .get(QueueFactory)
    .worker(
      QUEUES.notifications,
      async (job: Job) =>
        job.name === 'notifications.deliver'
          ? delivery.deliver((job.data as JobPayloads['notifications.deliver']).eventId)
          : undefined,
      { concurrency: config.notifications.concurrency },
    );
  return () => app.close();
}

async function bare(config: AppConfig): Promise<() => Promise<void>> {
  const concurrency = config.notifications.concurrency;
  // The factory waits for the DataSource only to be built after the migrations, which have run.
  const queues = new QueueFactory(config, { migrated: true } as unknown as DataSource);
  const pool = new Pool({ connectionString: config.databaseUrl, max: concurrency });
  let replay: Replay | undefined;
  process.on('message', (received: unknown) => {
    const message = received as ToWorker;
    if (message.type !== 'replay') return;
    // A prepared statement (preparedStatement) arrives as its query config, { name, text }: pg runs it
    // as the same named statement, as our delivery does.
    replay = new Replay(
      message.statements.map((statement) => ({ ...statement, runner: undefined })),
      message.eventId,
      { keyReturned: false },
    );
    send({ type: 'replaying' });
  });
  queues.worker(
    BARE_QUEUE,
    async (job: Job<{ eventId?: string }>) => {
      if (job.name === 'latency') {
        send({ type: 'arrived', id: job.id! });
        return;
      }
      if (!replay) throw new Error('no captured delivery to replay');
      const client = await pool.connect();
      try {
        await replay.run(client, job.data.eventId);
      } finally {
        client.release();
      }
    },
    { concurrency },
  );
  return async () => {
    await queues.onApplicationShutdown();
    await pool.end();
  };
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('forked by test/bench/figures/notifications.ts (IPC channel)');
  const mode = process.argv[2] as WorkerMode;
  const config = loadConfig(process.env, { queuePrefix: process.env.BENCH_QUEUE_PREFIX ?? 'bench' });
  const close = mode === 'ours' ? await ours(config) : mode === 'bare' ? await bare(config) : undefined;
  if (!close) throw new Error(`unknown worker mode ${mode}`);
  process.once('SIGTERM', () => {
    close()
      .catch((error: Error) => process.stderr.write(`closing: ${error.message}\n`))
      .finally(() => process.exit(0));
  });
  send({ type: 'ready' });
}

// Only as the forked entry point: notifications.ts imports this file for its types and queue name.
if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
