import { sqlFunction } from './sql-function';

/** The legal bases in force on the day that let the owner disclose to the recipient for the purpose. */
export const legalBasesInForce = sqlFunction(
  'legal_bases_in_force(uuid, uuid, text, date)',
  `
CREATE OR REPLACE FUNCTION legal_bases_in_force(p_owner uuid, p_recipient uuid, p_purpose text, p_day date)
  RETURNS SETOF legal_bases
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT l.* FROM legal_bases l
     WHERE l.owner_organisation_id = p_owner AND l.recipient_organisation_id = p_recipient
       AND l.purpose = p_purpose AND legal_basis_in_force(l, p_day)
  $$`,
);
