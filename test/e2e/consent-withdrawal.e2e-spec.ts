import { startTestApp, TestApp } from '@app/testing';
import { addDays, demo, Demo, fullParticipant, M, Q, shownCategories } from './support/participants';

/**
 * Withdrawal and expiry take effect on the next read: nothing is served under a
 * withdrawn or expired consent, another live consent keeps exactly its own
 * categories, and the organisations that received data are recorded for the
 * GDPR art. 19 notification. The CIS reads for purpose REFERRAL, so each
 * participant is first referred to it (an open referral is what REFERRAL
 * access also needs; its own tests: referral-access.e2e-spec.ts).
 */
describe('withdrawal and expiry of consent', () => {
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

  async function opsParticipant(): Promise<string> {
    const { createParticipant } = await d.clients.welfareSocialWorker.data(M.createParticipant, {
      input: fullParticipant(),
    });
    return createParticipant.id;
  }

  async function consentToCis(
    participantId: string,
    dataCategories: string[],
    validity: { from?: number; until?: number } = {},
  ) {
    const { grantConsent } = await d.clients.welfareSocialWorker.data(M.grantConsent, {
      input: {
        participantId,
        recipientOrganisationId: d.org.cis,
        purposes: ['REFERRAL'],
        dataCategories,
        validFrom: addDays(d.today, validity.from ?? -30),
        validUntil: validity.until === undefined ? undefined : addDays(d.today, validity.until),
        evidence: { method: 'PAPER_SIGNATURE', documentHash: 'b'.repeat(64) },
      },
    });
    return grantConsent as { id: string; status: string };
  }

  /**
   * An open referral of the participant to the CIS: sent through the API (the consent gate passes on a
   * live consent); with `sentEarlier`, one sent before (a draft marked SENT), for a participant whose
   * consent is not live today, so that only the consent decides what the CIS sees.
   */
  async function referToCis(participantId: string, { sentEarlier = false } = {}): Promise<string> {
    const { createReferral } = await d.clients.welfareSocialWorker.data(
      `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id status } }`,
      {
        input: {
          participantId,
          toOrganisationId: d.org.cis,
          reasonCategory: 'SOCIAL_EXCLUSION_RISK',
          reason: 'Wsparcie w reintegracji',
          send: !sentEarlier,
        },
      },
    );
    if (sentEarlier) {
      await d.sql.query(`UPDATE referrals SET status = 'SENT', sent_at = now() - interval '40 days' WHERE id = $1`, [
        createReferral.id,
      ]);
    } else expect(createReferral.status).toBe('SENT');
    return createReferral.id;
  }

  const withdraw = (consentId: string) =>
    d.clients.welfareSocialWorker.request(M.withdrawConsent, { input: { consentId, reason: 'the participant asked' } });

  const cisRead = (id: string) => d.clients.cisCaseworker.request(Q.participant, { id, purpose: 'REFERRAL' });

  it('read, withdraw, read again: nothing under the consent; NOT_FOUND when nothing else grants', async () => {
    const id = await opsParticipant();
    const consent = await consentToCis(id, ['IDENTITY', 'CONTACT', 'EMPLOYMENT']);
    await referToCis(id);

    const before = await cisRead(id);
    expect(shownCategories(before.data!.participant)).toEqual(['IDENTITY', 'CONTACT', 'EMPLOYMENT']);

    const withdrawn = await withdraw(consent.id);
    expect(withdrawn.data!.withdrawConsent).toMatchObject({
      status: 'WITHDRAWN',
      withdrawalReason: 'the participant asked',
    });

    const after = await cisRead(id);
    expect(after.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(after.data?.participant ?? null).toBeNull();
    expect(JSON.stringify(after)).not.toContain('Anna');
    expect(
      (await d.clients.cisCaseworker.request(Q.explain, { id, purpose: 'REFERRAL' })).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    const { participants } = await d.clients.cisCaseworker.data(Q.participants, { purpose: 'REFERRAL' });
    expect(participants.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);

    // The record stays, marked withdrawn; the CIS, which read under it, is to be told (GDPR art. 19).
    const { consents } = await d.clients.welfareSocialWorker.data(Q.consents, { id });
    expect(consents).toEqual([expect.objectContaining({ id: consent.id, status: 'WITHDRAWN' })]);
    const outbox = await d.sql.query(
      `SELECT payload FROM outbox WHERE event_type = 'consent.withdrawn' AND aggregate_id = $1`,
      [consent.id],
    );
    expect(outbox.rows).toEqual([
      { payload: { consentId: consent.id, participantId: id, notifyOrganisationIds: [d.org.cis] } },
    ]);
  });

  it('another consent still live keeps only its own categories', async () => {
    const id = await opsParticipant();
    const kept = await consentToCis(id, ['IDENTITY', 'CONTACT']);
    const gone = await consentToCis(id, ['EMPLOYMENT', 'HEALTH', 'CONTACT']);
    await referToCis(id);
    const both = await cisRead(id);
    expect(shownCategories(both.data!.participant)).toEqual(['IDENTITY', 'CONTACT', 'EMPLOYMENT', 'HEALTH']);

    expect((await withdraw(gone.id)).errors).toBeUndefined();
    const { participant } = (await cisRead(id)).data!;
    expect(shownCategories(participant)).toEqual(['IDENTITY', 'CONTACT']);
    expect(participant.employment).toBeNull();
    expect(participant.health).toBeNull();
    expect(participant.access).toMatchObject({ basis: 'CONSENT', visibleCategories: ['CONTACT', 'IDENTITY'] });
    expect(participant.redactions).toEqual(
      expect.arrayContaining([
        { category: 'EMPLOYMENT', reason: 'CONSENT_WITHDRAWN' },
        { category: 'HEALTH', reason: 'CONSENT_WITHDRAWN' },
      ]),
    );
    const { explainAccess } = await d.clients.cisCaseworker.data(Q.explain, { id, purpose: 'REFERRAL' });
    expect(explainAccess.consentIds).toEqual([kept.id]);

    // The next read is logged under the consent still live only.
    const [last] = (
      await d.sql.query(
        `SELECT consent_ids::text[], categories FROM access_log WHERE participant_id = $1 ORDER BY id DESC LIMIT 1`,
        [id],
      )
    ).rows;
    expect(last).toEqual({ consent_ids: [kept.id], categories: ['CONTACT', 'IDENTITY'] });
  });

  it('a consent whose validUntil was yesterday shows nothing; one valid until today still does', async () => {
    const expired = await opsParticipant();
    const consent = await consentToCis(expired, ['IDENTITY', 'CONTACT'], { from: -30, until: -1 });
    expect(consent.status).toBe('EXPIRED');
    await referToCis(expired, { sentEarlier: true });
    expect((await cisRead(expired)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const lastDay = await opsParticipant();
    await consentToCis(lastDay, ['IDENTITY'], { from: -30, until: 0 });
    await referToCis(lastDay);
    expect(shownCategories((await cisRead(lastDay)).data!.participant)).toEqual(['IDENTITY']);

    const notYet = await opsParticipant();
    const future = await consentToCis(notYet, ['IDENTITY'], { from: 1 });
    expect(future.status).toBe('NOT_YET_VALID');
    await referToCis(notYet, { sentEarlier: true });
    expect((await cisRead(notYet)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // Expired next to a live consent: the live one's categories only, the other hidden as expired.
    const mixed = await opsParticipant();
    await consentToCis(mixed, ['HEALTH', 'EMPLOYMENT'], { from: -30, until: -1 });
    await consentToCis(mixed, ['IDENTITY']);
    await referToCis(mixed);
    const { participant } = (await cisRead(mixed)).data!;
    expect(shownCategories(participant)).toEqual(['IDENTITY']);
    expect(participant.redactions).toEqual(
      expect.arrayContaining([
        { category: 'HEALTH', reason: 'CONSENT_EXPIRED' },
        { category: 'EMPLOYMENT', reason: 'CONSENT_EXPIRED' },
      ]),
    );
  });

  it('two withdrawals at once: one records it, the other is a CONFLICT, one notification', async () => {
    const id = await opsParticipant();
    const consent = await consentToCis(id, ['IDENTITY']);
    const results = await Promise.all([withdraw(consent.id), withdraw(consent.id), withdraw(consent.id)]);
    const codes = results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    const outbox = await d.sql.query(
      `SELECT 1 FROM outbox WHERE event_type = 'consent.withdrawn' AND aggregate_id = $1`,
      [consent.id],
    );
    expect(outbox.rowCount).toBe(1);
  });

  it('only the owner withdraws: another organisation, or an unknown consent, is NOT_FOUND', async () => {
    const id = await opsParticipant();
    const consent = await consentToCis(id, ['IDENTITY']);
    await referToCis(id);
    const byCis = await d.clients.cisCaseworker.request(M.withdrawConsent, { input: { consentId: consent.id } });
    expect(byCis.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const unknown = await d.clients.welfareSocialWorker.request(M.withdrawConsent, {
      input: { consentId: '7d4e2f0a-1b3c-4d5e-8f90-a1b2c3d4e5f6' },
    });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(shownCategories((await cisRead(id)).data!.participant)).toEqual(['IDENTITY']);
  });
});
