import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals between organisations, their history and idempotency keys for
 * retried mutations. (This migration also created the access rule
 * `participant_access`; the access functions are now defined once, in
 * libs/access/src/sql, and created by migration 1732470000000.)
 */
export class Referrals1732370000000 implements MigrationInterface {
  name = 'Referrals1732370000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_referral_id uuid REFERENCES referrals(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        from_organisation_id uuid NOT NULL REFERENCES organisations(id),
        from_user_id uuid NOT NULL REFERENCES users(id),
        to_organisation_id uuid NOT NULL REFERENCES organisations(id),
        to_service_id uuid REFERENCES organisation_services(id),
        purpose text NOT NULL DEFAULT 'REFERRAL',
        reason_category text NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 4000),
        priority text NOT NULL DEFAULT 'NORMAL' CHECK (priority IN ('LOW','NORMAL','HIGH','URGENT')),
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT','SENT','ACCEPTED','DECLINED','IN_PROGRESS','COMPLETED','DROPPED_OUT','CANCELLED','EXPIRED','FORWARDED')),
        response_due_on date,
        attachments jsonb NOT NULL DEFAULT '[]',
        outcome text,
        outcome_note text CHECK (length(outcome_note) <= 4000),
        sent_at timestamptz,
        due_soon_notified_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (from_organisation_id <> to_organisation_id)
      )`);
    await db.query(`CREATE INDEX referrals_outgoing_idx ON referrals (from_organisation_id, created_at DESC, id DESC)`);
    await db.query(
      `CREATE INDEX referrals_incoming_idx ON referrals (to_organisation_id, created_at DESC, id DESC) WHERE status <> 'DRAFT'`,
    );
    await db.query(`CREATE INDEX referrals_participant_idx ON referrals (participant_id, to_organisation_id, status)`);
    await db.query(`CREATE INDEX referrals_due_idx ON referrals (response_due_on) WHERE status = 'SENT'`);
    await db.query(
      `CREATE INDEX referrals_parent_idx ON referrals (parent_referral_id) WHERE parent_referral_id IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE referral_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES referrals(id),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid REFERENCES users(id),
        actor_organisation_id uuid REFERENCES organisations(id),
        from_status text,
        to_status text NOT NULL,
        reason_code text,
        outcome text,
        note text CHECK (length(note) <= 4000)
      )`);
    await db.query(`CREATE INDEX referral_history_referral_idx ON referral_history (referral_id, id)`);

    // A retried mutation with the same key returns the first result; another payload is refused.
    await db.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 8 AND 200),
        operation text NOT NULL,
        request_hash text NOT NULL,
        result_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP FUNCTION IF EXISTS participant_access(uuid, uuid, uuid, uuid, text, text[], text[], date, integer)`,
    );
    for (const table of ['idempotency_keys', 'referral_history', 'referrals']) await db.query(`DROP TABLE ${table}`);
  }
}
