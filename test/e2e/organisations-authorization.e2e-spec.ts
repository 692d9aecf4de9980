import { JwtService } from '@nestjs/jwt';
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
 * Who may do what in the organisations library: signing in, partner-admin
 * boundaries (own organisation only), the roles that may change nothing, and
 * the answers for objects an actor may not know about.
 */
describe('organisations: authentication and partner-admin boundaries', () => {
  let api: TestApp;
  let db: Client;
  let world: DemoWorld;
  let platformAdmin: GraphQLClient;
  let pupAdmin: GraphQLClient;
  let pupCaseworker: GraphQLClient;
  let cisAdmin: GraphQLClient;
  let cisCaseworker: GraphQLClient;
  let mopsCoordinator: GraphQLClient;
  let auditor: GraphQLClient;

  beforeAll(async () => {
    api = await startTestApp();
    db = await connectDatabase(api);
    const clients = demoClients(api.baseUrl);
    [platformAdmin, pupAdmin, pupCaseworker, cisAdmin, cisCaseworker, mopsCoordinator, auditor] = await Promise.all([
      clients.platformAdmin(),
      clients.labourOfficeAdmin(),
      clients.labourOfficeCaseworker(),
      clients.cisAdmin(),
      clients.cisCaseworker(),
      clients.welfareCoordinator(),
      clients.auditor(),
    ]);
    world = await loadDemoWorld(platformAdmin);
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const organisation = async (id: string) => (await platformAdmin.data(Q.organisation, { id })).organisation;
  const agreement = async (id: string) => (await platformAdmin.data(Q.agreement, { id })).dataSharingAgreement;

  /** Every operation of the library with well-formed variables, to show that only the actor is wrong. */
  function everyOperation(): [string, string, Record<string, unknown>][] {
    const { org } = world;
    return [
      ['me', Q.me, {}],
      ['organisations', Q.organisations, {}],
      ['organisation', Q.organisation, { id: org.pup }],
      ['partnerships', Q.partnerships, {}],
      ['partnership', Q.partnership, { id: world.partnershipId }],
      ['dataSharingAgreements', Q.agreements, {}],
      ['dataSharingAgreement', Q.agreement, { id: world.agreement['pup-cis'] }],
      ['createOrganisation', M.createOrganisation, { input: { kind: 'NGO', name: 'Stowarzyszenie Anonim' } }],
      ['updateOrganisation', M.updateOrganisation, { input: { id: org.pup, phone: '+48 22 000 00 00' } }],
      ['addOrganisationService', M.addOrganisationService, { input: { organisationId: org.pup, name: 'Kurs' } }],
      ['updateOrganisationService', M.updateOrganisationService, { input: { id: UNKNOWN_ID, capacity: 3 } }],
      [
        'addMember',
        M.addMember,
        {
          input: {
            organisationId: org.pup,
            email: 'anon@example.org',
            displayName: 'Anon',
            role: 'CASEWORKER',
            initialPassword: 'correct horse battery',
          },
        },
      ],
      [
        'changeMemberRole',
        M.changeMemberRole,
        { input: { membershipId: world.membershipOf('pup.caseworker@demo.local'), role: 'COORDINATOR' } },
      ],
      ['removeMember', M.removeMember, { id: world.membershipOf('pup.caseworker@demo.local') }],
      ['createPartnership', M.createPartnership, { input: { name: 'Anonim', leadOrganisationId: org.pup } }],
      [
        'addPartnershipMember',
        M.addPartnershipMember,
        { input: { partnershipId: world.partnershipId, organisationId: org.starostwo } },
      ],
      [
        'removePartnershipMember',
        M.removePartnershipMember,
        { input: { partnershipId: world.partnershipId, organisationId: org.ops } },
      ],
      [
        'proposeDataSharingAgreement',
        M.propose,
        {
          input: {
            title: 'Anonim',
            proposedByOrganisationId: org.pup,
            counterpartOrganisationId: org.cis,
            purposes: ['REFERRAL'],
            dataCategories: ['IDENTITY'],
            validFrom: '2026-01-01',
            responseTimeDays: 14,
          },
        },
      ],
      ['approveDataSharingAgreement', M.approve, { id: world.agreement['pup-cis'] }],
      [
        'terminateDataSharingAgreement',
        M.terminate,
        { input: { agreementId: world.agreement['pup-cis'], reason: 'Nobody signed in' } },
      ],
    ];
  }

  describe('authentication', () => {
    const tokens = () => new JwtService({});
    const secret = () => api.config.auth.jwtSecret;
    const ISSUER = 'partnership-platform';
    const now = () => Math.floor(Date.now() / 1000);
    let pupAdminUserId: string;

    beforeAll(async () => {
      pupAdminUserId = (await pupAdmin.data(Q.me)).me.user.id;
    });

    it('answers every operation of the library without a token as UNAUTHENTICATED, and writes nothing', async () => {
      const anonymous = GraphQLClient.anonymous(api.baseUrl);
      const before = await fingerprint(db);
      const operations = everyOperation();
      expect(operations).toHaveLength(20);
      for (const [name, query, variables] of operations) {
        const result = await anonymous.request(query, variables);
        expect({ name, code: result.errors?.[0]?.extensions?.code }).toEqual({ name, code: 'UNAUTHENTICATED' });
        expectError(result, 'UNAUTHENTICATED');
      }
      expect(await fingerprint(db)).toEqual(before);
    });

    it('refuses garbage and malformed Authorization headers as UNAUTHENTICATED on queries and mutations', async () => {
      const before = await fingerprint(db);
      const headers = [
        'Bearer not-a-token',
        'Bearer a.b.c',
        'Bearer ',
        'Bearer',
        'Basic cHVwLmFkbWluQGRlbW8ubG9jYWw6ZGVtbw==',
        'bearer',
        `Token ${tokens().sign({ sub: pupAdminUserId, typ: 'access' }, { secret: secret(), issuer: ISSUER })}`,
      ];
      const anonymous = GraphQLClient.anonymous(api.baseUrl);
      for (const authorization of headers) {
        for (const [query, variables] of [
          [Q.me, {}],
          [M.updateOrganisation, { input: { id: world.org.pup, phone: '+48 1 111 11 11' } }],
        ] as const) {
          const result = await anonymous.request(query, variables, { authorization });
          expect({ authorization, code: result.errors?.[0]?.extensions?.code }).toEqual({
            authorization,
            code: 'UNAUTHENTICATED',
          });
          expectError(result, 'UNAUTHENTICATED');
        }
      }
      expect(await fingerprint(db)).toEqual(before);
    });

    it('accepts a well-formed token it signed, and refuses the same token once expired', async () => {
      const valid = tokens().sign(
        { sub: pupAdminUserId, typ: 'access' },
        { secret: secret(), issuer: ISSUER, algorithm: 'HS256', expiresIn: 300 },
      );
      const fresh = await new GraphQLClient(api.baseUrl, valid).data(Q.me);
      expect(fresh.me.user.email).toBe('pup.admin@demo.local');

      const expired = tokens().sign(
        { sub: pupAdminUserId, typ: 'access', iat: now() - 7200, exp: now() - 10 },
        { secret: secret(), issuer: ISSUER, algorithm: 'HS256' },
      );
      const client = new GraphQLClient(api.baseUrl, expired);
      expectError(await client.request(Q.me), 'UNAUTHENTICATED');
      const before = await organisation(world.org.pup);
      expectError(
        await client.request(M.updateOrganisation, { input: { id: world.org.pup, phone: '+48 9 999 99 99' } }),
        'UNAUTHENTICATED',
      );
      expect(await organisation(world.org.pup)).toEqual(before);
    });

    it('refuses tokens signed with another secret, for another issuer, of another type, unsigned, or for nobody', async () => {
      const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const forged: Record<string, string> = {
        'another secret': tokens().sign(
          { sub: pupAdminUserId, typ: 'access' },
          { secret: 'another-secret-another-secret-another-secret', issuer: ISSUER, expiresIn: 300 },
        ),
        'another issuer': tokens().sign(
          { sub: pupAdminUserId, typ: 'access' },
          { secret: secret(), issuer: 'somebody-else', expiresIn: 300 },
        ),
        'no issuer': tokens().sign({ sub: pupAdminUserId, typ: 'access' }, { secret: secret(), expiresIn: 300 }),
        'a refresh token': tokens().sign(
          { sub: pupAdminUserId, typ: 'refresh' },
          { secret: secret(), issuer: ISSUER, expiresIn: 300 },
        ),
        'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
          sub: pupAdminUserId,
          typ: 'access',
          iss: ISSUER,
          exp: now() + 300,
        })}.`,
        'an unknown user': tokens().sign(
          { sub: UNKNOWN_ID, typ: 'access' },
          { secret: secret(), issuer: ISSUER, expiresIn: 300 },
        ),
        'a non-uuid subject': tokens().sign(
          { sub: "x' OR 1=1 --", typ: 'access' },
          { secret: secret(), issuer: ISSUER, expiresIn: 300 },
        ),
      };
      for (const [label, token] of Object.entries(forged)) {
        const result = await new GraphQLClient(api.baseUrl, token).request(Q.me);
        expect({ label, code: result.errors?.[0]?.extensions?.code }).toEqual({ label, code: 'UNAUTHENTICATED' });
        expectError(result, 'UNAUTHENTICATED');
      }
    });
  });

  describe('the directory: organisations and their services', () => {
    it('lets the PUP partner admin edit the PUP, and refuses the CIS with FORBIDDEN, leaving it unchanged', async () => {
      const { updateOrganisation } = await pupAdmin.data(M.updateOrganisation, {
        input: { id: world.org.pup, phone: '+48 22 784 00 00', email: 'Sekretariat@PUP.Legionowo.pl' },
      });
      expect(updateOrganisation).toMatchObject({
        id: world.org.pup,
        phone: '+48 22 784 00 00',
        email: 'sekretariat@pup.legionowo.pl',
      });
      expect(await organisation(world.org.pup)).toMatchObject({
        phone: '+48 22 784 00 00',
        email: 'sekretariat@pup.legionowo.pl',
      });

      const cisBefore = await organisation(world.org.cis);
      expectError(
        await pupAdmin.request(M.updateOrganisation, { input: { id: world.org.cis, name: 'Przejęte przez PUP' } }),
        'FORBIDDEN',
      );
      expect(await organisation(world.org.cis)).toEqual(cisBefore);
      expect(cisBefore.name).toBe('Powiatowe Centrum Integracji Społecznej w Legionowie');
    });

    it('refuses caseworkers, coordinators and auditors editing even their own organisation', async () => {
      const before = await fingerprint(db);
      for (const [client, id] of [
        [pupCaseworker, world.org.pup],
        [auditor, world.org.pup],
        [cisCaseworker, world.org.cis],
        [mopsCoordinator, world.org.mops],
      ] as const) {
        expectError(
          await client.request(M.updateOrganisation, { input: { id, phone: '+48 500 000 000' } }),
          'FORBIDDEN',
        );
      }
      expect(await fingerprint(db)).toEqual(before);
    });

    it('lets the CIS partner admin add a service to the CIS but not to the PUP', async () => {
      const { addOrganisationService } = await cisAdmin.data(M.addOrganisationService, {
        input: { organisationId: world.org.cis, name: 'Warsztat krawiecki', capacity: 8 },
      });
      expect(addOrganisationService).toMatchObject({
        organisationId: world.org.cis,
        name: 'Warsztat krawiecki',
        capacity: 8,
        active: true,
      });
      const cis = await organisation(world.org.cis);
      expect(cis.services.map((s: { name: string }) => s.name)).toContain('Warsztat krawiecki');
      expect(cis.services).toHaveLength(5);

      const pupBefore = await organisation(world.org.pup);
      expectError(
        await cisAdmin.request(M.addOrganisationService, {
          input: { organisationId: world.org.pup, name: 'Warsztat krawiecki', capacity: 8 },
        }),
        'FORBIDDEN',
      );
      expect(await organisation(world.org.pup)).toEqual(pupBefore);
      expect(pupBefore.services.map((s: { name: string }) => s.name)).toEqual(['Program Aktywizacja i Integracja']);
    });

    it("refuses another organisation's service updates and any service change by non-admins", async () => {
      const pup = await organisation(world.org.pup);
      const pai = pup.services[0];
      expectError(
        await cisAdmin.request(M.updateOrganisationService, { input: { id: pai.id, capacity: 0, active: false } }),
        'FORBIDDEN',
      );
      expectError(
        await pupCaseworker.request(M.updateOrganisationService, { input: { id: pai.id, capacity: 0 } }),
        'FORBIDDEN',
      );
      expectError(
        await cisCaseworker.request(M.addOrganisationService, {
          input: { organisationId: world.org.cis, name: 'Kurs' },
        }),
        'FORBIDDEN',
      );
      expect(await organisation(world.org.pup)).toEqual(pup);

      const { updateOrganisationService } = await pupAdmin.data(M.updateOrganisationService, {
        input: { id: pai.id, capacity: 12 },
      });
      expect(updateOrganisationService).toMatchObject({ id: pai.id, capacity: 12, name: pai.name, active: true });
    });

    it('lets only the platform admin create an organisation', async () => {
      const input = { kind: 'EMPLOYER', name: 'Hurtownia Legionowo (test)', taxId: '5360000001' };
      const before = await fingerprint(db);
      for (const client of [pupAdmin, cisAdmin, pupCaseworker, mopsCoordinator, auditor]) {
        expectError(await client.request(M.createOrganisation, { input }), 'FORBIDDEN');
      }
      expect(await fingerprint(db)).toEqual(before);

      const { createOrganisation } = await platformAdmin.data(M.createOrganisation, {
        input: { ...input, parentOrganisationId: world.org.starostwo },
      });
      expect(createOrganisation).toMatchObject({
        kind: 'EMPLOYER',
        name: 'Hurtownia Legionowo (test)',
        taxId: '5360000001',
        parentOrganisationId: world.org.starostwo,
      });
      const { organisations } = await pupCaseworker.data(Q.organisations, { kind: 'EMPLOYER' });
      expect(organisations.map((o: { name: string }) => o.name)).toContain('Hurtownia Legionowo (test)');
    });
  });

  describe('people: members and roles', () => {
    const newMember = {
      email: 'Marek.Nowy@Demo.Local',
      displayName: '  Marek Nowy  ',
      role: 'CASEWORKER',
      initialPassword: 'bardzo-dlugie-haslo',
    };

    it('shows members of your own organisations only: other organisations read as null', async () => {
      const { organisations } = await pupCaseworker.data(Q.organisations);
      const withMembers = organisations.filter((o: { members: unknown }) => o.members !== null);
      expect(withMembers.map((o: { id: string }) => o.id)).toEqual([world.org.pup]);
      expect(withMembers[0].members.map((m: { user: { email: string } }) => m.user.email).sort()).toEqual([
        'auditor@demo.local',
        'pup.admin@demo.local',
        'pup.caseworker@demo.local',
      ]);
      expect(organisations.length).toBeGreaterThanOrEqual(11);

      const cis = await pupAdmin.data(Q.organisation, { id: world.org.cis });
      expect(cis.organisation.name).toBe('Powiatowe Centrum Integracji Społecznej w Legionowie');
      expect(cis.organisation.members).toBeNull();

      const ownByCis = await cisCaseworker.data(Q.organisation, { id: world.org.cis });
      expect(ownByCis.organisation.members.map((m: { user: { email: string } }) => m.user.email).sort()).toEqual([
        'cis.admin@demo.local',
        'cis.caseworker@demo.local',
      ]);

      const all = await platformAdmin.data(Q.organisations);
      expect(all.organisations.every((o: { members: unknown }) => Array.isArray(o.members))).toBe(true);
    });

    it('lets the PUP partner admin add a member to the PUP, who can then sign in', async () => {
      const { addMember } = await pupAdmin.data(M.addMember, {
        input: { organisationId: world.org.pup, ...newMember },
      });
      expect(addMember).toMatchObject({
        role: 'CASEWORKER',
        organisationId: world.org.pup,
        user: { email: 'marek.nowy@demo.local', displayName: 'Marek Nowy', language: 'pl' },
      });
      const signedIn = await GraphQLClient.login(api.baseUrl, 'marek.nowy@demo.local', newMember.initialPassword);
      const { me } = await signedIn.data(Q.me);
      expect(me.memberships).toEqual([{ id: addMember.id, role: 'CASEWORKER', organisationId: world.org.pup }]);
    });

    it('refuses adding members to another organisation, and refuses non-admins, writing nothing', async () => {
      const before = await fingerprint(db);
      const input = { ...newMember, email: 'obcy@demo.local' };
      expectError(
        await pupAdmin.request(M.addMember, { input: { ...input, organisationId: world.org.cis } }),
        'FORBIDDEN',
      );
      expectError(
        await cisAdmin.request(M.addMember, { input: { ...input, organisationId: world.org.pup } }),
        'FORBIDDEN',
      );
      for (const client of [pupCaseworker, auditor]) {
        expectError(
          await client.request(M.addMember, { input: { ...input, organisationId: world.org.pup } }),
          'FORBIDDEN',
        );
      }
      expectError(
        await mopsCoordinator.request(M.addMember, { input: { ...input, organisationId: world.org.mops } }),
        'FORBIDDEN',
      );
      expect(await fingerprint(db)).toEqual(before);
      expect((await organisation(world.org.cis)).members).toHaveLength(2);
    });

    it('never lets a partner admin grant PLATFORM_ADMIN, by adding or by promoting', async () => {
      const before = await fingerprint(db);
      expectError(
        await pupAdmin.request(M.addMember, {
          input: { ...newMember, email: 'wladca@demo.local', organisationId: world.org.pup, role: 'PLATFORM_ADMIN' },
        }),
        'FORBIDDEN',
      );
      expectError(
        await pupAdmin.request(M.addMember, {
          input: { ...newMember, email: 'cis.admin@demo.local', organisationId: world.org.pup, role: 'PLATFORM_ADMIN' },
        }),
        'FORBIDDEN',
      );
      expectError(
        await pupAdmin.request(M.changeMemberRole, {
          input: { membershipId: world.membershipOf('pup.caseworker@demo.local'), role: 'PLATFORM_ADMIN' },
        }),
        'FORBIDDEN',
      );
      expectError(
        await pupAdmin.request(M.changeMemberRole, {
          input: { membershipId: world.membershipOf('pup.admin@demo.local'), role: 'PLATFORM_ADMIN' },
        }),
        'FORBIDDEN',
      );
      expect(await fingerprint(db)).toEqual(before);
      const { me } = await pupCaseworker.data(Q.me);
      expect(me.memberships.map((m: { role: string }) => m.role)).toEqual(['CASEWORKER']);
    });

    it("changes roles within your own organisation only: another organisation's membership is NOT_FOUND", async () => {
      const membershipId = world.membershipOf('pup.caseworker@demo.local');
      const { changeMemberRole } = await pupAdmin.data(M.changeMemberRole, {
        input: { membershipId, role: 'COORDINATOR' },
      });
      expect(changeMemberRole).toEqual({
        id: membershipId,
        role: 'COORDINATOR',
        organisationId: world.org.pup,
        user: { email: 'pup.caseworker@demo.local' },
      });
      expect((await pupCaseworker.data(Q.me)).me.memberships[0].role).toBe('COORDINATOR');
      await pupAdmin.data(M.changeMemberRole, { input: { membershipId, role: 'CASEWORKER' } });

      const before = await fingerprint(db);
      expectError(
        await pupAdmin.request(M.changeMemberRole, {
          input: { membershipId: world.membershipOf('cis.caseworker@demo.local'), role: 'PARTNER_ADMIN' },
        }),
        'NOT_FOUND',
      );
      expectError(
        await cisAdmin.request(M.changeMemberRole, {
          input: { membershipId: world.membershipOf('pup.caseworker@demo.local'), role: 'AUDITOR' },
        }),
        'NOT_FOUND',
      );
      // The same answer as for a membership that does not exist at all.
      expectError(
        await pupAdmin.request(M.changeMemberRole, { input: { membershipId: UNKNOWN_ID, role: 'AUDITOR' } }),
        'NOT_FOUND',
      );
      expectError(
        await pupCaseworker.request(M.changeMemberRole, {
          input: { membershipId: world.membershipOf('pup.caseworker@demo.local'), role: 'PARTNER_ADMIN' },
        }),
        'FORBIDDEN',
      );
      expect(await fingerprint(db)).toEqual(before);
      expect((await cisCaseworker.data(Q.me)).me.memberships[0].role).toBe('CASEWORKER');
    });

    it("removes members of your own organisation only: another organisation's membership is NOT_FOUND", async () => {
      const before = await fingerprint(db);
      expectError(
        await pupAdmin.request(M.removeMember, { id: world.membershipOf('cis.caseworker@demo.local') }),
        'NOT_FOUND',
      );
      expectError(
        await cisAdmin.request(M.removeMember, { id: world.membershipOf('auditor@demo.local') }),
        'NOT_FOUND',
      );
      expectError(
        await pupCaseworker.request(M.removeMember, { id: world.membershipOf('auditor@demo.local') }),
        'FORBIDDEN',
      );
      expectError(
        await auditor.request(M.removeMember, { id: world.membershipOf('pup.caseworker@demo.local') }),
        'FORBIDDEN',
      );
      expect(await fingerprint(db)).toEqual(before);

      const marek = (await organisation(world.org.pup)).members.find(
        (m: { user: { email: string } }) => m.user.email === 'marek.nowy@demo.local',
      );
      expect(await pupAdmin.data(M.removeMember, { id: marek.id })).toEqual({ removeMember: true });
      const members = (await organisation(world.org.pup)).members.map((m: { user: { email: string } }) => m.user.email);
      expect(members).not.toContain('marek.nowy@demo.local');
      expectError(await pupAdmin.request(M.removeMember, { id: marek.id }), 'NOT_FOUND');
    });

    it('never lets the last partner admin go, by removal or demotion (CONFLICT), but allows it once another exists', async () => {
      const own = world.membershipOf('pup.admin@demo.local');
      const before = await fingerprint(db);
      const removal = await pupAdmin.request(M.removeMember, { id: own });
      expectError(removal, 'CONFLICT');
      expect(removal.errors![0].message).toMatch(/at least one partner admin/);
      expectError(
        await pupAdmin.request(M.changeMemberRole, { input: { membershipId: own, role: 'CASEWORKER' } }),
        'CONFLICT',
      );
      expectError(
        await cisAdmin.request(M.changeMemberRole, {
          input: { membershipId: world.membershipOf('cis.admin@demo.local'), role: 'AUDITOR' },
        }),
        'CONFLICT',
      );
      expect(await fingerprint(db)).toEqual(before);
      expect((await pupAdmin.data(Q.me)).me.memberships[0].role).toBe('PARTNER_ADMIN');

      const { addMember: second } = await pupAdmin.data(M.addMember, {
        input: {
          organisationId: world.org.pup,
          email: 'pup.admin2@demo.local',
          displayName: 'Druga Administratorka',
          role: 'PARTNER_ADMIN',
          initialPassword: 'bardzo-dlugie-haslo-2',
        },
      });
      const { changeMemberRole } = await pupAdmin.data(M.changeMemberRole, {
        input: { membershipId: second.id, role: 'AUDITOR' },
      });
      expect(changeMemberRole.role).toBe('AUDITOR');
      // Back to one admin: the rule applies again.
      expectError(await pupAdmin.request(M.removeMember, { id: own }), 'CONFLICT');
    });

    it('does not let a partner admin remove the platform admin from their organisation', async () => {
      const platformMembership = world.membershipOf('admin@demo.local');
      await platformAdmin.data(M.addMember, {
        input: {
          organisationId: world.org.starostwo,
          email: 'starostwo.admin@demo.local',
          displayName: 'Administrator Starostwa',
          role: 'PARTNER_ADMIN',
          initialPassword: 'bardzo-dlugie-haslo-3',
        },
      });
      const starostwoAdmin = await GraphQLClient.login(
        api.baseUrl,
        'starostwo.admin@demo.local',
        'bardzo-dlugie-haslo-3',
      );
      const before = await fingerprint(db);
      expectError(await starostwoAdmin.request(M.removeMember, { id: platformMembership }), 'FORBIDDEN');
      expectError(
        await starostwoAdmin.request(M.changeMemberRole, {
          input: { membershipId: platformMembership, role: 'CASEWORKER' },
        }),
        'FORBIDDEN',
      );
      expect(await fingerprint(db)).toEqual(before);
      const { me } = await platformAdmin.data(Q.me);
      expect(me.memberships).toEqual([
        { id: platformMembership, role: 'PLATFORM_ADMIN', organisationId: world.org.starostwo },
      ]);
    });
  });

  describe('agreements: only partner admins of a party change them', () => {
    const status = async (key: string) => (await agreement(world.agreement[key])).status;

    it("a PUP caseworker cannot change another organisation's agreement", async () => {
      const before = await fingerprint(db);
      // MOPS–KIS: the PUP is no party. The refusal is the same as for an agreement that does not exist.
      for (const id of [world.agreement['mops-kis'], world.agreement['ops-cis'], UNKNOWN_ID]) {
        expectError(
          await pupCaseworker.request(M.terminate, { input: { agreementId: id, reason: 'Koniec współpracy' } }),
          'FORBIDDEN',
        );
        expectError(await pupCaseworker.request(M.approve, { id }), 'FORBIDDEN');
      }
      expect(await fingerprint(db)).toEqual(before);
      expect(await status('mops-kis')).toBe('ACTIVE');
      expect(await status('ops-cis')).toBe('ACTIVE');
    });

    it("a PUP caseworker, auditor or CIS caseworker cannot change even their own organisation's agreement", async () => {
      const before = await fingerprint(db);
      for (const client of [pupCaseworker, auditor, cisCaseworker]) {
        expectError(
          await client.request(M.terminate, { input: { agreementId: world.agreement['pup-cis'], reason: 'Koniec' } }),
          'FORBIDDEN',
        );
        expectError(await client.request(M.approve, { id: world.agreement['pup-cis'] }), 'FORBIDDEN');
        expectError(
          await client.request(M.propose, {
            input: {
              title: 'Nowe porozumienie',
              proposedByOrganisationId: world.org.pup,
              counterpartOrganisationId: world.org.cis,
              purposes: ['REFERRAL'],
              dataCategories: ['IDENTITY'],
              validFrom: '2026-01-01',
              responseTimeDays: 14,
            },
          }),
          'FORBIDDEN',
        );
      }
      expect(await fingerprint(db)).toEqual(before);
      expect(await status('pup-cis')).toBe('ACTIVE');
    });

    it('a PUP partner admin gets NOT_FOUND for agreements the PUP is no party to, and cannot propose for the CIS', async () => {
      const before = await fingerprint(db);
      expectError(
        await pupAdmin.request(M.terminate, { input: { agreementId: world.agreement['mops-kis'], reason: 'Koniec' } }),
        'NOT_FOUND',
      );
      expectError(await pupAdmin.request(M.approve, { id: world.agreement['ops-cis'] }), 'NOT_FOUND');
      expectError(await pupAdmin.request(Q.agreement, { id: world.agreement['mops-kis'] }), 'NOT_FOUND');
      expectError(
        await pupAdmin.request(M.propose, {
          input: {
            title: 'Porozumienie w imieniu CIS',
            proposedByOrganisationId: world.org.cis,
            counterpartOrganisationId: world.org.mops,
            purposes: ['REFERRAL'],
            dataCategories: ['IDENTITY'],
            validFrom: '2026-01-01',
            responseTimeDays: 14,
          },
        }),
        'FORBIDDEN',
      );
      expect(await fingerprint(db)).toEqual(before);
      expect(await status('mops-kis')).toBe('ACTIVE');
      expect(await status('ops-cis')).toBe('ACTIVE');
    });
  });
});
