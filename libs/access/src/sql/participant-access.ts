import { sqlFunction } from './sql-function';

/**
 * THE access rule for one participant (what `access_decision` says), for a
 * reader (organisation `p_recipient`, user `p_user`, the role's own and
 * partner categories), a purpose and a day: at most one row, none when the
 * participant is unknown to the reader. "Live" is judged at the statement's
 * start: a withdrawal committed before it counts.
 *
 * For one participant at a time (the send gate, a forward, a peer calling it
 * per row): PL/pgSQL, so that its statement is planned once per session. As a
 * SQL function its body — every predicate inlined — was planned again at every
 * call from another function or a prepared statement (~1.5 ms on PostgreSQL
 * 15, more than running it). Never JIT-compiled: its estimated cost is high
 * for a handful of index probes. Lists and pages use `participants_access` or
 * `participant_decision`, inlined into their statement.
 */
export const participantAccess = sqlFunction(
  'participant_access(uuid, uuid, uuid, uuid, text, text[], text[], date, integer, boolean)',
  `
CREATE OR REPLACE FUNCTION participant_access(
    p_participant uuid, p_owner uuid, p_recipient uuid, p_user uuid, p_purpose text,
    p_own_role_categories text[], p_partner_role_categories text[], p_today date,
    p_referral_days integer, p_referral_opening boolean DEFAULT false)
  RETURNS TABLE (categories text[], basis text, consent_ids uuid[], legal_basis_ids uuid[], break_glass_grant_id uuid)
  LANGUAGE plpgsql STABLE ROWS 1 SET jit = off
  AS $$
  BEGIN
    RETURN QUERY
    SELECT d.*
      FROM (SELECT) one
      -- OFFSET 0: the owner's facts are arguments to participant_decision, not expressions copied into it
      LEFT JOIN (SELECT f.* FROM access_owner_facts(p_recipient, p_purpose, p_today) f
                  WHERE f.owner_organisation_id = p_owner OFFSET 0) o ON true
     CROSS JOIN LATERAL participant_decision(p_participant, p_owner, p_recipient, p_user, p_purpose,
                                             p_own_role_categories, p_partner_role_categories, p_today,
                                             p_referral_days, p_referral_opening,
                                             coalesce(o.legal_bases, '{}'), coalesce(o.ceiling, '{}')) d;
  END
  $$`,
);
