import { startTestApp, TestApp } from '@app/testing';
import { CATEGORIES, PURPOSES, SPECIAL_CATEGORIES } from '../support/access-oracle';
import { addDays, demo, Demo, fullParticipant, M, Q, sendReferral, shownCategories } from './support/participants';

/** Words only the special-category data of `fullParticipant` contains. */
const SPECIAL_WORDS = ['orzeczenie', 'terapia', 'wyrok', 'MODERATE', '2023-05-01'];

/**
 * Special categories (HEALTH, ADDICTION, CRIMINAL_RECORD) are shared only by a
 * consent that names them: a consent naming every other category never reveals
 * them — in a single read, a list, a search or an explanation, for any purpose.
 * (Each participant is referred to the CIS, which REFERRAL reads also need.)
 */
describe('special categories', () => {
  let api: TestApp;
  let d: Demo;
  let general: string;

  beforeAll(async () => {
    api = await startTestApp();
    d = await demo(api);
    general = (await d.clients.welfareSocialWorker.data(M.createParticipant, { input: fullParticipant('Ogolna') }))
      .createParticipant.id;
    // Everything the OPS–CIS agreement allows except the special categories, for both its purposes.
    await d.clients.welfareSocialWorker.data(M.grantConsent, {
      input: {
        participantId: general,
        recipientOrganisationId: d.org.cis,
        purposes: ['REFERRAL', 'REINTEGRATION_SUPPORT'],
        dataCategories: CATEGORIES.filter((c) => !SPECIAL_CATEGORIES.includes(c)),
        validFrom: addDays(d.today, -1),
        evidence: { method: 'ELECTRONIC' },
      },
    });
    await sendReferral(d.clients.welfareSocialWorker, general, d.org.cis);
  });
  afterAll(async () => {
    await d?.close();
    await api?.close();
  });

  it('a consent naming only general categories never reveals HEALTH, ADDICTION or CRIMINAL_RECORD', async () => {
    for (const purpose of PURPOSES) {
      const single = await d.clients.cisCaseworker.request(Q.participant, { id: general, purpose });
      const list = await d.clients.cisCaseworker.request(Q.participants, { purpose, search: 'ogolna' });
      for (const response of [single, list]) {
        const text = JSON.stringify(response);
        for (const word of SPECIAL_WORDS)
          expect({ purpose, leaked: text.includes(word) }).toEqual({ purpose, leaked: false });
      }
      const participant = single.data?.participant;
      if (!participant) {
        // Not consented for this purpose: unknown, and absent from the list.
        expect(single.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        expect(list.data.participants.totalCount).toBe(0);
        continue;
      }
      expect(shownCategories(participant)).toEqual([
        'IDENTITY',
        'CONTACT',
        'ADDRESS',
        'EMPLOYMENT',
        'EDUCATION',
        'BENEFITS',
        'FAMILY',
        'HOUSING',
      ]);
      expect(participant.redactions).toEqual([
        { category: 'HEALTH', reason: 'NO_CONSENT' },
        { category: 'ADDICTION', reason: 'NO_CONSENT' },
        { category: 'CRIMINAL_RECORD', reason: 'NO_CONSENT' },
      ]);
      expect(list.data.participants.edges.map((e: any) => shownCategories(e.node))).toEqual([
        shownCategories(participant),
      ]);
    }
    const log = await d.sql.query<{ categories: string[] }>(
      `SELECT categories FROM access_log WHERE participant_id = $1`,
      [general],
    );
    expect(log.rows.length).toBeGreaterThan(0);
    for (const row of log.rows)
      expect(row.categories.filter((c) => SPECIAL_CATEGORIES.includes(c as never))).toEqual([]);
  });

  it('a legal basis without special categories adds none either', async () => {
    const id = (await d.clients.welfareCoordinator.data(M.createParticipant, { input: fullParticipant('Ustawowa') }))
      .createParticipant.id;
    await d.clients.welfareCoordinator.data(M.recordLegalBasis, {
      input: {
        ownerOrganisationId: d.org.mops,
        recipientOrganisationId: d.org.cis,
        purpose: 'REFERRAL',
        dataCategories: ['IDENTITY', 'FAMILY'],
        citation: 'art. 50 ust. 1 ustawy o pomocy społecznej',
        validFrom: addDays(d.today, -1),
      },
    });
    await sendReferral(d.clients.welfareCoordinator, id, d.org.cis);
    const { participant } = await d.clients.cisCaseworker.data(Q.participant, { id, purpose: 'REFERRAL' });
    expect(shownCategories(participant)).toEqual(['IDENTITY', 'FAMILY']);
    expect(participant.access.basis).toBe('LEGAL_BASIS');
    expect(JSON.stringify(participant)).not.toMatch(new RegExp(SPECIAL_WORDS.join('|')));
  });

  it('a consent that names HEALTH opens HEALTH, and only HEALTH of the special categories', async () => {
    const id = (await d.clients.welfareSocialWorker.data(M.createParticipant, { input: fullParticipant('Zdrowie') }))
      .createParticipant.id;
    await d.clients.welfareSocialWorker.data(M.grantConsent, {
      input: {
        participantId: id,
        recipientOrganisationId: d.org.cis,
        purposes: ['REFERRAL'],
        dataCategories: ['IDENTITY', 'HEALTH'],
        validFrom: addDays(d.today, -1),
        evidence: { method: 'WITNESSED_VERBAL' },
      },
    });
    await sendReferral(d.clients.welfareSocialWorker, id, d.org.cis);
    const { participant } = await d.clients.cisCaseworker.data(Q.participant, { id, purpose: 'REFERRAL' });
    expect(shownCategories(participant)).toEqual(['IDENTITY', 'HEALTH']);
    expect(participant.health).toEqual({ disabilityDegree: 'MODERATE', notes: 'orzeczenie' });
    expect(participant.addiction).toBeNull();
    expect(participant.criminalRecord).toBeNull();
  });

  it('no demo agreement allows CRIMINAL_RECORD: a consent naming it is refused, nothing written', async () => {
    const before = await d.sql.query(`SELECT count(*)::int AS n FROM consents`);
    const refused = await d.clients.welfareSocialWorker.request(M.grantConsent, {
      input: {
        participantId: general,
        recipientOrganisationId: d.org.cis,
        purposes: ['REFERRAL'],
        dataCategories: ['IDENTITY', 'CRIMINAL_RECORD'],
        validFrom: addDays(d.today, -1),
        evidence: { method: 'ELECTRONIC' },
      },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused.errors?.[0].extensions)).toContain('CRIMINAL_RECORD');
    expect((await d.sql.query(`SELECT count(*)::int AS n FROM consents`)).rows).toEqual(before.rows);
  });
});
