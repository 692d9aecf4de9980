import { sqlFunction } from './sql-function';

/** Partnership membership: the partnerships an organisation belongs to. */
export const organisationPartnerships = sqlFunction(
  'organisation_partnerships(uuid)',
  `
CREATE OR REPLACE FUNCTION organisation_partnerships(p_organisation uuid) RETURNS TABLE (partnership_id uuid)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT m.partnership_id FROM partnership_members m WHERE m.organisation_id = p_organisation $$`,
);
