/**
 * Shared by the write and notification figures (writes.ts, notifications.ts):
 * the configuration and Nest application contexts they boot in the bench
 * process, load loops (closed and open), SQL capture and replay, and the
 * arithmetic of the results.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Global, INestApplicationContext, LoggerService, Module, ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigModule, DatabaseModule, QueueModule, loadConfig } from '@app/core';
import { BenchContext } from '../figure';

/**
 * The configuration of a context the figures boot in the bench process, on the
 * bench database and backing. Queues get a prefix of their own, apart from
 * the API's queues and from another context's; `env` overrides.
 */
export function benchConfig(context: BenchContext, env: Record<string, string> = {}): AppConfig {
  return loadConfig(
    {
      NODE_ENV: 'production',
      DATABASE_URL: context.databaseUrl,
      REDIS_URL: context.redisUrl,
      // Nothing here issues or checks tokens; production mode only wants one.
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      SEED_DEMO_DATA: 'false',
      RUN_WORKER: 'false',
      ...env,
    },
    // Under the run's prefix, so the runner's clean-up of `<queuePrefix>:*` also takes these keys.
    { queuePrefix: `${context.queuePrefix}:${randomBytes(3).toString('hex')}` },
  );
}

/** Nest's own warnings and errors go to the bench log (stderr); the rest is dropped. */
class FigureLogger implements LoggerService {
  constructor(private readonly sink: (message: string) => void) {}
  log(): void {}
  warn(message: unknown, context?: string): void {
    this.sink(`  [${context ?? 'nest'}] warn: ${String(message)}`);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.sink(`  [${context ?? 'nest'}] error: ${String(message)}${trace ? `\n${trace}` : ''}`);
  }
}

@Module({})
class FigureRootModule {}

/** The stand-in DataSource of a context without a database (see startContext). */
@Global()
@Module({ providers: [{ provide: DataSource, useValue: { migrated: true } }], exports: [DataSource] })
class NoDatabaseModule {}

/**
 * A Nest application context (no HTTP) with configuration, database (the
 * migrations are already applied: this only checks) and the queue factory,
 * plus the given modules. Closing it runs every shutdown hook.
 *
 * With `database: false` there is no TypeORM DataSource (one per process is
 * TypeORM's rule; two contexts alive at once would share its name): the queue
 * factory, which only waits for the DataSource to be migrated, gets a stand-in.
 */
