import { LookupAddress } from 'node:dns';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { AppConfig } from '@app/core';
import { WebhookAddressGuard } from './webhook-address-guard';
import { neutralError, WEBHOOK_ERRORS, WebhookHttpClient } from './webhook-http-client';
import { WebhookAddressRefusedError } from './webhook-address-guard';

interface Listener {
  server: Server;
  port: number;
  /** Every request that reached it: the proof of whether a connection got through. */
  received: { method?: string; url?: string; host?: string; body: string }[];
}

async function listen(host: string, answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listener> {
  const received: Listener['received'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        host: req.headers.host,
        body: Buffer.concat(chunks).toString(),
      });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, port: (server.address() as AddressInfo).port, received };
}

/** A client whose guard gets its DNS answers from `zone`, which a test may change between calls. */
function clientWith(allowPrivateNetworks: boolean, zone: Record<string, string> = {}): WebhookHttpClient {
  const guard = new WebhookAddressGuard({ isProduction: false, webhooks: { allowPrivateNetworks } } as AppConfig);
  jest.spyOn(guard, 'resolve').mockImplementation(async (hostname: string): Promise<LookupAddress[]> => {
    const address = zone[hostname];
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  });
  return new WebhookHttpClient(guard);
}

const post = (client: WebhookHttpClient, url: string, timeoutMs = 2000) =>
  client.post(url, { 'content-type': 'application/json', 'x-webhook-id': 'd-1' }, '{"id":"d-1"}', timeoutMs);

