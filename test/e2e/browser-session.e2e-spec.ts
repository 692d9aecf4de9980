import { createHash } from 'node:crypto';
import { Client as WsClient, createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { DEMO_PASSWORD, DemoSeeder } from '@app/organisations';
import { GraphQLClient, startTestApp, TestApp } from '@app/testing';
import { BrowserSession, ME, SIGN_IN, SIGN_OUT } from './support/browser-session';
import { createParticipant, createReferral, grantConsent } from './support/referrals';

const CASEWORKER = 'pup.caseworker@demo.local';
const MAX_FAILURES_PER_ACCOUNT = 3;

/**
 * The console's sign-in: an HttpOnly, SameSite=Strict session cookie backed by
 * a server-side session, accepted by POST /graphql and graphql-ws, refused on
 * GET and from foreign origins, ended on the server by signOut. Bearer tokens
 * keep working for API clients.
 */
describe('browser sessions', () => {
  let api: TestApp;
  let db: Client;

  beforeAll(async () => {
    api = await startTestApp({
      env: {
        LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES_PER_ACCOUNT),
        // Every test here signs in afresh from the one loopback address.
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000',
        SESSION_IDLE_SECONDS: '600',
      },
    });
    db = new Client({ connectionString: api.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  async function signedIn(email = CASEWORKER): Promise<BrowserSession> {
    const browser = new BrowserSession(api.baseUrl);
    const result = await browser.signIn(email, DEMO_PASSWORD);
    expect(result.errors).toBeUndefined();
    return browser;
  }

  const sessionToken = (browser: BrowserSession) => browser.cookies.get('pp_session')!;
  const hashOf = (token: string) => createHash('sha256').update(token).digest();

  it('signs in with an HttpOnly, SameSite=Strict cookie scoped to /graphql; the token never reaches scripts', async () => {
    const browser = new BrowserSession(api.baseUrl);
    const result = await browser.signIn(CASEWORKER, DEMO_PASSWORD);
    expect(result.errors).toBeUndefined();
    expect(result.data.signIn.user).toMatchObject({ email: CASEWORKER, language: 'pl' });
    expect(result.setCookies).toHaveLength(1);
    const [cookie] = result.setCookies;
    expect(cookie.name).toBe('pp_session');
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/graphql' });
    expect(cookie.attributes.secure).toBeUndefined(); // not production: plain http on localhost
    const maxAge = Number(cookie.attributes['max-age']);
    expect(maxAge).toBeGreaterThan(43_000);
    expect(maxAge).toBeLessThanOrEqual(43_200);
    // The answer names no token: only the cookie carries it.
    expect(JSON.stringify(result.data)).not.toContain(cookie.value);

    const me = await browser.post(ME);
    expect(me.data.me.user).toMatchObject({ email: CASEWORKER, language: 'pl' });
  });

  it('stores only the hash of the token, with the user, times and no revocation', async () => {
    const browser = await signedIn();
    const token = sessionToken(browser);
    const { rows } = await db.query(
      `SELECT s.*, u.email FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
      [hashOf(token)],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: CASEWORKER, kind: 'BROWSER', revoked_at: null, idle_seconds: 600 });
    expect(rows[0].expires_at.getTime() - rows[0].created_at.getTime()).toBe(43_200_000);
    const { rows: anywhere } = await db.query(
      `SELECT count(*)::int AS n FROM sessions WHERE row_to_json(sessions)::text LIKE $1`,
      [`%${token}%`],
    );
    expect(anywhere[0].n).toBe(0);
  });

  it('sign-out ends the session on the server: the old cookie is UNAUTHENTICATED', async () => {
    const browser = await signedIn();
    const stolen = browser.cookieHeader;
    const out = await browser.post(SIGN_OUT);
    expect(out.data).toEqual({ signOut: true });
    expect(out.setCookies).toEqual([
      expect.objectContaining({
        name: 'pp_session',
        value: '',
        attributes: expect.objectContaining({ 'max-age': '0' }),
      }),
    ]);
    expect(browser.cookies.size).toBe(0);
    // The old cookie, replayed (as someone who copied it would).
    const replay = await browser.post(ME, {}, { cookie: stolen });
    expect(replay.data).toBeNull();
    expect(replay.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { rows } = await db.query(`SELECT revoked_reason FROM sessions WHERE token_hash = $1`, [
      hashOf(decodeURIComponent(stolen.split('=')[1])),
    ]);
    expect(rows).toEqual([{ revoked_reason: 'SIGN_OUT' }]);
    // Signing out again changes nothing and says so.
    expect((await browser.post(SIGN_OUT, {}, { cookie: stolen })).data).toEqual({ signOut: false });
  });

  it('a wrong password or unknown e-mail sets no cookie and answers as login does', async () => {
    const browser = new BrowserSession(api.baseUrl);
    for (const [email, password] of [
      ['cis.caseworker@demo.local', 'wrong'],
      ['nobody@demo.local', 'wrong'],
    ]) {
      const result = await browser.post(SIGN_IN, { email, password });
      expect(result.data).toBeNull();
      expect(result.errors).toEqual([
        expect.objectContaining({ message: 'Invalid e-mail or password', extensions: { code: 'UNAUTHENTICATED' } }),
      ]);
      expect(result.setCookies).toEqual([]);
    }
  });

  it('counts against the same rate limits as login', async () => {
    const email = 'ops.socialworker@demo.local';
    const browser = new BrowserSession(api.baseUrl);
    const anonymous = GraphQLClient.anonymous(api.baseUrl);
    const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
    // Failures through login and signIn add up on the one account counter.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      expect(await anonymous.errorCode(LOGIN, { e: email, p: 'wrong' })).toBe('UNAUTHENTICATED');
    }
    expect((await browser.post(SIGN_IN, { email, password: 'wrong' })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const limited = await browser.post(SIGN_IN, { email, password: DEMO_PASSWORD });
    expect(limited.errors?.[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(limited.setCookies).toEqual([]);
  });

  it('refuses the cookie on GET /graphql, even with the header that passes CSRF prevention', async () => {
    const browser = await signedIn();
    const url = `${api.baseUrl}/graphql?query=${encodeURIComponent(ME)}`;
    const response = await fetch(url, {
      headers: { cookie: browser.cookieHeader, 'apollo-require-preflight': 'true', origin: browser.origin },
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // Without that header Apollo refuses a GET before any resolver runs.
    const bare = await fetch(url, { headers: { cookie: browser.cookieHeader } });
    expect(bare.status).toBe(400);
  });

  it('refuses a cross-site POST: the content types a form can send, and a foreign Origin', async () => {
    const browser = await signedIn();
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType, cookie: browser.cookieHeader, origin: 'https://evil.example' },
        body: JSON.stringify({ query: ME }),
      });
      const text = await response.text();
      expect({ contentType, status: response.status }).toEqual({ contentType, status: 400 });
      expect(text).not.toContain(CASEWORKER);
    }
    // JSON (which a browser sends cross-site only after a CORS preflight this API never grants), from another origin.
    const foreign = await browser.post(ME, {}, { origin: 'https://evil.example' });
    expect(foreign.data).toBeNull();
    expect(foreign.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The same request from the console's own origin works.
    expect((await browser.post(ME)).data.me.user.email).toBe(CASEWORKER);
  });

  it('ends an idle session and an expired one', async () => {
    const idle = await signedIn();
    await db.query(`UPDATE sessions SET last_seen_at = now() - interval '11 minutes' WHERE token_hash = $1`, [
      hashOf(sessionToken(idle)),
    ]);
    expect((await idle.post(ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const old = await signedIn();
    await db.query(
      `UPDATE sessions SET created_at = now() - interval '13 hours', expires_at = now() - interval '1 hour' WHERE token_hash = $1`,
      [hashOf(sessionToken(old))],
    );
    expect((await old.post(ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // In use, a session is marked seen (at most once a minute), which keeps it from going idle.
    const busy = await signedIn();
    await db.query(`UPDATE sessions SET last_seen_at = now() - interval '9 minutes' WHERE token_hash = $1`, [
      hashOf(sessionToken(busy)),
    ]);
    expect((await busy.post(ME)).errors).toBeUndefined();
    const { rows } = await db.query(
      `SELECT now() - last_seen_at < interval '1 minute' AS fresh FROM sessions WHERE token_hash = $1`,
      [hashOf(sessionToken(busy))],
    );
    expect(rows).toEqual([{ fresh: true }]);
  });

  it('keeps bearer tokens working, and a bearer header wins over a cookie', async () => {
    const pup = await GraphQLClient.login(api.baseUrl, CASEWORKER);
    expect((await pup.data(ME)).me.user.email).toBe(CASEWORKER);
    const cis = await signedIn('cis.caseworker@demo.local');
    const { accessToken } = (
      await GraphQLClient.anonymous(api.baseUrl).data(
        'mutation { login(email: "pup.caseworker@demo.local", password: "demo") { accessToken } }',
      )
    ).login;
    const both = await cis.post(ME, {}, { authorization: `Bearer ${accessToken}` });
    expect(both.data.me.user.email).toBe(CASEWORKER);
    const badBearer = await cis.post(ME, {}, { authorization: 'Bearer not-a-token' });
    expect(badBearer.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets the user read and change their language', async () => {
    const browser = await signedIn('cis.admin@demo.local');
    expect((await browser.post(ME)).data.me.user.language).toBe('pl');
    const changed = await browser.post(`mutation { setMyLanguage(language: en) { email language } }`);
    expect(changed.data.setMyLanguage).toEqual({ email: 'cis.admin@demo.local', language: 'en' });
    expect((await browser.post(ME)).data.me.user.language).toBe('en');
    expect(
      (await browser.post(`mutation { setMyLanguage(language: de) { language } }`)).errors?.[0].extensions?.code,
    ).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(
      await GraphQLClient.anonymous(api.baseUrl).errorCode(`mutation { setMyLanguage(language: pl) { language } }`),
    ).toBe('UNAUTHENTICATED');
    await browser.post(`mutation { setMyLanguage(language: pl) { language } }`);
  });

  describe('graphql-ws with the cookie', () => {
    const SUBSCRIPTION = `subscription { notificationAdded { id eventType subjectId } }`;
    const wsUrl = () => `${api.baseUrl.replace(/^http/, 'ws')}/graphql`;

    /** A browser's websocket: the Cookie and Origin headers on the upgrade request, no connectionParams. */
    function subscribe(headers: Record<string, string>) {
      const received: { subjectId: string }[] = [];
      let failure: unknown;
      let completed = false;
      let connected!: () => void;
      const ready = new Promise<void>((resolve) => (connected = resolve));
      class BrowserWebSocket extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      }
      const client: WsClient = createClient({
        url: wsUrl(),
        webSocketImpl: BrowserWebSocket,
        lazy: false,
        retryAttempts: 0,
        on: { connected: () => connected() },
        onNonLazyError: (error) => (failure = error),
      });
      client.subscribe<{ notificationAdded: { subjectId: string } }>(
        { query: SUBSCRIPTION },
        {
          next: (result) => (result.data ? received.push(result.data.notificationAdded) : (failure = result.errors)),
          error: (error) => (failure = error),
          complete: () => (completed = true),
        },
      );
      return { client, received, ready, failure: () => failure, completed: () => completed };
    }

    async function until<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error('condition not met in time');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }

    async function referralToCis(): Promise<string> {
      const pup = await GraphQLClient.login(api.baseUrl, CASEWORKER);
      const { organisations } = await pup.data('{ organisations(kind: SOCIAL_INTEGRATION_CENTRE) { id } }');
      const participantId = await createParticipant(pup, 'Zielińska');
      await grantConsent(pup, participantId, organisations[0].id);
      return (await createReferral(pup, participantId, organisations[0].id)).id as string;
    }

    it('accepts the cookie from the console’s origin and delivers live', async () => {
      const cis = await signedIn('cis.caseworker@demo.local');
      const live = subscribe({ cookie: cis.cookieHeader, origin: cis.origin });
      await live.ready;
      const referralId = await referralToCis();
      await until(() => live.received.find((n) => n.subjectId === referralId));
      expect(live.failure()).toBeUndefined();
      await live.client.dispose();
    });

    it('refuses the cookie from another origin, without an origin, and after sign-out', async () => {
      const cis = await signedIn('cis.caseworker@demo.local');
      const attempts: Record<string, string>[] = [
        { cookie: cis.cookieHeader, origin: 'https://evil.example' },
        { cookie: cis.cookieHeader },
        { origin: cis.origin },
      ];
      for (const headers of attempts) {
        const refused = subscribe(headers);
        await until(() => refused.failure());
        expect(refused.received).toEqual([]);
        await refused.client.dispose();
      }
      const cookie = cis.cookieHeader;
      await cis.post(SIGN_OUT);
      const afterSignOut = subscribe({ cookie, origin: cis.origin });
      await until(() => afterSignOut.failure());
      await afterSignOut.client.dispose();
    });

    it('ends a live subscription whose session was signed out, before it delivers anything', async () => {
      const cis = await signedIn('cis.caseworker@demo.local');
      const live = subscribe({ cookie: cis.cookieHeader, origin: cis.origin });
      await live.ready;
      // A second browser of the same user stays signed in and keeps receiving.
      const other = await signedIn('cis.caseworker@demo.local');
      const stays = subscribe({ cookie: other.cookieHeader, origin: other.origin });
      await stays.ready;
      await cis.post(SIGN_OUT);
      const referralId = await referralToCis();
      await until(() => stays.received.find((n) => n.subjectId === referralId));
      await until(() => (live.completed() ? true : undefined));
      expect(live.received).toEqual([]);
      await live.client.dispose();
      await stays.client.dispose();
    });
  });
});

/** In production the cookie is also Secure: a browser sends it over HTTPS only. */
describe('browser sessions in production', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ seedDemoData: false, env: { NODE_ENV: 'production', SEED_DEMO_DATA: 'false' } });
    await api.app.get(DemoSeeder).seed();
  });
  afterAll(() => api.close());

  it('sets a Secure cookie', async () => {
    const browser = new BrowserSession(api.baseUrl);
    const result = await browser.signIn(CASEWORKER, DEMO_PASSWORD);
    expect(result.setCookies[0].attributes).toMatchObject({
      httponly: true,
      samesite: 'Strict',
      secure: true,
      path: '/graphql',
    });
  });
});
