import { DEMO_PASSWORD } from '@app/organisations';
import { QUEUES, QueueFactory } from '@app/core';
import { startTestApp, TestApp } from '@app/testing';

/**
 * The bull-board dashboard at /admin/queues: platform admins only, by Bearer
 * token or by the cookie its sign-in form sets; everyone else is refused
 * before bull-board sees the request. Failed jobs are kept and can be retried.
 */
describe('queue dashboard', () => {
  let testApp: TestApp;
  let base: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    base = `${testApp.baseUrl}/admin/queues`;
  });

  afterAll(() => testApp.close());

  async function tokenOf(email: string): Promise<string> {
    const response = await fetch(`${testApp.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
        variables: { e: email, p: DEMO_PASSWORD },
      }),
    });
    const body = (await response.json()) as { data: { login: { accessToken: string } } };
    return body.data.login.accessToken;
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  function signIn(email: string, password = DEMO_PASSWORD) {
    return fetch(`${base}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }).toString(),
      redirect: 'manual',
    });
  }

  it('lists every queue to a platform admin', async () => {
    const response = await fetch(`${base}/api/queues`, { headers: bearer(await tokenOf('admin@demo.local')) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { queues: { name: string }[] };
    const names = body.queues.map((q) => q.name);
    for (const queue of Object.values(QUEUES)) {
      expect(names.some((name) => name.endsWith(queue))).toBe(true);
    }
  });

  it('refuses users who are not platform admins, and requests without a valid token', async () => {
    const caseworker = await fetch(`${base}/api/queues`, {
      headers: bearer(await tokenOf('pup.caseworker@demo.local')),
    });
    expect(caseworker.status).toBe(403);
    const partnerAdmin = await fetch(`${base}/api/queues`, { headers: bearer(await tokenOf('cis.admin@demo.local')) });
    expect(partnerAdmin.status).toBe(403);
    expect((await fetch(`${base}/api/queues`)).status).toBe(401);
    expect((await fetch(`${base}/api/queues`, { headers: bearer('not-a-token') })).status).toBe(401);
    const forgedCookie = await fetch(`${base}/api/queues`, { headers: { cookie: 'pp_queue_dashboard=forged' } });
    expect(forgedCookie.status).toBe(401);
    // The page itself and its mutating API are behind the same check.
    expect((await fetch(`${base}/`, { headers: { accept: 'application/json' } })).status).toBe(401);
    const retry = await fetch(`${base}/api/queues/${QUEUES.system}/retry/failed`, { method: 'PUT' });
    expect(retry.status).toBe(401);
  });

  it('sends a browser without a session to the sign-in form', async () => {
    const response = await fetch(`${base}/`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/queues/login');
    const form = await fetch(`${base}/login`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<form method="post"');
  });

  it('signs a platform admin in with an HttpOnly, SameSite=Strict cookie that opens the dashboard', async () => {
    const response = await signIn('admin@demo.local');
    expect(response.status).toBe(303);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pp_queue_dashboard=[^;]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/admin/queues');

    const session = cookie.split(';')[0];
    const page = await fetch(`${base}/`, { headers: { cookie: session, accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    // The UI's own script loads under the same path, with the same cookie.
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(new URL(script!, `${base}/`), { headers: { cookie: session } });
    expect(asset.status).toBe(200);
    expect((await fetch(new URL(script!, `${base}/`))).status).toBe(401);
    expect((await fetch(`${base}/api/queues`, { headers: { cookie: session } })).status).toBe(200);
  });

  it('does not sign in other users or wrong passwords', async () => {
    const caseworker = await signIn('pup.caseworker@demo.local');
    expect(caseworker.status).toBe(403);
    expect(caseworker.headers.get('set-cookie')).toBeNull();
    const wrongPassword = await signIn('admin@demo.local', 'wrong password');
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
    const missing = await fetch(`${base}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(missing.status).toBe(400);
  });

  it('refuses text the queue backend cannot store, in the path, the query and the body, as 400', async () => {
    const admin = bearer(await tokenOf('admin@demo.local'));
    const json = { ...admin, 'content-type': 'application/json' };
    const queue = Object.values(QUEUES)[0];
    const requests: [string, RequestInit][] = [
      [`${base}/api/queues/${queue}/%00/logs`, { headers: admin }],
      [`${base}/api/queues/${queue}/%ED%A0%80`, { headers: admin }],
      [`${base}/api/queues?activeQueue=${queue}&status=%00`, { headers: admin }],
      [`${base}/api/queues/${queue}/%00/promote`, { method: 'PUT', headers: json, body: '{}' }],
      [
        `${base}/api/queues/${queue}/add`,
        { method: 'POST', headers: json, body: JSON.stringify({ name: 'x', data: {}, options: { jobId: '\u0000' } }) },
      ],
    ];
    for (const [url, init] of requests) {
      const response = await fetch(url, init);
      const text = await response.text();
      expect([url, response.status]).toEqual([url, 400]);
      expect(text).not.toMatch(/UTF8|invalid byte|SQLSTATE|JSON at position/);
    }
    // And the dashboard still answers.
    expect((await fetch(`${base}/api/queues`, { headers: admin })).status).toBe(200);
  });

  it('shows a failed job, kept, and retries it', async () => {
    const queue = testApp.app.get(QueueFactory).queue(QUEUES.system);
    // The system worker fails jobs it does not know; one attempt, so it fails at once.
    const job = await queue.add('system.unknown', { requestedAt: '' }, { attempts: 1 });
    await eventually(async () => expect(await job.isFailed()).toBe(true));

    const headers = bearer(await tokenOf('admin@demo.local'));
    const listed = await fetch(`${base}/api/queues?activeQueue=${QUEUES.system}&status=failed`, { headers });
    const body = (await listed.json()) as { queues: { name: string; jobs: { id: string }[] }[] };
    const system = body.queues.find((q) => q.name.endsWith(QUEUES.system));
    expect(system?.jobs.map((j) => j.id)).toContain(job.id);

    const retry = await fetch(`${base}/api/queues/${encodeURIComponent(system!.name)}/${job.id}/retry`, {
      method: 'PUT',
      headers,
    });
    expect(retry.status).toBe(204);
    // Retried: it ran again (and failed again, being unknown), so its attempts grew.
    await eventually(async () => {
      const again = await queue.getJob(job.id!);
      expect(again?.attemptsMade).toBeGreaterThanOrEqual(2);
      expect(await again?.isFailed()).toBe(true);
    });
  });
});

async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
