import { sqlFunction } from './sql-function';

/** An agreement in force: ACTIVE (approved, not terminated), and valid on the day. */
export const agreementInForce = sqlFunction(
  'agreement_in_force(data_sharing_agreements, date)',
  `
CREATE OR REPLACE FUNCTION agreement_in_force(a data_sharing_agreements, p_day date) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT a.status = 'ACTIVE' AND valid_on(a.valid_from, a.valid_until, p_day) $$`,
);
