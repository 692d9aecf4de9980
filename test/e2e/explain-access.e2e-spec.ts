import { startTestApp, TestApp } from '@app/testing';
import { CATEGORIES } from '../support/access-oracle';
import { addDays, demo, Demo, fullParticipant, M, Q } from './support/participants';

type Reasons = Record<string, string>;
const reasons = (explanation: { redactions: { category: string; reason: string }[] }): Reasons =>
  Object.fromEntries(explanation.redactions.map((r) => [r.category, r.reason]));

/**
 * explainAccess answers why, with one reason per hidden category: consent
 * withdrawn (while something else still shows the participant, otherwise the
 * participant is NOT_FOUND), beyond the agreement, the role, no consent,
 * consent expired. It reads no personal data and writes no access-log row.
 * Reads are for purpose REFERRAL, so the owner first sends a referral to the
 * reader (without one the reader may not know the participant).
 */
describe('explainAccess', () => {
  let api: TestApp;
  let d: Demo;

  beforeAll(async () => {
    api = await startTestApp();
    d = await demo(api);
  });
  afterAll(async () => {
    await d?.close();
    await api?.close();
  });

  const create = async (client: 'welfareSocialWorker' | 'welfareCoordinator' | 'labourOfficeCaseworker') =>
    (await d.clients[client].data(M.createParticipant, { input: fullParticipant() })).createParticipant.id as string;
  const consent = async (participantId: string, dataCategories: string[], until?: number) =>
    (
      await d.clients.welfareSocialWorker.data(M.grantConsent, {
        input: {
          participantId,
          recipientOrganisationId: d.org.cis,
          purposes: ['REFERRAL'],
          dataCategories,
          validFrom: addDays(d.today, -30),
          validUntil: until === undefined ? undefined : addDays(d.today, until),
          evidence: { method: 'ELECTRONIC' },
        },
      })
    ).grantConsent.id as string;
  /** The owner (`from`) sends a referral of the participant to `to`: what REFERRAL access also needs. */
  const refer = async (from: keyof Demo['clients'], participantId: string, to: string) => {
    const { createReferral } = await d.clients[from].data(
      `mutation($input: CreateReferralInput!) { createReferral(input: $input) { status } }`,
      {
        input: { participantId, toOrganisationId: to, reasonCategory: 'OTHER', reason: 'Skierowanie', send: true },
      },
    );
    expect(createReferral.status).toBe('SENT');
  };
  const explain = (client: keyof Demo['clients'], id: string, purpose = 'REFERRAL') =>
    d.clients[client].request(Q.explain, { id, purpose });

  it('CONSENT_WITHDRAWN while another consent still shows the participant; then NOT_FOUND', async () => {
    const id = await create('welfareSocialWorker');
    const kept = await consent(id, ['IDENTITY', 'CONTACT']);
    const withdrawn = await consent(id, ['EMPLOYMENT', 'HEALTH']);
    await refer('welfareSocialWorker', id, d.org.cis);
    await d.clients.welfareSocialWorker.data(M.withdrawConsent, { input: { consentId: withdrawn } });

    const { explainAccess } = (await explain('cisCaseworker', id)).data;
    expect(explainAccess).toMatchObject({
      participantId: id,
      organisationId: d.org.cis,
      purpose: 'REFERRAL',
      basis: 'CONSENT',
      visibleCategories: ['CONTACT', 'IDENTITY'],
      consentIds: [kept],
      legalBasisIds: [],
    });
    expect(reasons(explainAccess)).toEqual({
      ADDRESS: 'NO_CONSENT',
      EMPLOYMENT: 'CONSENT_WITHDRAWN',
      EDUCATION: 'NO_CONSENT',
      BENEFITS: 'NO_CONSENT',
      FAMILY: 'NO_CONSENT',
      HOUSING: 'NO_CONSENT',
      HEALTH: 'CONSENT_WITHDRAWN',
      ADDICTION: 'NO_CONSENT',
      CRIMINAL_RECORD: 'NO_CONSENT',
    });

    await d.clients.welfareSocialWorker.data(M.withdrawConsent, { input: { consentId: kept } });
    const gone = await explain('cisCaseworker', id);
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(gone.data?.explainAccess ?? null).toBeNull();
  });

  it('CONSENT_EXPIRED next to a live consent', async () => {
    const id = await create('welfareSocialWorker');
    await consent(id, ['IDENTITY']);
    await consent(id, ['HOUSING'], -1);
    await refer('welfareSocialWorker', id, d.org.cis);
    const { explainAccess } = (await explain('cisCaseworker', id)).data;
    expect(explainAccess.visibleCategories).toEqual(['IDENTITY']);
    expect(reasons(explainAccess).HOUSING).toBe('CONSENT_EXPIRED');
  });

  it('BEYOND_AGREEMENT when a legal basis grants a category the agreement lacks', async () => {
    // The PUP–MOPS agreement: IDENTITY, CONTACT, EMPLOYMENT, BENEFITS for REFERRAL and EMPLOYMENT_MEDIATION.
    const id = await create('welfareCoordinator');
    const { recordLegalBasis } = await d.clients.welfareCoordinator.data(M.recordLegalBasis, {
      input: {
        ownerOrganisationId: d.org.mops,
        recipientOrganisationId: d.org.pup,
        purpose: 'REFERRAL',
        dataCategories: ['IDENTITY', 'HOUSING', 'HEALTH'],
        citation: 'art. 50 ust. 1 ustawy o pomocy społecznej',
        validFrom: addDays(d.today, -1),
      },
    });
    await refer('welfareCoordinator', id, d.org.pup);
    const { explainAccess } = (await explain('labourOfficeCaseworker', id)).data;
    expect(explainAccess).toMatchObject({
      basis: 'LEGAL_BASIS',
      visibleCategories: ['IDENTITY'],
      consentIds: [],
      legalBasisIds: [recordLegalBasis.id],
    });
    expect(reasons(explainAccess)).toMatchObject({
      HOUSING: 'BEYOND_AGREEMENT',
      HEALTH: 'BEYOND_AGREEMENT',
      CONTACT: 'NO_CONSENT',
    });
    // The read agrees, field by field.
    const { participant } = await d.clients.labourOfficeCaseworker.data(Q.participant, { id, purpose: 'REFERRAL' });
    expect(participant.housing).toBeNull();
    expect(participant.health).toBeNull();
    expect(participant.identity).not.toBeNull();
    expect(participant.redactions).toEqual(explainAccess.redactions);
    // Another purpose, with no basis at all: the participant is unknown.
    expect((await explain('labourOfficeCaseworker', id, 'EMPLOYMENT_MEDIATION')).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('ROLE for a PARTNER_ADMIN of the owner looking at HEALTH; everything ROLE for the owner’s auditor', async () => {
    const id = await create('labourOfficeCaseworker');
    const admin = (await explain('labourOfficeAdmin', id)).data.explainAccess;
    expect(admin).toMatchObject({ basis: 'OWNER', visibleCategories: ['IDENTITY', 'CONTACT'] });
    expect(reasons(admin).HEALTH).toBe('ROLE');
    expect(Object.values(reasons(admin))).toEqual(Array(CATEGORIES.length - 2).fill('ROLE'));
    const { participant } = await d.clients.labourOfficeAdmin.data(Q.participant, { id });
    expect(participant.health).toBeNull();
    expect(participant.identity).not.toBeNull();

    const auditor = (await explain('auditor', id)).data.explainAccess;
    expect(auditor).toMatchObject({ basis: null, visibleCategories: [] }); // nothing shown, so no basis for it
    expect(auditor.redactions).toEqual(CATEGORIES.map((category) => ({ category, reason: 'ROLE' })));
  });

  it('is NOT_FOUND for an organisation that may not know the participant, and logs nothing', async () => {
    const id = await create('welfareSocialWorker');
    await consent(id, ['IDENTITY']);
    // The consent alone does not make the participant known to the CIS for REFERRAL: a referral does.
    expect((await explain('cisCaseworker', id)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await refer('welfareSocialWorker', id, d.org.cis);
    const before = (await d.sql.query(`SELECT count(*)::int AS n FROM access_log`)).rows[0].n;
    for (const client of [
      'chamberOfCommerceMember',
      'labourOfficeCaseworker',
      'platformAdmin',
      'welfareCoordinator',
    ] as const) {
      expect({ client, code: (await explain(client, id)).errors?.[0].extensions?.code }).toEqual({
        client,
        code: 'NOT_FOUND',
      });
    }
    expect((await explain('cisCaseworker', id)).data.explainAccess.visibleCategories).toEqual(['IDENTITY']);
    expect((await d.sql.query(`SELECT count(*)::int AS n FROM access_log`)).rows[0].n).toBe(before);
  });
});
