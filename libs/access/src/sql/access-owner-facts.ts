import { sqlFunction } from './sql-function';

/**
 * What the decision needs of a participant's owner, the same for every
 * participant it owns, for every organisation other than the recipient: its
 * live legal bases towards the recipient for the purpose, and the agreement
 * ceiling between the two. Lists compute it once per owner (a small table:
 * one row per organisation); `participant_access` for the one owner it needs.
 */
export const accessOwnerFacts = sqlFunction(
  'access_owner_facts(uuid, text, date)',
  `
CREATE OR REPLACE FUNCTION access_owner_facts(p_recipient uuid, p_purpose text, p_today date)
  RETURNS TABLE (owner_organisation_id uuid, legal_bases access_grant[], ceiling text[])
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT o.id,
           ARRAY(SELECT ROW(l.id, l.data_categories)::access_grant
                   FROM legal_bases_in_force(o.id, p_recipient, p_purpose, p_today) l ORDER BY l.id),
           ARRAY(SELECT c.category FROM agreement_ceiling(o.id, p_recipient, p_purpose, p_today) c ORDER BY 1)
      FROM organisations o
     WHERE o.id <> p_recipient
  $$`,
);
