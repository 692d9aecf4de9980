import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referral list's keyset indexes carry the status, so a page filtered by
 * status (`referrals(filter: { statuses })`) walks them newest first and skips
 * the other statuses inside the index (an index-only scan), instead of
 * fetching every referral of the organisation from the table to read its
 * status. Same keys as before: the unfiltered pages still read one page of
 * index entries per side (sent, received).
 */
export class ReferralListIndexes1732440000000 implements MigrationInterface {
  name = 'ReferralListIndexes1732440000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX referrals_outgoing_idx`);
    await db.query(
      `CREATE INDEX referrals_outgoing_idx ON referrals (from_organisation_id, created_at DESC, id DESC) INCLUDE (status)`,
    );
    await db.query(`DROP INDEX referrals_incoming_idx`);
    await db.query(
      `CREATE INDEX referrals_incoming_idx ON referrals (to_organisation_id, created_at DESC, id DESC) INCLUDE (status)
        WHERE status <> 'DRAFT'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX referrals_outgoing_idx`);
    await db.query(`CREATE INDEX referrals_outgoing_idx ON referrals (from_organisation_id, created_at DESC, id DESC)`);
    await db.query(`DROP INDEX referrals_incoming_idx`);
    await db.query(
      `CREATE INDEX referrals_incoming_idx ON referrals (to_organisation_id, created_at DESC, id DESC) WHERE status <> 'DRAFT'`,
    );
  }
}
