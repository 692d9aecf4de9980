import { sqlFunction } from './sql-function';

/** The agreement ceiling: the categories the agreements in force between owner and recipient let flow for the purpose. */
export const agreementCeiling = sqlFunction(
  'agreement_ceiling(uuid, uuid, text, date)',
  `
CREATE OR REPLACE FUNCTION agreement_ceiling(p_owner uuid, p_recipient uuid, p_purpose text, p_day date)
  RETURNS TABLE (category text)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT DISTINCT c FROM agreements_between(p_owner, p_recipient) a, unnest(a.data_categories) c
     WHERE agreement_in_force(a, p_day) AND p_purpose = ANY (a.purposes)
  $$`,
);

/**
 * The ceiling a consent to a whole partnership may not exceed: the categories of that partnership's
 * partnership-wide agreements in force for the purpose that bind the owner.
 */
export const partnershipCeiling = sqlFunction(
  'partnership_ceiling(uuid, uuid, text, date)',
  `
CREATE OR REPLACE FUNCTION partnership_ceiling(p_owner uuid, p_partnership uuid, p_purpose text, p_day date)
  RETURNS TABLE (category text)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT DISTINCT c FROM data_sharing_agreements a, unnest(a.data_categories) c
     WHERE a.partnership_id = p_partnership AND agreement_in_force(a, p_day) AND p_purpose = ANY (a.purposes)
       AND p_owner IN (SELECT x.organisation_id FROM agreement_parties_of(a) x)
  $$`,
);
