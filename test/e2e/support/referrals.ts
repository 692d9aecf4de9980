import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { demoClients, GraphQLClient, GraphQLResponse, TestApp } from '@app/testing';

/**
 * Shared by the referral e2e files: the GraphQL documents, the demo
 * organisations and services by name, participants with consents, and a count
 * of every table a referral operation writes (to prove a refused call wrote
 * nothing, and a successful one exactly one history row and one event).
 */

export const REFERRAL_FIELDS = `id status version parentReferralId participantId fromOrganisationId toOrganisationId
  toServiceId reason responseDueOn outcome outcomeNote childReferralIds
  latestHistory { fromStatus toStatus reasonCode outcome note actorOrganisationId }`;

const mutation = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${REFERRAL_FIELDS} } }`;

export const RM = {
  create: mutation('createReferral', 'CreateReferralInput'),
  send: mutation('sendReferral', 'TransitionInput'),
  accept: mutation('acceptReferral', 'AcceptReferralInput'),
  decline: mutation('declineReferral', 'DeclineReferralInput'),
  start: mutation('startReferral', 'TransitionInput'),
  complete: mutation('completeReferral', 'CompleteReferralInput'),
  dropOut: mutation('dropOutReferral', 'DropOutReferralInput'),
  cancel: mutation('cancelReferral', 'CancelReferralInput'),
  forward: mutation('forwardReferral', 'ForwardReferralInput'),
} as const;

export const RQ = {
  referral: `query($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS}
      history { fromStatus toStatus reasonCode outcome note actorOrganisationId } } }`,
  referrals: `query($filter: ReferralFilter, $first: Int, $after: String) {
      referrals(filter: $filter, first: $first, after: $after) {
        edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }`,
} as const;

export const UNKNOWN_ID = '7d4e2f0a-1b3c-4d5e-8f90-a1b2c3d4e5f6';

export interface Directory {
  /** Organisation ids by short name, e.g. `org['PUP Legionowo']`. */
  org: Record<string, string>;
  /** Service ids by name, e.g. `service['Warsztat gastronomiczny']`. */
  service: Record<string, string>;
}

export async function loadDirectory(client: GraphQLClient): Promise<Directory> {
  const { organisations } = await client.data('{ organisations { id shortName services { id name } } }');
  const org: Record<string, string> = {};
  const service: Record<string, string> = {};
  for (const o of organisations) {
    org[o.shortName] = o.id;
    for (const s of o.services) service[s.name] = s.id;
  }
  return { org, service };
}

export const PUP = 'PUP Legionowo';
export const CIS = 'PCIS Legionowo';
export const OPS = 'OPS Kampinos';
export const MOPS = 'MOPS Sochaczew';
export const KIS = 'KIS Sochaczew';
export const CATERING = 'Warsztat gastronomiczny';
export const JOB_COACH = 'Trener pracy'; // a CIS service without a capacity limit

/** A participant of the client's organisation, with identity and employment data. */
export async function createParticipant(client: GraphQLClient, lastName = 'Zając'): Promise<string> {
  const { createParticipant } = await client.data(
    `mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }`,
    {
      input: {
        identity: { firstName: 'Marek', lastName },
        employment: { monthsUnemployed: 30 },
      },
    },
  );
  return createParticipant.id as string;
}

/** A consent of the participant (owned by the client's organisation) to `recipient`, for REFERRAL. */
export async function grantConsent(client: GraphQLClient, participantId: string, recipient: string): Promise<string> {
  const { grantConsent } = await client.data(
    `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
    {
      input: {
        participantId,
        recipientOrganisationId: recipient,
        purposes: ['REFERRAL'],
        dataCategories: ['IDENTITY', 'EMPLOYMENT'],
        validFrom: '2026-01-01',
        evidence: { method: 'PAPER_SIGNATURE' },
      },
    },
  );
  return grantConsent.id as string;
}

export function referralInput(participantId: string, toOrganisationId: string, extra: Record<string, unknown> = {}) {
  return {
    participantId,
    toOrganisationId,
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    reason: 'Długotrwale bezrobotny, chce pracować w gastronomii',
    ...extra,
  };
}

/** Creates (and by default sends) a referral; fails the test on any error. */
export async function createReferral(
  client: GraphQLClient,
  participantId: string,
  toOrganisationId: string,
  extra: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const { createReferral } = await client.data(RM.create, {
    input: referralInput(participantId, toOrganisationId, { send: true, ...extra }),
  });
  return createReferral;
}

/** A new member of `organisationId`, added by its partner admin `admin`, signed in. */
export async function addMember(
  admin: GraphQLClient,
  organisationId: string,
  role: string,
  baseUrl: string,
): Promise<GraphQLClient & { email: string; password: string }> {
  const email = `${role.toLowerCase()}.${randomBytes(4).toString('hex')}@demo.local`;
  const password = `pw-${randomBytes(12).toString('hex')}`;
  await admin.data(`mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`, {
    input: { organisationId, email, displayName: `Test ${role}`, role, initialPassword: password },
  });
  return Object.assign(await GraphQLClient.login(baseUrl, email, password), { email, password });
}

export async function connect(api: TestApp): Promise<Client> {
  const db = new Client({ connectionString: api.database.url });
  await db.connect();
  return db;
}

export interface Counts {
  referrals: number;
  history: number;
  outbox: number;
  keys: number;
}

/** Rows in every table a referral operation writes. */
export async function counts(db: Client): Promise<Counts> {
  const { rows } = await db.query<Counts>(`SELECT
      (SELECT count(*)::int FROM referrals) AS referrals,
      (SELECT count(*)::int FROM referral_history) AS history,
      (SELECT count(*)::int FROM outbox WHERE aggregate_type = 'referral') AS outbox,
      (SELECT count(*)::int FROM idempotency_keys) AS keys`);
  return rows[0];
}

/** The first error's code (failing when the call succeeded). */
export function codeOf(result: GraphQLResponse): string | undefined {
  if (!result.errors?.length) throw new Error(`Expected an error, got ${JSON.stringify(result.data)}`);
  return result.errors[0].extensions?.code;
}

export async function signIn(api: TestApp) {
  const clients = demoClients(api.baseUrl);
  const [pup, pupAdmin, cis, cisAdmin, ops, mops, auditor] = await Promise.all([
    clients.labourOfficeCaseworker(),
    clients.labourOfficeAdmin(),
    clients.cisCaseworker(),
    clients.cisAdmin(),
    clients.welfareSocialWorker(),
    clients.welfareCoordinator(),
    clients.auditor(),
  ]);
  return { pup, pupAdmin, cis, cisAdmin, ops, mops, auditor };
}
