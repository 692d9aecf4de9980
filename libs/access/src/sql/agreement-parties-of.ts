import { sqlFunction } from './sql-function';

/**
 * The organisations an agreement binds: its two parties (`agreement_parties`),
 * or, for a partnership-wide agreement, every member of the partnership (such
 * an agreement has no rows in `agreement_parties`).
 */
export const agreementPartiesOf = sqlFunction(
  'agreement_parties_of(data_sharing_agreements)',
  `
CREATE OR REPLACE FUNCTION agreement_parties_of(a data_sharing_agreements) RETURNS TABLE (organisation_id uuid)
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT x.organisation_id FROM agreement_parties x WHERE x.agreement_id = a.id AND a.partnership_id IS NULL
    UNION ALL
    SELECT m.organisation_id FROM partnership_members m WHERE m.partnership_id = a.partnership_id
  $$`,
);
