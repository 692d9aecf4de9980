import { sqlFunction } from './sql-function';

/**
 * Partner organisations, whose participants break-glass can reach: they share
 * a partnership, or an ACTIVE agreement binds both (its validity dates aside:
 * an emergency does not wait for the agreement's renewal).
 */
export const arePartners = sqlFunction(
  'are_partners(uuid, uuid)',
  `
CREATE OR REPLACE FUNCTION are_partners(p_a uuid, p_b uuid) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT EXISTS (SELECT 1 FROM organisation_partnerships(p_a) x
                    WHERE x.partnership_id IN (SELECT y.partnership_id FROM organisation_partnerships(p_b) y))
        OR EXISTS (SELECT 1 FROM agreements_between(p_a, p_b) a WHERE a.status = 'ACTIVE')
  $$`,
);
