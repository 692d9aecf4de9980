import { GraphQLSchema } from 'graphql';
import { accessTokenFor } from './credentials';
import { Actor, isoDate, nip, pesel } from './inputs';
import { KnownObjects } from './known-objects';
import { Random } from './random';
import { operationsOf, selectionFor } from './schema';
import { WrittenRows } from './readback';

export interface GraphQLResult {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A plain GraphQL call (set-up and read-back use it; the fuzzer builds its own bodies). */
export async function call(
  baseUrl: string,
  actor: Actor | undefined,
  query: string,
  variables: Record<string, unknown> = {},
  requestId?: string,
): Promise<GraphQLResult> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(actor?.token ? { authorization: `Bearer ${actor.token}` } : {}),
      ...(requestId ? { 'x-request-id': requestId } : {}),
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
  /** Organisation ids by short name. */
  organisations: Record<string, string>;
  /** What set-up could not create (reported; the run goes on). */
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
  const rng = Random.for(seed, 'world', 0);
  const problems: string[] = [];
  const actors: Actor[] = [];
  const userIds: string[] = [];
  for (const { email, role } of DEMO_ACTORS) {
    const login = await call(
      baseUrl,
      undefined,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      {
        e: email,
        p: 'demo',
      },
    );
    const token = login.data?.login?.accessToken as string | undefined;
    if (!token) throw new Error(`cannot sign in as ${email}: ${JSON.stringify(login.errors)}`);
    const me = await call(baseUrl, { key: email, role, token }, `{ me ${selectionFor(schema.getType('Me')!, 2)} }`);
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
    for (const m of me.data?.me?.memberships ?? []) known.exclude(m.id);
    known.harvest(me.data, membership?.organisationId);
  }
  actors.push({ key: 'ANONYMOUS', role: 'ANONYMOUS' });
  // A token the API would accept as well formed and signed, naming a user who does not exist.
  actors.push({ key: 'NOBODY (signed token of no user)', role: 'NOBODY', token: accessTokenFor(rng.uuid()) });
  const [pupCaseworker, cisCaseworker, mopsCoordinator, pupAdmin, , platformAdmin] = actors;

  const directory = await call(baseUrl, platformAdmin, '{ organisations { id shortName } }');
  const organisations: Record<string, string> = Object.fromEntries(
    (directory.data?.organisations ?? []).map((o: { id: string; shortName: string }) => [o.shortName, o.id]),
  );
  const operations = new Map(operationsOf(schema).map((op) => [op.name, op]));

  /** Runs one root field with its full selection; harvests the answer; returns the field's data. */
  const run = async (actor: Actor, name: string, args: Record<string, unknown>, types: Record<string, string>) => {
    const op = operations.get(name)!;
    const declarations = Object.keys(args).map((a) => `$${a}: ${types[a]}`);
    const query = `${op.kind}${declarations.length ? `(${declarations.join(', ')})` : ''} { ${name}${
      declarations.length
        ? `(${Object.keys(args)
            .map((a) => `${a}: $${a}`)
            .join(', ')})`
        : ''
    } ${selectionFor(op.returns, 2)} }`;
    const result = await call(baseUrl, actor, query, args);
    if (result.errors?.length) problems.push(`${actor.key} ${name}: ${JSON.stringify(result.errors).slice(0, 300)}`);
    known.harvest(result.data, actor.organisationId);
    if (op.kind === 'mutation') written.add(actor, result.data?.[name], `set-up ${name}`);
    return result.data?.[name];
  };
  const create = (actor: Actor, name: string, input: Record<string, unknown>, type: string) =>
    run(actor, name, { input }, { input: `${type}!` });

  const fullParticipant = (lastName: string) => ({
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
  });
  const consent = (participantId: string, recipientOrganisationId: string) => ({
    participantId,
    recipientOrganisationId,
    // Within every demo agreement's ceiling, so that the consents (and the referrals resting on them) exist.
    purposes: ['REFERRAL'],
    dataCategories: ['IDENTITY', 'CONTACT', 'EMPLOYMENT', 'BENEFITS'],
    validFrom: isoDate(-1),
    validUntil: isoDate(365),
    evidence: { method: 'PAPER_SIGNATURE', documentHash: rng.hex(64) },
  });
  const referral = (participantId: string, toOrganisationId: string, send: boolean) => ({
    participantId,
    toOrganisationId,
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    reason: 'Długotrwale bezrobotny, chce pracować',
    send,
  });

