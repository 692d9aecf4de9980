import { sqlFunction } from './sql-function';

/** A live legal basis: not revoked, and valid on the day. */
export const legalBasisInForce = sqlFunction(
  'legal_basis_in_force(legal_bases, date)',
  `
CREATE OR REPLACE FUNCTION legal_basis_in_force(l legal_bases, p_day date) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT l.revoked_at IS NULL AND valid_on(l.valid_from, l.valid_until, p_day) $$`,
);
