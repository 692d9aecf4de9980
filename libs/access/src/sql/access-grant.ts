import { SqlFunction } from './sql-function';

/**
 * A consent or legal basis as the decision weighs it: its id and the
 * categories it grants. (A type has no CREATE OR REPLACE: it is created once;
 * a change to it needs a migration of its own.)
 */
export const accessGrantType: SqlFunction = {
  name: 'access_grant',
  identity: 'access_grant',
  kind: 'TYPE',
  definition: `
DO $$ BEGIN
  IF to_regtype('access_grant') IS NULL THEN
    CREATE TYPE access_grant AS (id uuid, categories text[]);
  END IF;
END $$`.trim(),
};