  const pup = pupCaseworker.organisationId!;
  const cis = cisCaseworker.organisationId!;
  const mops = mopsCoordinator.organisationId!;
  for (const [actor, lastName, recipients] of [
    [pupCaseworker, 'Nowicki', [cis, mops]],
    [pupCaseworker, 'Wróbel', [cis]],
    [cisCaseworker, 'Mazur', [pup]],
    [mopsCoordinator, 'Krawczyk', [pup, cis]],
  ] as const) {
    const participant = await create(actor, 'createParticipant', fullParticipant(lastName), 'CreateParticipantInput');
    if (!participant?.id) continue;
    for (const recipient of recipients) {
      await create(actor, 'grantConsent', consent(participant.id, recipient), 'GrantConsentInput');
      await create(actor, 'createReferral', referral(participant.id, recipient, true), 'CreateReferralInput');
    }
    await create(actor, 'createReferral', referral(participant.id, recipients[0], false), 'CreateReferralInput');
  }
  await create(
    pupAdmin,
    'createWebhookEndpoint',
    { organisationId: pup, url: 'https://93.184.215.14/pup', eventTypes: [] },
    'CreateWebhookEndpointInput',
  );
  await create(
    pupAdmin,
    'recordLegalBasis',
    {
      ownerOrganisationId: pup,
      recipientOrganisationId: cis,
      purpose: 'REFERRAL',
      dataCategories: ['IDENTITY', 'EMPLOYMENT'],
      citation: 'art. 50 ust. 1 ustawy o pomocy społecznej',
      validFrom: isoDate(-1),
    },
    'RecordLegalBasisInput',
  );
  await create(
    pupAdmin,
    'proposeDataSharingAgreement',
    {
      proposedByOrganisationId: pup,
      counterpartOrganisationId: mops,
      purposes: ['REFERRAL'],
      dataCategories: ['IDENTITY'],
      responseTimeDays: 14,
      title: 'Porozumienie testowe',
      validFrom: isoDate(0),
    },
    'ProposeAgreementInput',
  );
  await create(
    platformAdmin,
    'createOrganisation',
    { kind: 'NGO', name: `Fundacja Fuzz ${rng.hex(4)}`, taxId: nip(rng), address: { city: 'Jabłonna' } },
    'CreateOrganisationInput',
  );

  // The sends above reach the recipients' inboxes through the outbox relay: wait a little for them.
  const inbox = `{ notifications(first: 5) ${selectionFor(schema.getType('NotificationConnection')!, 3)} }`;
  for (let tries = 0; tries < 50; tries++) {
    const answer = await call(baseUrl, cisCaseworker, inbox);
    if (answer.data?.notifications?.edges?.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }

  // Harvest what each actor can see: ids with their organisations, cursors of every list.
  for (const actor of actors.filter((a) => a.organisationId)) {
    const own = actor.organisationId!;
    await run(actor, 'organisations', {}, {});
    await run(actor, 'partnerships', {}, {});
    await run(actor, 'dataSharingAgreements', {}, {});
    await run(actor, 'participants', { first: 3 }, { first: 'Int!' });
    await run(actor, 'referrals', { first: 3 }, { first: 'Int!' });
    await run(actor, 'notifications', { first: 3 }, { first: 'Int!' });
    await run(actor, 'organisation', { id: own }, { id: 'ID!' });
    if (['PARTNER_ADMIN', 'PLATFORM_ADMIN'].includes(actor.role)) {
      const endpoints = await run(actor, 'webhookEndpoints', { organisationId: own }, { organisationId: 'ID!' });
      for (const endpoint of endpoints ?? [])
        await run(actor, 'webhookDeliveries', { endpointId: endpoint.id }, { endpointId: 'ID!' });
    }
    await run(actor, 'legalBases', { organisationId: own }, { organisationId: 'ID!' });
    for (const participant of known.of('Participant').filter((p) => p.organisationId === own)) {
      await run(actor, 'consents', { participantId: participant.id }, { participantId: 'ID!' });
    }
  }
  known.freeze();
  return { actors, userIds, organisations, problems };
}
