import { Client } from 'pg';
import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';
import {
  connectDatabase,
  DemoWorld,
  expectError,
  fingerprint,
  loadDemoWorld,
  M,
  Q,
  UNKNOWN_ID,
} from './support/organisations';

/**
 * Bad input on every operation of the organisations library, each sent by an
 * actor who would be allowed to make the call with good input: every answer
 * is a coded error (never INTERNAL_SERVER_ERROR, never SQL or a stack), and
 * nothing is written. The last tests send the same calls with good input, to
 * show the refusals were about the input alone.
 */
describe('organisations: input validation', () => {
  let api: TestApp;
  let db: Client;
  let world: DemoWorld;
  let clients: Record<Role, GraphQLClient>;
  /** Fixtures the cases refer to, created through the API. */
  let paiServiceId: string;
  let counsellingServiceId: string;

  type Role = 'platformAdmin' | 'pupAdmin' | 'cisAdmin' | 'anonymous';
  type Vars = Record<string, unknown>;
  interface Case {
    label: string;
    as: Role;
    query: string;
    variables: () => Vars;
    code: string;
    /** For the library's own validation: the field the BAD_USER_INPUT must name. */
    field?: string;
  }

  const long = (n: number) => 'x'.repeat(n);
  const NUL = 'ab\u0000cd';
  const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  const cases: Case[] = [];

  /** Cases for a mutation taking `input`: each patch is merged into a valid input (undefined leaves a field out). */
  function forInput(
    query: string,
    as: Role,
    valid: () => Vars,
    rows: [label: string, patch: Vars | (() => Vars), code: string, field?: string][],
  ) {
    const name = /\{\s*(\w+)\(/.exec(query)![1];
    for (const [label, patch, code, field] of rows) {
      cases.push({
        label: `${name}: ${label}`,
        as,
        query,
        variables: () => ({ input: { ...valid(), ...(typeof patch === 'function' ? patch() : patch) } }),
        code,
        field,
      });
    }
  }

  const validOrganisation = () => ({ kind: 'NGO', name: 'Fundacja Nowa Droga', taxId: '5250000009' });
  forInput(M.createOrganisation, 'platformAdmin', validOrganisation, [
    ['name left out', { name: undefined }, 'BAD_USER_INPUT'],
    ['name of 5000 characters', { name: long(5000) }, 'BAD_USER_INPUT', 'name'],
    ['name of one character', { name: 'x' }, 'BAD_USER_INPUT', 'name'],
    ['name of one character padded with spaces', { name: '    x    ' }, 'BAD_USER_INPUT', 'name'],
    ['name of spaces only', { name: '          ' }, 'BAD_USER_INPUT', 'name'],
    ['name with a NUL character', { name: NUL }, 'BAD_USER_INPUT', 'name'],
    ['name as a number', { name: 42 }, 'BAD_USER_INPUT'],
    ['kind not in the enum', { kind: 'BANK' }, 'BAD_USER_INPUT'],
    ['kind null', { kind: null }, 'BAD_USER_INPUT'],
    ['shortName of 41 characters', { shortName: long(41) }, 'BAD_USER_INPUT', 'shortName'],
    ['taxId of 5 digits', { taxId: '12345' }, 'BAD_USER_INPUT', 'taxId'],
    ['email that is no e-mail', { email: 'sekretariat at fundacja' }, 'BAD_USER_INPUT', 'email'],
    ['email of 300 characters', { email: `${long(290)}@fund.pl` }, 'BAD_USER_INPUT', 'email'],
    ['phone that is no phone number', { phone: 'call me maybe' }, 'BAD_USER_INPUT', 'phone'],
    ['postal code without a dash', { address: { postalCode: '05120' } }, 'BAD_USER_INPUT', 'address.postalCode'],
    ['street of 201 characters', { address: { street: long(201) } }, 'BAD_USER_INPUT', 'address.street'],
    ['city with a NUL character', { address: { city: NUL } }, 'BAD_USER_INPUT', 'address.city'],
    ['address as a string', { address: 'Legionowo' }, 'BAD_USER_INPUT'],
    ['parent that is no UUID', { parentOrganisationId: 'pup' }, 'BAD_USER_INPUT', 'parentOrganisationId'],
    ['unknown parent', { parentOrganisationId: UNKNOWN_ID }, 'NOT_FOUND'],
    ['a field the input does not have', { colour: 'red' }, 'BAD_USER_INPUT'],
    ['the name of an existing organisation, in other case', { name: 'powiatowy urząd pracy w legionowie' }, 'CONFLICT'],
    ['the tax id of an existing organisation', { name: 'Fundacja Inna', taxId: '1180000001' }, 'CONFLICT'],
  ]);

  const pupOnly = () => ({ id: world.org.pup });
  forInput(M.updateOrganisation, 'pupAdmin', pupOnly, [
    ['id left out', { id: undefined }, 'BAD_USER_INPUT'],
    ['id that is no UUID', { id: 'pup' }, 'BAD_USER_INPUT', 'id'],
    ['id of no organisation', { id: UNKNOWN_ID }, 'NOT_FOUND'],
    ['name null', { name: null }, 'BAD_USER_INPUT', 'name'],
    ['name of 5000 characters', { name: long(5000) }, 'BAD_USER_INPUT', 'name'],
    ['name of spaces only', { name: '   ' }, 'BAD_USER_INPUT', 'name'],
    ['name with a NUL character', { name: NUL }, 'BAD_USER_INPUT', 'name'],
    ['shortName of 41 characters', { shortName: long(41) }, 'BAD_USER_INPUT', 'shortName'],
    ['email that is no e-mail', { email: 'pup@' }, 'BAD_USER_INPUT', 'email'],
    ['phone that is no phone number', { phone: '12' }, 'BAD_USER_INPUT', 'phone'],
    ['postal code of one digit', { address: { postalCode: '1' } }, 'BAD_USER_INPUT', 'address.postalCode'],
    ['a field the input does not have', { version: 7 }, 'BAD_USER_INPUT'],
    ['the name of another organisation', { name: 'powiatowe centrum integracji społecznej w legionowie' }, 'CONFLICT'],
  ]);

  const validService = () => ({ organisationId: world.org.pup, name: 'Kurs komputerowy', capacity: 10 });
  forInput(M.addOrganisationService, 'pupAdmin', validService, [
    ['organisationId that is no UUID', { organisationId: 'x' }, 'BAD_USER_INPUT', 'organisationId'],
    ['organisationId of no organisation', { organisationId: UNKNOWN_ID }, 'NOT_FOUND'],
    ['name left out', { name: undefined }, 'BAD_USER_INPUT'],
    ['name of 5000 characters', { name: long(5000) }, 'BAD_USER_INPUT', 'name'],
    ['name of one character padded with spaces', { name: ' x ' }, 'BAD_USER_INPUT', 'name'],
    ['description of 2001 characters', { description: long(2001) }, 'BAD_USER_INPUT', 'description'],
    ['description with a NUL character', { description: NUL }, 'BAD_USER_INPUT', 'description'],
    ['negative capacity', { capacity: -1 }, 'BAD_USER_INPUT', 'capacity'],
    ['capacity over 10000', { capacity: 10_001 }, 'BAD_USER_INPUT', 'capacity'],
    ['capacity beyond 32 bits', { capacity: 99_999_999_999 }, 'BAD_USER_INPUT'],
    ['fractional capacity', { capacity: 1.5 }, 'BAD_USER_INPUT'],
    ['capacity as a word', { capacity: 'ten' }, 'BAD_USER_INPUT'],
    ['the name of an existing service, in other case', { name: 'program aktywizacja i integracja' }, 'CONFLICT'],
  ]);

  const paiOnly = () => ({ id: paiServiceId });
  forInput(M.updateOrganisationService, 'pupAdmin', paiOnly, [
    ['id that is no UUID', { id: '1' }, 'BAD_USER_INPUT', 'id'],
    ['id of no service', { id: UNKNOWN_ID }, 'NOT_FOUND'],
    ['name null', { name: null }, 'BAD_USER_INPUT', 'name'],
    ['name of 5000 characters', { name: long(5000) }, 'BAD_USER_INPUT', 'name'],
    ['active null', { active: null }, 'BAD_USER_INPUT', 'active'],
    ['active as a word', { active: 'yes' }, 'BAD_USER_INPUT'],
    ['negative capacity', { capacity: -5 }, 'BAD_USER_INPUT', 'capacity'],
    ['description with a NUL character', { description: NUL }, 'BAD_USER_INPUT', 'description'],
    ['the name of a sibling service', { name: 'DORADZTWO ZAWODOWE' }, 'CONFLICT'],
  ]);

  const validMember = () => ({
    organisationId: world.org.pup,
    email: 'nowa.osoba@demo.local',
    displayName: 'Nowa Osoba',
    role: 'CASEWORKER',
    initialPassword: 'bardzo-dlugie-haslo',
  });
  forInput(M.addMember, 'pupAdmin', validMember, [
    ['organisationId that is no UUID', { organisationId: 'PUP' }, 'BAD_USER_INPUT', 'organisationId'],
    ['organisationId of no organisation', { organisationId: UNKNOWN_ID }, 'NOT_FOUND'],
    ['email that is no e-mail', { email: 'nowa.osoba' }, 'BAD_USER_INPUT', 'email'],
    ['email of 300 characters', { email: `${long(290)}@demo.pl` }, 'BAD_USER_INPUT', 'email'],
    ['email with a NUL character', { email: 'nowa\u0000@demo.local' }, 'BAD_USER_INPUT', 'email'],
    ['empty displayName', { displayName: '' }, 'BAD_USER_INPUT', 'displayName'],
    ['displayName of spaces only', { displayName: '    ' }, 'BAD_USER_INPUT', 'displayName'],
    ['displayName of 5000 characters', { displayName: long(5000) }, 'BAD_USER_INPUT', 'displayName'],
    ['displayName with a NUL character', { displayName: NUL }, 'BAD_USER_INPUT', 'displayName'],
    ['role not in the enum', { role: 'KING' }, 'BAD_USER_INPUT'],
    ['role left out', { role: undefined }, 'BAD_USER_INPUT'],
    ['no password for a new account', { initialPassword: undefined }, 'BAD_USER_INPUT', 'initialPassword'],
    ['password of 5 characters', { initialPassword: 'haslo' }, 'BAD_USER_INPUT', 'initialPassword'],
    ['password of 201 characters', { initialPassword: long(201) }, 'BAD_USER_INPUT', 'initialPassword'],
    ['language not in the enum', { language: 'de' }, 'BAD_USER_INPUT'],
    ['somebody already a member', { email: 'pup.caseworker@demo.local' }, 'CONFLICT'],
    ['e-mail with surrounding spaces', { email: ' PUP.Admin@Demo.Local ' }, 'BAD_USER_INPUT', 'email'],
    ['somebody already a member, e-mail in capitals', { email: 'AUDITOR@DEMO.LOCAL' }, 'CONFLICT'],
  ]);

  const validRoleChange = () => ({
    membershipId: world.membershipOf('pup.caseworker@demo.local'),
    role: 'COORDINATOR',
  });
  forInput(M.changeMemberRole, 'pupAdmin', validRoleChange, [
    ['membershipId that is no UUID', { membershipId: 'me' }, 'BAD_USER_INPUT', 'membershipId'],
    ['membershipId of no membership', { membershipId: UNKNOWN_ID }, 'NOT_FOUND'],
    ['role not in the enum', { role: 'OWNER' }, 'BAD_USER_INPUT'],
    ['role left out', { role: undefined }, 'BAD_USER_INPUT'],
    ['role null', { role: null }, 'BAD_USER_INPUT'],
  ]);

  for (const [label, id, code] of [
    ['membershipId that is no UUID', 'not-a-uuid', 'BAD_USER_INPUT'],
    ['membershipId of no membership', UNKNOWN_ID, 'NOT_FOUND'],
    ['membershipId as a number', 42, 'BAD_USER_INPUT'],
    ['membershipId null', null, 'BAD_USER_INPUT'],
    ['membershipId with SQL in it', "' OR 1=1 --", 'BAD_USER_INPUT'],
  ] as const) {
    cases.push({
      label: `removeMember: ${label}`,
      as: 'pupAdmin',
      query: M.removeMember,
      variables: () => ({ id }),
      code,
    });
  }

  const validPartnership = () => ({ name: 'Partnerstwo lokalne Jabłonna', leadOrganisationId: world.org.cis });
  forInput(M.createPartnership, 'cisAdmin', validPartnership, [
    ['name left out', { name: undefined }, 'BAD_USER_INPUT'],
    ['name of 5000 characters', { name: long(5000) }, 'BAD_USER_INPUT', 'name'],
    ['name of one character padded with spaces', { name: '  P  ' }, 'BAD_USER_INPUT', 'name'],
    ['name with a NUL character', { name: NUL }, 'BAD_USER_INPUT', 'name'],
    ['description of 2001 characters', { description: long(2001) }, 'BAD_USER_INPUT', 'description'],
    ['lead that is no UUID', { leadOrganisationId: 'cis' }, 'BAD_USER_INPUT', 'leadOrganisationId'],
    ['a member that is no UUID', { memberOrganisationIds: ['kis'] }, 'BAD_USER_INPUT', 'memberOrganisationIds'],
    ['a member id as a bare string', { memberOrganisationIds: 'kis' }, 'BAD_USER_INPUT', 'memberOrganisationIds'],
    ['a member that does not exist', () => ({ memberOrganisationIds: [world.org.kis, UNKNOWN_ID] }), 'BAD_USER_INPUT'],
    [
      '101 members',
      { memberOrganisationIds: Array.from({ length: 101 }, (_, i) => uuid(i)) },
      'BAD_USER_INPUT',
      'memberOrganisationIds',
    ],
    ['a null member', { memberOrganisationIds: [null] }, 'BAD_USER_INPUT'],
    [
      'the name of an existing partnership, in other case',
      { name: 'partnerstwo przeciw wykluczeniu społecznemu' },
      'CONFLICT',
    ],
  ]);
  forInput(M.createPartnership, 'platformAdmin', validPartnership, [
    ['a lead that does not exist (platform admin)', { leadOrganisationId: UNKNOWN_ID }, 'BAD_USER_INPUT'],
  ]);

  const demoPartnershipAnd = (organisationId: () => string) => () => ({
    partnershipId: world.partnershipId,
    organisationId: organisationId(),
  });
  forInput(
    M.addPartnershipMember,
    'cisAdmin',
    demoPartnershipAnd(() => world.org.starostwo),
    [
      ['partnershipId that is no UUID', { partnershipId: 'demo' }, 'BAD_USER_INPUT', 'partnershipId'],
      ['partnershipId of no partnership', { partnershipId: UNKNOWN_ID }, 'NOT_FOUND'],
      ['organisationId that is no UUID', { organisationId: 'starostwo' }, 'BAD_USER_INPUT', 'organisationId'],
      ['organisationId of no organisation', { organisationId: UNKNOWN_ID }, 'BAD_USER_INPUT'],
      ['organisationId left out', { organisationId: undefined }, 'BAD_USER_INPUT'],
      ['an organisation that is already a member', () => ({ organisationId: world.org.pup }), 'CONFLICT'],
    ],
  );
  forInput(
    M.removePartnershipMember,
    'cisAdmin',
    demoPartnershipAnd(() => world.org.ops),
    [
      ['partnershipId of no partnership', { partnershipId: UNKNOWN_ID }, 'NOT_FOUND'],
      ['organisationId that is no UUID', { organisationId: 'ops' }, 'BAD_USER_INPUT', 'organisationId'],
      ['organisationId of no organisation', { organisationId: UNKNOWN_ID }, 'NOT_FOUND'],
      ['an organisation that is no member', () => ({ organisationId: world.org.starostwo }), 'NOT_FOUND'],
    ],
  );

  const validProposal = () => ({
    title: 'Porozumienie PUP – PCIS 2027',
    proposedByOrganisationId: world.org.pup,
    counterpartOrganisationId: world.org.cis,
    purposes: ['REFERRAL'],
    dataCategories: ['IDENTITY', 'CONTACT'],
    validFrom: '2027-01-01',
    validUntil: '2027-12-31',
    responseTimeDays: 14,
  });
  forInput(M.propose, 'pupAdmin', validProposal, [
    ['title left out', { title: undefined }, 'BAD_USER_INPUT'],
    ['title of 5000 characters', { title: long(5000) }, 'BAD_USER_INPUT', 'title'],
    ['title of one character padded with spaces', { title: '   P   ' }, 'BAD_USER_INPUT', 'title'],
    ['title with a NUL character', { title: NUL }, 'BAD_USER_INPUT', 'title'],
    ['proposer that is no UUID', { proposedByOrganisationId: 'pup' }, 'BAD_USER_INPUT', 'proposedByOrganisationId'],
    [
      'counterpart that is no UUID',
      { counterpartOrganisationId: 'cis' },
      'BAD_USER_INPUT',
      'counterpartOrganisationId',
    ],
    ['counterpart of no organisation', { counterpartOrganisationId: UNKNOWN_ID }, 'NOT_FOUND'],
    ['partnership of no partnership', { counterpartOrganisationId: undefined, partnershipId: UNKNOWN_ID }, 'NOT_FOUND'],
    [
      'both a counterpart and a partnership',
      () => ({ partnershipId: world.partnershipId }),
      'BAD_USER_INPUT',
      'counterpartOrganisationId',
    ],
    [
      'neither a counterpart nor a partnership',
      { counterpartOrganisationId: null },
      'BAD_USER_INPUT',
      'counterpartOrganisationId',
    ],
    [
      'itself as the counterpart',
      () => ({ counterpartOrganisationId: world.org.pup }),
      'BAD_USER_INPUT',
      'counterpartOrganisationId',
    ],
    ['no purposes', { purposes: [] }, 'BAD_USER_INPUT', 'purposes'],
    ['a purpose not in the enum', { purposes: ['MARKETING'] }, 'BAD_USER_INPUT'],
    ['11 purposes', { purposes: Array(11).fill('REFERRAL') }, 'BAD_USER_INPUT', 'purposes'],
    ['no data categories', { dataCategories: [] }, 'BAD_USER_INPUT', 'dataCategories'],
    ['a data category not in the enum', { dataCategories: ['SECRETS'] }, 'BAD_USER_INPUT'],
    ['month 13', { validFrom: '2027-13-01' }, 'BAD_USER_INPUT', 'validFrom'],
    ['30 February', { validFrom: '2027-02-30' }, 'BAD_USER_INPUT', 'validFrom'],
    ['29 February of a common year', { validUntil: '2027-02-29' }, 'BAD_USER_INPUT', 'validUntil'],
    ['a Polish-style date', { validFrom: '01.01.2027' }, 'BAD_USER_INPUT', 'validFrom'],
    ['a timestamp instead of a date', { validFrom: '2027-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'validFrom'],
    ['year 0', { validFrom: '0000-01-01' }, 'BAD_USER_INPUT', 'validFrom'],
    ['an empty date', { validFrom: '' }, 'BAD_USER_INPUT', 'validFrom'],
    ['a word for a date', { validUntil: 'forever' }, 'BAD_USER_INPUT', 'validUntil'],
    ['validUntil before validFrom', { validUntil: '2026-12-31' }, 'BAD_USER_INPUT', 'validUntil'],
    ['response time of 0 days', { responseTimeDays: 0 }, 'BAD_USER_INPUT', 'responseTimeDays'],
    ['response time of 366 days', { responseTimeDays: 366 }, 'BAD_USER_INPUT', 'responseTimeDays'],
    ['response time as a string', { responseTimeDays: '14' }, 'BAD_USER_INPUT'],
    ['fractional response time', { responseTimeDays: 14.5 }, 'BAD_USER_INPUT'],
  ]);
  forInput(M.propose, 'platformAdmin', validProposal, [
    ['a proposer that does not exist (platform admin)', { proposedByOrganisationId: UNKNOWN_ID }, 'NOT_FOUND'],
  ]);

  for (const [label, id, code] of [
    ['id that is no UUID', 'pup-cis', 'BAD_USER_INPUT'],
    ['empty id', '', 'BAD_USER_INPUT'],
    ['id of no agreement', UNKNOWN_ID, 'NOT_FOUND'],
  ] as const) {
    cases.push({
      label: `approveDataSharingAgreement: ${label}`,
      as: 'cisAdmin',
      query: M.approve,
      variables: () => ({ id }),
      code,
    });
  }

  const validTermination = () => ({ agreementId: world.agreement['pup-cis'], reason: 'Koniec współpracy' });
  forInput(M.terminate, 'pupAdmin', validTermination, [
    ['agreementId that is no UUID', { agreementId: 'pup-cis' }, 'BAD_USER_INPUT', 'agreementId'],
    ['agreementId of no agreement', { agreementId: UNKNOWN_ID }, 'NOT_FOUND'],
    ['reason left out', { reason: undefined }, 'BAD_USER_INPUT'],
    ['empty reason', { reason: '' }, 'BAD_USER_INPUT', 'reason'],
    ['reason of spaces only', { reason: '          ' }, 'BAD_USER_INPUT', 'reason'],
    ['reason of 2001 characters', { reason: long(2001) }, 'BAD_USER_INPUT', 'reason'],
    ['reason with a NUL character', { reason: NUL }, 'BAD_USER_INPUT', 'reason'],
  ]);

  const queryCases: [label: string, query: string, variables: Vars, code: string, as?: Role][] = [
    ['organisation: id that is no UUID', Q.organisation, { id: 'pup' }, 'BAD_USER_INPUT'],
    ['organisation: id of no organisation', Q.organisation, { id: UNKNOWN_ID }, 'NOT_FOUND'],
    ['organisations: kind not in the enum', Q.organisations, { kind: 'BANK' }, 'BAD_USER_INPUT'],
    ['partnership: id that is no UUID', Q.partnership, { id: 'demo' }, 'BAD_USER_INPUT'],
    ['partnership: id of no partnership', Q.partnership, { id: UNKNOWN_ID }, 'NOT_FOUND'],
    ['dataSharingAgreement: id that is no UUID', Q.agreement, { id: '1 OR 1=1' }, 'BAD_USER_INPUT'],
    ['dataSharingAgreement: id of no agreement', Q.agreement, { id: UNKNOWN_ID }, 'NOT_FOUND'],
    ['dataSharingAgreements: status not in the enum', Q.agreements, { status: 'SIGNED' }, 'BAD_USER_INPUT'],
    [
      'login: e-mail with a NUL character',
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: 'pup.admin\u0000@demo.local', p: 'demo' },
      'BAD_USER_INPUT',
      'anonymous',
    ],
    [
      'login: e-mail of 5000 characters',
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: long(5000), p: 'demo' },
      'BAD_USER_INPUT',
      'anonymous',
    ],
  ];
  for (const [label, query, variables, code, as] of queryCases) {
    cases.push({ label, as: as ?? 'pupAdmin', query, variables: () => variables, code });
  }

  /** Mistakes GraphQL itself catches in the document, before any resolver runs. */
  const documentCases: [label: string, query: string, code: string][] = [
    [
      'an invalid enum literal',
      'mutation { createOrganisation(input: { kind: BANK, name: "Bank" }) { id } }',
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'a required input field left out',
      'mutation { createOrganisation(input: { kind: NGO }) { id } }',
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'a string literal for an Int',
      `mutation { proposeDataSharingAgreement(input: { title: "Tytuł", proposedByOrganisationId: "${UNKNOWN_ID}",
        counterpartOrganisationId: "${UNKNOWN_ID}", purposes: [REFERRAL], dataCategories: [IDENTITY],
        validFrom: "2027-01-01", responseTimeDays: "14" }) { id } }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'a float literal for an Int',
      `mutation { addOrganisationService(input: { organisationId: "${UNKNOWN_ID}", name: "Kurs", capacity: 1.5 }) { id } }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['a required argument left out', 'mutation { removeMember }', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'an unknown input field',
      `mutation { updateOrganisation(input: { id: "${UNKNOWN_ID}", colour: "red" }) { id } }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['an unknown output field', `{ organisation(id: "${UNKNOWN_ID}") { passwordHash } }`, 'GRAPHQL_VALIDATION_FAILED'],
    ['an enum literal quoted as a string', '{ organisations(kind: "NGO") { id } }', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a syntax error',
      'mutation { createOrganisation(input: { kind: NGO, name: "Bank" } { id } }',
      'GRAPHQL_PARSE_FAILED',
    ],
  ];
  for (const [label, query, code] of documentCases) {
    cases.push({ label: `document: ${label}`, as: 'platformAdmin', query, variables: () => ({}), code });
  }

  beforeAll(async () => {
    api = await startTestApp();
    db = await connectDatabase(api);
    const demo = demoClients(api.baseUrl);
    const [platformAdmin, pupAdmin, cisAdmin] = await Promise.all([
      demo.platformAdmin(),
      demo.labourOfficeAdmin(),
      demo.cisAdmin(),
    ]);
    clients = { platformAdmin, pupAdmin, cisAdmin, anonymous: GraphQLClient.anonymous(api.baseUrl) };
    world = await loadDemoWorld(platformAdmin);
    paiServiceId = (await platformAdmin.data(Q.organisation, { id: world.org.pup })).organisation.services[0].id;
    counsellingServiceId = (
      await pupAdmin.data(M.addOrganisationService, {
        input: { organisationId: world.org.pup, name: 'Doradztwo zawodowe', capacity: 20 },
      })
    ).addOrganisationService.id;
    await platformAdmin.data(M.createOrganisation, {
      input: { kind: 'EMPLOYER', name: 'Firma z NIP-em (test)', taxId: '1180000001' },
    });
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  it('covers every mutation of the library', () => {
    const covered = new Set(cases.map((c) => c.label.split(':')[0]));
    expect([...covered].filter((name) => !name.startsWith('document')).sort()).toEqual(
      [
        'addMember',
        'addOrganisationService',
        'addPartnershipMember',
        'approveDataSharingAgreement',
        'changeMemberRole',
        'createOrganisation',
        'createPartnership',
        'dataSharingAgreement',
        'dataSharingAgreements',
        'login',
        'organisation',
        'organisations',
        'partnership',
        'proposeDataSharingAgreement',
        'removeMember',
        'removePartnershipMember',
        'terminateDataSharingAgreement',
        'updateOrganisation',
        'updateOrganisationService',
      ].sort(),
    );
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const before = await fingerprint(db);
    const result = await clients[c.as].request(c.query, c.variables());
    expectError(result, c.code);
    if (c.field) {
      const fields = (result.errors![0].extensions?.fields ?? []) as { field: string }[];
      expect(fields.map((f) => f.field)).toContain(c.field);
    }
    expect(await fingerprint(db)).toEqual(before);
  });

  it('answers two admins creating the same new account at the same moment with a success and a CONFLICT, never an error', async () => {
    const input = {
      email: 'wspolna.osoba@demo.local',
      displayName: 'Wspólna Osoba',
      role: 'CASEWORKER',
      initialPassword: 'bardzo-dlugie-haslo',
    };
    const results = await Promise.all([
      clients.pupAdmin.request(M.addMember, { input: { ...input, organisationId: world.org.pup } }),
      clients.cisAdmin.request(M.addMember, { input: { ...input, organisationId: world.org.cis } }),
    ]);
    const failed = results.filter((r) => r.errors);
    for (const result of failed) expectError(result, 'CONFLICT');
    expect(results.length - failed.length).toBeGreaterThanOrEqual(1);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
      [input.email],
    );
    expect(rows[0].n).toBe(results.length - failed.length);
    const users = await db.query('SELECT 1 FROM users WHERE email = $1', [input.email]);
    expect(users.rowCount).toBe(1);
  });

  describe('the same calls with good input are accepted', () => {
    it('null clears an optional field but never a required one', async () => {
      await clients.pupAdmin.data(M.updateOrganisation, {
        input: { id: world.org.pup, email: 'biuro@pup.legionowo.pl', shortName: 'PUP' },
      });
      const { updateOrganisation } = await clients.pupAdmin.data(M.updateOrganisation, {
        input: { id: world.org.pup, email: null, shortName: null, phone: null },
      });
      expect(updateOrganisation).toMatchObject({
        name: 'Powiatowy Urząd Pracy w Legionowie',
        email: null,
        shortName: null,
        phone: null,
      });
      const { updateOrganisationService } = await clients.pupAdmin.data(M.updateOrganisationService, {
        input: { id: counsellingServiceId, description: null, capacity: null },
      });
      expect(updateOrganisationService).toMatchObject({
        name: 'Doradztwo zawodowe',
        description: null,
        capacity: null,
        active: true,
      });
    });

    it('every mutation succeeds with the valid input the cases were built from', async () => {
      const { platformAdmin, pupAdmin, cisAdmin } = clients;
      expect(
        (await platformAdmin.data(M.createOrganisation, { input: validOrganisation() })).createOrganisation,
      ).toMatchObject({ name: 'Fundacja Nowa Droga', kind: 'NGO', taxId: '5250000009' });
      expect(
        (
          await pupAdmin.data(M.updateOrganisation, {
            input: { ...pupOnly(), name: '  Powiatowy Urząd Pracy w Legionowie ' },
          })
        ).updateOrganisation.name,
      ).toBe('Powiatowy Urząd Pracy w Legionowie');
      expect(
        (await pupAdmin.data(M.addOrganisationService, { input: validService() })).addOrganisationService,
      ).toMatchObject({
        name: 'Kurs komputerowy',
        capacity: 10,
      });
      expect(
        (await pupAdmin.data(M.updateOrganisationService, { input: { ...paiOnly(), active: false } }))
          .updateOrganisationService.active,
      ).toBe(false);
      expect((await pupAdmin.data(M.addMember, { input: validMember() })).addMember.user.email).toBe(
        'nowa.osoba@demo.local',
      );
      expect((await pupAdmin.data(M.changeMemberRole, { input: validRoleChange() })).changeMemberRole.role).toBe(
        'COORDINATOR',
      );
      expect((await cisAdmin.data(M.createPartnership, { input: validPartnership() })).createPartnership.name).toBe(
        'Partnerstwo lokalne Jabłonna',
      );
      expect(
        (await cisAdmin.data(M.addPartnershipMember, { input: demoPartnershipAnd(() => world.org.starostwo)() }))
          .addPartnershipMember.members,
      ).toHaveLength(11);
      expect(
        (await cisAdmin.data(M.removePartnershipMember, { input: demoPartnershipAnd(() => world.org.ops)() }))
          .removePartnershipMember.members,
      ).toHaveLength(10);
      const proposed = (await pupAdmin.data(M.propose, { input: validProposal() })).proposeDataSharingAgreement;
      expect(proposed).toMatchObject({ status: 'PROPOSED', validFrom: '2027-01-01', validUntil: '2027-12-31' });
      expect((await cisAdmin.data(M.approve, { id: proposed.id })).approveDataSharingAgreement.status).toBe('ACTIVE');
      expect(
        (await pupAdmin.data(M.terminate, { input: validTermination() })).terminateDataSharingAgreement.status,
      ).toBe('TERMINATED');
      expect(await pupAdmin.data(M.removeMember, { id: world.membershipOf('pup.caseworker@demo.local') })).toEqual({
        removeMember: true,
      });
    });
  });
});
