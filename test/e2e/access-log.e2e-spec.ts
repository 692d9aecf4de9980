import { startTestApp, TestApp } from '@app/testing';
import { addDays, demo, Demo, fullParticipant, M, Q, sendReferral } from './support/participants';

interface LogRow {
  actor_user_id: string;
  actor_organisation_id: string;
  participant_id: string;
  owner_organisation_id: string;
  purpose: string;
  categories: string[];
  basis: string;
  consent_ids: string[];
  legal_basis_ids: string[];
  operation: string;
}

/**
 * Every read across organisations — single or list — writes exactly one
 * access-log row per participant read, saying what was disclosed, for what and
 * on what basis; the owner's own reads write none; and if the row cannot be
 * written the data is not served.
 */
describe('the access log', () => {
  let api: TestApp;
  let d: Demo;
  const ops: string[] = [];
  const consents: string[] = [];
  let pupOwn: string;
  let mopsParticipant: string;
  let legalBasisId: string;

  async function logSince(id: number): Promise<LogRow[]> {
    const { rows } = await d.sql.query<LogRow>(
      `SELECT actor_user_id, actor_organisation_id, participant_id, owner_organisation_id, purpose, categories, basis,
              consent_ids::text[], legal_basis_ids::text[], operation
         FROM access_log WHERE id > $1 ORDER BY id`,
      [id],
    );
    return rows;
  }
  const lastId = async () =>
    Number((await d.sql.query(`SELECT coalesce(max(id), 0) AS id FROM access_log`)).rows[0].id as string);

  beforeAll(async () => {
    api = await startTestApp();
    d = await demo(api);
    for (let i = 0; i < 3; i++) {
      const id = (
        await d.clients.welfareSocialWorker.data(M.createParticipant, { input: fullParticipant(`Logowany${i}`) })
      ).createParticipant.id;
      const { grantConsent } = await d.clients.welfareSocialWorker.data(M.grantConsent, {
        input: {
          participantId: id,
          recipientOrganisationId: d.org.cis,
          purposes: ['REFERRAL'],
          dataCategories: i === 0 ? ['IDENTITY', 'HEALTH'] : ['IDENTITY', 'CONTACT'],
          validFrom: addDays(d.today, -1),
          evidence: { method: 'ELECTRONIC' },
        },
      });
      ops.push(id);
      consents.push(grantConsent.id);
      // Referred to the CIS, which then reads them for REFERRAL.
      await sendReferral(d.clients.welfareSocialWorker, id, d.org.cis);
    }
    pupOwn = (await d.clients.labourOfficeCaseworker.data(M.createParticipant, { input: fullParticipant('Własny') }))
      .createParticipant.id;
    mopsParticipant = (
      await d.clients.welfareCoordinator.data(M.createParticipant, { input: fullParticipant('Ustawowy') })
    ).createParticipant.id;
    const { recordLegalBasis } = await d.clients.welfareCoordinator.data(M.recordLegalBasis, {
      input: {
        ownerOrganisationId: d.org.mops,
        recipientOrganisationId: d.org.pup,
        purpose: 'EMPLOYMENT_MEDIATION',
        dataCategories: ['IDENTITY', 'EMPLOYMENT'],
        citation: 'art. 50 ustawy o promocji zatrudnienia',
        validFrom: addDays(d.today, -1),
      },
    });
    legalBasisId = recordLegalBasis.id;
  });
  afterAll(async () => {
    await d?.close();
    await api?.close();
  });

  it('a single read across organisations writes one row: who, for whom, what, why and on what basis', async () => {
    const since = await lastId();
    const { participant } = await d.clients.cisCaseworker.data(Q.participant, { id: ops[0], purpose: 'REFERRAL' });
    expect(await logSince(since)).toEqual([
      {
        actor_user_id: d.readers.cisCaseworker.userId,
        actor_organisation_id: d.org.cis,
        participant_id: ops[0],
        owner_organisation_id: d.org.ops,
        purpose: 'REFERRAL',
        categories: ['HEALTH', 'IDENTITY'],
        basis: 'CONSENT',
        consent_ids: [consents[0]],
        legal_basis_ids: [],
        operation: 'participant',
      },
    ]);
    expect([...participant.access.visibleCategories].sort()).toEqual(['HEALTH', 'IDENTITY']);
  });

  it('a legal-basis read names the legal basis', async () => {
    const since = await lastId();
    await d.clients.labourOfficeCaseworker.data(Q.participant, {
      id: mopsParticipant,
      purpose: 'EMPLOYMENT_MEDIATION',
    });
    expect(await logSince(since)).toEqual([
      expect.objectContaining({
        participant_id: mopsParticipant,
        actor_organisation_id: d.org.pup,
        purpose: 'EMPLOYMENT_MEDIATION',
        categories: ['EMPLOYMENT', 'IDENTITY'],
        basis: 'LEGAL_BASIS',
        consent_ids: [],
        legal_basis_ids: [legalBasisId],
      }),
    ]);
  });

  it('a list writes one row per participant on the page read, and none for the others', async () => {
    let since = await lastId();
    const first = await d.clients.cisCaseworker.data(Q.participants, { purpose: 'REFERRAL', first: 2 });
    const page1 = first.participants.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(first.participants.totalCount).toBe(3);
    let rows = await logSince(since);
    expect(rows.map((r) => r.participant_id).sort()).toEqual([...page1].sort());
    for (const row of rows) {
      expect(row).toMatchObject({
        operation: 'participants',
        purpose: 'REFERRAL',
        basis: 'CONSENT',
        actor_organisation_id: d.org.cis,
      });
      expect(row.consent_ids).toEqual([consents[ops.indexOf(row.participant_id)]]);
    }

    since = await lastId();
    const second = await d.clients.cisCaseworker.data(Q.participants, {
      purpose: 'REFERRAL',
      first: 2,
      after: first.participants.pageInfo.endCursor,
    });
    rows = await logSince(since);
    expect(rows.map((r) => r.participant_id)).toEqual(
      second.participants.edges.map((e: { node: { id: string } }) => e.node.id),
    );
    expect(rows).toHaveLength(1);

    // A search that matches no one, or a purpose without consent, reads no one: no rows.
    since = await lastId();
    await d.clients.cisCaseworker.data(Q.participants, { purpose: 'REFERRAL', search: 'nikt-taki' });
    await d.clients.cisCaseworker.data(Q.participants, { purpose: 'REPORTING' });
    expect(await logSince(since)).toEqual([]);
  });

  it('the owner’s reads, single and list, write nothing', async () => {
    const since = await lastId();
    await d.clients.labourOfficeCaseworker.data(Q.participant, { id: pupOwn });
    await d.clients.labourOfficeAdmin.data(Q.participant, { id: pupOwn });
    await d.clients.welfareSocialWorker.data(Q.participants, { first: 10 });
    await d.clients.welfareSocialWorker.data(Q.explain, { id: ops[0], purpose: 'REFERRAL' });
    expect(await logSince(since)).toEqual([]);
  });

  it('the owner’s members (auditors too) see the log; other organisations get NOT_FOUND', async () => {
    const { accessLog } = await d.clients.welfareSocialWorker.data(Q.accessLog, { id: ops[0] });
    expect(accessLog[0]).toMatchObject({
      actorOrganisationId: d.org.cis,
      purpose: 'REFERRAL',
      basis: 'CONSENT',
      consentIds: [consents[0]],
    });
    const pup = await d.clients.auditor.data(Q.accessLog, { id: pupOwn });
    expect(pup.accessLog).toEqual([]);
    expect((await d.clients.cisCaseworker.request(Q.accessLog, { id: ops[0] })).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    // The GDPR art. 15 export carries it too, for the owner only.
    const { exportParticipantData } = await d.clients.welfareSocialWorker.data(
      `query($id: ID!) { exportParticipantData(participantId: $id) }`,
      { id: ops[0] },
    );
    const exported = JSON.parse(exportParticipantData);
    expect(exported.accessLog.length).toBe(accessLog.length);
    expect(exported.consents.map((c: { id: string }) => c.id)).toEqual([consents[0]]);
    expect(
      (
        await d.clients.cisCaseworker.request(`query($id: ID!) { exportParticipantData(participantId: $id) }`, {
          id: ops[0],
        })
      ).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
  });

  describe('when the log cannot be written', () => {
    beforeAll(async () => {
      await d.sql.query(`CREATE FUNCTION fail() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'access log unavailable'; END $$`);
      await d.sql.query(`CREATE TRIGGER fail BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION fail()`);
    });
    afterAll(async () => {
      await d.sql.query(`DROP TRIGGER fail ON access_log`);
      await d.sql.query(`DROP FUNCTION fail()`);
    });

    const personal = ['Logowany', 'Anna', '600 000 000', 'orzeczenie', 'Legionowo'];

    it('a partner’s single read answers an error and no personal data', async () => {
      const result = await d.clients.cisCaseworker.request(Q.participant, { id: ops[0], purpose: 'REFERRAL' });
      expect(result.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(result.data?.participant ?? null).toBeNull();
      const text = JSON.stringify(result);
      for (const word of personal) expect({ word, served: text.includes(word) }).toEqual({ word, served: false });
    });

    it('a partner’s list answers an error and no personal data', async () => {
      const result = await d.clients.cisCaseworker.request(Q.participants, { purpose: 'REFERRAL' });
      expect(result.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(result.data?.participants ?? null).toBeNull();
      const text = JSON.stringify(result);
      for (const word of personal) expect({ word, served: text.includes(word) }).toEqual({ word, served: false });
    });

    it('the owner, whose reads need no log, still reads', async () => {
      const { participant } = await d.clients.welfareSocialWorker.data(Q.participant, { id: ops[0] });
      expect(participant.identity.lastName).toBe('Logowany0');
    });
  });

  it('once the log works again, so do the partner’s reads (and nothing was logged meanwhile)', async () => {
    const rows = await d.sql.query(`SELECT count(*)::int AS n FROM access_log WHERE actor_organisation_id = $1`, [
      d.org.cis,
    ]);
    const { participant } = await d.clients.cisCaseworker.data(Q.participant, { id: ops[0], purpose: 'REFERRAL' });
    expect(participant.identity.lastName).toBe('Logowany0');
    const after = await d.sql.query(`SELECT count(*)::int AS n FROM access_log WHERE actor_organisation_id = $1`, [
      d.org.cis,
    ]);
    expect(after.rows[0].n).toBe(rows.rows[0].n + 1);
  });
});
