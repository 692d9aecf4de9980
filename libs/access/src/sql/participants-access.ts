import { sqlFunction } from './sql-function';

/**
 * The rule for a set of participants at once (a page, the participants of a
 * referral page), equal to `participant_access` for each (the permission
 * matrix compares them on every generated world): the owners' facts once per
 * owner, then each participant's consents, referral gate and grant probed in
 * the same plan. Inlined into the caller. Participants unknown to the reader
 * (and ids of none) have no row.
 */
export const participantsAccess = sqlFunction(
  'participants_access(uuid[], uuid, uuid, text, text[], text[], date, integer)',
  `
CREATE OR REPLACE FUNCTION participants_access(
    p_participants uuid[], p_recipient uuid, p_user uuid, p_purpose text,
    p_own_role_categories text[], p_partner_role_categories text[], p_today date, p_referral_days integer)
  RETURNS TABLE (participant_id uuid, owner_organisation_id uuid, categories text[], basis text, consent_ids uuid[],
                 legal_basis_ids uuid[], break_glass_grant_id uuid)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    WITH owners AS MATERIALIZED (
      SELECT f.* FROM access_owner_facts(p_recipient, p_purpose, p_today) f
       WHERE f.owner_organisation_id IN (SELECT p.owner_organisation_id FROM participants p
                                          WHERE p.id = ANY (p_participants))
    )
    SELECT p.id, p.owner_organisation_id, d.*
      FROM participants p
      LEFT JOIN owners o ON o.owner_organisation_id = p.owner_organisation_id
     CROSS JOIN LATERAL participant_decision(p.id, p.owner_organisation_id, p_recipient, p_user, p_purpose,
                                             p_own_role_categories, p_partner_role_categories, p_today,
                                             p_referral_days, false,
                                             coalesce(o.legal_bases, '{}'), coalesce(o.ceiling, '{}')) d
     WHERE p.id = ANY (p_participants)
  $$`,
);