export function startContext(
  config: AppConfig,
  context: BenchContext,
  imports: NonNullable<ModuleMetadata['imports']>,
  options: { database?: boolean } = {},
): Promise<INestApplicationContext> {
  const database = (options.database ?? true) ? DatabaseModule.forRoot(config) : NoDatabaseModule;
  return NestFactory.createApplicationContext(
    { module: FigureRootModule, imports: [ConfigModule.forRoot(config), database, QueueModule, ...imports] },
    { logger: new FigureLogger(context.log) },
  );
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface LoopResult {
  /** Operations that succeeded. */
  count: number;
  errors: number;
  firstError?: string;
  seconds: number;
  /** Node CPU (user + system) of this process over the loop, µs. */
  cpuMicros: number;
}

/**
 * `concurrency` callers, each running `operation` back to back until
 * `durationMs` has passed; counts successes and this process's CPU time.
 * Gives up when nearly everything fails (a broken set-up, not a figure).
 */
export async function closedLoop(
  concurrency: number,
  durationMs: number,
  operation: (caller: number, sequence: number) => Promise<void>,
): Promise<LoopResult> {
  let count = 0;
  let errors = 0;
  let firstError: string | undefined;
  let sequence = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, caller) => {
      while (performance.now() < deadline) {
        try {
          await operation(caller, sequence++);
          count++;
        } catch (error) {
          errors++;
          firstError ??= (error as Error).message;
          if (errors >= 50 && errors > count) throw new Error(`most operations fail: ${firstError}`, { cause: error });
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { count, errors, firstError, seconds, cpuMicros: cpu.user + cpu.system };
}

/**
 * Open loop: starts `fire(i)` at a steady `rate` per second for `durationMs`,
 * whether or not earlier ones finished (a slow pipeline does not slow the
 * producer down). Resolves when every one has settled; returns the failures.
 */
export async function paced(
  rate: number,
  durationMs: number,
  fire: (index: number) => Promise<void>,
): Promise<{ sent: number; errors: number; firstError?: string }> {
  const interval = 1000 / rate;
  const total = Math.round((durationMs / 1000) * rate);
  const started = performance.now();
  let errors = 0;
  let firstError: string | undefined;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = started + i * interval - performance.now();
    if (wait > 0.5) await sleep(wait);
    inFlight.push(
      fire(i).catch((error: Error) => {
        errors++;
        firstError ??= error.message;
      }),
    );
  }
  await Promise.all(inFlight);
  return { sent: total, errors, firstError };
}

/** Waits until `done()` holds (checked every `everyMs`), at most `timeoutMs`; returns whether it did. */
export async function waitFor(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 10,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (performance.now() > deadline) return false;
    await sleep(everyMs);
  }
}

export interface CapturedStatement {
  sql: string;
  params: unknown[];
  /** The TypeORM query runner that issued it (one per transaction, one per bare query). */
  runner: unknown;
}

/**
 * Every statement TypeORM sends while `work` runs, in order, with its
 * parameters exactly as handed to `pg` — read from the DataSource's logger,
 * which TypeORM calls for each query whatever the logging settings.
 */
export async function captureStatements<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<{ result: T; statements: CapturedStatement[] }> {
  const logger = dataSource.logger;
  const statements: CapturedStatement[] = [];
  // Shadowed by an own property while `work` runs, then put back as it was (usually the class's method).
  const own = Object.getOwnPropertyDescriptor(logger, 'logQuery');
  logger.logQuery = (sql: string, params?: unknown[], runner?: unknown) => {
    statements.push({ sql, params: params ?? [], runner });
  };
  try {
    return { result: await work(), statements };
  } finally {
    if (own) Object.defineProperty(logger, 'logQuery', own);
    else delete (logger as Partial<typeof logger>).logQuery;
  }
}

type Slot = { index: number; kind: 'whole' } | { index: number; kind: 'inside'; parts: string[] };

/**
 * Replays captured statements through a raw `pg` client, the same SQL with the
 * same parameters, except for one key (the id the captured run created or was
 * given), which each run replaces: wherever a parameter is the key, or holds it
 * (a JSON payload naming it). With `keyReturned`, the key is what the
 * statement right before its first use returns (`INSERT … RETURNING id`), as in
 * the captured run; otherwise each run is given its key. Substitutions are
 * worked out once, so a run costs what the raw SQL costs.
 */
export class Replay {
  private readonly steps: { sql: string; params: unknown[]; slots: Slot[]; returnsKey: boolean }[];

  constructor(statements: readonly CapturedStatement[], key: string, options: { keyReturned: boolean }) {
    this.steps = statements.map((statement) => ({
      sql: statement.sql,
      params: statement.params,
      slots: statement.params.flatMap((param, index): Slot[] => {
        if (param === key) return [{ index, kind: 'whole' }];
        if (typeof param === 'string' && param.includes(key))
          return [{ index, kind: 'inside', parts: param.split(key) }];
        if (Array.isArray(param) && param.includes(key)) throw new Error(`replay: key inside an array parameter`);
        return [];
      }),
      returnsKey: false,
    }));
    const firstUse = this.steps.findIndex((step) => step.slots.length > 0);
    if (firstUse < 0) throw new Error('replay: no statement uses the key');
    if (options.keyReturned) {
      const source = this.steps[firstUse - 1];
      if (!source || !/\bRETURNING\b/i.test(source.sql)) {
        throw new Error(`replay: the statement before the key's first use returns nothing: ${source?.sql ?? '-'}`);
      }
      source.returnsKey = true;
    }
  }

  get statements(): number {
    return this.steps.length;
  }

  /** Runs the statements once; returns the key (given, or returned by the database). */
  async run(client: PoolClient, key?: string): Promise<string> {
    let current = key;
    for (const step of this.steps) {
      let params = step.params;
      if (step.slots.length > 0) {
        if (current === undefined) throw new Error('replay: the key is used before it is known');
        params = params.slice();
        for (const slot of step.slots) params[slot.index] = slot.kind === 'whole' ? current : slot.parts.join(current);
      }
      const result = await client.query<{ id?: string }>(step.sql, params);
      if (step.returnsKey) {
        current = result.rows[0]?.id;
        if (!current) throw new Error(`replay: no id returned by ${step.sql.slice(0, 60)}`);
      }
    }
    if (current === undefined) throw new Error('replay: no key');
    return current;
  }
}

/**
 * CPU time (user + system, ms) another process has used so far, from
 * /proc/<pid>/stat (Linux, 100 ticks a second); undefined where unreadable.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // The fields after the command name (which may hold spaces and parentheses) are field 3 on;
    // utime and stime are fields 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export function latencySummary(samples: number[]): { p50: number; p99: number; max: number; count: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    count: sorted.length,
  };
}

/** 1234.5 → "1,235" (or with `digits` decimals). */
export function num(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const millis = (value: number) => `${value.toFixed(1)} ms`;
