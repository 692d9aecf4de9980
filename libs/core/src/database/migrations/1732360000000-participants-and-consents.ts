import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participants with their personal data held per category, consents (append
 * only), legal bases, break-glass grants, the access log and the outbox. The
 * access rule that reads them, `participant_access`, also needs the referrals:
 * it is created with them, in 1732370000000-referrals.ts.
 */
export class ParticipantsAndConsents1732360000000 implements MigrationInterface {
  name = 'ParticipantsAndConsents1732360000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE participants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_organisation_id uuid NOT NULL REFERENCES organisations(id),
        registered_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await db.query(
      `CREATE INDEX participants_owner_idx ON participants (owner_organisation_id, created_at DESC, id DESC)`,
    );

    // One row per (participant, category): what is shared, hidden and logged.
    await db.query(`
      CREATE TABLE participant_data (
        participant_id uuid NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        owner_organisation_id uuid NOT NULL REFERENCES organisations(id),
        category text NOT NULL CHECK (category IN ('IDENTITY','CONTACT','ADDRESS','EMPLOYMENT','EDUCATION','BENEFITS','FAMILY','HOUSING','HEALTH','ADDICTION','CRIMINAL_RECORD')),
        data jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by_user_id uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (participant_id, category)
      )`);
    // Duplicate check inside the owning organisation: one PESEL once.
    await db.query(`
      CREATE UNIQUE INDEX participant_data_pesel_key ON participant_data (owner_organisation_id, (data->>'pesel'))
        WHERE category = 'IDENTITY' AND data ? 'pesel'`);
    await db.query(`
      CREATE INDEX participant_data_name_idx ON participant_data
        (lower((data->>'lastName') || ' ' || (data->>'firstName'))) WHERE category = 'IDENTITY'`);

    await db.query(`
      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        participant_id uuid NOT NULL REFERENCES participants(id),
        granted_to_organisation_id uuid REFERENCES organisations(id),
        granted_to_partnership_id uuid REFERENCES partnerships(id),
        purposes text[] NOT NULL CHECK (cardinality(purposes) > 0),
        data_categories text[] NOT NULL CHECK (cardinality(data_categories) > 0),
        valid_from date NOT NULL,
        valid_until date,
        evidence_method text NOT NULL CHECK (evidence_method IN ('PAPER_SIGNATURE','ELECTRONIC','WITNESSED_VERBAL')),
        evidence_document_hash text CHECK (evidence_document_hash ~ '^[0-9a-f]{64}$'),
        collected_by_user_id uuid NOT NULL REFERENCES users(id),
        recorded_by_organisation_id uuid NOT NULL REFERENCES organisations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawn_by_user_id uuid REFERENCES users(id),
        withdrawal_reason text CHECK (length(withdrawal_reason) <= 2000),
        CHECK ((granted_to_organisation_id IS NULL) <> (granted_to_partnership_id IS NULL)),
        CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await db.query(`CREATE INDEX consents_participant_idx ON consents (participant_id)`);
    await db.query(
      `CREATE INDEX consents_recipient_idx ON consents (granted_to_organisation_id) WHERE withdrawn_at IS NULL`,
    );
    // Append-only: a consent is never deleted and only its withdrawal is ever written, once.
    await db.query(`
      CREATE FUNCTION consents_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'consents are append-only'; END IF;
        -- The one permitted update records a withdrawal (when, by whom, optionally why), once.
        IF OLD.withdrawn_at IS NOT NULL
           OR NEW.withdrawn_at IS NULL OR NEW.withdrawn_by_user_id IS NULL
           OR (to_jsonb(NEW) - 'withdrawn_at' - 'withdrawn_by_user_id' - 'withdrawal_reason')
              <> (to_jsonb(OLD) - 'withdrawn_at' - 'withdrawn_by_user_id' - 'withdrawal_reason') THEN
          RAISE EXCEPTION 'consents are append-only: only a withdrawal may be recorded, once';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER consents_append_only BEFORE UPDATE OR DELETE ON consents
        FOR EACH ROW EXECUTE FUNCTION consents_append_only()`);

    await db.query(`
      CREATE TABLE legal_bases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_organisation_id uuid NOT NULL REFERENCES organisations(id),
        recipient_organisation_id uuid NOT NULL REFERENCES organisations(id),
        purpose text NOT NULL,
        data_categories text[] NOT NULL CHECK (cardinality(data_categories) > 0),
        citation text NOT NULL CHECK (length(citation) BETWEEN 3 AND 500),
        valid_from date NOT NULL,
        valid_until date,
        recorded_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CHECK (owner_organisation_id <> recipient_organisation_id),
        CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await db.query(
      `CREATE INDEX legal_bases_pair_idx ON legal_bases (owner_organisation_id, recipient_organisation_id, purpose)`,
    );

    await db.query(`
      CREATE TABLE break_glass_grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        participant_id uuid NOT NULL REFERENCES participants(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        user_id uuid NOT NULL REFERENCES users(id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 10 AND 2000),
        opened_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CHECK (expires_at > opened_at)
      )`);
    await db.query(
      `CREATE INDEX break_glass_grants_lookup_idx ON break_glass_grants (participant_id, organisation_id, expires_at)`,
    );

    await db.query(`
      CREATE TABLE access_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid NOT NULL,
        actor_organisation_id uuid NOT NULL,
        participant_id uuid NOT NULL,
        owner_organisation_id uuid NOT NULL,
        purpose text NOT NULL,
        categories text[] NOT NULL,
        basis text NOT NULL CHECK (basis IN ('CONSENT','LEGAL_BASIS','BREAK_GLASS')),
        consent_ids uuid[] NOT NULL DEFAULT '{}',
        legal_basis_ids uuid[] NOT NULL DEFAULT '{}',
        break_glass_grant_id uuid,
        operation text NOT NULL
      )`);
    await db.query(`CREATE INDEX access_log_participant_idx ON access_log (participant_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX access_log_consents_idx ON access_log USING gin (consent_ids)`);

    // Side effects leave through here, written in the transaction that causes them.
    await db.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_type text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id uuid NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_pending_idx ON outbox (created_at) WHERE dispatched_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'outbox',
      'access_log',
      'break_glass_grants',
      'legal_bases',
      'consents',
      'participant_data',
      'participants',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP FUNCTION consents_append_only()`);
  }
}
