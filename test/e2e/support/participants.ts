import { Client } from 'pg';
import { DEMO_ORGANISATIONS, DemoOrganisationKey } from '@app/organisations';
import { demoClients, GraphQLClient, TestApp } from '@app/testing';
import { CATEGORIES, Category, Reader, Role, World } from '../../support/access-oracle';

/**
 * Shared by the participant and consent e2e files: documents, a participant
 * with every category filled (so a null field means hidden), the demo ids, a
 * SQL connection to the test's database, and the world as the oracle reads it.
 */

/** GraphQL field of each category, with one sub-field that is never null when the category is served. */
export const CATEGORY_SELECTION: Record<Category, [field: string, selection: string]> = {
  IDENTITY: ['identity', '{ firstName lastName pesel }'],
  CONTACT: ['contact', '{ phone }'],
  ADDRESS: ['address', '{ city }'],
  EMPLOYMENT: ['employment', '{ monthsUnemployed }'],
  EDUCATION: ['education', '{ level }'],
  BENEFITS: ['benefits', '{ benefits }'],
  FAMILY: ['family', '{ householdSize }'],
  HOUSING: ['housing', '{ situation }'],
  HEALTH: ['health', '{ disabilityDegree notes }'],
  ADDICTION: ['addiction', '{ inTreatment notes }'],
  CRIMINAL_RECORD: ['criminalRecord', '{ releasedOn notes }'],
};

export const PARTICIPANT_FIELDS = `id ownerOrganisationId
  ${CATEGORIES.map((c) => CATEGORY_SELECTION[c].join(' ')).join('\n  ')}
  redactions { category reason } access { organisationId purpose basis visibleCategories }`;

export const Q = {
  participant: `query($id: ID!, $purpose: Purpose, $as: ID) { participant(id: $id, purpose: $purpose, asOrganisationId: $as) { ${PARTICIPANT_FIELDS} } }`,
  participants: `query($purpose: Purpose, $first: Int, $after: String, $search: String) {
    participants(purpose: $purpose, first: $first, after: $after, search: $search) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${PARTICIPANT_FIELDS} } } } }`,
  explain: `query($id: ID!, $purpose: Purpose) { explainAccess(participantId: $id, purpose: $purpose) {
      participantId organisationId purpose basis visibleCategories consentIds legalBasisIds redactions { category reason } } }`,
  accessLog: `query($id: ID!) { accessLog(participantId: $id) {
      id actorUserId actorOrganisationId purpose categories basis consentIds legalBasisIds breakGlassGrantId operation } }`,
  consents: `query($id: ID!) { consents(participantId: $id) { id status dataCategories purposes validFrom validUntil withdrawnAt } }`,
} as const;

export const M = {
  createParticipant: `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { ${PARTICIPANT_FIELDS} } }`,
  grantConsent: `mutation($input: GrantConsentInput!) { grantConsent(input: $input) {
      id participantId grantedToOrganisationId grantedToPartnershipId purposes dataCategories validFrom validUntil status } }`,
  withdrawConsent: `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id status withdrawnAt withdrawalReason } }`,
  recordLegalBasis: `mutation($input: RecordLegalBasisInput!) { recordLegalBasis(input: $input) {
      id ownerOrganisationId recipientOrganisationId purpose dataCategories citation validFrom validUntil } }`,
  openEmergencyAccess: `mutation($input: OpenEmergencyAccessInput!) { openEmergencyAccess(input: $input) {
      id participantId organisationId openedAt expiresAt } }`,
} as const;

let serial = 0;

/** Input for a participant with every category recorded; `lastName` identifies it in searches. */
export function fullParticipant(lastName = `Testowy${++serial}`): Record<string, unknown> {
  return {
    identity: { firstName: 'Anna', lastName, dateOfBirth: '1980-01-01' },
    contact: { phone: '+48 600 000 000', email: 'anna@example.test' },
    address: { street: 'ul. Polna 1', postalCode: '05-120', city: 'Legionowo', commune: 'Legionowo' },
    employment: { registeredUnemployedSince: '2024-01-01', monthsUnemployed: 30, workHistory: ['magazynier'] },
    education: { level: 'zawodowe', skills: ['gotowanie'], certificates: [] },
    benefits: { benefits: ['zasiłek okresowy'], notes: 'n' },
    family: { householdSize: 3, dependants: 1, notes: 'n' },
    housing: { situation: 'najem socjalny', notes: 'n' },
    health: { disabilityDegree: 'MODERATE', notes: 'orzeczenie' },
    addiction: { inTreatment: true, notes: 'terapia' },
    criminalRecord: { releasedOn: '2023-05-01', notes: 'wyrok' },
  };
}

/** The categories a read served (non-null), in the vocabulary's order. */
export function shownCategories(participant: Record<string, unknown>): Category[] {
  return CATEGORIES.filter((c) => participant[CATEGORY_SELECTION[c][0]] !== null);
}

export type DemoClientName = keyof ReturnType<typeof demoClients>;
export const DEMO_CLIENT_EMAILS: Record<DemoClientName, string> = {
  labourOfficeCaseworker: 'pup.caseworker@demo.local',
  labourOfficeAdmin: 'pup.admin@demo.local',
  cisCaseworker: 'cis.caseworker@demo.local',
  cisAdmin: 'cis.admin@demo.local',
  welfareSocialWorker: 'ops.socialworker@demo.local',
  welfareCoordinator: 'mops.coordinator@demo.local',
  auditor: 'auditor@demo.local',
  chamberOfCommerceMember: 'pig.member@demo.local',
  platformAdmin: 'admin@demo.local',
};

export interface Demo {
  sql: Client;
  clients: Record<DemoClientName, GraphQLClient>;
  org: Record<DemoOrganisationKey, string>;
  partnershipId: string;
  readers: Record<DemoClientName, Reader>;
  today: string;
  close(): Promise<void>;
}

