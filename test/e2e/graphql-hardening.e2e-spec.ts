import { getIntrospectionQuery } from 'graphql';
import { GraphQLResponse, startTestApp, TestApp } from '@app/testing';

/**
 * The limits every GraphQL request meets before any resolver runs (depth,
 * aliases, tokens, directives, cost; no batching; CSRF prevention), on the
 * test configuration, where introspection and GraphiQL are on. The production
 * configuration is covered by graphql-production.e2e-spec.ts.
 */
describe('GraphQL hardening', () => {
  let api: TestApp;
  const bodies: string[] = [];

  beforeAll(async () => {
    api = await startTestApp({ seedDemoData: false });
  });
  afterAll(() => api.close());

  /** A raw HTTP call to /graphql; every answer is kept for the leak check at the end. */
  async function send(init: RequestInit & { query?: string } = {}): Promise<GraphQLResponse & { raw: string }> {
    const { query, ...rest } = init;
    const url = `${api.baseUrl}/graphql${query === undefined ? '' : `?query=${encodeURIComponent(query)}`}`;
    const response = await fetch(url, rest);
    const raw = await response.text();
    bodies.push(raw);
    return { status: response.status, raw, ...(JSON.parse(raw) as Omit<GraphQLResponse, 'status'>) };
  }

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    send({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  /** Refused before execution: 400, no data, every error coded, one saying why. */
  function expectRefused(result: GraphQLResponse, code: string, why: RegExp): void {
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.length).toBeGreaterThan(0);
    for (const error of result.errors!) expect(error.extensions?.code).toEqual(expect.any(String));
    expect(result.errors).toContainEqual(expect.objectContaining({ message: expect.stringMatching(why) }));
    expect(result.errors!.find((e) => why.test(e.message))?.extensions?.code).toBe(code);
  }

  const nest = (open: string, levels: number, leaf: string) => `${open} { `.repeat(levels) + leaf + ' }'.repeat(levels);

  describe('depth', () => {
    it('accepts a real query within the limit', async () => {
      const result = await post({
        query: '{ dataSharingAgreements { partnership { members { members { user { email } } } } } }',
      });
      // Validation passed; only the missing sign-in stops it.
      expect(result.status).toBe(200);
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a query nested 20 levels deep', async () => {
      const result = await post({ query: `{ __type(name: "Organisation") { ${nest('ofType', 19, 'name')} } }` });
      expectRefused(result, 'GRAPHQL_VALIDATION_FAILED', /depth limit of 10 exceeded, found 21/);
    });

    it('counts fields inside fragments at their real depth', async () => {
      const result = await post({
        query: `
          query { __type(name: "Organisation") { ...Outer } }
          fragment Outer on __Type { ofType { ofType { ...Middle } } }
          fragment Middle on __Type { ofType { ofType { ... on __Type { ofType { ...Inner } } } } }
          fragment Inner on __Type { ${nest('ofType', 15, 'name')} }`,
      });
      expectRefused(result, 'GRAPHQL_VALIDATION_FAILED', /depth limit of 10 exceeded, found 22/);
    });

    it('refuses introspection-shaped nesting beyond what the standard introspection query needs', async () => {
      const ofTypes = await post({
        query: `{ __schema { types { fields { type { ${nest('ofType', 20, 'name')} } } } } }`,
      });
      expectRefused(ofTypes, 'GRAPHQL_VALIDATION_FAILED', /Introspection depth limit of \d+ exceeded, found 25/);

      const viaFragments = await post({
        query: `
          { __schema { types { ...T } } }
          fragment T on __Type { fields { type { ...R } } }
          fragment R on __Type { ${nest('ofType', 20, 'kind')} }`,
      });
      expectRefused(viaFragments, 'GRAPHQL_VALIDATION_FAILED', /Introspection depth limit/);

      const fieldsOfFields = await post({
        query: '{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }',
      });
      expectRefused(fieldsOfFields, 'GRAPHQL_VALIDATION_FAILED', /Maximum introspection depth exceeded/);
    });

    it('still answers the full introspection query GraphiQL and code generators send', async () => {
      const result = await post({
        query: getIntrospectionQuery({
          descriptions: true,
          specifiedByUrl: true,
          directiveIsRepeatable: true,
          schemaDescription: true,
          inputValueDeprecation: true,
          oneOf: true,
        }),
      });
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
      expect(result.data.__schema.queryType.name).toBe('Query');
    });
  });

  describe('breadth', () => {
    it('refuses 100 aliases', async () => {
      const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: me { user { id } }`).join(' ');
      expectRefused(await post({ query: `{ ${aliases} }` }), 'GRAPHQL_VALIDATION_FAILED', /Aliases limit of 15/);
    });

    it('counts aliases hidden in fragments', async () => {
      const aliases = Array.from({ length: 20 }, (_, i) => `o${i}: organisations { id }`).join(' ');
      const result = await post({ query: `{ ...Many } fragment Many on Query { ${aliases} }` });
      expectRefused(result, 'GRAPHQL_VALIDATION_FAILED', /Aliases limit of 15 exceeded, found 20/);
    });

    it('refuses a huge token count before parsing it all (400, not 500)', async () => {
      const fields = Array.from({ length: 2000 }, () => 'id').join(' ');
      const result = await post({ query: `{ organisations { ${fields} } }` });
      expectRefused(result, 'GRAPHQL_PARSE_FAILED', /contains more tha[nt] 1000 tokens/);
    });

    it('answers a syntax error as a 400 parse failure', async () => {
      expectRefused(await post({ query: '{ me { ' }), 'GRAPHQL_PARSE_FAILED', /Syntax Error/);
    });

    it('refuses a pile of directives', async () => {
      const result = await post({ query: `{ ${'__typename @skip(if: false) '.repeat(30)} }` });
      expectRefused(result, 'GRAPHQL_VALIDATION_FAILED', /Directives limit of 20/);
    });

    it('refuses a query over the cost limit', async () => {
      const leaves = 'name kind description '.repeat(100);
      const result = await post({ query: `{ __type(name: "Organisation") { ${nest('ofType', 7, leaves)} } }` });
      expectRefused(result, 'GRAPHQL_VALIDATION_FAILED', /Cost limit of 5000 exceeded/);
    });
  });

  describe('transport', () => {
    it('refuses batched requests (a JSON array body)', async () => {
      const result = await send({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
      });
      expect(result.status).toBe(400);
      expect(result.errors).toEqual([
        expect.objectContaining({ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }),
      ]);
    });

    describe('CSRF prevention', () => {
      const csrf = /Cross-Site Request Forgery/;

      it('refuses a GET without a preflight-forcing header', async () => {
        expectRefused(await send({ query: '{ __typename }' }), 'BAD_REQUEST', csrf);
      });

      it('refuses a text/plain POST (a simple request a foreign page can send)', async () => {
        const result = await send({
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        expectRefused(result, 'BAD_REQUEST', csrf);
      });

      it('refuses a multipart form POST', async () => {
        const form = new FormData();
        form.set('operations', JSON.stringify({ query: '{ __typename }' }));
        form.set('map', '{}');
        expectRefused(await send({ method: 'POST', body: form }), 'BAD_REQUEST', csrf);
      });

      it('lets a GET query through with apollo-require-preflight, but never a mutation', async () => {
        const query = await send({ query: '{ __typename }', headers: { 'apollo-require-preflight': 'true' } });
        expect(query.status).toBe(200);
        expect(query.data).toEqual({ __typename: 'Query' });

        const mutation = await send({
          query: 'mutation { login(email: "cis.admin@demo.local", password: "demo") { accessToken } }',
          headers: { 'apollo-require-preflight': 'true' },
        });
        expect(mutation.status).toBe(405);
        expect(mutation.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
      });
    });
  });

  describe('GraphiQL outside production', () => {
    it('serves the GraphiQL page to a browser GETting /graphql', async () => {
      const response = await fetch(`${api.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain('<title>Partnership platform · GraphiQL</title>');
      expect(html).toContain('src="/graphiql/graphiql.js"');
    });

    it('serves its script and styles from node_modules, and nothing else from there', async () => {
      const script = await fetch(`${api.baseUrl}/graphiql/graphiql.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect((await script.text()).length).toBeGreaterThan(100_000);

      const styles = await fetch(`${api.baseUrl}/graphiql/graphiql.css`);
      expect(styles.status).toBe(200);
      expect(styles.headers.get('content-type')).toMatch(/^text\/css/);
      await styles.arrayBuffer();

      for (const path of ['package.json', '..%2Fpackage.json', '..%2F..%2Fpackage.json', 'toString', '__proto__']) {
        const response = await fetch(`${api.baseUrl}/graphiql/${path}`);
        expect([path, response.status]).toEqual([path, 404]);
        await response.arrayBuffer();
      }
    });
  });

  it('never sent a stack trace, an exception name or SQL in any of the answers above', () => {
    expect(bodies.length).toBeGreaterThan(15);
    for (const body of bodies) {
      expect(body).not.toMatch(/stack|QueryFailedError|SELECT|INSERT|node_modules|\bat [A-Za-z.]+ \(/);
    }
  });
});
