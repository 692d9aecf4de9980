import { Client } from 'pg';
import { GraphQLClient, startTestApp, TestApp } from '@app/testing';
import {
  CIS,
  codeOf,
  connect,
  counts,
  createParticipant,
  createReferral,
  Directory,
  grantConsent,
  loadDirectory,
  OPS,
  referralInput,
  RM,
  RQ,
  signIn,
} from './support/referrals';

const PARTICIPANT = 'query($id: ID!) { participant(id: $id) { id identity { lastName } } }';
const WITH_PARTICIPANT = `query($id: ID!) { referral(id: $id) {
    id status outcome version participant { id identity { lastName } employment { monthsUnemployed } } } }`;

/**
 * The consent gate: a referral is sent only if a live consent (or legal basis)
 * lets the recipient see the participant for REFERRAL within the agreement.
 * Withdrawal ends the recipient's view of the person at the next read, never
 * both sides' view of the referral itself.
 */
describe('the consent gate on referrals', () => {
  let api: TestApp;
  let db: Client;
  let pup: GraphQLClient;
  let pupAdmin: GraphQLClient;
  let cis: GraphQLClient;
  let ops: GraphQLClient;
  let dir: Directory;

  beforeAll(async () => {
    api = await startTestApp();
    db = await connect(api);
    ({ pup, pupAdmin, cis, ops } = await signIn(api));
    dir = await loadDirectory(pup);
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  describe('without a consent', () => {
    let participantId: string;
    beforeAll(async () => {
      participantId = await createParticipant(pup, 'Bezzgody');
    });

    it('createReferral with send: true is refused and writes nothing at all, not even the draft', async () => {
      const before = await counts(db);
      const result = await pup.request(RM.create, {
        input: referralInput(participantId, dir.org[CIS], { send: true, idempotencyKey: 'no-consent-0001' }),
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions).toMatchObject({
        fields: [expect.objectContaining({ field: 'participantId' })],
      });
      expect(await counts(db)).toEqual(before);
    });

    it('sending a draft is refused; the draft stays a draft, unseen by the recipient', async () => {
      const { createReferral: draft } = await pup.data(RM.create, {
        input: referralInput(participantId, dir.org[CIS]),
      });
      const before = await counts(db);
      expect(codeOf(await pup.request(RM.send, { input: { referralId: draft.id } }))).toBe('BAD_USER_INPUT');
      expect(await counts(db)).toEqual(before);
      expect((await pup.data(RQ.referral, { id: draft.id })).referral).toMatchObject({ status: 'DRAFT', version: 1 });
      expect(codeOf(await cis.request(RQ.referral, { id: draft.id }))).toBe('NOT_FOUND');
    });

    it('a consent for another purpose, or to another organisation, does not open the gate', async () => {
      await pup.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
        input: {
          participantId,
          recipientOrganisationId: dir.org[CIS],
          purposes: ['REINTEGRATION_SUPPORT'],
          dataCategories: ['IDENTITY'],
          validFrom: '2026-01-01',
          evidence: { method: 'PAPER_SIGNATURE' },
        },
      });
      await grantConsent(pup, participantId, dir.org[OPS]);
      const before = await counts(db);
      const result = await pup.request(RM.create, {
        input: referralInput(participantId, dir.org[CIS], { send: true }),
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(await counts(db)).toEqual(before);
      // The OPS consent does open the gate to the OPS.
      expect((await createReferral(pup, participantId, dir.org[OPS])).status).toBe('SENT');
    });
  });

  describe('a consent withdrawn while the referral is open', () => {
    let participantId: string;
    let consentId: string;
    let referralId: string;

    beforeAll(async () => {
      participantId = await createParticipant(pup, 'Wycofana');
      consentId = await grantConsent(pup, participantId, dir.org[CIS]);
      referralId = (await createReferral(pup, participantId, dir.org[CIS])).id;
      await cis.data(RM.accept, { input: { referralId } });
      await cis.data(RM.start, { input: { referralId } });
    });

    it('before: the CIS sees the participant as consented, through the referral and directly', async () => {
      const { referral } = await cis.data(WITH_PARTICIPANT, { id: referralId });
      expect(referral.participant).toEqual({
        id: participantId,
        identity: { lastName: 'Wycofana' },
        employment: { monthsUnemployed: 30 },
      });
      expect((await cis.data(PARTICIPANT, { id: participantId })).participant.identity.lastName).toBe('Wycofana');
    });

    it('after: the CIS’s participant field is null and participant(id) is NOT_FOUND; the referral stays', async () => {
      await pup.data(`mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`, {
        input: { consentId, reason: 'Uczestnik wycofał zgodę' },
      });
      const result = await cis.request(WITH_PARTICIPANT, { id: referralId });
      expect(result.errors).toBeUndefined();
      expect(result.data.referral).toMatchObject({ id: referralId, status: 'IN_PROGRESS', participant: null });
      // The referral shows why, to both sides.
      const flag = `query($id: ID!) { referral(id: $id) { consentWithdrawn } }`;
      expect((await cis.data(flag, { id: referralId })).referral.consentWithdrawn).toBe(true);
      expect((await pup.data(flag, { id: referralId })).referral.consentWithdrawn).toBe(true);
      expect(codeOf(await cis.request(PARTICIPANT, { id: participantId }))).toBe('NOT_FOUND');
      // In the list too.
      const { referrals } = await cis.data(
        `{ referrals(filter: { direction: INCOMING }) { edges { node { id participant { id } } } } }`,
      );
      expect(
        referrals.edges.find((e: { node: { id: string } }) => e.node.id === referralId).node.participant,
      ).toBeNull();
    });

    it('the CIS can still close the loop, and the PUP sees status and outcome', async () => {
      const { completeReferral } = await cis.data(RM.complete, {
        input: { referralId, outcome: 'TRAINING_COMPLETED' },
      });
      expect(completeReferral.status).toBe('COMPLETED');
      const { referral } = await pup.data(WITH_PARTICIPANT, { id: referralId });
      expect(referral).toMatchObject({
        status: 'COMPLETED',
        outcome: 'TRAINING_COMPLETED',
        // The owner's own view of the person is untouched.
        participant: { id: participantId, identity: { lastName: 'Wycofana' } },
      });
      expect((await cis.data(WITH_PARTICIPANT, { id: referralId })).referral).toMatchObject({
        status: 'COMPLETED',
        outcome: 'TRAINING_COMPLETED',
        participant: null,
      });
    });

    it('a new referral of the person to the CIS is refused again', async () => {
      const before = await counts(db);
      const result = await pup.request(RM.create, {
        input: referralInput(participantId, dir.org[CIS], { send: true }),
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(await counts(db)).toEqual(before);
    });
  });

  describe('a legal basis instead of a consent', () => {
    it('opens the gate for its recipient and purpose', async () => {
      const participantId = await createParticipant(pup, 'Ustawowa');
      expect(
        codeOf(await pup.request(RM.create, { input: referralInput(participantId, dir.org[OPS], { send: true }) })),
      ).toBe('BAD_USER_INPUT');
      await pupAdmin.data(`mutation($input: RecordLegalBasisInput!) { recordLegalBasis(input: $input) { id } }`, {
        input: {
          ownerOrganisationId: dir.org['PUP Legionowo'],
          recipientOrganisationId: dir.org[OPS],
          purpose: 'REFERRAL',
          dataCategories: ['IDENTITY'],
          citation: 'art. 62a ustawy o promocji zatrudnienia',
          validFrom: '2026-01-01',
        },
      });
      const referral = await createReferral(pup, participantId, dir.org[OPS]);
      expect(referral.status).toBe('SENT');
      const { referral: seen } = await ops.data(
        `query($id: ID!) { referral(id: $id) { participant { identity { lastName } employment { monthsUnemployed } } } }`,
        { id: referral.id },
      );
      expect(seen.participant).toEqual({ identity: { lastName: 'Ustawowa' }, employment: null });
    });
  });
});
