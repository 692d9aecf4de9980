import { sqlFunction } from './sql-function';

/** A participant's consents in force on the day that reach the recipient (directly or through a partnership) for the purpose. */
export const consentsInForce = sqlFunction(
  'consents_in_force(uuid, uuid, text, date)',
  `
CREATE OR REPLACE FUNCTION consents_in_force(p_participant uuid, p_recipient uuid, p_purpose text, p_day date)
  RETURNS SETOF consents
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT c.* FROM consents_reaching(p_recipient) c
     WHERE c.participant_id = p_participant AND p_purpose = ANY (c.purposes) AND consent_in_force(c, p_day)
  $$`,
);
