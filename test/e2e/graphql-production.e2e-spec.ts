import { Client } from 'pg';
import { DemoSeeder } from '@app/organisations';
import { GraphQLClient, GraphQLResponse, startTestApp, TestApp } from '@app/testing';

/**
 * The API as production configures it: no introspection, no GraphiQL, no
 * field suggestions, and unexpected errors (here: a database that lost a
 * table) answered without any detail.
 */
describe('GraphQL in production', () => {
  let api: TestApp;
  const bodies: string[] = [];

  beforeAll(async () => {
    api = await startTestApp({ seedDemoData: false, env: { NODE_ENV: 'production', SEED_DEMO_DATA: 'false' } });
    expect(api.config.isProduction).toBe(true);
    // Production never seeds; the people these tests sign in as are put in directly.
    await api.app.get(DemoSeeder).seed();
  });
  afterAll(() => api.close());

  async function post(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const raw = await response.text();
    bodies.push(raw);
    return { status: response.status, raw, ...(JSON.parse(raw) as Omit<GraphQLResponse, 'status'>) };
  }

  /** Runs SQL on this test file's own database, behind the application's back. */
  async function sql(statement: string): Promise<void> {
    const client = new Client({ connectionString: api.database.url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Query") { fields { name } } }']) {
      const result = await post(query);
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/introspection is not allowed/),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ]);
    }
  });

  it('does not suggest field names', async () => {
    const result = await post('{ organisatio { id } }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.raw).not.toMatch(/Did you mean|"organisations"/);
  });

  it('serves no GraphiQL: neither the page nor its assets', async () => {
    const browser: Record<string, string>[] = [
      { accept: 'text/html' },
      { accept: 'text/html', 'apollo-require-preflight': 'true' },
    ];
    for (const headers of browser) {
      const page = await fetch(`${api.baseUrl}/graphql`, { headers });
      expect(page.status).toBeGreaterThanOrEqual(400);
      expect(page.headers.get('content-type')).not.toMatch(/html/);
      expect(await page.text()).not.toMatch(/<html|GraphiQL/i);
    }
    for (const asset of ['graphiql.js', 'graphiql.css', 'react.js']) {
      const response = await fetch(`${api.baseUrl}/graphiql/${asset}`);
      expect([asset, response.status]).toEqual([asset, 404]);
      await response.arrayBuffer();
    }
  });

  it('still answers expected errors with their code and message', async () => {
    const wrong = await post(LOGIN, { e: 'cis.admin@demo.local', p: 'not the password' });
    expect(wrong.errors).toEqual([
      expect.objectContaining({ message: 'Invalid e-mail or password', extensions: { code: 'UNAUTHENTICATED' } }),
    ]);
    const invalid = await post('{ organisation(id: "1; DROP TABLE users") { id } }');
    expect(invalid.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('when the database fails underneath', () => {
    let token: string;

    beforeAll(async () => {
      token = await signIn('cis.admin@demo.local');
      await sql('ALTER TABLE users RENAME TO users_moved_away');
    });
    afterAll(() => sql('ALTER TABLE users_moved_away RENAME TO users'));

    async function signIn(email: string): Promise<string> {
      const result = await post(LOGIN, { e: email, p: 'demo' });
      return result.data.login.accessToken as string;
    }

    const expectMasked = (result: GraphQLResponse & { raw: string }, path: string) => {
      expect(result.data).toBeNull();
      expect(result.errors).toEqual([
        {
          message: 'Internal server error',
          locations: [expect.any(Object)],
          path: [path],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(result.raw).not.toMatch(/users|relation|does not exist|SELECT|QueryFailedError|stack|42P01/);
    };

    it('masks the failure in a public mutation (login reads users)', async () => {
      expectMasked(await post(LOGIN, { e: 'cis.admin@demo.local', p: 'demo' }), 'login');
    });

    it('masks the failure in the guard (the actor is read from users on every request)', async () => {
      expectMasked(await post('{ me { user { email } } }', {}, token), 'me');
    });

    it('recovers once the database does', async () => {
      await sql('ALTER TABLE users_moved_away RENAME TO users');
      try {
        const client = new GraphQLClient(api.baseUrl, token);
        const { me } = await client.data('{ me { user { email } } }');
        expect(me.user.email).toBe('cis.admin@demo.local');
      } finally {
        await sql('ALTER TABLE users RENAME TO users_moved_away');
      }
    });
  });

  it('answers with cache-control: no-store, data, errors and malformed documents alike', async () => {
    for (const query of ['{ __typename }', '{ me { user { email } } }', '{ me { ']) {
      const response = await fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      await response.text();
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('never sent a stack trace, an exception name or SQL in any answer', () => {
    expect(bodies.length).toBeGreaterThanOrEqual(8);
    for (const body of bodies) {
      expect(body).not.toMatch(/stack|QueryFailedError|SELECT|INSERT|node_modules|\bat [A-Za-z.]+ \(/);
    }
  });
});
