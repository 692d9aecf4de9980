import { Client } from 'pg';
import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';
import { connectDatabase, DemoWorld, expectError, fingerprint, loadDemoWorld, M, Q } from './support/organisations';

/**
 * Partnerships: visible to their members only, created with your own
 * organisation as the lead, and managed by the lead's partner admins.
 */
describe('partnerships', () => {
  let api: TestApp;
  let db: Client;
  let world: DemoWorld;
  let platformAdmin: GraphQLClient;
  let pupAdmin: GraphQLClient;
  let pupCaseworker: GraphQLClient;
  let cisAdmin: GraphQLClient;
  let cisCaseworker: GraphQLClient;
  let opsSocialWorker: GraphQLClient;
  let mopsCoordinator: GraphQLClient;

  beforeAll(async () => {
    api = await startTestApp();
    db = await connectDatabase(api);
    const clients = demoClients(api.baseUrl);
    [platformAdmin, pupAdmin, pupCaseworker, cisAdmin, cisCaseworker, opsSocialWorker, mopsCoordinator] =
      await Promise.all([
        clients.platformAdmin(),
        clients.labourOfficeAdmin(),
        clients.labourOfficeCaseworker(),
        clients.cisAdmin(),
        clients.cisCaseworker(),
        clients.welfareSocialWorker(),
        clients.welfareCoordinator(),
      ]);
    world = await loadDemoWorld(platformAdmin);
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const memberIds = async (id: string) =>
    (await platformAdmin.data(Q.partnership, { id })).partnership.members.map((m: { id: string }) => m.id).sort();
  const listedIds = async (client: GraphQLClient) =>
    (await client.data(Q.partnerships)).partnerships.map((p: { id: string }) => p.id);

  describe('creating', () => {
    let pai: string;

    it('a partner admin creates one led by their own organisation, with founding members', async () => {
      const { createPartnership } = await pupAdmin.data(M.createPartnership, {
        input: {
          name: '  Program Aktywizacja i Integracja 2026  ',
          description: 'PUP z ośrodkami pomocy społecznej',
          leadOrganisationId: world.org.pup,
          memberOrganisationIds: [world.org.ops, world.org.mops, world.org.ops, world.org.pup],
        },
      });
      pai = createPartnership.id;
      expect(createPartnership).toMatchObject({
        name: 'Program Aktywizacja i Integracja 2026',
        description: 'PUP z ośrodkami pomocy społecznej',
        leadOrganisation: { id: world.org.pup },
      });
      expect(createPartnership.members.map((m: { id: string }) => m.id).sort()).toEqual(
        [world.org.pup, world.org.ops, world.org.mops].sort(),
      );
      for (const member of [pupCaseworker, opsSocialWorker, mopsCoordinator]) {
        expect(await listedIds(member)).toEqual(expect.arrayContaining([pai, world.partnershipId]));
      }
    });

    it('is unknown to non-members: NOT_FOUND by id, absent from lists, and they cannot add or remove members', async () => {
      const before = await fingerprint(db);
      for (const outsider of [cisAdmin, cisCaseworker]) {
        expectError(await outsider.request(Q.partnership, { id: pai }), 'NOT_FOUND');
        expect(await listedIds(outsider)).toEqual([world.partnershipId]);
      }
      expectError(
        await cisAdmin.request(M.addPartnershipMember, {
          input: { partnershipId: pai, organisationId: world.org.cis },
        }),
        'NOT_FOUND',
      );
      expectError(
        await cisAdmin.request(M.removePartnershipMember, {
          input: { partnershipId: pai, organisationId: world.org.ops },
        }),
        'NOT_FOUND',
      );
      expect(await fingerprint(db)).toEqual(before);
      expect(await memberIds(pai)).toEqual([world.org.pup, world.org.ops, world.org.mops].sort());
    });

    it("refuses a lead that is not the admin's own organisation, and refuses non-admins, writing nothing", async () => {
      const before = await fingerprint(db);
      const input = { name: 'Partnerstwo cudzym kosztem', leadOrganisationId: world.org.cis };
      expectError(await pupAdmin.request(M.createPartnership, { input }), 'FORBIDDEN');
      expectError(
        await pupAdmin.request(M.createPartnership, {
          input: { ...input, leadOrganisationId: world.org.kis, memberOrganisationIds: [world.org.pup] },
        }),
        'FORBIDDEN',
      );
      for (const client of [pupCaseworker, cisCaseworker, mopsCoordinator]) {
        expectError(
          await client.request(M.createPartnership, { input: { ...input, leadOrganisationId: world.org.pup } }),
          'FORBIDDEN',
        );
      }
      expect(await fingerprint(db)).toEqual(before);
      expect(await listedIds(platformAdmin)).toHaveLength(2);
    });
  });

  describe('managing members of the demo partnership (led by the CIS)', () => {
    it('refuses members that are not the lead: a PUP partner admin gets FORBIDDEN, caseworkers too', async () => {
      const before = await fingerprint(db);
      const add = { input: { partnershipId: world.partnershipId, organisationId: world.org.starostwo } };
      const remove = { input: { partnershipId: world.partnershipId, organisationId: world.org.ops } };
      for (const client of [pupAdmin, pupCaseworker, cisCaseworker, opsSocialWorker]) {
        expectError(await client.request(M.addPartnershipMember, add), 'FORBIDDEN');
        expectError(await client.request(M.removePartnershipMember, remove), 'FORBIDDEN');
      }
      expect(await fingerprint(db)).toEqual(before);
      expect(await memberIds(world.partnershipId)).toHaveLength(10);
      expect(await memberIds(world.partnershipId)).not.toContain(world.org.starostwo);
    });

    it("the lead's partner admin adds a member; adding it again is a CONFLICT", async () => {
      const { addPartnershipMember } = await cisAdmin.data(M.addPartnershipMember, {
        input: { partnershipId: world.partnershipId, organisationId: world.org.starostwo },
      });
      expect(addPartnershipMember.members).toHaveLength(11);
      expect(await memberIds(world.partnershipId)).toContain(world.org.starostwo);

      const before = await fingerprint(db);
      expectError(
        await cisAdmin.request(M.addPartnershipMember, {
          input: { partnershipId: world.partnershipId, organisationId: world.org.starostwo },
        }),
        'CONFLICT',
      );
      expect(await fingerprint(db)).toEqual(before);
    });

    it("the lead's partner admin removes a member, who no longer sees the partnership; removing it again is NOT_FOUND", async () => {
      expect(await listedIds(opsSocialWorker)).toContain(world.partnershipId);
      const { removePartnershipMember } = await cisAdmin.data(M.removePartnershipMember, {
        input: { partnershipId: world.partnershipId, organisationId: world.org.ops },
      });
      expect(removePartnershipMember.members.map((m: { id: string }) => m.id)).not.toContain(world.org.ops);
      expect(await listedIds(opsSocialWorker)).not.toContain(world.partnershipId);
      expectError(await opsSocialWorker.request(Q.partnership, { id: world.partnershipId }), 'NOT_FOUND');

      const before = await fingerprint(db);
      expectError(
        await cisAdmin.request(M.removePartnershipMember, {
          input: { partnershipId: world.partnershipId, organisationId: world.org.ops },
        }),
        'NOT_FOUND',
      );
      expect(await fingerprint(db)).toEqual(before);

      await cisAdmin.data(M.addPartnershipMember, {
        input: { partnershipId: world.partnershipId, organisationId: world.org.ops },
      });
      expect((await opsSocialWorker.data(Q.partnership, { id: world.partnershipId })).partnership.name).toBe(
        'Partnerstwo przeciw wykluczeniu społecznemu',
      );
    });

    it('the lead cannot be removed from its own partnership (CONFLICT)', async () => {
      const before = await fingerprint(db);
      const result = await cisAdmin.request(M.removePartnershipMember, {
        input: { partnershipId: world.partnershipId, organisationId: world.org.cis },
      });
      expectError(result, 'CONFLICT');
      expect(result.errors![0].message).toMatch(/lead organisation/);
      expect(await fingerprint(db)).toEqual(before);
      const { partnership } = await cisCaseworker.data(Q.partnership, { id: world.partnershipId });
      expect(partnership.leadOrganisation).toEqual({ id: world.org.cis });
      expect(partnership.members.map((m: { id: string }) => m.id)).toContain(world.org.cis);
    });

    it('the platform admin sees and manages every partnership', async () => {
      const { rows } = await db.query<{ id: string }>('SELECT id FROM partnerships ORDER BY id');
      expect(rows).toHaveLength(2);
      expect((await listedIds(platformAdmin)).sort()).toEqual(rows.map((r) => r.id));
      expect(await listedIds(cisAdmin)).toEqual([world.partnershipId]);
      const { removePartnershipMember } = await platformAdmin.data(M.removePartnershipMember, {
        input: { partnershipId: world.partnershipId, organisationId: world.org.starostwo },
      });
      expect(removePartnershipMember.members).toHaveLength(10);
    });
  });
});
