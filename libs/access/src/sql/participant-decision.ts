import { sqlFunction } from './sql-function';

/**
 * The decision for one participant, given its owner's facts
 * (`access_owner_facts`): gathers the participant's own facts — the live
 * consents reaching the recipient for the purpose, the referral gate, the
 * reader's live break-glass grant — and weighs them (`access_decision`).
 * Inlined into the caller, so a list computes the owners' facts once and
 * probes each participant's consents, referrals and grants by index in the
 * same plan. `p_referral_opening`: the caller is opening a referral of the
 * participant to the recipient in the same statement (sending it), so the
 * gate is open.
 */
export const participantDecision = sqlFunction(
  'participant_decision(uuid, uuid, uuid, uuid, text, text[], text[], date, integer, boolean, access_grant[], text[])',
  `
CREATE OR REPLACE FUNCTION participant_decision(
    p_participant uuid, p_owner uuid, p_recipient uuid, p_user uuid, p_purpose text,
    p_own_role_categories text[], p_partner_role_categories text[], p_today date, p_referral_days integer,
    p_referral_opening boolean, p_owner_legal_bases access_grant[], p_owner_ceiling text[])
  RETURNS TABLE (categories text[], basis text, consent_ids uuid[], legal_basis_ids uuid[], break_glass_grant_id uuid)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT d.*
      FROM (SELECT ARRAY(SELECT ROW(c.id, c.data_categories)::access_grant
                           FROM consents_in_force(p_participant, p_recipient, p_purpose, p_today) c
                          WHERE p_owner <> p_recipient) AS consents,
                   p_purpose <> 'REFERRAL' OR p_referral_opening
                     OR EXISTS (SELECT 1 FROM referrals r
                                 WHERE p_owner <> p_recipient AND r.participant_id = p_participant
                                   AND r.to_organisation_id = p_recipient AND referral_gives_access(r.status, r.closed_at, p_referral_days))
                     AS referral_open,
                   (SELECT g.id FROM break_glass_grants g
                     WHERE p_owner <> p_recipient AND g.participant_id = p_participant
                       AND g.organisation_id = p_recipient AND g.user_id = p_user AND break_glass_in_force(g)
                     ORDER BY g.expires_at DESC, g.id LIMIT 1) AS break_glass_grant_id
            OFFSET 0) f  -- evaluated once per participant, not once per use in the decision
     CROSS JOIN LATERAL access_decision(p_owner = p_recipient, p_own_role_categories, p_partner_role_categories,
                                        f.consents, p_owner_legal_bases, p_owner_ceiling, f.referral_open,
                                        f.break_glass_grant_id) d
  $$`,
);
