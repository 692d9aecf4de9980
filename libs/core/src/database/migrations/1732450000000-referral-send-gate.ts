import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `participant_access` takes a tenth argument, `p_referral_opening` (default
 * false): for purpose REFERRAL, the caller opens a referral of the participant
 * to the recipient in the very statement that asks, so the referral gate is
 * open. `sendReferral` checks its consent gate with the rule itself in the
 * statement that sends: a function called by a statement cannot see that
 * statement's own UPDATE, which used to take a second statement after it, in a
 * transaction (BEGIN, UPDATE …, the gate, COMMIT). With the flag it answers
 * exactly what it answered there: the sent referral was the open one it found.
 * Every other caller passes nine arguments and gets the rule unchanged.
 *
 * The body is the one of migration 1732370000000 but for the flag (the down
 * migration restores that one).
 */
export class ReferralSendGate1732450000000 implements MigrationInterface {
  name = 'ReferralSendGate1732450000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION participant_access(uuid, uuid, uuid, uuid, text, text[], text[], date, integer)`);
    await db.query(participantAccess(true));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP FUNCTION participant_access(uuid, uuid, uuid, uuid, text, text[], text[], date, integer, boolean)`,
    );
    await db.query(participantAccess(false));
  }
}

/** The access rule (see migration 1732370000000 for what it says), with or without `p_referral_opening`. */
function participantAccess(opening: boolean): string {
  return `
      CREATE FUNCTION participant_access(
        p_participant uuid, p_owner uuid, p_recipient uuid, p_user uuid, p_purpose text,
        p_own_role_categories text[], p_partner_role_categories text[], p_today date,
        p_referral_days integer${opening ? ', p_referral_opening boolean DEFAULT false' : ''}
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
          SELECT p_purpose <> 'REFERRAL'${opening ? ' OR p_referral_opening' : ''} OR EXISTS (
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
      $$`;
}
