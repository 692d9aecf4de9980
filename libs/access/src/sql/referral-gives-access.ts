import { sqlFunction } from './sql-function';

/**
 * The open-referral window: a referral gives its recipient REFERRAL access
 * while it is open (SENT, ACCEPTED, IN_PROGRESS) and for `p_days` days after
 * it closed (REFERRAL_ACCESS_DAYS_AFTER_CLOSE). Takes the referral's status
 * and closing time rather than its row, so that statements can ask it of the
 * row they are writing (`RETURNING`).
 */
export const referralGivesAccess = sqlFunction(
  'referral_gives_access(text, timestamptz, integer)',
  `
CREATE OR REPLACE FUNCTION referral_gives_access(p_status text, p_closed_at timestamptz, p_days integer) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT p_status IN ('SENT','ACCEPTED','IN_PROGRESS')
        OR (p_closed_at IS NOT NULL AND p_closed_at > now() - make_interval(days => p_days))
  $$`,
);
