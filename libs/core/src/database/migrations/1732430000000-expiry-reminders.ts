import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders that a consent or a data-sharing agreement is about to expire are
 * announced once per subject and expiry date: the primary key makes a repeated
 * or concurrent sweep a no-op. (Consents are append-only, so the marker cannot
 * live on the consent row.)
 */
export class ExpiryReminders1732430000000 implements MigrationInterface {
  name = 'ExpiryReminders1732430000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE expiry_reminders (
        subject_type text NOT NULL CHECK (subject_type IN ('consent','agreement')),
        subject_id uuid NOT NULL,
        expires_on date NOT NULL,
        announced_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject_type, subject_id, expires_on)
      )`);
    // The sweeps look for live consents and agreements by their end date.
    await db.query(
      `CREATE INDEX consents_expiry_idx ON consents (valid_until) WHERE withdrawn_at IS NULL AND valid_until IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX agreements_expiry_idx ON data_sharing_agreements (valid_until) WHERE status = 'ACTIVE' AND valid_until IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX agreements_expiry_idx`);
    await db.query(`DROP INDEX consents_expiry_idx`);
    await db.query(`DROP TABLE expiry_reminders`);
  }
}
