import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals between organisations, their history, idempotency keys for
 * retried mutations, and the access rule `participant_access`, which reads the
 * referrals (for purpose REFERRAL a recipient sees a participant only while a
 * referral to it is open, or recently closed).
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
    // For purpose REFERRAL another organisation's consents and legal bases count only while a
    // referral of the participant to it is open (SENT, ACCEPTED, IN_PROGRESS) or closed less than
    // p_referral_days days ago (REFERRAL_ACCESS_DAYS_AFTER_CLOSE); break-glass does not depend on it.
    await db.query(`
      CREATE FUNCTION participant_access(
        p_participant uuid, p_owner uuid, p_recipient uuid, p_user uuid, p_purpose text,
        p_own_role_categories text[], p_partner_role_categories text[], p_today date,
        p_referral_days integer
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
        referral_gate AS (
          SELECT p_purpose <> 'REFERRAL' OR EXISTS (
            SELECT 1 FROM referrals r
             WHERE r.participant_id = p_participant AND r.to_organisation_id = p_recipient
               AND (r.status IN ('SENT','ACCEPTED','IN_PROGRESS')
                    OR (r.closed_at IS NOT NULL AND r.closed_at > now() - make_interval(days => p_referral_days)))
          ) AS is_open
        ),
        granted AS (
          SELECT unnest(data_categories) AS category FROM live_consents
          UNION SELECT unnest(data_categories) FROM live_legal_bases
        ),
        shared AS (
          SELECT ARRAY(
            SELECT g.category FROM granted g
             WHERE g.category = ANY (p_partner_role_categories) AND g.category IN (SELECT category FROM ceiling)
               AND (SELECT is_open FROM referral_gate)
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
    await db.query(`DROP FUNCTION participant_access(uuid, uuid, uuid, uuid, text, text[], text[], date, integer)`);
    for (const table of ['idempotency_keys', 'referral_history', 'referrals']) await db.query(`DROP TABLE ${table}`);
  }
}