describe('WebhookHttpClient', () => {
  let ipv4: Listener;
  let ipv6: Listener;
  const noisyBody = 'postgres says: FATAL password authentication failed for user "admin"';

  beforeAll(async () => {
    ipv4 = await listen('127.0.0.1', (req, res) => {
      if (req.url === '/fail') res.writeHead(500, { 'content-type': 'text/plain' }).end(noisyBody);
      else if (req.url === '/redirect') {
        res.writeHead(302, { location: `http://127.0.0.1:${ipv6.port}/elsewhere` }).end();
      } else if (req.url === '/silent') {
        // never answers: the client's timeout ends it
      } else res.writeHead(204).end();
    });
    ipv6 = await listen('::1', (_req, res) => res.writeHead(204).end());
  });
  afterAll(async () => {
    for (const { server } of [ipv4, ipv6]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  beforeEach(() => {
    ipv4.received.length = 0;
    ipv6.received.length = 0;
  });

  describe('by default (private networks refused)', () => {
    it.each([
      ['127.0.0.1', () => `http://127.0.0.1:${ipv4.port}/`],
      ['::1', () => `http://[::1]:${ipv6.port}/`],
      ['::ffff:127.0.0.1', () => `http://[::ffff:127.0.0.1]:${ipv4.port}/`],
      ['localhost (the real resolver)', () => `http://localhost:${ipv4.port}/`],
    ])('never connects to %s', async (_name, url) => {
      const client = new WebhookHttpClient(
        new WebhookAddressGuard({ isProduction: false, webhooks: { allowPrivateNetworks: false } } as AppConfig),
      );
      expect(await post(client, url())).toEqual({ statusCode: null, error: WEBHOOK_ERRORS.refused });
      expect(ipv4.received).toEqual([]);
      expect(ipv6.received).toEqual([]);
    });

    it('checks the address at connection time: a name that now resolves to loopback (DNS rebinding) gets nothing', async () => {
      const zone = { 'hooks.rebinding.test': '93.184.215.14' };
      const client = clientWith(false, zone);
      zone['hooks.rebinding.test'] = '127.0.0.1'; // the answer changed after the endpoint was accepted
      expect(await post(client, `http://hooks.rebinding.test:${ipv4.port}/`)).toEqual({
        statusCode: null,
        error: WEBHOOK_ERRORS.refused,
      });
      zone['hooks.rebinding.test'] = '::1';
      expect(await post(client, `http://hooks.rebinding.test:${ipv6.port}/`)).toEqual({
        statusCode: null,
        error: WEBHOOK_ERRORS.refused,
      });
      expect(ipv4.received).toEqual([]);
      expect(ipv6.received).toEqual([]);
    });
  });

  describe('with private networks allowed', () => {
    it('the resolver’s answer is where it connects (the control for the rebinding test above)', async () => {
      const client = clientWith(true, { 'hooks.rebinding.test': '127.0.0.1', 'v6.rebinding.test': '::1' });
      expect(await post(client, `http://hooks.rebinding.test:${ipv4.port}/in`)).toEqual({
        statusCode: 204,
        error: null,
      });
      expect(ipv4.received).toEqual([
        { method: 'POST', url: '/in', host: `hooks.rebinding.test:${ipv4.port}`, body: '{"id":"d-1"}' },
      ]);
      expect(await post(client, `http://v6.rebinding.test:${ipv6.port}/in`)).toEqual({ statusCode: 204, error: null });
      expect(ipv6.received).toHaveLength(1);
    });

    it('delivers to IP literals of both families', async () => {
      const client = clientWith(true);
      expect(await post(client, `http://127.0.0.1:${ipv4.port}/`)).toEqual({ statusCode: 204, error: null });
      expect(await post(client, `http://[::1]:${ipv6.port}/`)).toEqual({ statusCode: 204, error: null });
    });

    it('still never connects to cloud metadata, whatever name points there', async () => {
      const client = clientWith(true, { 'metadata.rebinding.test': '169.254.169.254' });
      expect(await post(client, 'http://metadata.rebinding.test/latest/meta-data/')).toEqual({
        statusCode: null,
        error: WEBHOOK_ERRORS.refused,
      });
      expect(await post(client, 'http://169.254.169.254/latest/meta-data/')).toEqual({
        statusCode: null,
        error: WEBHOOK_ERRORS.refused,
      });
    });

    it('does not follow a redirect: a 3xx is a failed attempt and its target gets nothing', async () => {
      const client = clientWith(true);
      expect(await post(client, `http://127.0.0.1:${ipv4.port}/redirect`)).toEqual({
        statusCode: 302,
        error: 'HTTP 302',
      });
      expect(ipv6.received).toEqual([]);
    });

    it('records only the status of a failing receiver, never what it sent', async () => {
      const client = clientWith(true);
      const result = await post(client, `http://127.0.0.1:${ipv4.port}/fail`);
      expect(result).toEqual({ statusCode: 500, error: 'HTTP 500' });
    });

    it('names socket failures with fixed texts', async () => {
      const client = clientWith(true);
      const closed = await listen('127.0.0.1', () => undefined);
      await new Promise((resolve) => closed.server.close(resolve));
      expect(await post(client, `http://127.0.0.1:${closed.port}/`)).toEqual({
        statusCode: null,
        error: WEBHOOK_ERRORS.connectionRefused,
      });
      expect(await post(client, `http://127.0.0.1:${ipv4.port}/silent`, 200)).toEqual({
        statusCode: null,
        error: WEBHOOK_ERRORS.timeout,
      });
      expect(await post(client, `https://127.0.0.1:${ipv4.port}/`)).toEqual({
        statusCode: null,
        error: WEBHOOK_ERRORS.tls,
      });
      expect(await post(client, 'http://nowhere.rebinding.test/')).toEqual({
        statusCode: null,
        error: WEBHOOK_ERRORS.notFound,
      });
      expect(await post(client, 'ftp://127.0.0.1/')).toEqual({ statusCode: null, error: WEBHOOK_ERRORS.invalidUrl });
    });
  });
});

describe('neutralError', () => {
  const failure = (code: string, message = `${code}: what the other side said`) =>
    Object.assign(new Error(message), { code });

  it.each([
    [new WebhookAddressRefusedError('db.internal'), WEBHOOK_ERRORS.refused],
    [
      Object.assign(new Error('This operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' }),
      WEBHOOK_ERRORS.timeout,
    ],
    [failure('ENOTFOUND'), WEBHOOK_ERRORS.notFound],
    [failure('EAI_AGAIN'), WEBHOOK_ERRORS.notFound],
    [failure('ECONNREFUSED'), WEBHOOK_ERRORS.connectionRefused],
    [failure('EHOSTUNREACH'), WEBHOOK_ERRORS.unreachable],
    [failure('ETIMEDOUT'), WEBHOOK_ERRORS.unreachable],
    [failure('ECONNRESET', 'socket hang up'), WEBHOOK_ERRORS.reset],
    [failure('EPROTO'), WEBHOOK_ERRORS.tls],
    [
      failure('ERR_TLS_CERT_ALTNAME_INVALID', "Host: x. is not in the cert's altnames: DNS:vault.internal"),
      WEBHOOK_ERRORS.tls,
    ],
    [failure('DEPTH_ZERO_SELF_SIGNED_CERT'), WEBHOOK_ERRORS.tls],
    [failure('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), WEBHOOK_ERRORS.tls],
    [failure('HPE_INVALID_CONSTANT', 'Parse Error: SSH-2.0-OpenSSH_9.2'), WEBHOOK_ERRORS.badResponse],
    [new Error('anything else, quoting the receiver'), WEBHOOK_ERRORS.failed],
    ['not even an error', WEBHOOK_ERRORS.failed],
    [undefined, WEBHOOK_ERRORS.failed],
  ])('%p is recorded as a fixed text', (error, expected) => {
    expect(neutralError(error)).toBe(expected);
  });
});
