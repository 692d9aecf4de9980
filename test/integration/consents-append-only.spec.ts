import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@app/testing';

/**
 * Consents are append-only, enforced by a trigger: no DELETE, and no UPDATE
 * but the one that records a withdrawal (when and by whom, optionally why),
 * once. Two withdrawals racing on the same consent: the second is refused.
 */
describe('consents are append-only', () => {
  let database: TestDatabase;
  let db: Client;
  let other: Client;
  let userId: string;
  let participantId: string;
  let organisationId: string;
  let recipientId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    other = new Client({ connectionString: database.url });
    await Promise.all([db.connect(), other.connect()]);
    const { rows } = await db.query<{
      organisation_id: string;
      recipient_id: string;
      user_id: string;
      participant_id: string;
    }>(
      `WITH o AS (INSERT INTO organisations (kind, name) VALUES ('WELFARE_CENTRE', 'OPS'), ('SOCIAL_INTEGRATION_CENTRE', 'CIS') RETURNING id, name),
            u AS (INSERT INTO users (email, display_name, password_hash) VALUES ('worker@append.test', 'W', 'x') RETURNING id),
            p AS (INSERT INTO participants (owner_organisation_id, registered_by_user_id)
                  SELECT (SELECT id FROM o WHERE name = 'OPS'), u.id FROM u RETURNING id)
       SELECT (SELECT id FROM o WHERE name = 'OPS') AS organisation_id, (SELECT id FROM o WHERE name = 'CIS') AS recipient_id,
              (SELECT id FROM u) AS user_id, (SELECT id FROM p) AS participant_id`,
    );
    ({
      organisation_id: organisationId,
      recipient_id: recipientId,
      user_id: userId,
      participant_id: participantId,
    } = rows[0]);
  });
  afterAll(async () => {
    await Promise.all([db?.end(), other?.end()]);
    await database?.drop();
  });

  async function newConsent(): Promise<string> {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO consents (participant_id, granted_to_organisation_id, purposes, data_categories, valid_from,
                             evidence_method, collected_by_user_id, recorded_by_organisation_id)
       VALUES ($1, $2, '{REFERRAL}', '{IDENTITY}', current_date, 'PAPER_SIGNATURE', $3, $4) RETURNING id`,
      [participantId, recipientId, userId, organisationId],
    );
    return rows[0].id;
  }

  const refusal = (sql: string, params: unknown[]) =>
    db.query(sql, params).then(
      () => 'applied',
      (error: Error) => error.message,
    );

  it('refuses every change but a withdrawal', async () => {
    const id = await newConsent();
    const changes: [string, unknown[]][] = [
      [`UPDATE consents SET data_categories = '{IDENTITY,HEALTH}' WHERE id = $1`, [id]],
      [`UPDATE consents SET purposes = '{REFERRAL,REPORTING}' WHERE id = $1`, [id]],
      [`UPDATE consents SET valid_until = current_date + 365 WHERE id = $1`, [id]],
      [`UPDATE consents SET valid_from = current_date - 365 WHERE id = $1`, [id]],
      [`UPDATE consents SET granted_to_organisation_id = $2 WHERE id = $1`, [id, organisationId]],
      [`UPDATE consents SET evidence_method = 'ELECTRONIC' WHERE id = $1`, [id]],
      [`UPDATE consents SET id = gen_random_uuid() WHERE id = $1`, [id]],
      [`UPDATE consents SET created_at = now() - interval '1 year' WHERE id = $1`, [id]],
      // Not a withdrawal: a reason or a withdrawer alone, or nothing at all.
      [`UPDATE consents SET withdrawal_reason = 'x' WHERE id = $1`, [id]],
      [`UPDATE consents SET withdrawn_by_user_id = $2 WHERE id = $1`, [id, userId]],
      [`UPDATE consents SET withdrawn_at = now() WHERE id = $1`, [id]],
      [`UPDATE consents SET id = id WHERE id = $1`, [id]],
      // A withdrawal that also changes the consent.
      [
        `UPDATE consents SET withdrawn_at = now(), withdrawn_by_user_id = $2, data_categories = '{IDENTITY,HEALTH}' WHERE id = $1`,
        [id, userId],
      ],
      [`DELETE FROM consents WHERE id = $1`, [id]],
    ];
    for (const [sql, params] of changes) {
      expect({ sql, outcome: await refusal(sql, params) }).toEqual({
        sql,
        outcome: expect.stringMatching(/append-only/),
      });
    }
    const { rows } = await db.query(
      `SELECT data_categories, purposes, withdrawn_at, withdrawal_reason FROM consents WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([
      { data_categories: ['IDENTITY'], purposes: ['REFERRAL'], withdrawn_at: null, withdrawal_reason: null },
    ]);
  });

  it('records a withdrawal once; the withdrawn consent then never changes again', async () => {
    const id = await newConsent();
    await db.query(
      `UPDATE consents SET withdrawn_at = now(), withdrawn_by_user_id = $2, withdrawal_reason = 'asked' WHERE id = $1`,
      [id, userId],
    );
    for (const [sql, params] of [
      [
        `UPDATE consents SET withdrawn_at = NULL, withdrawn_by_user_id = NULL, withdrawal_reason = NULL WHERE id = $1`,
        [id],
      ],
      [`UPDATE consents SET withdrawal_reason = 'another reason' WHERE id = $1`, [id]],
      [`UPDATE consents SET withdrawn_at = now() - interval '1 year' WHERE id = $1`, [id]],
      [`DELETE FROM consents WHERE id = $1`, [id]],
    ] as [string, unknown[]][]) {
      expect({ sql, outcome: await refusal(sql, params) }).toEqual({
        sql,
        outcome: expect.stringMatching(/append-only/),
      });
    }
    const { rows } = await db.query(`SELECT withdrawal_reason FROM consents WHERE id = $1`, [id]);
    expect(rows).toEqual([{ withdrawal_reason: 'asked' }]);
  });

  it('two withdrawals racing: the second waits for the first and is then refused', async () => {
    const id = await newConsent();
    const withdraw = `UPDATE consents SET withdrawn_at = now(), withdrawn_by_user_id = $2, withdrawal_reason = $3 WHERE id = $1`;
    await db.query('BEGIN');
    await db.query(withdraw, [id, userId, 'first']);
    const second = other.query(withdraw, [id, userId, 'second']).then(
      () => 'applied',
      (error: Error) => error.message,
    );
    // The second blocks on the row lock until the first commits.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await db.query('COMMIT');
    expect(await second).toMatch(/append-only/);
    const { rows } = await db.query(`SELECT withdrawal_reason FROM consents WHERE id = $1`, [id]);
    expect(rows).toEqual([{ withdrawal_reason: 'first' }]);
  });
});
