import { Job } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUES, QueueFactory } from '@app/core';
import { readTestEnvironment, startTestApp, TestApp } from '@app/testing';

/**
 * The queue round trip on whichever backing this run uses (BullMQ's
 * PostgreSQL backend, or Redis when REDIS_URL is set): the API enqueues, the
 * in-process worker processes, the result comes back. And the health
 * endpoints that report on both.
 */
const expectedBacking = readTestEnvironment().redisUrl ? 'redis' : 'postgres';

/** The job once it reached `state` (read again after the state check, so its fields match it). */
async function jobIn(
  queue: ReturnType<QueueFactory['queue']>,
  id: string,
  state: 'completed' | 'failed',
): Promise<Job> {
  return until(`job ${id} to be ${state}`, async () => {
    const current = await queue.getJobState(id);
    if (current === 'failed' && state !== 'failed') {
      throw new Error(`job failed: ${(await queue.getJob(id))?.failedReason}`);
    }
    return current === state ? ((await queue.getJob(id)) as Job) : undefined;
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`queue round trip (${expectedBacking} backing)`, () => {
  let api: TestApp;
  let queues: QueueFactory;

  beforeAll(async () => {
    api = await startTestApp({ seedDemoData: false });
    queues = api.app.get(QueueFactory);
  });
  afterAll(() => api.close());

  it('runs on the backing the configuration names', () => {
    expect(queues.kind).toBe(expectedBacking);
  });

  it('processes a system.ping job and returns its result', async () => {
    const requestedAt = new Date().toISOString();
    const job = await queues.queue(QUEUES.system).add('system.ping', { requestedAt });
    expect(job.id).toEqual(expect.any(String));

    const done = await jobIn(queues.queue(QUEUES.system), job.id!, 'completed');

    expect(done.returnvalue).toEqual({ requestedAt, processedAt: expect.any(String), pid: process.pid });
    const { processedAt } = done.returnvalue as { processedAt: string };
    expect(Date.parse(processedAt)).toBeGreaterThanOrEqual(Date.parse(requestedAt));
    expect(done.attemptsMade).toBeLessThanOrEqual(1);
  });

  it('de-duplicates by jobId', async () => {
    const queue = queues.queue(QUEUES.system);
    const jobId = `ping-${Date.now()}`;
    const first = await queue.add('system.ping', { requestedAt: new Date().toISOString() }, { jobId });
    const second = await queue.add('system.ping', { requestedAt: new Date().toISOString() }, { jobId });
    expect(second.id).toBe(first.id);
    await jobIn(queue, jobId, 'completed');
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed');
    expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0 });
  });

  it('keeps a failed job, with its reason, after its attempts', async () => {
    const queue = queues.queue(QUEUES.system);
    const job = await queue.add(
      'system.unknown',
      { requestedAt: new Date().toISOString() },
      {
        attempts: 1,
      },
    );
    const failed = await jobIn(queue, job.id!, 'failed');
    expect(failed.failedReason).toBe('Unknown job system.unknown on the system queue');
  });

  describe('health', () => {
    it('/health/live answers while the process runs', async () => {
      const response = await fetch(`${api.baseUrl}/health/live`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('/health/ready reports the database and the queue backend up, with the backing', async () => {
      const response = await fetch(`${api.baseUrl}/health/ready`);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' }, queue: { status: 'up', backing: expectedBacking } },
        error: {},
      });
    });

    it("/health/metrics gives each queue's depth per state in the Prometheus format", async () => {
      const response = await fetch(`${api.baseUrl}/health/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      for (const queue of Object.values(QUEUES)) {
        for (const state of ['waiting', 'active', 'delayed', 'failed']) {
          expect(text).toMatch(new RegExp(`^bullmq_jobs\\{queue="${queue}",state="${state}"\\} \\d+$`, 'm'));
        }
      }
    });

    (expectedBacking === 'redis' ? it : it.skip)(
      'is not ready when Redis may evict jobs (maxmemory-policy)',
      async () => {
        const redis = new IORedis(readTestEnvironment().redisUrl!);
        const [, before] = (await redis.config('GET', 'maxmemory-policy')) as string[];
        try {
          await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
          const response = await fetch(`${api.baseUrl}/health/ready`);
          expect(response.status).toBe(503);
          const body = (await response.json()) as { error: Record<string, unknown> };
          expect(body.error.queue).toMatchObject({ status: 'down', maxmemoryPolicy: 'allkeys-lru' });
        } finally {
          await redis.config('SET', 'maxmemory-policy', before);
          await redis.quit();
        }
        expect((await fetch(`${api.baseUrl}/health/ready`)).status).toBe(200);
      },
    );

    it('needs no token (deny by default does not hide health from the orchestrator)', async () => {
      const response = await fetch(`${api.baseUrl}/health/ready`, { headers: { authorization: 'Bearer nonsense' } });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    });
  });
});
