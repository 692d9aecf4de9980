import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { loadConsoleFiles } from './console-files';
import { consoleMiddleware } from './console.module';

describe('the console at /', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), `console.log(${JSON.stringify('x'.repeat(5000))});`);
    const app = express();
    app.use(consoleMiddleware(loadConsoleFiles(dir)));
    app.use((_request, response) => void response.status(404).send('api'));
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const html = { accept: 'text/html,application/xhtml+xml' };

  it('serves index.html at / with a strict content security policy, never cached', async () => {
    const response = await fetch(`${base}/`, { headers: html });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>console</title>');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a console route opened directly with index.html (the app routes in the browser)', async () => {
    const response = await fetch(`${base}/referrals/123`, { headers: html });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>console</title>');
  });

  it('serves hashed assets gzipped and cacheable for good; a missing asset is not index.html', async () => {
    const asset = await fetch(`${base}/assets/index-abc.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/assets/missing.js`, { headers: html })).status).toBe(404);
  });

  it.each(['/graphql', '/graphiql/react.js', '/admin/queues', '/health/ready'])(
    'leaves %s to the API',
    async (path) => {
      const response = await fetch(`${base}${path}`, { headers: html });
      expect(await response.text()).toBe('api');
    },
  );

  it('leaves non-GET requests to the API', async () => {
    const response = await fetch(`${base}/`, { method: 'POST', headers: html });
    expect(await response.text()).toBe('api');
  });
});
