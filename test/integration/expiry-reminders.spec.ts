import { Client } from 'pg';
import { ExpiryRemindersService } from '@app/notifications';
import { startTestApp, TestApp } from '@app/testing';

/**
 * Consents and agreements about to expire are announced once each, to the
 * organisation that can act on it, through the outbox like every other event.
 */
describe('expiry reminders', () => {
  let api: TestApp;
  let db: Client;
  let reminders: ExpiryRemindersService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApp({ env: { CONSENT_EXPIRY_REMINDER_DAYS: '14', AGREEMENT_EXPIRY_REMINDER_DAYS: '30' } });
    reminders = api.app.get(ExpiryRemindersService);
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    const { rows } = await db.query<{ email: string; user_id: string; organisation_id: string }>(
      `SELECT u.email, u.id AS user_id, m.organisation_id FROM users u JOIN memberships m ON m.user_id = u.id
        WHERE u.email IN ('pup.caseworker@demo.local', 'pup.admin@demo.local', 'cis.caseworker@demo.local',
                          'cis.admin@demo.local')`,
    );
    for (const row of rows) ids[row.email] = row.user_id;
    const pup = rows.find((r) => r.email === 'pup.caseworker@demo.local')!.organisation_id;
    const cis = rows.find((r) => r.email === 'cis.caseworker@demo.local')!.organisation_id;
    ids.pup = pup;
    ids.cis = cis;
    const caseworker = ids['pup.caseworker@demo.local'];
    ids.participant = (
      await db.query(
        `INSERT INTO participants (owner_organisation_id, registered_by_user_id) VALUES ($1, $2) RETURNING id`,
        [pup, caseworker],
      )
    ).rows[0].id;
    const consent = async (validUntilInDays: number, withdrawn = false): Promise<string> => {
      const { rows: inserted } = await db.query(
        `INSERT INTO consents (participant_id, granted_to_organisation_id, purposes, data_categories, valid_from,
                               valid_until, evidence_method, collected_by_user_id, recorded_by_organisation_id)
         VALUES ($1, $2, '{REFERRAL}', '{IDENTITY}', current_date - 300, current_date + $3::int, 'PAPER_SIGNATURE',
                 $4, $5) RETURNING id`,
        [ids.participant, cis, validUntilInDays, caseworker, pup],
      );
      if (withdrawn) {
        await db.query(`UPDATE consents SET withdrawn_at = now(), withdrawn_by_user_id = $2 WHERE id = $1`, [
          inserted[0].id,
          caseworker,
        ]);
      }
      return inserted[0].id;
    };
    ids.consentSoon = await consent(5);
    ids.consentLastDayToday = await consent(0);
    ids.consentLater = await consent(40);
    ids.consentWithdrawn = await consent(3, true);
    ids.consentExpired = await consent(-1);
    const agreement = async (status: string, validUntilInDays: number): Promise<string> => {
      const { rows: inserted } = await db.query(
        `WITH a AS (
           INSERT INTO data_sharing_agreements (title, status, purposes, data_categories, valid_from, valid_until,
                                                response_time_days, proposed_by_organisation_id, proposed_by_user_id)
           VALUES ('Umowa testowa', $1, '{REFERRAL}', '{IDENTITY}', current_date - 300, current_date + $2::int, 14,
                   $3, $4) RETURNING id
         ), parties AS (
           INSERT INTO agreement_parties (agreement_id, organisation_id) SELECT a.id, o FROM a, unnest($5::uuid[]) o
         ) SELECT id FROM a`,
        [status, validUntilInDays, pup, caseworker, [pup, cis]],
      );
      return inserted[0].id;
    };
    ids.agreementSoon = await agreement('ACTIVE', 10);
    ids.agreementLater = await agreement('ACTIVE', 60);
    ids.agreementProposed = await agreement('PROPOSED', 10);
  });

  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  async function eventsFor(subjectIds: string[]) {
    const { rows } = await db.query<{ event_type: string; aggregate_id: string; payload: Record<string, unknown> }>(
      `SELECT event_type, aggregate_id, payload FROM outbox WHERE aggregate_id = ANY ($1::uuid[]) ORDER BY created_at`,
      [subjectIds],
    );
    return rows;
  }

  it('announces each consent and agreement ending soon once, however often and concurrently it runs', async () => {
    await Promise.all([reminders.announce(), reminders.announce()]);
    await reminders.announce();
    const all = [
      ids.consentSoon,
      ids.consentLastDayToday,
      ids.consentLater,
      ids.consentWithdrawn,
      ids.consentExpired,
      ids.agreementSoon,
      ids.agreementLater,
      ids.agreementProposed,
    ];
    const events = await eventsFor(all);
    expect(events.map((e) => [e.event_type, e.aggregate_id]).sort()).toEqual(
      [
        ['agreement.expiring', ids.agreementSoon],
        ['consent.expiring', ids.consentLastDayToday],
        ['consent.expiring', ids.consentSoon],
      ].sort(),
    );
    const consentEvent = events.find((e) => e.aggregate_id === ids.consentSoon)!;
    // Ids and a date only: nothing about the person.
    expect(consentEvent.payload).toEqual({
      consentId: ids.consentSoon,
      participantId: ids.participant,
      ownerOrganisationId: ids.pup,
      recipientOrganisationId: ids.cis,
      recipientPartnershipId: null,
      validUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const agreementEvent = events.find((e) => e.aggregate_id === ids.agreementSoon)!;
    expect(agreementEvent.payload).toEqual({
      agreementId: ids.agreementSoon,
      partyOrganisationIds: [ids.pup, ids.cis].sort(),
      validUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it("reaches the consent owner's caseworkers and the agreement parties' admins", async () => {
    const inbox = async (subjectId: string) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        // Delivered first, then the notifications: the delivery writes both in one statement, so once it is
        // seen every notification is there (read the other way round, a delivery between the two reads
        // answered none).
        const { rows: delivered } = await db.query(
          `SELECT 1 FROM outbox WHERE aggregate_id = $1 AND delivered_at IS NOT NULL`,
          [subjectId],
        );
        if (delivered.length > 0) {
          const { rows } = await db.query<{ user_id: string; event_type: string }>(
            `SELECT n.user_id, n.event_type FROM notifications n JOIN outbox o ON o.id = n.event_id
              WHERE o.aggregate_id = $1`,
            [subjectId],
          );
          return rows;
        }
        if (Date.now() > deadline) throw new Error(`no delivery for ${subjectId}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const consentRecipients = (await inbox(ids.consentSoon)).map((r) => r.user_id);
    expect(consentRecipients).toContain(ids['pup.caseworker@demo.local']);
    expect(consentRecipients).not.toContain(ids['cis.caseworker@demo.local']);
    expect(consentRecipients).not.toContain(ids['cis.admin@demo.local']);

    const agreementRecipients = (await inbox(ids.agreementSoon)).map((r) => r.user_id);
    expect(agreementRecipients).toEqual(
      expect.arrayContaining([ids['pup.admin@demo.local'], ids['cis.admin@demo.local']]),
    );
    expect(agreementRecipients).not.toContain(ids['pup.caseworker@demo.local']);
    expect(agreementRecipients).not.toContain(ids['cis.caseworker@demo.local']);
  });

  it('announces a partnership-wide agreement to the admins of every member (it has no rows in agreement_parties)', async () => {
    const { rows: partnerships } = await db.query<{ id: string; members: string[] }>(
      `SELECT p.id, array_agg(m.organisation_id::text ORDER BY m.organisation_id) AS members
         FROM partnerships p JOIN partnership_members m ON m.partnership_id = p.id
        GROUP BY p.id HAVING $1::uuid = ANY (array_agg(m.organisation_id)) AND $2::uuid = ANY (array_agg(m.organisation_id))
        LIMIT 1`,
      [ids.pup, ids.cis],
    );
    expect(partnerships).toHaveLength(1);
    const [partnership] = partnerships;
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO data_sharing_agreements (title, partnership_id, status, purposes, data_categories, valid_from,
                                            valid_until, response_time_days, proposed_by_organisation_id,
                                            proposed_by_user_id)
       VALUES ('Porozumienie partnerskie', $1, 'ACTIVE', '{REPORTING}', '{IDENTITY}', current_date - 300,
               current_date + 7, 30, $2, $3) RETURNING id`,
      [partnership.id, ids.cis, ids['cis.admin@demo.local']],
    );
    const agreementId = rows[0].id;

    await reminders.announce();
    const [event] = await eventsFor([agreementId]);
    expect(event.event_type).toBe('agreement.expiring');
    expect(event.payload.partyOrganisationIds).toEqual(partnership.members);

    const deadline = Date.now() + 15_000;
    let recipients: string[] = [];
    while (Date.now() < deadline) {
      const { rows: delivered } = await db.query<{ user_id: string }>(
        `SELECT n.user_id FROM outbox o LEFT JOIN notifications n ON n.event_id = o.id
          WHERE o.aggregate_id = $1 AND o.delivered_at IS NOT NULL`,
        [agreementId],
      );
      if (delivered.length > 0) {
        recipients = delivered.map((r) => r.user_id);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(recipients).toEqual(expect.arrayContaining([ids['pup.admin@demo.local'], ids['cis.admin@demo.local']]));
  });
});
