import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The e-mail channel: one e-mail per notification, i.e. per (event, user),
 * enforced by the database. A row is PENDING until the SMTP server accepted
 * the message (SENT) or the last retry failed (FAILED).
 */
export class EmailDeliveries1732400000000 implements MigrationInterface {
  name = 'EmailDeliveries1732400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE email_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        to_address text NOT NULL,
        language text NOT NULL CHECK (language IN ('pl','en')),
        subject text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENT','FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT email_deliveries_notification_key UNIQUE (notification_id)
      )`);
    await db.query(
      `CREATE INDEX email_deliveries_pending_idx ON email_deliveries (created_at) WHERE status = 'PENDING'`,
    );
    await db.query(`CREATE INDEX email_deliveries_user_idx ON email_deliveries (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE email_deliveries`);
  }
}
