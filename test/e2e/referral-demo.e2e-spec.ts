import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';

const REFERRAL_FIELDS = `id status version outcome fromOrganisation { shortName } toOrganisation { shortName } toService { name }
  participant { identity { lastName } health { disabilityDegree } }
  history { fromStatus toStatus reasonCode outcome actorOrganisationId }`;

describe('the referral story of the issue: PUP refers to the CIS catering workshop, the CIS closes the loop', () => {
  let api: TestApp;
  let pup: GraphQLClient;
  let cis: GraphQLClient;
  let participantId: string;
  let referralId: string;
  let cisId: string;
  let cateringId: string;

  beforeAll(async () => {
    api = await startTestApp();
    const clients = demoClients(api.baseUrl);
    [pup, cis] = await Promise.all([clients.labourOfficeCaseworker(), clients.cisCaseworker()]);
    const { organisations } = await pup.data(
      '{ organisations(kind: SOCIAL_INTEGRATION_CENTRE) { id services { id name } } }',
    );
    cisId = organisations[0].id;
    cateringId = organisations[0].services.find((s: { name: string }) => s.name === 'Warsztat gastronomiczny').id;
    const { createParticipant } = await pup.data(
      `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }`,
      {
        input: {
          identity: { firstName: 'Marek', lastName: 'Zając' },
          employment: { monthsUnemployed: 30 },
          health: { notes: 'x' },
        },
      },
    );
    participantId = createParticipant.id;
  });
  afterAll(() => api.close());

  const create = (send: boolean) =>
    pup.request(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { ${REFERRAL_FIELDS} } }`, {
      input: {
        participantId,
        toOrganisationId: cisId,
        toServiceId: cateringId,
        reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
        reason: 'Długotrwale bezrobotny, chce pracować w gastronomii',
        send,
      },
    });

  it('refuses to send without a consent for REFERRAL', async () => {
    const result = await create(true);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const { referrals } = await pup.data('{ referrals { edges { node { id } } } }');
    expect(referrals.edges).toEqual([]);
  });

  it('sends the referral once the participant consented', async () => {
    await pup.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
      input: {
        participantId,
        recipientOrganisationId: cisId,
        purposes: ['REFERRAL'],
        dataCategories: ['IDENTITY', 'EMPLOYMENT'],
        validFrom: '2026-01-01',
        evidence: { method: 'PAPER_SIGNATURE' },
      },
    });
    const result = await create(true);
    expect(result.errors).toBeUndefined();
    referralId = result.data.createReferral.id;
    expect(result.data.createReferral).toMatchObject({
      status: 'SENT',
      toService: { name: 'Warsztat gastronomiczny' },
    });
  });

  it('the CIS sees it in its incoming list, with the participant as consented', async () => {
    const { referrals } = await cis.data(
      `{ referrals(filter: { direction: INCOMING }) { edges { node { ${REFERRAL_FIELDS} } } } }`,
    );
    expect(referrals.edges).toHaveLength(1);
    expect(referrals.edges[0].node).toMatchObject({
      id: referralId,
      status: 'SENT',
      fromOrganisation: { shortName: 'PUP Legionowo' },
      participant: { identity: { lastName: 'Zając' }, health: null },
    });
  });

  it('the CIS accepts, starts and completes with EMPLOYED_OPEN_MARKET', async () => {
    const step = (mutation: string, extra: Record<string, unknown> = {}) =>
      cis.data(
        `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { status } }`,
        {
          input: { referralId, ...extra },
        },
      );
    expect((await step('acceptReferral')).acceptReferral.status).toBe('ACCEPTED');
    const start = await cis.data(`mutation($input: TransitionInput!) { startReferral(input: $input) { status } }`, {
      input: { referralId },
    });
    expect(start.startReferral.status).toBe('IN_PROGRESS');
    expect((await step('completeReferral', { outcome: 'EMPLOYED_OPEN_MARKET' })).completeReferral.status).toBe(
      'COMPLETED',
    );
  });

  it('the labour office sees every step in the timeline', async () => {
    const { referral } = await pup.data(`query($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS} } }`, {
      id: referralId,
    });
    expect(referral.status).toBe('COMPLETED');
    expect(referral.outcome).toBe('EMPLOYED_OPEN_MARKET');
    expect(referral.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'DRAFT',
      'SENT',
      'ACCEPTED',
      'IN_PROGRESS',
      'COMPLETED',
    ]);
    expect(referral.history[4]).toMatchObject({
      fromStatus: 'IN_PROGRESS',
      outcome: 'EMPLOYED_OPEN_MARKET',
      actorOrganisationId: cisId,
    });
  });

  it('an illegal transition is a coded error naming the current state', async () => {
    const result = await cis.request(`mutation($input: TransitionInput!) { startReferral(input: $input) { status } }`, {
      input: { referralId },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'COMPLETED' });
  });
});
