import { GraphQLSchema } from 'graphql';
import { accessTokenFor } from './credentials';
import { Actor, isoDate, nip, pesel } from './inputs';
import { KnownObjects } from './known-objects';
import { Random } from './random';
import { WrittenRows } from './readback';
import { Operation, operationsOf, selectionFor } from './schema';

interface GraphQLResult {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The demo users the fuzzer acts as: each role, two caseworkers (sender and recipient side); then nobody, twice. */
const DEMO_ACTORS = [
  { email: 'pup.caseworker@demo.local', role: 'CASEWORKER' },
  { email: 'cis.caseworker@demo.local', role: 'CASEWORKER' },
  { email: 'mops.coordinator@demo.local', role: 'COORDINATOR' },
  { email: 'pup.admin@demo.local', role: 'PARTNER_ADMIN' },
  { email: 'auditor@demo.local', role: 'AUDITOR' },
  { email: 'admin@demo.local', role: 'PLATFORM_ADMIN' },
];

export interface World {
  actors: Actor[];
  /** Every signed-in actor's user id (forged tokens name them). */
  userIds: string[];
  /** What set-up could not do (reported; the run goes on). */
  problems: string[];
}

/**
 * Signs the actors in and gives the fuzzer something to aim at: participants
 * with every category filled, consents, sent and draft referrals between the
 * actors' organisations, a webhook, a legal basis, an agreement proposal, an
 * organisation, and the notifications they cause. Then harvests every id and
 * cursor each actor can see, and freezes the pools.
 */
export async function buildWorld(
  baseUrl: string,
  schema: GraphQLSchema,
  known: KnownObjects,
  written: WrittenRows,
  seed: number,
): Promise<World> {
  const setUp = new SetUp(baseUrl, schema, known, written, Random.for(seed, 'world', 0));
  const { actors, userIds } = await signIn(setUp);
  await writeFixtures(setUp, actors);
  await harvest(setUp, actors);
  known.freeze();
  return { actors, userIds, problems: setUp.problems };
}

/** Plain GraphQL calls for set-up: every root field with its full selection, every answer harvested. */
class SetUp {
  readonly problems: string[] = [];
  private readonly operations: Map<string, Operation>;

  constructor(
    private readonly baseUrl: string,
    readonly schema: GraphQLSchema,
    readonly known: KnownObjects,
    private readonly written: WrittenRows,
    readonly rng: Random,
  ) {
    this.operations = new Map(operationsOf(schema).map((op) => [op.name, op]));
  }

