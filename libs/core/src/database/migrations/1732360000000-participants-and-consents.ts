import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participants with their personal data held per category, consents (append
 * only), legal bases, break-glass grants, the access log and the outbox.
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

    // THE access rule, in one place, used for single reads and for lists alike.
    // For a recipient organisation and a purpose: categories granted by a live
    // consent (to the organisation, or to a partnership it belongs to) or a
    // live legal basis, within the ceiling of the live agreements between the
    // owner and the recipient, within what the role may see (passed in, for own and for partners' participants). An
    // open break-glass grant of the reading user, for the recipient organisation, also opens
    // every partner-role category except CRIMINAL_RECORD (which only a consent or legal basis
    // naming it opens), and the read is logged as BREAK_GLASS. The owner sees its role's
    // categories. Another organisation that would see no category gets no row: the participant
    // is unknown to it (NOT_FOUND, absent from lists and counts). "Live" is judged at the
    // statement's start: a withdrawal committed before it counts.
    await db.query(`
      CREATE FUNCTION participant_access(
        p_participant uuid, p_owner uuid, p_recipient uuid, p_user uuid, p_purpose text,
        p_own_role_categories text[], p_partner_role_categories text[], p_today date
      ) RETURNS TABLE (categories text[], basis text, consent_ids uuid[], legal_basis_ids uuid[], break_glass_grant_id uuid)
      -- At most one row. Not inlined into the caller (the SET clause sees to that) and never JIT-compiled:
      -- inlined, its (over-)estimated cost made every list query JIT-compile for ~0.5 s on servers with JIT
      -- on, for a handful of index lookups per participant.
      LANGUAGE sql STABLE ROWS 1 SET jit = off AS $$
        WITH
        recipient_partnerships AS (
          SELECT partnership_id FROM partnership_members WHERE organisation_id = p_recipient
        ),
        live_consents AS (
          SELECT c.id, c.data_categories FROM consents c
           WHERE c.participant_id = p_participant
             AND c.withdrawn_at IS NULL
             AND p_purpose = ANY (c.purposes)
             AND c.valid_from <= p_today AND (c.valid_until IS NULL OR c.valid_until >= p_today)
             AND (c.granted_to_organisation_id = p_recipient
                  OR c.granted_to_partnership_id IN (SELECT partnership_id FROM recipient_partnerships))
        ),
        live_legal_bases AS (
          SELECT l.id, l.data_categories FROM legal_bases l
           WHERE l.owner_organisation_id = p_owner AND l.recipient_organisation_id = p_recipient
             AND l.purpose = p_purpose AND l.revoked_at IS NULL
             AND l.valid_from <= p_today AND (l.valid_until IS NULL OR l.valid_until >= p_today)
        ),
        ceiling AS (
          SELECT DISTINCT unnest(a.data_categories) AS category FROM data_sharing_agreements a
           WHERE a.status = 'ACTIVE' AND p_purpose = ANY (a.purposes)
             AND a.valid_from <= p_today AND (a.valid_until IS NULL OR a.valid_until >= p_today)
             AND (
               (a.partnership_id IS NULL
                AND EXISTS (SELECT 1 FROM agreement_parties x WHERE x.agreement_id = a.id AND x.organisation_id = p_owner)
                AND EXISTS (SELECT 1 FROM agreement_parties x WHERE x.agreement_id = a.id AND x.organisation_id = p_recipient))
               OR (a.partnership_id IN (SELECT partnership_id FROM recipient_partnerships)
                AND EXISTS (SELECT 1 FROM partnership_members m WHERE m.partnership_id = a.partnership_id AND m.organisation_id = p_owner))
             )
        ),
        granted AS (
          SELECT unnest(data_categories) AS category FROM live_consents
          UNION SELECT unnest(data_categories) FROM live_legal_bases
        ),
        shared AS (
          SELECT ARRAY(
            SELECT g.category FROM granted g
             WHERE g.category = ANY (p_partner_role_categories) AND g.category IN (SELECT category FROM ceiling)
             ORDER BY 1
          ) AS categories
        ),
        glass AS (
          SELECT g.id FROM break_glass_grants g
           WHERE g.participant_id = p_participant AND g.organisation_id = p_recipient AND g.user_id = p_user
             AND g.expires_at > now()
           ORDER BY g.expires_at DESC, g.id LIMIT 1
        ),
        opened AS (
          SELECT ARRAY(
            SELECT c FROM shared s, unnest(s.categories) c
            UNION
            SELECT c FROM unnest(p_partner_role_categories) c
             WHERE c <> 'CRIMINAL_RECORD' AND EXISTS (SELECT 1 FROM glass)
            ORDER BY 1
          ) AS categories
        )
        SELECT p_own_role_categories, 'OWNER', '{}'::uuid[], '{}'::uuid[], NULL::uuid
         WHERE p_owner = p_recipient
        UNION ALL
        SELECT o.categories,
               CASE WHEN EXISTS (SELECT 1 FROM glass) THEN 'BREAK_GLASS'
                    WHEN EXISTS (SELECT 1 FROM live_consents lc WHERE lc.data_categories && s.categories) THEN 'CONSENT'
                    ELSE 'LEGAL_BASIS' END,
               -- the consents and legal bases the shown categories rest on (also under break-glass)
               ARRAY(SELECT lc.id FROM live_consents lc WHERE lc.data_categories && s.categories ORDER BY 1),
               ARRAY(SELECT lb.id FROM live_legal_bases lb WHERE lb.data_categories && s.categories ORDER BY 1),
               (SELECT id FROM glass)
          FROM opened o, shared s
         WHERE p_owner <> p_recipient AND cardinality(o.categories) > 0
      $$`);

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
    await db.query(`DROP FUNCTION participant_access(uuid, uuid, uuid, uuid, text, text[], text[], date)`);
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
