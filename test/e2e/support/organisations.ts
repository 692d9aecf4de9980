import { Client } from 'pg';
import { DEMO_AGREEMENTS, DEMO_ORGANISATIONS, DEMO_PARTNERSHIP, DemoOrganisationKey } from '@app/organisations';
import { GraphQLClient, GraphQLResponse, TestApp } from '@app/testing';

/**
 * Shared by the organisations e2e files: the GraphQL documents of the
 * library's operations, the demo ids, error hygiene checks and a fingerprint
 * of every table the library writes, to prove a refused call wrote nothing.
 */

export const Q = {
  organisations:
    'query($kind: OrganisationKind) { organisations(kind: $kind) { id name members { id role user { email } } } }',
  organisation: `query($id: ID!) { organisation(id: $id) {
      id name shortName email phone version address { street postalCode city }
      services { id name description capacity active }
      members { id role organisationId user { email displayName } } } }`,
  me: '{ me { user { id email } memberships { id role organisationId } organisations { id name } } }',
  partnerships: '{ partnerships { id name leadOrganisation { id } members { id } } }',
  partnership:
    'query($id: ID!) { partnership(id: $id) { id name description leadOrganisation { id } members { id name } } }',
  agreements: `query($status: AgreementStatus) { dataSharingAgreements(status: $status) {
      id title status parties { id } partnership { id } proposedBy { id } } }`,
  agreement: `query($id: ID!) { dataSharingAgreement(id: $id) {
      id title status parties { id } partnership { id } proposedBy { id } purposes dataCategories
      validFrom validUntil responseTimeDays approvedAt terminatedAt terminationReason version } }`,
} as const;

export const M = {
  createOrganisation:
    'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id kind name shortName taxId email parentOrganisationId } }',
  updateOrganisation:
    'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id name shortName email phone version } }',
  addOrganisationService:
    'mutation($input: AddOrganisationServiceInput!) { addOrganisationService(input: $input) { id organisationId name description capacity active } }',
  updateOrganisationService:
    'mutation($input: UpdateOrganisationServiceInput!) { updateOrganisationService(input: $input) { id organisationId name description capacity active } }',
  addMember:
    'mutation($input: AddMemberInput!) { addMember(input: $input) { id role organisationId user { email displayName language } } }',
  changeMemberRole:
    'mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id role organisationId user { email } } }',
  removeMember: 'mutation($id: ID!) { removeMember(membershipId: $id) }',
  createPartnership:
    'mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id name description leadOrganisation { id } members { id } } }',
  addPartnershipMember:
    'mutation($input: PartnershipMemberInput!) { addPartnershipMember(input: $input) { id members { id } } }',
  removePartnershipMember:
    'mutation($input: PartnershipMemberInput!) { removePartnershipMember(input: $input) { id members { id } } }',
  propose: `mutation($input: ProposeAgreementInput!) { proposeDataSharingAgreement(input: $input) {
      id title status parties { id } partnership { id } proposedBy { id } purposes dataCategories
      validFrom validUntil responseTimeDays approvedAt } }`,
  approve: 'mutation($id: ID!) { approveDataSharingAgreement(id: $id) { id status approvedAt terminatedAt version } }',
  terminate:
    'mutation($input: TerminateAgreementInput!) { terminateDataSharingAgreement(input: $input) { id status terminatedAt terminationReason version } }',
} as const;

export const UNKNOWN_ID = '7d4e2f0a-1b3c-4d5e-8f90-a1b2c3d4e5f6';

export type AgreementKey = `${DemoOrganisationKey}-${DemoOrganisationKey}`;

/** Ids of the seeded demo data, read through the API by the platform admin. */
export interface DemoWorld {
  org: Record<DemoOrganisationKey, string>;
  partnershipId: string;
  /** Demo agreements by their parties, e.g. `pup-cis` (the first party proposed it). */
  agreement: Record<string, string>;
  /** Membership id of a demo user (each has exactly one). */
  membershipOf(email: string): string;
}

export async function loadDemoWorld(platformAdmin: GraphQLClient): Promise<DemoWorld> {
  const { organisations, partnerships, dataSharingAgreements } = await platformAdmin.data(`{
    organisations { id name members { id user { email } } }
    partnerships { id name }
    dataSharingAgreements { id title }
  }`);
  const byName = new Map<string, { id: string; members: { id: string; user: { email: string } }[] }>(
    organisations.map((o: any) => [o.name, o]),
  );
  const org = Object.fromEntries(DEMO_ORGANISATIONS.map((o) => [o.key, byName.get(o.name)!.id])) as Record<
    DemoOrganisationKey,
    string
  >;
  const agreement: Record<string, string> = {};
  for (const demo of DEMO_AGREEMENTS) {
    agreement[demo.parties.join('-')] = dataSharingAgreements.find((a: any) => a.title === demo.title).id;
  }
  const memberships = new Map<string, string>(
    organisations.flatMap((o: any) => o.members.map((m: any) => [m.user.email, m.id] as const)),
  );
  return {
    org,
    partnershipId: partnerships.find((p: any) => p.name === DEMO_PARTNERSHIP.name).id,
    agreement,
    membershipOf(email) {
      const id = memberships.get(email);
      if (!id) throw new Error(`no demo membership for ${email}`);
      return id;
    },
  };
}

/** Tables the organisations library writes. */
const TABLES = [
  'organisations',
  'organisation_services',
  'users',
  'memberships',
  'partnerships',
  'partnership_members',
  'data_sharing_agreements',
  'agreement_parties',
] as const;

export async function connectDatabase(api: TestApp): Promise<Client> {
  const client = new Client({ connectionString: api.database.url });
  await client.connect();
  return client;
}

/** Row count and a hash of every row of every table: equal fingerprints mean nothing was written. */
export async function fingerprint(db: Client): Promise<Record<string, string>> {
  const { rows } = await db.query<{ name: string; n: number; h: string }>(
    TABLES.map(
      (table) =>
        `SELECT '${table}' AS name, count(*)::int AS n,
                md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
    ).join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((row) => [row.name, `${row.n}:${row.h}`]));
}

/** SQL text, driver wording or a stack frame: none of it may reach a client. */
const LEAKS = [
  /\b(SELECT|INSERT INTO|DELETE FROM)\b/,
  /\bUPDATE\s+"?\w+"?\s+SET\b/,
  /violates|constraint|duplicate key|relation "|column "|syntax error at|QueryFailed|TypeError|Cannot read prop/i,
  /\bat\s+\S+\s+\(?[^)]*:\d+:\d+\)?/,
  /\.(ts|js):\d+/,
];

/** Every error is coded, none is an internal error, and none leaks SQL or a stack. */
export function expectCleanErrors(result: GraphQLResponse): void {
  expect(result.status).toBeLessThan(500);
  expect(result.errors?.length ?? 0).toBeGreaterThan(0);
  for (const error of result.errors!) {
    expect(error.extensions?.code).toEqual(expect.any(String));
    expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(error.extensions).not.toHaveProperty('stacktrace');
    expect(error.extensions).not.toHaveProperty('exception');
    for (const leak of LEAKS) expect(error.message).not.toMatch(leak);
  }
}

/** The call failed with `code` as its first error, cleanly, and returned no data for the operation. */
export function expectError(result: GraphQLResponse, code: string): void {
  expect(result.errors?.[0]).toMatchObject({ extensions: { code } });
  expectCleanErrors(result);
  if (result.data) for (const value of Object.values(result.data as object)) expect(value).toBeNull();
}
