import { sqlFunction } from './sql-function';

/**
 * The consents (live or not, any purpose) that reach an organisation: given
 * to it, or to a partnership it belongs to. Callers add the participant, the
 * purpose and `consent_in_force`; inlined, the planner pushes those into both
 * branches and reaches the consents through their indexes.
 */
export const consentsReaching = sqlFunction(
  'consents_reaching(uuid)',
  `
CREATE OR REPLACE FUNCTION consents_reaching(p_organisation uuid) RETURNS SETOF consents
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT c.* FROM consents c WHERE c.granted_to_organisation_id = p_organisation
    UNION ALL
    SELECT c.* FROM consents c
     WHERE c.granted_to_partnership_id IN (SELECT m.partnership_id FROM organisation_partnerships(p_organisation) m)
  $$`,
);
