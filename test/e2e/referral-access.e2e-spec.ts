import { Client } from 'pg';
import { GraphQLClient, startTestApp, TestApp } from '@app/testing';
import {
  CIS,
  codeOf,
  connect,
  createParticipant,
  createReferral,
  Directory,
  grantConsent,
  loadDirectory,
  OPS,
  PUP,
  referralInput,
  RM,
  signIn,
} from './support/referrals';

const PARTICIPANT = `query($id: ID!, $purpose: Purpose) { participant(id: $id, purpose: $purpose) {
    id identity { lastName } employment { monthsUnemployed } access { basis visibleCategories } } }`;
const LIST = `query($purpose: Purpose) { participants(purpose: $purpose, first: 100) { totalCount edges { node { id } } } }`;
const REFERRAL = `query($id: ID!) { referral(id: $id) {
    id status outcome consentWithdrawn closedAt participant { id identity { lastName } } } }`;
const WITHDRAW = `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { status } }`;

/** REFERRAL_ACCESS_DAYS_AFTER_CLOSE in this file: not the default (30), to show the setting is what decides. */
const DAYS = 5;

/**
 * For purpose REFERRAL a recipient sees a participant through the access
 * module only while a referral of that participant to it is open (SENT,
 * ACCEPTED, IN_PROGRESS) or closed less than REFERRAL_ACCESS_DAYS_AFTER_CLOSE
 * days ago; a consent alone is not enough. A consent withdrawn while a referral
 * is open ends the recipient's access, the referral shows it to both sides and
 * the recipient is told.
 */
