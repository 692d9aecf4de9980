import { sqlFunction } from './sql-function';

/** A validity window (consents, legal bases, agreements): from its first day to its last, inclusive; open-ended without one. */
export const validOn = sqlFunction(
  'valid_on(date, date, date)',
  `
CREATE OR REPLACE FUNCTION valid_on(p_valid_from date, p_valid_until date, p_day date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT p_valid_from <= p_day AND (p_valid_until IS NULL OR p_valid_until >= p_day) $$`,
);
