import { Client } from 'pg';
import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';

const CREATE = `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id identity { lastName } health { disabilityDegree } } }`;
const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id status dataCategories } }`;
const READ = `query($id: ID!) { participant(id: $id, purpose: REFERRAL) {
  id identity { firstName lastName pesel } contact { phone } employment { monthsUnemployed } health { disabilityDegree }
  redactions { category reason } access { basis visibleCategories } } }`;

const REFERRAL = `query($id: ID!) { referral(id: $id) { status consentWithdrawn participant { id } } }`;

describe('the consent story of the issue: OPS registers, consents to the CIS, refers, withdraws', () => {
  let api: TestApp;
  let ops: GraphQLClient;
  let cis: GraphQLClient;
  let chamber: GraphQLClient;
  let participantId: string;
  let consentId: string;
  let referralId: string;
  let cisId: string;
  let sql: Client;

  beforeAll(async () => {
    api = await startTestApp();
    const clients = demoClients(api.baseUrl);
    [ops, cis, chamber] = await Promise.all([
      clients.welfareSocialWorker(),
      clients.cisCaseworker(),
      clients.chamberOfCommerceMember(),
    ]);
    const { me } = await cis.data('{ me { organisations { id } } }');
    cisId = me.organisations[0].id;
    sql = new Client({ connectionString: api.database.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  it('registers a participant with health data', async () => {
    const { createParticipant } = await ops.data(CREATE, {
      input: {
        identity: { firstName: 'Jan', lastName: 'Kowalski', pesel: '44051401359', dateOfBirth: '1944-05-14' },
        contact: { phone: '+48 600 100 200' },
        employment: { monthsUnemployed: 26, workHistory: ['magazynier'] },
        health: { disabilityDegree: 'MODERATE', notes: 'orzeczenie do 2027' },
      },
    });
    participantId = createParticipant.id;
    expect(createParticipant.health).toEqual({ disabilityDegree: 'MODERATE' });
  });

  it('refuses the same PESEL twice in the organisation', async () => {
    const code = await ops.errorCode(CREATE, {
      input: { identity: { firstName: 'J', lastName: 'K', pesel: '44051401359' } },
    });
    expect(code).toBe('CONFLICT');
  });

  it('the CIS cannot see the participant before consent', async () => {
    expect(await cis.errorCode(READ, { id: participantId })).toBe('NOT_FOUND');
  });

  it('grants consent to the CIS for REFERRAL on identity, contact and employment', async () => {
    const { grantConsent } = await ops.data(GRANT, {
      input: {
        participantId,
        recipientOrganisationId: cisId,
        purposes: ['REFERRAL'],
        dataCategories: ['IDENTITY', 'CONTACT', 'EMPLOYMENT'],
        validFrom: '2026-01-01',
        evidence: { method: 'PAPER_SIGNATURE', documentHash: 'a'.repeat(64) },
      },
    });
    consentId = grantConsent.id;
    expect(grantConsent.status).toBe('ACTIVE');
  });

  it('the CIS still cannot see the participant for REFERRAL: no referral has been sent to it', async () => {
    expect(await cis.errorCode(READ, { id: participantId })).toBe('NOT_FOUND');
    const { participants } = await cis.data('{ participants { totalCount } }');
    expect(participants.totalCount).toBe(0);
  });

  it('OPS sends a referral to the CIS', async () => {
    const { createReferral } = await ops.data(
      `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id status consentWithdrawn } }`,
      {
        input: {
          participantId,
          toOrganisationId: cisId,
          reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
          reason: 'Długotrwale bezrobotny, chce wrócić do pracy',
          send: true,
        },
      },
    );
    referralId = createReferral.id;
    expect(createReferral).toMatchObject({ status: 'SENT', consentWithdrawn: false });
  });

  it('the CIS sees exactly those categories, and HEALTH as null with a reason', async () => {
    const { participant } = await cis.data(READ, { id: participantId });
    expect(participant.identity).toEqual({ firstName: 'Jan', lastName: 'Kowalski', pesel: '44051401359' });
    expect(participant.contact).toEqual({ phone: '+48 600 100 200' });
    expect(participant.employment).toEqual({ monthsUnemployed: 26 });
    expect(participant.health).toBeNull();
    expect(participant.redactions).toContainEqual({ category: 'HEALTH', reason: 'NO_CONSENT' });
    expect(participant.access).toEqual({ basis: 'CONSENT', visibleCategories: ['CONTACT', 'EMPLOYMENT', 'IDENTITY'] });
    const { referral } = await cis.data(REFERRAL, { id: referralId });
    expect(referral).toEqual({ status: 'SENT', consentWithdrawn: false, participant: { id: participantId } });
  });

  it('the chamber of commerce gets NOT_FOUND', async () => {
    expect(await chamber.errorCode(READ, { id: participantId })).toBe('NOT_FOUND');
    const { participants } = await chamber.data('{ participants { totalCount edges { node { id } } } }');
    expect(participants).toEqual({ totalCount: 0, edges: [] });
  });

  it('after withdrawal the CIS sees nothing, the referral shows it, and the access log shows its reads', async () => {
    await ops.data(`mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { status } }`, {
      input: { consentId, reason: 'participant asked' },
    });
    expect(await cis.errorCode(READ, { id: participantId })).toBe('NOT_FOUND');
    const { participants } = await cis.data('{ participants { totalCount } }');
    expect(participants.totalCount).toBe(0);
    // Both sides see the referral, still SENT, with the withdrawal on it; the CIS no longer sees the person.
    expect((await cis.data(REFERRAL, { id: referralId })).referral).toEqual({
      status: 'SENT',
      consentWithdrawn: true,
      participant: null,
    });
    expect((await ops.data(REFERRAL, { id: referralId })).referral).toEqual({
      status: 'SENT',
      consentWithdrawn: true,
      participant: { id: participantId },
    });

    const { accessLog } = await ops.data(
      `query($id: ID!) { accessLog(participantId: $id) { actorOrganisationId categories basis consentIds operation } }`,
      {
        id: participantId,
      },
    );
    // Two reads while the consent was live: the participant itself, and the participant on the referral.
    const read = {
      actorOrganisationId: cisId,
      categories: ['CONTACT', 'EMPLOYMENT', 'IDENTITY'],
      basis: 'CONSENT',
      consentIds: [consentId],
    };
    expect(accessLog).toHaveLength(2);
    expect(accessLog).toEqual(expect.arrayContaining([expect.objectContaining(read)]));
    for (const entry of accessLog) expect(entry).toMatchObject(read);
  });

  it('the withdrawal is announced to the CIS, which received the participant on the referral', async () => {
    const { rows } = await sql.query(
      `SELECT payload FROM outbox WHERE event_type = 'consent.withdrawn' AND aggregate_id = $1`,
      [consentId],
    );
    expect(rows).toEqual([{ payload: { consentId, participantId, notifyOrganisationIds: [cisId] } }]);
  });
});
