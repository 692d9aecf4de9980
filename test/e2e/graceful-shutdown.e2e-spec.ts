import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, readTestEnvironment, TestDatabase } from '@app/testing';

/**
 * The real entry point (`node apps/api/src/main.js`, built the way `npm run
 * build` builds it, into a private folder) as a child process: on SIGTERM it
 * stops accepting connections, still answers the request it is in the middle
 * of, and exits 0.
 */
const ROOT = join(__dirname, '..', '..');
const BUILD = join(ROOT, '.tmp', `graceful-shutdown-${process.pid}-${randomBytes(3).toString('hex')}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Child {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

function startApi(env: Record<string, string>): Child {
  const child = spawn(process.execPath, [join(BUILD, 'apps/api/src/main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    process: child,
    output: () => output,
    exited,
    waitForOutput: (pattern, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} in the output within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        exited.then(() => {
          if (!pattern.test(output)) {
            cleanup();
            reject(new Error(`the process exited before printing ${pattern}:\n${output}`));
          }
        }, reject);
        check();
      }),
  };
}

/** A POST whose body is sent in two parts, so the request can be left half-way. */
function halfSentLogin(port: number) {
  const body = JSON.stringify({
    query: 'mutation { login(email: "cis.admin@demo.local", password: "demo") { accessToken } }',
  });
  const split = Math.floor(body.length / 2);
  let sendRest!: () => void;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let raw = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (raw += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: raw }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, split));
    sendRest = () => req.end(body.slice(split));
  });
  return { answer, sendRest: () => sendRest() };
}

describe('graceful shutdown of the API process', () => {
  let database: TestDatabase;
  let api: Child | undefined;
  let port: number;

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/@swc/cli/bin/swc.js'), 'apps', 'libs', '-d', BUILD, '--quiet'],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    database = await createTestDatabase();
    port = await freePort();
    const { redisUrl } = readTestEnvironment();
    api = startApi({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: database.url,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      LOG_LEVEL: 'info',
      SEED_DEMO_DATA: 'true',
      RUN_WORKER: 'true',
      SHUTDOWN_GRACE_MS: '8000',
      DATA_DIR: join(BUILD, 'data'),
    });
    await api.waitForOutput(/GraphQL on http/);
  }, 60_000);

  afterAll(async () => {
    if (api && api.process.exitCode === null && api.process.signalCode === null) {
      api.process.kill('SIGKILL');
      await api.exited;
    }
    await database?.drop();
    rmSync(BUILD, { recursive: true, force: true });
  });

  it('is up and ready', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  });

  it('on SIGTERM refuses new connections, finishes the request in flight, then exits 0', async () => {
    const inFlight = halfSentLogin(port);
    // Let the server see the request start before the signal arrives.
    await new Promise((resolve) => setTimeout(resolve, 200));

    api!.process.kill('SIGTERM');
    await api!.waitForOutput(/SIGTERM received/);
    await new Promise((resolve) => setTimeout(resolve, 200));

    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();

    inFlight.sendRest();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { login: { accessToken: expect.any(String) } } });

    expect(await api!.exited).toBe(0);
    expect(api!.output()).not.toMatch(/shutdown exceeded/);
  });
});
