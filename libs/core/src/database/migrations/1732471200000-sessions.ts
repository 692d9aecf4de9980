import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Server-side sessions: a browser's sign-in (the console's HttpOnly cookie)
 * is a row here, so signing out ends it on the server at once. Only the
 * SHA-256 of the opaque token is stored: a copy of the table opens no session.
 * A session ends at `expires_at` (absolute), after `idle_seconds` without use
 * (`last_seen_at`), or when `revoked_at` is set, with the reason. `kind`
 * names what the token is, so the refresh tokens of API clients (issue 15)
 * can live in the same table and be revoked by the same statements (per
 * session, or every session of a user on a password change).
 */
export class Sessions1732471200000 implements MigrationInterface {
  name = 'Sessions1732471200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('BROWSER')),
        token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        idle_seconds integer NOT NULL CHECK (idle_seconds > 0),
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('SIGN_OUT', 'PASSWORD_CHANGED', 'ACCOUNT_DISABLED', 'ADMIN')),
        CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL)),
        CHECK (expires_at > created_at)
      )`);
    await db.query(`CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash)`);
    // "Every live session of this user" (revoke all on a password change; issue 15).
    await db.query(`CREATE INDEX sessions_user_live_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sessions`);
  }
}
