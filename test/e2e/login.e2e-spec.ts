import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';

describe('login and me', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('logs the labour-office caseworker in and shows who they are', async () => {
    const client = await demoClients(api.baseUrl).labourOfficeCaseworker();
    const { me } = await client.data('{ me { user { email } memberships { role } organisations { name kind } } }');
    expect(me.user.email).toBe('pup.caseworker@demo.local');
    expect(me.memberships).toEqual([{ role: 'CASEWORKER' }]);
    expect(me.organisations).toEqual([{ name: 'Powiatowy Urząd Pracy w Legionowie', kind: 'LABOUR_OFFICE' }]);
  });

  it('answers a wrong password and an unknown e-mail alike, as UNAUTHENTICATED', async () => {
    const anonymous = GraphQLClient.anonymous(api.baseUrl);
    const login = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
    const wrong = await anonymous.request(login, { e: 'cis.admin@demo.local', p: 'nope' });
    const unknown = await anonymous.request(login, { e: 'nobody@demo.local', p: 'nope' });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors).toEqual(wrong.errors);
  });
});
