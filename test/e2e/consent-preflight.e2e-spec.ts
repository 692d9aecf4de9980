import { Client } from 'pg';
import { GraphQLClient, startTestApp, TestApp } from '@app/testing';
import {
  CIS,
  codeOf,
  connect,
  createParticipant,
  Directory,
  loadDirectory,
  MOPS,
  OPS,
  PUP,
  referralInput,
  RM,
  signIn,
  UNKNOWN_ID,
} from './support/referrals';

const PREFLIGHT = `query($participantId: ID!, $toOrganisationId: ID!, $as: ID) {
  consentPreflight(participantId: $participantId, toOrganisationId: $toOrganisationId, asOrganisationId: $as) {
    participantId toOrganisationId passes reasons basis sharedCategories agreementCategories consentIds legalBasisIds } }`;

const GRANT = `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { status } }`;
const LEGAL_BASIS = `mutation($input: RecordLegalBasisInput!) { recordLegalBasis(input: $input) { id } }`;

/** The PUP–PCIS agreement's categories, as the demo data has them, sorted. */
const PUP_CIS_CEILING = ['ADDRESS', 'BENEFITS', 'CONTACT', 'EDUCATION', 'EMPLOYMENT', 'HEALTH', 'IDENTITY'];

/**
 * The consent preflight against the gate itself: in every situation the
 * preflight's `passes` is what sending a referral then does, and its reasons
 * say why in codes.
 */