  async call(actor: Actor | undefined, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(actor?.token ? { authorization: `Bearer ${actor.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    try {
      return { status: response.status, ...(JSON.parse(text) as Omit<GraphQLResult, 'status'>) };
    } catch {
      return { status: response.status, errors: [{ message: text.slice(0, 200) }] };
    }
  }

  /** Calls root field `name` (argument types as declared in `types`); returns its data. */
  async run(actor: Actor, name: string, args: Record<string, unknown> = {}, types: Record<string, string> = {}) {
    const op = this.operations.get(name)!;
    const names = Object.keys(args);
    const declarations = names.length ? `(${names.map((a) => `$${a}: ${types[a]}`).join(', ')})` : '';
    const call = names.length ? `(${names.map((a) => `${a}: $${a}`).join(', ')})` : '';
    const result = await this.call(
      actor,
      `${op.kind}${declarations} { ${name}${call} ${selectionFor(op.returns, 3)} }`,
      args,
    );
    if (result.errors?.length)
      this.problems.push(`${actor.key} ${name}: ${JSON.stringify(result.errors).slice(0, 300)}`);
    this.known.harvest(result.data, actor.organisationId);
    if (op.kind === 'mutation') this.written.add(actor, result.data?.[name], `set-up ${name}`);
    return result.data?.[name];
  }

  create(actor: Actor, name: string, input: Record<string, unknown>, type: string) {
    return this.run(actor, name, { input }, { input: `${type}!` });
  }
}

async function signIn(setUp: SetUp): Promise<{ actors: Actor[]; userIds: string[] }> {
  const actors: Actor[] = [];
  const userIds: string[] = [];
  for (const { email, role } of DEMO_ACTORS) {
    const login = await setUp.call(
      undefined,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: email, p: 'demo' },
    );
    const token = login.data?.login?.accessToken as string | undefined;
    if (!token) throw new Error(`cannot sign in as ${email}: ${JSON.stringify(login.errors)}`);
    const me = await setUp.call({ key: email, role, token }, `{ me ${selectionFor(setUp.schema.getType('Me')!, 2)} }`);
    const membership = me.data?.me?.memberships?.[0];
    const organisation = me.data?.me?.organisations?.find((o: { id: string }) => o.id === membership?.organisationId);
    userIds.push(me.data?.me?.user?.id);
    actors.push({
      key: `${role}@${organisation?.shortName ?? organisation?.name ?? '?'}`,
      role,
      token,
      organisationId: membership?.organisationId,
    });
    // The fuzzer must not remove or demote the users it acts as.
    for (const m of me.data?.me?.memberships ?? []) setUp.known.exclude(m.id);
    setUp.known.harvest(me.data, membership?.organisationId);
  }
  actors.push({ key: 'ANONYMOUS', role: 'ANONYMOUS' });
  // A token the API would accept as well formed and signed, naming a user who does not exist.
  actors.push({ key: 'NOBODY (signed token of no user)', role: 'NOBODY', token: accessTokenFor(setUp.rng.uuid()) });
  return { actors, userIds };
}

function fullParticipant(rng: Random, lastName: string) {
  return {
    identity: { firstName: 'Jan', lastName, pesel: pesel(rng), dateOfBirth: '1980-05-17' },
    contact: { email: `${lastName.toLowerCase()}.${rng.hex(6)}@example.org`, phone: '+48 600 100 200' },
    address: { street: 'ul. Polna 1', city: 'Legionowo', postalCode: '05-120', commune: 'Legionowo' },
    employment: { monthsUnemployed: 26, registeredUnemployedSince: '2023-03-01', workHistory: ['magazynier'] },
    education: { level: 'zawodowe', certificates: ['wózki widłowe'], skills: ['prawo jazdy B'] },
    benefits: { benefits: ['zasiłek okresowy'], notes: 'od 2024' },
    family: { dependants: 1, householdSize: 3, notes: 'samotny rodzic' },
    housing: { situation: 'najem', notes: 'zadłużenie' },
    health: { disabilityDegree: 'LIGHT', disabilityCertificateValidUntil: isoDate(400), notes: 'cukrzyca' },
    addiction: { inTreatment: true, notes: 'terapia' },
    criminalRecord: { releasedOn: '2022-11-30', notes: 'art. 279' },
  };
}

function consent(rng: Random, participantId: string, recipientOrganisationId: string) {
  return {
    participantId,
    recipientOrganisationId,
    // Within every demo agreement's ceiling, so that the consents (and the referrals resting on them) exist.
    purposes: ['REFERRAL'],
    dataCategories: ['IDENTITY', 'CONTACT', 'EMPLOYMENT', 'BENEFITS'],
    validFrom: isoDate(-1),
    validUntil: isoDate(365),
    evidence: { method: 'PAPER_SIGNATURE', documentHash: rng.hex(64) },
  };
}

function referral(participantId: string, toOrganisationId: string, send: boolean) {
  return { participantId, toOrganisationId, reasonCategory: 'LONG_TERM_UNEMPLOYMENT', reason: 'Chce pracować', send };
}

async function writeFixtures(setUp: SetUp, actors: Actor[]): Promise<void> {
  const [pupCaseworker, cisCaseworker, mopsCoordinator, pupAdmin, , platformAdmin] = actors;
  const { rng } = setUp;
  const pup = pupCaseworker.organisationId!;
  const cis = cisCaseworker.organisationId!;
  const mops = mopsCoordinator.organisationId!;
  // First, so that the referrals below give it deliveries (to an address that will not answer: they fail).
  const webhook = { organisationId: pup, url: 'https://93.184.215.14/pup', eventTypes: [] };
  const endpoint = await setUp.create(pupAdmin, 'createWebhookEndpoint', webhook, 'CreateWebhookEndpointInput');
  for (const [actor, lastName, recipients] of [
    [pupCaseworker, 'Nowicki', [cis, mops]],
    [pupCaseworker, 'Wróbel', [cis]],
    [cisCaseworker, 'Mazur', [pup]],
    [mopsCoordinator, 'Krawczyk', [pup, cis]],
  ] as const) {
    const participant = await setUp.create(
      actor,
      'createParticipant',
      fullParticipant(rng, lastName),
      'CreateParticipantInput',
    );
    if (!participant?.id) continue;
    for (const recipient of recipients) {
      await setUp.create(actor, 'grantConsent', consent(rng, participant.id, recipient), 'GrantConsentInput');
      await setUp.create(actor, 'createReferral', referral(participant.id, recipient, true), 'CreateReferralInput');
    }
    await setUp.create(actor, 'createReferral', referral(participant.id, recipients[0], false), 'CreateReferralInput');
  }
  const legalBasis = {
    ownerOrganisationId: pup,
    recipientOrganisationId: cis,
    purpose: 'REFERRAL',
    dataCategories: ['IDENTITY', 'EMPLOYMENT'],
    citation: 'art. 50 ust. 1 ustawy o pomocy społecznej',
    validFrom: isoDate(-1),
  };
  await setUp.create(pupAdmin, 'recordLegalBasis', legalBasis, 'RecordLegalBasisInput');
  const proposal = {
    proposedByOrganisationId: pup,
    counterpartOrganisationId: mops,
    purposes: ['REFERRAL'],
    dataCategories: ['IDENTITY'],
    responseTimeDays: 14,
    title: 'Porozumienie testowe',
    validFrom: isoDate(0),
  };
  await setUp.create(pupAdmin, 'proposeDataSharingAgreement', proposal, 'ProposeAgreementInput');
  const organisation = {
    kind: 'NGO',
    name: `Fundacja Fuzz ${rng.hex(4)}`,
    taxId: nip(rng),
    address: { city: 'Jabłonna' },
  };
  await setUp.create(platformAdmin, 'createOrganisation', organisation, 'CreateOrganisationInput');

  // The sends above reach inboxes and the webhook through the outbox relay: wait a little for both.
  for (let tries = 0; tries < 50; tries++) {
    const inbox = await setUp.call(cisCaseworker, '{ notifications(first: 5) { edges { node { id } } } }');
    const deliveries = endpoint?.id
      ? await setUp.call(pupAdmin, `{ webhookDeliveries(endpointId: "${endpoint.id}") { id } }`)
      : undefined;
    if (inbox.data?.notifications?.edges?.length && (!endpoint?.id || deliveries?.data?.webhookDeliveries?.length))
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What each signed-in actor can see: ids with their organisations, and the cursors of every list. */
async function harvest(setUp: SetUp, actors: Actor[]): Promise<void> {
  for (const actor of actors.filter((a) => a.organisationId)) {
    const own = actor.organisationId!;
    await setUp.run(actor, 'organisations');
    await setUp.run(actor, 'partnerships');
    const agreements = (await setUp.run(actor, 'dataSharingAgreements')) as
      { status: string; parties?: { id: string }[] }[] | undefined;
    for (const agreement of agreements ?? []) {
      if (agreement.status === 'ACTIVE') setUp.known.addPartners((agreement.parties ?? []).map((p) => p.id));
    }
    await setUp.run(actor, 'participants', { first: 3 }, { first: 'Int!' });
    await setUp.run(actor, 'referrals', { first: 3 }, { first: 'Int!' });
    await setUp.run(actor, 'notifications', { first: 3 }, { first: 'Int!' });
    await setUp.run(actor, 'organisation', { id: own }, { id: 'ID!' });
    if (['PARTNER_ADMIN', 'PLATFORM_ADMIN'].includes(actor.role)) {
      const endpoints = await setUp.run(actor, 'webhookEndpoints', { organisationId: own }, { organisationId: 'ID!' });
      for (const endpoint of endpoints ?? [])
        await setUp.run(actor, 'webhookDeliveries', { endpointId: endpoint.id }, { endpointId: 'ID!' });
    }
    await setUp.run(actor, 'legalBases', { organisationId: own }, { organisationId: 'ID!' });
    for (const participant of setUp.known.of('Participant').filter((p) => p.organisationId === own)) {
      await setUp.run(actor, 'consents', { participantId: participant.id }, { participantId: 'ID!' });
    }
  }
}