/** Every demo client signed in, the demo ids, and a SQL connection to the app's database. */
export async function demo(api: TestApp): Promise<Demo> {
  const sql = new Client({ connectionString: api.database.url });
  await sql.connect();
  const factories = demoClients(api.baseUrl);
  const names = Object.keys(factories) as DemoClientName[];
  const signedIn = await Promise.all(names.map((n) => factories[n]()));
  const clients = Object.fromEntries(names.map((n, i) => [n, signedIn[i]])) as Demo['clients'];
  const orgs = await sql.query<{ id: string; short_name: string }>(`SELECT id, short_name FROM organisations`);
  const org = Object.fromEntries(
    DEMO_ORGANISATIONS.map((o) => [o.key, orgs.rows.find((r) => r.short_name === o.shortName)!.id]),
  ) as Demo['org'];
  const [{ id: partnershipId }] = (await sql.query<{ id: string }>(`SELECT id FROM partnerships`)).rows;
  const members = await sql.query<{ email: string; user_id: string; organisation_id: string; role: Role }>(
    `SELECT u.email, m.user_id, m.organisation_id, m.role FROM memberships m JOIN users u ON u.id = m.user_id`,
  );
  const readers = Object.fromEntries(
    names.map((n) => {
      const m = members.rows.find((r) => r.email === DEMO_CLIENT_EMAILS[n])!;
      return [n, { userId: m.user_id, organisationId: m.organisation_id, role: m.role }];
    }),
  ) as Demo['readers'];
  const today = (await sql.query<{ today: string }>(`SELECT current_date::text AS today`)).rows[0].today;
  return { sql, clients, org, partnershipId, readers, today, close: () => sql.end() };
}

/**
 * Everything the access rule reads, as the oracle takes it. `referralAccessDays`:
 * the app's REFERRAL_ACCESS_DAYS_AFTER_CLOSE (`api.config.referrals.accessDaysAfterClose`).
 */
export async function loadWorld(sql: Client, referralAccessDays: number): Promise<World> {
  const q = async <T>(text: string) => (await sql.query(text)).rows as T[];
  const [{ today }] = await q<{ today: string }>(`SELECT current_date::text AS today`);
  return {
    today,
    partnerships: await q(
      `SELECT p.id, array_remove(array_agg(m.organisation_id::text), NULL) AS members
         FROM partnerships p LEFT JOIN partnership_members m ON m.partnership_id = p.id GROUP BY p.id`,
    ),
    agreements: await q(
      `SELECT a.id, a.status, a.partnership_id AS "partnershipId",
              array_remove(array_agg(x.organisation_id::text), NULL) AS parties, a.purposes,
              a.data_categories AS categories, a.valid_from::text AS "validFrom", a.valid_until::text AS "validUntil"
         FROM data_sharing_agreements a LEFT JOIN agreement_parties x ON x.agreement_id = a.id GROUP BY a.id`,
    ),
    participants: await q(`SELECT id, owner_organisation_id AS owner FROM participants`),
    consents: await q(
      `SELECT id, participant_id AS "participantId", granted_to_organisation_id AS "toOrganisation",
              granted_to_partnership_id AS "toPartnership", purposes, data_categories AS categories,
              valid_from::text AS "validFrom", valid_until::text AS "validUntil", withdrawn_at IS NOT NULL AS withdrawn
         FROM consents`,
    ),
    legalBases: await q(
      `SELECT id, owner_organisation_id AS owner, recipient_organisation_id AS recipient, purpose,
              data_categories AS categories, valid_from::text AS "validFrom", valid_until::text AS "validUntil",
              revoked_at IS NOT NULL AS revoked
         FROM legal_bases`,
    ),
    breakGlass: await q(
      `SELECT id, participant_id AS "participantId", organisation_id AS "organisationId", user_id AS "userId",
              expires_at > now() AS live
         FROM break_glass_grants`,
    ),
    referrals: await q(
      `SELECT id, participant_id AS "participantId", to_organisation_id AS "toOrganisation", status,
              extract(epoch FROM now() - closed_at)::float8 / 86400 AS "closedDaysAgo"
         FROM referrals`,
    ),
    referralAccessDays,
  };
}

/** Rows in the tables a refused call must not have written. */
export async function rowCounts(sql: Client): Promise<Record<string, number>> {
  const { rows } = await sql.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM participants) AS participants,
            (SELECT count(*)::int FROM participant_data) AS participant_data,
            (SELECT count(*)::int FROM consents) AS consents,
            (SELECT count(*)::int FROM legal_bases) AS legal_bases,
            (SELECT count(*)::int FROM break_glass_grants) AS break_glass_grants,
            (SELECT count(*)::int FROM access_log) AS access_log,
            (SELECT count(*)::int FROM outbox) AS outbox`,
  );
  return rows[0];
}

export function addDays(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The owner's caseworker `client` refers the participant to `toOrganisationId`
 * and sends it at once: for purpose REFERRAL the recipient sees the participant
 * only while such a referral is open (the consent gate needs a live consent or
 * legal basis first). Returns the referral's id.
 */
export async function sendReferral(
  client: GraphQLClient,
  participantId: string,
  toOrganisationId: string,
): Promise<string> {
  const { createReferral } = await client.data(
    `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id status } }`,
    {
      input: {
        participantId,
        toOrganisationId,
        reasonCategory: 'SOCIAL_EXCLUSION_RISK',
        reason: 'Wsparcie w reintegracji społeczno-zawodowej',
        send: true,
      },
    },
  );
  if (createReferral.status !== 'SENT') throw new Error(`referral not sent: ${JSON.stringify(createReferral)}`);
  return createReferral.id as string;
}
