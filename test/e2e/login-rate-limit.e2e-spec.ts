import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { readTestEnvironment, startTestApp, TestApp } from '@app/testing';

/**
 * Login throttling: failed attempts per account, all attempts per client
 * address, and (on Redis) counters shared by every API process. Each test
 * speaks from its own loopback address (127.0.0.x) so the address counters of
 * one test never touch another's.
 */
const MAX_FAILURES_PER_ACCOUNT = 3;
const MAX_ATTEMPTS_PER_ADDRESS = 8;
const { redisUrl } = readTestEnvironment();
const itWithRedis = redisUrl ? it : it.skip;

interface LoginOutcome {
  token?: string;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
}

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

/** A login sent from the given local address, as a client on that address would. */
function loginFrom(api: TestApp, address: string, email: string, password: string): Promise<LoginOutcome> {
  const { port } = new URL(api.baseUrl);
  const body = JSON.stringify({ query: LOGIN, variables: { e: email, p: password } });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(port),
        localAddress: address,
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let raw = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (raw += chunk));
        res.on('end', () => {
          try {
            const parsed = JSON.parse(raw);
            const error = parsed.errors?.[0];
            resolve({
              token: parsed.data?.login?.accessToken,
              code: error?.extensions?.code,
              message: error?.message,
              retryAfterSeconds: error?.extensions?.retryAfterSeconds,
            });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const ok = (outcome: LoginOutcome) => expect(outcome).toEqual({ token: expect.any(String) });
const invalid = { code: 'UNAUTHENTICATED', message: 'Invalid e-mail or password' };
const limited = { code: 'RATE_LIMITED', message: 'Too many attempts, try again later' };

describe('login rate limiting', () => {
  let api: TestApp;
  const sharedPrefix = `rl_${randomBytes(4).toString('hex')}`;
  const env = {
    LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES_PER_ACCOUNT),
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: String(MAX_ATTEMPTS_PER_ADDRESS),
  };

  beforeAll(async () => {
    api = await startTestApp({ env, queuePrefix: sharedPrefix });
  });
  afterAll(() => api.close());

  it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures, even for the right password, from anywhere`, async () => {
    const email = 'cis.admin@demo.local';
    for (const spelling of [email, 'CIS.Admin@demo.local', ` ${email.toUpperCase()} `]) {
      expect(await loginFrom(api, '127.0.0.11', spelling, 'wrong password')).toMatchObject(invalid);
    }
    const locked = await loginFrom(api, '127.0.0.11', email, 'demo');
    expect(locked).toMatchObject(limited);
    expect(locked.token).toBeUndefined();
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(900);

    expect(await loginFrom(api, '127.0.0.12', email, 'demo')).toMatchObject(limited);
    // Other accounts, from the same addresses, are not affected.
    ok(await loginFrom(api, '127.0.0.12', 'cis.caseworker@demo.local', 'demo'));
    ok(await loginFrom(api, '127.0.0.11', 'cis.caseworker@demo.local', 'demo'));
  });

  it('answers an unknown e-mail exactly like a wrong password, before and after the lock', async () => {
    const known: LoginOutcome[] = [];
    const unknown: LoginOutcome[] = [];
    for (let attempt = 0; attempt <= MAX_FAILURES_PER_ACCOUNT; attempt++) {
      known.push(await loginFrom(api, '127.0.0.13', 'pup.admin@demo.local', `wrong-${attempt}`));
      unknown.push(await loginFrom(api, '127.0.0.14', 'nobody-here@demo.local', `wrong-${attempt}`));
    }
    const withoutTiming = (outcomes: LoginOutcome[]) =>
      outcomes.map(({ code, message, token }) => ({ code, message, token }));
    expect(withoutTiming(unknown)).toEqual(withoutTiming(known));
    expect(withoutTiming(known)).toEqual([
      ...Array.from({ length: MAX_FAILURES_PER_ACCOUNT }, () => ({ ...invalid, token: undefined })),
      { ...limited, token: undefined },
    ]);
  });

  it('forgets the failures of an account once its owner signs in', async () => {
    const email = 'ops.socialworker@demo.local';
    for (let round = 0; round < 2; round++) {
      for (let failure = 1; failure < MAX_FAILURES_PER_ACCOUNT; failure++) {
        expect(await loginFrom(api, '127.0.0.15', email, 'wrong')).toMatchObject(invalid);
      }
      ok(await loginFrom(api, '127.0.0.15', email, 'demo'));
    }
  });

  it(`refuses an address after ${MAX_ATTEMPTS_PER_ADDRESS} attempts, whatever the accounts`, async () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS_PER_ADDRESS; attempt++) {
      expect(await loginFrom(api, '127.0.0.16', `sprayed-${attempt}@demo.local`, 'demo')).toMatchObject(invalid);
    }
    expect(await loginFrom(api, '127.0.0.16', 'mops.coordinator@demo.local', 'demo')).toMatchObject(limited);
    ok(await loginFrom(api, '127.0.0.17', 'mops.coordinator@demo.local', 'demo'));
  });

  it('counts successful attempts against the address too', async () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS_PER_ADDRESS; attempt++) {
      ok(await loginFrom(api, '127.0.0.18', 'pup.caseworker@demo.local', 'demo'));
    }
    expect(await loginFrom(api, '127.0.0.18', 'pup.caseworker@demo.local', 'demo')).toMatchObject(limited);
  });

  itWithRedis('shares the counters between API processes through Redis', async () => {
    const other = await startTestApp({ env, queuePrefix: sharedPrefix });
    try {
      const email = 'pup.caseworker@demo.local';
      for (let failure = 0; failure < MAX_FAILURES_PER_ACCOUNT; failure++) {
        const instance = failure % 2 === 0 ? api : other;
        expect(await loginFrom(instance, '127.0.0.19', email, 'wrong')).toMatchObject(invalid);
      }
      expect(await loginFrom(other, '127.0.0.20', email, 'demo')).toMatchObject(limited);
      expect(await loginFrom(api, '127.0.0.20', email, 'demo')).toMatchObject(limited);

      // The address counter is shared too: 3 attempts above, the rest split between the two.
      for (let attempt = MAX_FAILURES_PER_ACCOUNT; attempt < MAX_ATTEMPTS_PER_ADDRESS; attempt++) {
        await loginFrom(attempt % 2 === 0 ? api : other, '127.0.0.19', 'auditor@demo.local', 'demo');
      }
      expect(await loginFrom(other, '127.0.0.19', 'auditor@demo.local', 'demo')).toMatchObject(limited);
      expect(await loginFrom(api, '127.0.0.19', 'auditor@demo.local', 'demo')).toMatchObject(limited);
    } finally {
      await other.close();
    }
  });
});
