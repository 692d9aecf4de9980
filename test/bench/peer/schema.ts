import { Client } from 'pg';
import { ACCESS_FUNCTIONS } from '@app/access/sql';

/**
 * What the PostGraphile peer serves, created in the bench database only (it
 * is dropped at the end of the run): the referral page as PostGraphile would
 * be given it — a set-returning function for the visible referrals and
 * computed columns for what the page shows of each — with the same access
 * rule (`participant_access`, once per referral) and the same predicates for
 * the consent-withdrawn flag. No access log: PostGraphile reads in a read-only
 * statement. The reader is one row of `peer_reader`, set by the bench, so that
 * a request is one statement (PostGraphile's `pgSettings` would wrap each in a
 * transaction with `set_config` calls: three more round trips).
 */
export async function createPeerSchema(
  db: Client,
  reader: { organisationId: string; userId: string; own: readonly string[]; partner: readonly string[]; days: number },
): Promise<void> {
  await db.query(`
    CREATE TABLE peer_reader (organisation_id uuid NOT NULL, user_id uuid NOT NULL, own_categories text[] NOT NULL,
                              partner_categories text[] NOT NULL, referral_days integer NOT NULL)`);
  await db.query(`INSERT INTO peer_reader VALUES ($1, $2, $3, $4, $5)`, [
    reader.organisationId,
    reader.userId,
    reader.own,
    reader.partner,
    reader.days,
  ]);
  await db.query(`
    CREATE TYPE peer_participant AS (id uuid, basis text, visible_categories text[], identity jsonb, contact jsonb,
                                     employment jsonb)`);
  // The referrals the reader may know about, newest first: each side of the visibility rule on its keyset index.
  await db.query(`
    CREATE FUNCTION peer_referral_page(page_size integer) RETURNS SETOF referrals LANGUAGE sql STABLE AS $$
      SELECT r.* FROM peer_reader me
       CROSS JOIN LATERAL (
         SELECT b.id, b.created_at FROM (
           (SELECT x.id, x.created_at FROM referrals x WHERE x.from_organisation_id = me.organisation_id
             ORDER BY x.created_at DESC, x.id DESC LIMIT page_size)
           UNION
           (SELECT x.id, x.created_at FROM referrals x WHERE x.to_organisation_id = me.organisation_id AND x.status <> 'DRAFT'
             ORDER BY x.created_at DESC, x.id DESC LIMIT page_size)
           UNION
           (SELECT x.id, x.created_at FROM referrals x WHERE x.parent_from_organisation_id = me.organisation_id
             ORDER BY x.created_at DESC, x.id DESC LIMIT page_size)) b
          ORDER BY b.created_at DESC, b.id DESC LIMIT page_size) page
       JOIN referrals r ON r.id = page.id
      ORDER BY r.created_at DESC, r.id DESC
    $$`);
  await db.query(`
    CREATE FUNCTION referrals_peer_consent_withdrawn(r referrals) RETURNS boolean LANGUAGE sql STABLE AS $$
      SELECT referral_gives_access(r.status, r.closed_at, me.referral_days)
         AND NOT EXISTS (SELECT 1 FROM consents_in_force(r.participant_id, r.to_organisation_id, 'REFERRAL', current_date))
         AND NOT EXISTS (SELECT 1 FROM participants p,
                                legal_bases_in_force(p.owner_organisation_id, r.to_organisation_id, 'REFERRAL', current_date)
                          WHERE p.id = r.participant_id)
        FROM peer_reader me
    $$`);
  // The participant as the reader may see them (null when not at all), with the page's fields of their data.
  await db.query(`
    CREATE FUNCTION referrals_peer_participant(r referrals) RETURNS peer_participant LANGUAGE sql STABLE AS $$
      SELECT p.id, a.basis, a.categories,
             (SELECT jsonb_build_object('firstName', d.data->'firstName', 'lastName', d.data->'lastName',
                                        'dateOfBirth', d.data->'dateOfBirth')
                FROM participant_data d WHERE d.participant_id = p.id AND d.category = 'IDENTITY'
                 AND 'IDENTITY' = ANY (a.categories)),
             (SELECT jsonb_build_object('phone', d.data->'phone', 'email', d.data->'email')
                FROM participant_data d WHERE d.participant_id = p.id AND d.category = 'CONTACT'
                 AND 'CONTACT' = ANY (a.categories)),
             (SELECT jsonb_build_object('monthsUnemployed', d.data->'monthsUnemployed')
                FROM participant_data d WHERE d.participant_id = p.id AND d.category = 'EMPLOYMENT'
                 AND 'EMPLOYMENT' = ANY (a.categories))
        FROM peer_reader me, participants p
       CROSS JOIN LATERAL participant_access(p.id, p.owner_organisation_id, me.organisation_id, me.user_id, 'REFERRAL',
                                             me.own_categories, me.partner_categories, current_date, me.referral_days) a
       WHERE p.id = r.participant_id
    $$`);
  await db.query(`
    CREATE FUNCTION referrals_peer_latest_history(r referrals) RETURNS referral_history LANGUAGE sql STABLE AS $$
      SELECT h.* FROM referral_history h WHERE h.referral_id = r.id ORDER BY h.id DESC LIMIT 1
    $$`);
  // Only the page's functions in the peer's schema: the access functions are not its API.
  await db.query(`COMMENT ON TABLE peer_reader IS E'@omit'`);
  for (const fn of ACCESS_FUNCTIONS.filter((f) => f.kind === 'FUNCTION')) {
    await db.query(`COMMENT ON FUNCTION ${fn.identity} IS E'@omit'`);
  }
}

/** The page as the peer is asked for it: the same fields as the product's `REFERRAL_PAGE`. */
export const PEER_PAGE = `query PeerPage($pageSize: Int!) {
  peerReferralPage(pageSize: $pageSize) {
    edges {
      cursor
      node {
        id status priority reasonCategory createdAt responseDueOn
        consentWithdrawn: peerConsentWithdrawn
        fromOrganisation: organisationByFromOrganisationId { id name }
        toOrganisation: organisationByToOrganisationId { id name }
        participant: peerParticipant { id basis visibleCategories identity contact employment }
        latestHistory: peerLatestHistory { toStatus occurredAt }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export async function dropPeerSchema(db: Client): Promise<void> {
  for (const fn of [
    'peer_referral_page(integer)',
    'referrals_peer_consent_withdrawn(referrals)',
    'referrals_peer_participant(referrals)',
    'referrals_peer_latest_history(referrals)',
  ]) {
    await db.query(`DROP FUNCTION IF EXISTS ${fn}`);
  }
  await db.query(`DROP TYPE IF EXISTS peer_participant`);
  await db.query(`DROP TABLE IF EXISTS peer_reader`);
}
