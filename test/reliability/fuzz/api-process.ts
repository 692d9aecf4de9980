import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildEntryPoints, ChildHandle, freePort, isRunning, killHard, spawnChild } from '../support/fault-harness';

export const JWT_SECRET = 'fuzz-test-secret-fuzz-test-secret-0123456789';

export interface ApiSettings {
  databaseUrl: string;
  redisUrl?: string;
  queuePrefix: string;
}

/**
 * The real API entry point (the worker in process, as `npm start` runs it),
 * built into a private folder and run as a child process, so a request that
 * kills it is seen to. It can be started again after a death; its log (JSON
 * lines) is kept across lives to find the server's side of a failure.
 */
export class ApiProcess {
  private child?: ChildHandle;
  private readonly outputs: string[] = [];
  deaths = 0;
  baseUrl = '';

  private constructor(
    private readonly buildDir: string,
    private readonly settings: ApiSettings,
  ) {}

  static async start(settings: ApiSettings): Promise<ApiProcess> {
    const api = new ApiProcess(buildEntryPoints('fuzz'), settings);
    try {
      await api.boot();
    } catch (error) {
      await api.stop();
      throw error;
    }
    return api;
  }

  private async boot(): Promise<void> {
    const port = await freePort();
    this.child = spawnChild(
      process.execPath,
      [join(this.buildDir, 'apps/api/src/main.js')],
      {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: this.settings.databaseUrl,
        ...(this.settings.redisUrl ? { REDIS_URL: this.settings.redisUrl } : {}),
        QUEUE_PREFIX: this.settings.queuePrefix,
        RUN_WORKER: 'true',
        JWT_SECRET,
        DATA_DIR: join(this.buildDir, 'data'),
        SEED_DEMO_DATA: 'true',
        // Errors only: every unexpected error is logged with the request id the fuzzer sent.
        LOG_LEVEL: 'warn',
        // The login mutation is fuzzed too; the limits stay on, high enough not to turn every later login away.
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '100000',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000',
        WEBHOOK_TIMEOUT_MS: '500',
        SHUTDOWN_GRACE_MS: '2000',
      },
      join(this.buildDir, 'api.log'),
    );
    this.baseUrl = `http://127.0.0.1:${port}`;
    // The log is at warn level, so readiness is asked for rather than read from the start-up line.
    const deadline = Date.now() + 60_000;
    while (!(await this.answers())) {
      if (!this.alive() || Date.now() > deadline) {
        throw new Error(`the API did not start:\n${this.child.output().slice(-4000)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  alive(): boolean {
    return isRunning(this.child);
  }

  /** Whether the process is up and answers /health/live. */
  async answers(): Promise<boolean> {
    if (!this.alive()) return false;
    try {
      const response = await fetch(`${this.baseUrl}/health/live`, { signal: AbortSignal.timeout(5_000) });
      return response.status === 200;
    } catch {
      return false;
    }
  }

  /** After a death: the exit status and the last lines it wrote, then a new life. */
  async restart(): Promise<string> {
    const child = this.child!;
    await killHard(child);
    const epitaph = `exit code ${child.process.exitCode}, signal ${child.process.signalCode}: ${lastError(child.output())}`;
    this.outputs.push(child.output());
    this.deaths++;
    await this.boot();
    return epitaph;
  }

  output(): string {
    return [...this.outputs, this.child?.output() ?? ''].join('\n');
  }

  /** The API's own log lines for a request (its error message), by the x-request-id the fuzzer sent. */
  logFor(requestId: string): string | undefined {
    const lines = this.output()
      .split('\n')
      .filter((line) => line.includes(requestId));
    if (lines.length === 0) return undefined;
    return lines
      .map((line) => {
        try {
          const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
          return entry.err?.message ?? entry.msg ?? line;
        } catch {
          return line;
        }
      })
      .join(' / ');
  }

  /** Lines that report an unhandled rejection or uncaught exception (a last-resort handler logs them), or any fatal. */
  unhandledReports(): string[] {
    return this.output()
      .split('\n')
      .filter((line) => /unhandled( promise)? ?rejection|uncaught ?exception|"level":60/i.test(line));
  }

  async stop(): Promise<void> {
    if (this.child) await killHard(this.child);
    rmSync(this.buildDir, { recursive: true, force: true });
  }
}

/** The last error a dying process printed (Node prints it, its stack, then its version): the message line and two frames. */
function lastError(output: string): string {
  const lines = output.trim().split('\n');
  let at = lines.length - 1;
  while (at > 0 && !/^(\w*(Error|Exception)\b|Uncaught|\[?unhandled)/i.test(lines[at])) at--;
  return lines.slice(at, at + 3).join(' | ');
}