describe('consentPreflight', () => {
  let api: TestApp;
  let db: Client;
  let pup: GraphQLClient;
  let pupAdmin: GraphQLClient;
  let cis: GraphQLClient;
  let auditor: GraphQLClient;
  let dir: Directory;
  let today: string;

  beforeAll(async () => {
    api = await startTestApp();
    db = await connect(api);
    ({ pup, pupAdmin, cis, auditor } = await signIn(api));
    dir = await loadDirectory(pup);
    today = (await db.query(`SELECT current_date::text AS today`)).rows[0].today;
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const dayFrom = async (days: number) =>
    (await db.query(`SELECT (current_date + $1::int)::text AS day`, [days])).rows[0].day as string;

  async function preflight(participantId: string, recipient: string) {
    return (await pup.data(PREFLIGHT, { participantId, toOrganisationId: recipient })).consentPreflight;
  }

  /** What sending does: a new draft to `recipient`, then sendReferral. 'SENT' or the error code. */
  async function send(participantId: string, recipient: string): Promise<string> {
    const { createReferral } = await pup.data(RM.create, { input: referralInput(participantId, recipient) });
    const result = await pup.request(RM.send, { input: { referralId: createReferral.id } });
    if (result.errors?.length) return String(result.errors[0].extensions?.code);
    await pup.data(RM.cancel, { input: { referralId: createReferral.id, reasonCode: 'SENT_IN_ERROR' } });
    return result.data.sendReferral.status;
  }

  /** The preflight, checked against sending right after it. */
  async function agreesWithSending(participantId: string, recipient: string) {
    const answer = await preflight(participantId, recipient);
    expect(await send(participantId, recipient)).toBe(answer.passes ? 'SENT' : 'BAD_USER_INPUT');
    return answer;
  }

  const consent = (participantId: string, recipient: string, extra: Record<string, unknown> = {}) =>
    pup
      .data(GRANT, {
        input: {
          participantId,
          recipientOrganisationId: recipient,
          purposes: ['REFERRAL'],
          dataCategories: ['IDENTITY', 'EMPLOYMENT'],
          validFrom: today,
          evidence: { method: 'PAPER_SIGNATURE' },
          ...extra,
        },
      })
      .then((r) => r.grantConsent.id as string);

  it('without consent: closed, NO_CONSENT, and what the agreement would let a consent cover', async () => {
    const participantId = await createParticipant(pup);
    const answer = await agreesWithSending(participantId, dir.org[CIS]);
    expect(answer).toEqual({
      participantId,
      toOrganisationId: dir.org[CIS],
      passes: false,
      reasons: ['NO_CONSENT'],
      basis: null,
      sharedCategories: [],
      agreementCategories: PUP_CIS_CEILING,
      consentIds: [],
      legalBasisIds: [],
    });
  });

  it('with a live consent: open, on CONSENT, sharing the consented categories; withdrawn: closed again', async () => {
    const participantId = await createParticipant(pup);
    const consentId = await consent(participantId, dir.org[CIS]);
    expect(await agreesWithSending(participantId, dir.org[CIS])).toMatchObject({
      passes: true,
      reasons: [],
      basis: 'CONSENT',
      sharedCategories: ['EMPLOYMENT', 'IDENTITY'],
      consentIds: [consentId],
    });
    await pup.data(WITHDRAW, { input: { consentId, reason: 'na prośbę uczestnika' } });
    expect(await agreesWithSending(participantId, dir.org[CIS])).toMatchObject({
      passes: false,
      reasons: ['CONSENT_WITHDRAWN'],
      sharedCategories: [],
      consentIds: [consentId],
    });
  });

  it('a consent that has ended or not yet started: CONSENT_EXPIRED, CONSENT_NOT_YET_VALID', async () => {
    const expired = await createParticipant(pup);
    await consent(expired, dir.org[CIS], { validFrom: await dayFrom(-60), validUntil: await dayFrom(-1) });
    expect(await agreesWithSending(expired, dir.org[CIS])).toMatchObject({
      passes: false,
      reasons: ['CONSENT_EXPIRED'],
    });
    const later = await createParticipant(pup);
    await consent(later, dir.org[CIS], { validFrom: await dayFrom(3) });
    expect(await agreesWithSending(later, dir.org[CIS])).toMatchObject({
      passes: false,
      reasons: ['CONSENT_NOT_YET_VALID'],
    });
  });

  it('where no agreement lets data flow: NO_AGREEMENT, and no category a consent could cover', async () => {
    const participantId = await createParticipant(pup);
    expect(await agreesWithSending(participantId, dir.org.PIG)).toMatchObject({
      passes: false,
      reasons: ['NO_AGREEMENT'],
      agreementCategories: [],
    });
    // A consent to PIG cannot even be recorded (beyond any agreement).
    expect(
      codeOf(
        await pup.request(GRANT, {
          input: {
            participantId,
            recipientOrganisationId: dir.org.PIG,
            purposes: ['REFERRAL'],
            dataCategories: ['IDENTITY'],
            validFrom: today,
            evidence: { method: 'PAPER_SIGNATURE' },
          },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('a legal basis opens it (LEGAL_BASIS); one naming only what the agreement excludes does not (BEYOND_AGREEMENT)', async () => {
    const participantId = await createParticipant(pup);
    const basis = (
      await pupAdmin.data(LEGAL_BASIS, {
        input: {
          ownerOrganisationId: dir.org[PUP],
          recipientOrganisationId: dir.org[OPS],
          purpose: 'REFERRAL',
          dataCategories: ['IDENTITY'],
          citation: 'art. 50 ust. 1 ustawy o pomocy społecznej',
          validFrom: today,
        },
      })
    ).recordLegalBasis.id;
    expect(await agreesWithSending(participantId, dir.org[OPS])).toMatchObject({
      passes: true,
      basis: 'LEGAL_BASIS',
      sharedCategories: ['IDENTITY'],
      legalBasisIds: [basis],
    });
    // PUP–MOPS agrees on IDENTITY, CONTACT, EMPLOYMENT and BENEFITS only.
    await pupAdmin.data(LEGAL_BASIS, {
      input: {
        ownerOrganisationId: dir.org[PUP],
        recipientOrganisationId: dir.org[MOPS],
        purpose: 'REFERRAL',
        dataCategories: ['HEALTH'],
        citation: 'art. 50 ust. 1 ustawy o pomocy społecznej',
        validFrom: today,
      },
    });
    expect(await agreesWithSending(participantId, dir.org[MOPS])).toMatchObject({
      passes: false,
      reasons: ['BEYOND_AGREEMENT'],
      agreementCategories: ['BENEFITS', 'CONTACT', 'EMPLOYMENT', 'IDENTITY'],
    });
  });

  it('reads no personal data and logs no access', async () => {
    const participantId = await createParticipant(pup);
    await consent(participantId, dir.org[CIS]);
    const before = (await db.query(`SELECT count(*)::int AS n FROM access_log`)).rows[0].n;
    await preflight(participantId, dir.org[CIS]);
    expect((await db.query(`SELECT count(*)::int AS n FROM access_log`)).rows[0].n).toBe(before);
  });

  it('answers only those who may make the referral, about their own participants', async () => {
    const participantId = await createParticipant(pup);
    const ask = (client: GraphQLClient, variables: Record<string, unknown>) =>
      client.request(PREFLIGHT, { participantId, toOrganisationId: dir.org[CIS], ...variables });
    expect(codeOf(await ask(cis, { toOrganisationId: dir.org[PUP] }))).toBe('NOT_FOUND');
    expect(codeOf(await ask(pup, { participantId: UNKNOWN_ID }))).toBe('NOT_FOUND');
    expect(codeOf(await ask(pup, { toOrganisationId: UNKNOWN_ID }))).toBe('NOT_FOUND');
    expect(codeOf(await ask(pup, { toOrganisationId: dir.org[PUP] }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(pup, { participantId: 'not-a-uuid' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(pupAdmin, {}))).toBe('FORBIDDEN');
    expect(codeOf(await ask(auditor, {}))).toBe('FORBIDDEN');
    expect(codeOf(await ask(GraphQLClient.anonymous(api.baseUrl), {}))).toBe('UNAUTHENTICATED');
  });
});
