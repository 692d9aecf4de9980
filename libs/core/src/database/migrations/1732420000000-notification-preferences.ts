import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification preferences: a user's choice per (event type, channel), and an
 * organisation's default for its members. No row means "enabled"; mandatory
 * events are enforced in code, not here.
 */
export class NotificationPreferences1732420000000 implements MigrationInterface {
  name = 'NotificationPreferences1732420000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        event_type text NOT NULL CHECK (length(event_type) <= 100),
        channel text NOT NULL CHECK (channel IN ('IN_APP','EMAIL')),
        enabled boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, event_type, channel)
      )`);
    await db.query(`
      CREATE TABLE organisation_notification_defaults (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        event_type text NOT NULL CHECK (length(event_type) <= 100),
        channel text NOT NULL CHECK (channel IN ('IN_APP','EMAIL')),
        enabled boolean NOT NULL,
        updated_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, event_type, channel)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE organisation_notification_defaults`);
    await db.query(`DROP TABLE notification_preferences`);
  }
}