describe('REFERRAL access follows the referral', () => {
  let api: TestApp;
  let db: Client;
  let pup: GraphQLClient;
  let cis: GraphQLClient;
  let ops: GraphQLClient;
  let dir: Directory;

  beforeAll(async () => {
    api = await startTestApp({ env: { REFERRAL_ACCESS_DAYS_AFTER_CLOSE: String(DAYS) } });
    expect(api.config.referrals.accessDaysAfterClose).toBe(DAYS);
    db = await connect(api);
    ({ pup, cis, ops } = await signIn(api));
    dir = await loadDirectory(pup);
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const read = (client: GraphQLClient, id: string, purpose = 'REFERRAL') =>
    client.request(PARTICIPANT, { id, purpose });
  const listed = async (client: GraphQLClient, purpose = 'REFERRAL') =>
    ((await client.data(LIST, { purpose })).participants.edges as { node: { id: string } }[]).map((e) => e.node.id);
  const closedDaysAgo = (referralId: string, days: number) =>
    db.query(`UPDATE referrals SET closed_at = now() - make_interval(secs => $2::float8 * 86400) WHERE id = $1`, [
      referralId,
      days,
    ]);

  describe('without an open referral a consent for REFERRAL shows nothing', () => {
    let participantId: string;

    beforeAll(async () => {
      participantId = await createParticipant(pup, 'Bezskierowania');
      await grantConsent(pup, participantId, dir.org[CIS]);
    });

    it('no referral, or only a draft, or only one to another organisation: NOT_FOUND and absent from lists', async () => {
      expect(codeOf(await read(cis, participantId))).toBe('NOT_FOUND');
      await pup.data(RM.create, { input: referralInput(participantId, dir.org[CIS]) }); // a draft
      await grantConsent(pup, participantId, dir.org[OPS]);
      await createReferral(pup, participantId, dir.org[OPS]); // sent, to the OPS
      expect(codeOf(await read(cis, participantId))).toBe('NOT_FOUND');
      expect(await listed(cis)).not.toContain(participantId);
      // The OPS, to which the referral went, sees the person.
      expect((await read(ops, participantId)).data.participant.identity).toEqual({ lastName: 'Bezskierowania' });
      // Nothing was read by the CIS, so nothing was logged for it.
      const log = await db.query(`SELECT 1 FROM access_log WHERE participant_id = $1 AND actor_organisation_id = $2`, [
        participantId,
        dir.org[CIS],
      ]);
      expect(log.rowCount).toBe(0);
    });

    it('another purpose the agreement allows needs no referral', async () => {
      await pup.data(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
        input: {
          participantId,
          recipientOrganisationId: dir.org[CIS],
          purposes: ['REINTEGRATION_SUPPORT'],
          dataCategories: ['IDENTITY'],
          validFrom: '2026-01-01',
          evidence: { method: 'ELECTRONIC' },
        },
      });
      const { participant } = (await read(cis, participantId, 'REINTEGRATION_SUPPORT')).data;
      expect(participant.access).toEqual({ basis: 'CONSENT', visibleCategories: ['IDENTITY'] });
      expect(codeOf(await read(cis, participantId))).toBe('NOT_FOUND');
    });
  });

  describe('after the referral closes', () => {
    let participantId: string;
    let referralId: string;

    beforeAll(async () => {
      participantId = await createParticipant(pup, 'Zamknięty');
      await grantConsent(pup, participantId, dir.org[CIS]);
      referralId = (await createReferral(pup, participantId, dir.org[CIS])).id;
    });

    it('open: the recipient sees the consented categories', async () => {
      expect((await read(cis, participantId)).data.participant.access).toEqual({
        basis: 'CONSENT',
        visibleCategories: ['EMPLOYMENT', 'IDENTITY'],
      });
      await cis.data(RM.accept, { input: { referralId } });
      await cis.data(RM.start, { input: { referralId } });
      expect(await listed(cis)).toContain(participantId);
    });

    it(`access lasts for ${DAYS} days after it closes`, async () => {
      const { completeReferral } = await cis.data(RM.complete, {
        input: { referralId, outcome: 'EMPLOYED_OPEN_MARKET' },
      });
      expect(completeReferral.status).toBe('COMPLETED');
      expect((await read(cis, participantId)).data.participant.identity).toEqual({ lastName: 'Zamknięty' });
      await closedDaysAgo(referralId, DAYS - 0.1); // a little under the limit
      expect((await read(cis, participantId)).data.participant.identity).toEqual({ lastName: 'Zamknięty' });
      expect(await listed(cis)).toContain(participantId);
      expect((await cis.data(REFERRAL, { id: referralId })).referral.participant).toEqual({
        id: participantId,
        identity: { lastName: 'Zamknięty' },
      });
    });

    it(`and ends beyond them; both sides still see the referral, its status and outcome`, async () => {
      await closedDaysAgo(referralId, DAYS + 0.1); // a little over the limit
      expect(codeOf(await read(cis, participantId))).toBe('NOT_FOUND');
      expect(await listed(cis)).not.toContain(participantId);
      const forCis = (await cis.data(REFERRAL, { id: referralId })).referral;
      expect(forCis).toMatchObject({
        status: 'COMPLETED',
        outcome: 'EMPLOYED_OPEN_MARKET',
        consentWithdrawn: false, // the consent stands; the time is up
        participant: null,
      });
      expect((await pup.data(REFERRAL, { id: referralId })).referral).toMatchObject({
        status: 'COMPLETED',
        outcome: 'EMPLOYED_OPEN_MARKET',
        participant: { id: participantId },
      });
    });

    it('a new referral opens it again', async () => {
      await createReferral(pup, participantId, dir.org[CIS]);
      expect((await read(cis, participantId)).data.participant.identity).toEqual({ lastName: 'Zamknięty' });
    });
  });

  describe('a consent withdrawn while a referral is open', () => {
    let participantId: string;
    let consentId: string;
    let toCis: string;
    let toOps: string;

    beforeAll(async () => {
      participantId = await createParticipant(pup, 'Wycofany');
      consentId = await grantConsent(pup, participantId, dir.org[CIS]);
      toCis = (await createReferral(pup, participantId, dir.org[CIS])).id;
      await cis.data(RM.accept, { input: { referralId: toCis } });
      // Another recipient, under its own consent, with its own open referral.
      await grantConsent(pup, participantId, dir.org[OPS]);
      toOps = (await createReferral(pup, participantId, dir.org[OPS])).id;
      // The CIS has not read the person yet: nothing in the access log names it.
      await pup.data(WITHDRAW, { input: { consentId, reason: 'Uczestnik wycofał zgodę' } });
    });

    it('the recipient’s access ends: NOT_FOUND, absent from lists, null on the referral', async () => {
      expect(codeOf(await read(cis, participantId))).toBe('NOT_FOUND');
      expect(await listed(cis)).not.toContain(participantId);
      expect((await cis.data(REFERRAL, { id: toCis })).referral).toMatchObject({
        status: 'ACCEPTED',
        consentWithdrawn: true,
        participant: null,
      });
    });

    it('the sender sees the status and the withdrawal on the referral', async () => {
      expect((await pup.data(REFERRAL, { id: toCis })).referral).toMatchObject({
        status: 'ACCEPTED',
        consentWithdrawn: true,
        participant: { id: participantId },
      });
    });

    it('the other recipient, whose consent stands, keeps its access', async () => {
      expect((await read(ops, participantId)).data.participant.identity).toEqual({ lastName: 'Wycofany' });
      expect((await ops.data(REFERRAL, { id: toOps })).referral).toMatchObject({
        status: 'SENT',
        consentWithdrawn: false,
      });
    });

    it('the consent.withdrawn event names the recipient of the open referral, and only it', async () => {
      const { rows } = await db.query(
        `SELECT payload FROM outbox WHERE event_type = 'consent.withdrawn' AND aggregate_id = $1`,
        [consentId],
      );
      expect(rows).toEqual([{ payload: { consentId, participantId, notifyOrganisationIds: [dir.org[CIS]] } }]);
      expect(dir.org[PUP]).not.toBe(dir.org[CIS]);
    });
  });
});
