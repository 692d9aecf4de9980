import { sqlFunction } from './sql-function';

/** A live consent: not withdrawn, and valid on the day. (Whether it covers a purpose is `p = ANY (c.purposes)`.) */
export const consentInForce = sqlFunction(
  'consent_in_force(consents, date)',
  `
CREATE OR REPLACE FUNCTION consent_in_force(c consents, p_day date) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT c.withdrawn_at IS NULL AND valid_on(c.valid_from, c.valid_until, p_day) $$`,
);
