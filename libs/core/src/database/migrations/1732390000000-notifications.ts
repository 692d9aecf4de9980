import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery of outbox events: the relay marks a row dispatched when it is on the
 * queue and delivered when every notification for it exists; the in-app inbox
 * holds one row per (event, user), enforced by the database.
 */
export class Notifications1732390000000 implements MigrationInterface {
  name = 'Notifications1732390000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE outbox ADD COLUMN delivered_at timestamptz, ADD COLUMN attempts integer NOT NULL DEFAULT 0`,
    );
    await db.query(`CREATE INDEX outbox_undelivered_idx ON outbox (created_at) WHERE delivered_at IS NULL`);
    // Wakes the relay at once instead of at its next poll.
    await db.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$`);
    await db.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES outbox(id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        event_type text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        summary jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notifications_event_user_key UNIQUE (event_id, user_id)
      )`);
    await db.query(`CREATE INDEX notifications_inbox_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP TRIGGER outbox_notify ON outbox`);
    await db.query(`DROP FUNCTION outbox_notify()`);
    await db.query(`ALTER TABLE outbox DROP COLUMN delivered_at, DROP COLUMN attempts`);
  }
}
