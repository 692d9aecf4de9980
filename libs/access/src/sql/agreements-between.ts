import { sqlFunction } from './sql-function';

/** The agreements (in any state) that bind both organisations: two-party between them, or partnership-wide of a partnership both belong to. */
export const agreementsBetween = sqlFunction(
  'agreements_between(uuid, uuid)',
  `
CREATE OR REPLACE FUNCTION agreements_between(p_a uuid, p_b uuid) RETURNS SETOF data_sharing_agreements
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT a.* FROM data_sharing_agreements a
     WHERE p_a IN (SELECT x.organisation_id FROM agreement_parties_of(a) x)
       AND p_b IN (SELECT x.organisation_id FROM agreement_parties_of(a) x)
  $$`,
);
