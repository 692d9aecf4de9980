import { LookupAddress } from 'node:dns';
import { AppConfig, BadUserInputError } from '@app/core';
import { WebhookAddressGuard, WebhookAddressRefusedError } from './webhook-address-guard';

/** A guard whose DNS answers come from `zone` (a name missing from it is NXDOMAIN). */
function guardWith(allowPrivateNetworks: boolean, zone: Record<string, string[]> = {}): WebhookAddressGuard {
  const guard = new WebhookAddressGuard({ isProduction: false, webhooks: { allowPrivateNetworks } } as AppConfig);
  jest.spyOn(guard, 'resolve').mockImplementation((hostname: string): Promise<LookupAddress[]> => {
    const answers = zone[hostname];
    if (!answers)
      return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    return Promise.resolve(answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  });
  return guard;
}

const ZONE = {
  'hooks.partner.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.partner.example': ['10.20.30.40'],
  'mixed.partner.example': ['93.184.215.14', '127.0.0.1'],
  'metadata.partner.example': ['169.254.169.254'],
};

/** The field problem a refused URL answers with, or a failure when it is accepted. */
async function refusal(guard: WebhookAddressGuard, url: string): Promise<string> {
  try {
    await guard.checkEndpointUrl(url);
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    const { fields } = (error as BadUserInputError).details as { fields: { field: string; problems: string[] }[] };
    expect(fields).toHaveLength(1);
    expect(fields[0].field).toBe('url');
    return fields[0].problems[0];
  }
  throw new Error(`expected ${url} to be refused`);
}

describe('WebhookAddressGuard.checkEndpointUrl (when an endpoint is created)', () => {
  const guard = guardWith(false, ZONE);

  it.each([
    'https://hooks.partner.example/webhooks',
    'http://hooks.partner.example:8080/in?x=1',
    'https://93.184.215.14/hook',
    'https://[2606:4700:4700::1111]/hook',
  ])('accepts %s (public)', async (url) => {
    await expect(guard.checkEndpointUrl(url)).resolves.toBeUndefined();
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is not a public internet address'],
    ['http://127.0.0.1:5432/', '127.0.0.1 is not a public internet address'],
    ['http://[::1]:22/', '::1 is not a public internet address'],
    ['http://10.1.2.3/hook', '10.1.2.3 is not a public internet address'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is not a public internet address'],
    ['http://[64:ff9b::a9fe:a9fe]/', '64:ff9b::a9fe:a9fe is not a public internet address'],
    ['http://[fe80::1]/', 'fe80::1 is not a public internet address'],
    ['http://0.0.0.0:3000/', '0.0.0.0 is not a public internet address'],
    // the URL parser turns other spellings of an IPv4 address into the dotted form first
    ['http://2130706433/', '127.0.0.1 is not a public internet address'],
    ['http://0x7f.1/', '127.0.0.1 is not a public internet address'],
    ['http://internal.partner.example/hook', 'internal.partner.example resolves to an address that is not public'],
    ['http://mixed.partner.example/hook', 'mixed.partner.example resolves to an address that is not public'],
    ['http://metadata.partner.example/', 'metadata.partner.example resolves to an address that is not public'],
  ])('refuses %s', async (url, problem) => {
    expect(await refusal(guard, url)).toContain(problem);
  });

  it('never says which address a name resolved to', async () => {
    const problem = await refusal(guard, 'http://internal.partner.example/hook');
    expect(problem).not.toContain('10.20.30.40');
  });

  it('refuses a host that does not resolve', async () => {
    expect(await refusal(guard, 'https://nowhere.partner.example/')).toBe(
      'the host nowhere.partner.example could not be resolved',
    );
  });

  it('refuses credentials in the URL and schemes other than http(s)', async () => {
    expect(await refusal(guard, 'https://user:secret@hooks.partner.example/')).toContain(
      'must not contain a user name or password',
    );
    expect(await refusal(guard, 'https://user@hooks.partner.example/')).toContain('must not contain a user name');
    for (const url of ['ftp://hooks.partner.example/', 'file:///etc/passwd', 'gopher://127.0.0.1:6379/', 'not a url']) {
      expect(await refusal(guard, url)).toBe('url must be an http or https URL');
    }
  });

  it('with private networks allowed: loopback and private hosts pass, cloud metadata still does not', async () => {
    const permissive = guardWith(true, ZONE);
    await expect(permissive.checkEndpointUrl('http://127.0.0.1:5432/')).resolves.toBeUndefined();
    await expect(permissive.checkEndpointUrl('http://[::1]:22/')).resolves.toBeUndefined();
    await expect(permissive.checkEndpointUrl('http://internal.partner.example/')).resolves.toBeUndefined();
    expect(await refusal(permissive, 'http://169.254.169.254/')).toContain('not a public internet address');
    expect(await refusal(permissive, 'http://metadata.partner.example/')).toContain('not public');
  });
});

describe('WebhookAddressGuard.lookup (when a delivery connects)', () => {
  const lookup = (guard: WebhookAddressGuard, hostname: string, options: { all?: boolean; family?: number } = {}) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
      guard.lookup(hostname, options, (error, address, family) => resolve({ error, address, family })),
    );

  it('answers with the checked addresses, in the form the socket asked for', async () => {
    const guard = guardWith(false, ZONE);
    expect(await lookup(guard, 'hooks.partner.example', { all: true })).toMatchObject({
      error: null,
      address: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
      ],
    });
    expect(await lookup(guard, 'hooks.partner.example')).toMatchObject({ address: '93.184.215.14', family: 4 });
    expect(await lookup(guard, 'hooks.partner.example', { family: 6 })).toMatchObject({
      address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c',
      family: 6,
    });
  });

  it('fails the connection when any address is refused', async () => {
    const guard = guardWith(false, ZONE);
    for (const host of ['internal.partner.example', 'mixed.partner.example', 'metadata.partner.example']) {
      const { error } = await lookup(guard, host, { all: true });
      expect(error).toBeInstanceOf(WebhookAddressRefusedError);
    }
  });

  it('passes resolver errors on', async () => {
    const { error } = await lookup(guardWith(false, ZONE), 'nowhere.partner.example');
    expect(error?.code).toBe('ENOTFOUND');
  });
});
