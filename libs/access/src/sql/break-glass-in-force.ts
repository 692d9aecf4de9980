import { sqlFunction } from './sql-function';

/** A break-glass grant in force: not yet expired. */
export const breakGlassInForce = sqlFunction(
  'break_glass_in_force(break_glass_grants)',
  `
CREATE OR REPLACE FUNCTION break_glass_in_force(g break_glass_grants) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT g.expires_at > now() $$`,
);
