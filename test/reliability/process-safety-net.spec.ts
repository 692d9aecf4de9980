import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, readTestEnvironment, TestDatabase } from '@app/testing';
import { buildEntryPoints, ChildHandle, freePort, isRunning, killHard, spawnChild } from './support/fault-harness';

const BOOT_TIMEOUT_MS = 60_000;

/**
 * Loaded into the API with --require: a request carrying the header makes a
 * promise reject with nobody to handle it, as a buggy async handler would
 * (Node's default for that is to end the process).
 */
const INJECT_ASYNC_FAILURE = `
const http = require('node:http');
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, ...rest) {
  if (event === 'request' && request.headers['x-inject-async-failure']) {
    Promise.reject(new Error('injected asynchronous failure'));
  }
  return emit.call(this, event, request, ...rest);
};
`;

/**
 * The real API process (built entry point, worker in process, as `npm start`
 * runs it) keeps serving through requests that used to kill it: a promise
 * that rejects with nobody to handle it is logged loudly, and the malformed
 * cookies that once threw inside the queue dashboard's handler are a 401.
 */
describe('no request takes the API process down', () => {
  const { redisUrl } = readTestEnvironment();
  let buildDir: string;
  let database: TestDatabase;
  let api: ChildHandle;
  let baseUrl: string;

  beforeAll(async () => {
    buildDir = buildEntryPoints('reliability-safety-net');
    const preload = join(buildDir, 'inject-async-failure.js');
    writeFileSync(preload, INJECT_ASYNC_FAILURE);
    database = await createTestDatabase();
    const port = await freePort();
    api = spawnChild(
      process.execPath,
      ['--require', preload, join(buildDir, 'apps/api/src/main.js')],
      {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: database.url,
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
        QUEUE_PREFIX: `safety-${randomBytes(4).toString('hex')}`,
        RUN_WORKER: 'true',
        JWT_SECRET: 'safety-net-secret-safety-net-secret-0123456789',
        DATA_DIR: join(buildDir, 'data'),
        SEED_DEMO_DATA: 'false',
        LOG_LEVEL: 'info',
      },
      join(buildDir, 'api.log'),
    );
    await api.waitForOutput(/GraphQL on http/, BOOT_TIMEOUT_MS);
    baseUrl = `http://127.0.0.1:${port}`;
  }, BOOT_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    if (api) await killHard(api);
    await database?.drop();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  async function stillServing(): Promise<void> {
    expect(isRunning(api)).toBe(true);
    const live = await fetch(`${baseUrl}/health/live`);
    expect(live.status).toBe(200);
    const graphql = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
  }

  it('survives requests whose handling rejects a promise nobody awaits, and says so in the log', async () => {
    for (const path of ['/graphql', '/admin/queues/api/queues', '/health/live', '/nowhere']) {
      await fetch(`${baseUrl}${path}`, { headers: { 'x-inject-async-failure': '1' } });
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // past the next turn of the event loop
    await stillServing();
    expect(api.output()).toMatch(/unhandled promise rejection.*injected asynchronous failure/);
  });

  it.each([
    ['a truncated escape', '%E0%A4%A'],
    ['a lone percent sign', '%'],
    ['a non-hex escape', '%zz'],
    ['an encoded surrogate', '%ED%A0%80'],
    ['6,000 characters', 'x'.repeat(6000)],
  ])('answers a dashboard cookie with %s with 401 and keeps serving', async (_name, cookie) => {
    for (const path of ['/admin/queues/api/queues', '/admin/queues/', '/admin/queues/api/redis/stats']) {
      const response = await fetch(`${baseUrl}${path}`, {
        headers: { cookie: `pp_queue_dashboard=${cookie}`, accept: 'application/json' },
      });
      expect([path, response.status]).toEqual([path, 401]);
    }
    await stillServing();
  });
});
