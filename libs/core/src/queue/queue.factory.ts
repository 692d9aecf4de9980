import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Job, JobsOptions, Queue, Worker, WorkerOptions, createPostgresBackend, withBackend } from 'bullmq';
import IORedis from 'ioredis';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JobName, QUEUES, QueueName } from './queue-names';

export type QueueBackingKind = 'redis' | 'postgres';

// The two constructor sets share the BullMQ API; the types differ only in the
// connection they accept, which this factory owns.
type AnyQueue = Queue;
type AnyWorker = Worker;
type Processor = (job: Job) => Promise<unknown>;

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  // Failed jobs are kept so they can be inspected and retried.
  removeOnFail: false,
};

/**
 * Builds BullMQ queues and workers on the configured backing: Redis through
 * ioredis when REDIS_URL is set, otherwise BullMQ's PostgreSQL backend in the
 * application database (schema `bullmq`). Everything it creates is closed on
 * shutdown, workers first so active jobs finish.
 */
@Injectable()
export class QueueFactory implements OnApplicationShutdown {
  readonly kind: QueueBackingKind;
  private readonly logger = new Logger(QueueFactory.name);
  private redis?: IORedis;
  private readonly queues = new Map<string, AnyQueue>();
  private readonly workers: AnyWorker[] = [];
  private readonly schedulerChecks: NodeJS.Timeout[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Depending on the DataSource makes Nest build this factory only after the
    // migrations (including BullMQ's own PostgreSQL schema) have run.
    @InjectDataSource() _migratedDatabase: DataSource,
  ) {
    this.kind = config.redisUrl ? 'redis' : 'postgres';
  }

  queue(name: QueueName): AnyQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.build('queue', name);
      this.reportErrors(queue, `queue ${name}`);
      this.queues.set(name, queue);
    }
    return queue;
  }

  worker(name: QueueName, processor: Processor, options: Partial<WorkerOptions> = {}): AnyWorker {
    // BullMQ's defaults (30 s lock, 30 s stalled check) leave a job cut by a crash active for about a minute.
    const { lockDurationMs, stalledIntervalMs } = this.config.jobLocks;
    const worker = this.build('worker', name, processor, {
      lockDuration: lockDurationMs,
      stalledInterval: stalledIntervalMs,
      ...options,
    });
    this.reportErrors(worker, `worker ${name}`);
    this.workers.push(worker);
    return worker;
  }

  /**
   * Upserts a job scheduler (`every` ms, a job with no data) and checks every
   * `every` ms (at most a minute) that it still exists, re-creating it if not.
   * A scheduler lives in the queue backend with the jobs: a Redis restarted
   * without persistence loses it, and nothing else would bring it back before
   * the process restarts.
   */
  async keepJobScheduler(name: QueueName, schedulerId: string, jobName: JobName, every: number): Promise<void> {
    const queue = this.queue(name);
    const upsert = () => queue.upsertJobScheduler(schedulerId, { every }, { name: jobName, data: {} });
    await upsert();
    const checkEveryMs = Math.min(every, 60_000);
    const check = setInterval(() => {
      queue
        .getJobScheduler(schedulerId)
        .then(async (scheduler) => {
          if (scheduler) return;
          await upsert();
          this.logger.warn(`job scheduler ${schedulerId} on ${name} was gone (queue data lost?); re-created`);
        })
        .catch((error: Error) => this.logger.warn(`job scheduler ${schedulerId} on ${name}: ${error.message}`));
    }, checkEveryMs);
    check.unref();
    this.schedulerChecks.push(check);
  }

  /**
   * Connection errors (a dropped idle connection, a backend restart) are
   * emitted as 'error' events; BullMQ reconnects by itself. Without a listener
   * they would go to console.error, past the JSON logs.
   */
  private reportErrors(emitter: AnyQueue | AnyWorker, what: string): void {
    (emitter as AnyQueue).on('error', (error: Error) => this.logger.warn(`${what}: ${error.message}`));
  }

  /**
   * Redis's `maxmemory-policy`, or undefined on the PostgreSQL backing or when
   * the server does not allow CONFIG. BullMQ needs `noeviction`: any other
   * policy lets Redis silently drop jobs under memory pressure.
   */
  async redisEvictionPolicy(): Promise<string | undefined> {
    if (this.kind !== 'redis') return undefined;
    const reply = (await this.redisConnection().config('GET', 'maxmemory-policy')) as string[];
    return reply[1];
  }

  /** Job counts per state for each queue, for metrics. */
  async counts(): Promise<Record<string, Record<string, number>>> {
    const states = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
    const entries = await Promise.all(
      Object.values(QUEUES).map(async (name) => [name, await this.queue(name).getJobCounts(...states)] as const),
    );
    return Object.fromEntries(entries);
  }

  async onApplicationShutdown(): Promise<void> {
    this.schedulerChecks.splice(0).forEach((check) => clearInterval(check));
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.workers.length = 0;
    this.queues.clear();
    await this.redis?.quit().catch(() => undefined);
  }

  private build(kind: 'queue', name: string): AnyQueue;
  private build(kind: 'worker', name: string, processor: Processor, options: Partial<WorkerOptions>): AnyWorker;
  private build(
    kind: 'queue' | 'worker',
    name: string,
    processor?: Processor,
    options: Partial<WorkerOptions> = {},
  ): AnyQueue | AnyWorker {
    if (this.kind === 'redis') {
      const connection = this.redisConnection();
      const prefix = this.config.queuePrefix;
      return kind === 'queue'
        ? new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS })
        : new Worker(name, processor, { ...options, connection, prefix });
    }
    const postgres = withBackend(createPostgresBackend);
    const connection = { connectionString: this.config.databaseUrl!, max: 4 };
    return (kind === 'queue'
      ? new postgres.Queue(name, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS })
      : new postgres.Worker(name, processor, { ...options, connection })) as unknown as AnyQueue | AnyWorker;
  }

  private redisConnection(): IORedis {
    // BullMQ workers block on this connection, so commands must not time out.
    this.redis ??= new IORedis(this.config.redisUrl!, { maxRetriesPerRequest: null });
    return this.redis;
  }
}
