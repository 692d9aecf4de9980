import { ChildProcess, fork } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { BenchReply, BenchRequest } from './api/main';

/**
 * The API under measurement, in its own process (forked from the build of
 * test/bench/api/main.ts): its CPU is its own, not shared with the load
 * generator's event loop, as in production.
 */
export interface ApiProcess {
  url: string;
  pid: number;
  /** One request over the IPC channel; resolves with the answer. */
  call(request: DistributiveOmit<BenchRequest, 'id'>): Promise<BenchReply>;
  /** SIGTERM (a graceful shutdown, which also writes a --cpu-prof profile), SIGKILL after 20 s. */
  stop(): Promise<void>;
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export async function startApiProcess(options: {
  main: string;
  env: Record<string, string>;
  execArgv?: string[];
  log: (message: string) => void;
}): Promise<ApiProcess> {
  const child = fork(options.main, [], {
    env: options.env,
    execArgv: ['--enable-source-maps', ...(options.execArgv ?? [])],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // The API's logs (warnings and errors only) go to stderr with the runner's progress: stdout is the table.
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => options.log(`[api] ${line}`));
  }

  const pending = new Map<number, (reply: BenchReply) => void>();
  let nextId = 1;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the API did not start within 90 s')), 90_000);
    child.on('message', (message: { type?: string; port?: number } & Partial<BenchReply>) => {
      if (message.type === 'listening' && message.port) {
        clearTimeout(timer);
        resolve(message.port);
      } else if (message.id !== undefined) {
        pending.get(message.id)?.(message as BenchReply);
        pending.delete(message.id);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the API exited during start-up (code ${code}, signal ${signal})`));
    });
  });
  child.on('exit', (code, signal) => {
    for (const resolve of pending.values()) resolve({ id: -1, error: `API exited (code ${code}, signal ${signal})` });
    pending.clear();
  });

  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    call(request) {
      const id = nextId++;
      return new Promise<BenchReply>((resolve, reject) => {
        pending.set(id, (reply) => (reply.error ? reject(new Error(reply.error)) : resolve(reply)));
        child.send({ ...request, id });
      });
    },
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
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
