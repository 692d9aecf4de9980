import { Client } from 'pg';
import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';
import { connectDatabase, DemoWorld, expectError, fingerprint, loadDemoWorld, M, Q } from './support/organisations';

/**
 * Data-sharing agreements from proposal to termination: who approves, who may
 * terminate, who may know an agreement exists, and the states that refuse a
 * decision.
 */
describe('data-sharing agreements: lifecycle', () => {
  let api: TestApp;
  let db: Client;
  let world: DemoWorld;
  let platformAdmin: GraphQLClient;
  let pupAdmin: GraphQLClient;
  let cisAdmin: GraphQLClient;
  let cisCaseworker: GraphQLClient;
  let opsSocialWorker: GraphQLClient;
  let mopsCoordinator: GraphQLClient;
  /** Partner admins the demo lacks, added by the platform admin. */
  let opsAdmin: GraphQLClient;
  let starostwoAdmin: GraphQLClient;

  const terms = {
    purposes: ['REFERRAL', 'REINTEGRATION_SUPPORT', 'REFERRAL'],
    dataCategories: ['IDENTITY', 'CONTACT', 'EMPLOYMENT'],
    validFrom: '2026-03-01',
    validUntil: '2027-02-28',
    responseTimeDays: 10,
  };

  async function addAdmin(organisationId: string, email: string): Promise<GraphQLClient> {
    const initialPassword = `${email}-long-password`;
    await platformAdmin.data(M.addMember, {
      input: { organisationId, email, displayName: email, role: 'PARTNER_ADMIN', initialPassword },
    });
    return GraphQLClient.login(api.baseUrl, email, initialPassword);
  }

  beforeAll(async () => {
    api = await startTestApp();
    db = await connectDatabase(api);
    const clients = demoClients(api.baseUrl);
    [platformAdmin, pupAdmin, cisAdmin, cisCaseworker, opsSocialWorker, mopsCoordinator] = await Promise.all([
      clients.platformAdmin(),
      clients.labourOfficeAdmin(),
      clients.cisAdmin(),
      clients.cisCaseworker(),
      clients.welfareSocialWorker(),
      clients.welfareCoordinator(),
    ]);
    world = await loadDemoWorld(platformAdmin);
    opsAdmin = await addAdmin(world.org.ops, 'ops.admin@demo.local');
    starostwoAdmin = await addAdmin(world.org.starostwo, 'starostwo.admin@demo.local');
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const read = async (id: string) => (await platformAdmin.data(Q.agreement, { id })).dataSharingAgreement;
  const listedIds = async (client: GraphQLClient, status?: string) =>
    (await client.data(Q.agreements, status ? { status } : {})).dataSharingAgreements.map((a: { id: string }) => a.id);

  async function propose(client: GraphQLClient, input: Record<string, unknown>) {
    return (await client.data(M.propose, { input: { ...terms, ...input } })).proposeDataSharingAgreement;
  }

  describe('a two-party agreement', () => {
    let id: string;

    it('is proposed by a partner admin on behalf of their organisation, as PROPOSED', async () => {
      const proposed = await propose(pupAdmin, {
        title: '  Porozumienie PUP – PCIS: aneks 2026  ',
        proposedByOrganisationId: world.org.pup,
        counterpartOrganisationId: world.org.cis,
      });
      id = proposed.id;
      expect(proposed).toEqual({
        id,
        title: 'Porozumienie PUP – PCIS: aneks 2026',
        status: 'PROPOSED',
        parties: expect.arrayContaining([{ id: world.org.pup }, { id: world.org.cis }]),
        partnership: null,
        proposedBy: { id: world.org.pup },
        purposes: ['REFERRAL', 'REINTEGRATION_SUPPORT'],
        dataCategories: ['IDENTITY', 'CONTACT', 'EMPLOYMENT'],
        validFrom: '2026-03-01',
        validUntil: '2027-02-28',
        responseTimeDays: 10,
        approvedAt: null,
      });
      expect(proposed.parties).toHaveLength(2);
      // The demo already has an ACTIVE PUP–CIS agreement: a second one for the same pair is allowed.
      expect(await listedIds(pupAdmin, 'ACTIVE')).toContain(world.agreement['pup-cis']);
      expect(await listedIds(pupAdmin, 'PROPOSED')).toEqual([id]);
      expect(await listedIds(cisCaseworker, 'PROPOSED')).toEqual([id]);
    });

    it('cannot be approved by its proposer (FORBIDDEN), nor by a caseworker of the counterpart', async () => {
      const before = await fingerprint(db);
      expectError(await pupAdmin.request(M.approve, { id }), 'FORBIDDEN');
      expectError(await cisCaseworker.request(M.approve, { id }), 'FORBIDDEN');
      expect(await fingerprint(db)).toEqual(before);
      expect(await read(id)).toMatchObject({ status: 'PROPOSED', approvedAt: null, version: 1 });
    });

    it('is unknown to outsiders: NOT_FOUND by id, absent from their lists, and they cannot decide on it', async () => {
      const before = await fingerprint(db);
      for (const outsider of [opsSocialWorker, mopsCoordinator, opsAdmin, starostwoAdmin]) {
        expectError(await outsider.request(Q.agreement, { id }), 'NOT_FOUND');
        expect(await listedIds(outsider)).not.toContain(id);
      }
      for (const outsider of [opsAdmin, starostwoAdmin]) {
        expectError(await outsider.request(M.approve, { id }), 'NOT_FOUND');
        expectError(
          await outsider.request(M.terminate, { input: { agreementId: id, reason: 'Nie nasza sprawa' } }),
          'NOT_FOUND',
        );
      }
      expect(await fingerprint(db)).toEqual(before);
      expect((await read(id)).status).toBe('PROPOSED');
      // While the parties and the platform admin do see it.
      expect(await listedIds(cisAdmin)).toContain(id);
      expect(await listedIds(platformAdmin)).toContain(id);
    });

    it("becomes ACTIVE when the counterpart's partner admin approves, and cannot be approved twice", async () => {
      const { approveDataSharingAgreement } = await cisAdmin.data(M.approve, { id });
      expect(approveDataSharingAgreement).toMatchObject({ id, status: 'ACTIVE', terminatedAt: null, version: 2 });
      expect(Date.parse(approveDataSharingAgreement.approvedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(await listedIds(pupAdmin, 'ACTIVE')).toContain(id);

      const again = await cisAdmin.request(M.approve, { id });
      expectError(again, 'CONFLICT');
      expect(again.errors![0].message).toContain('ACTIVE');
      expect(again.errors![0].extensions).toMatchObject({ currentStatus: 'ACTIVE' });
      expect((await read(id)).version).toBe(2);
    });

    it('is terminated with a reason by either party; a terminated agreement refuses every decision, naming its status', async () => {
      const { terminateDataSharingAgreement } = await cisAdmin.data(M.terminate, {
        input: { agreementId: id, reason: '  Zastąpione nowym porozumieniem  ' },
      });
      expect(terminateDataSharingAgreement).toMatchObject({
        id,
        status: 'TERMINATED',
        terminationReason: 'Zastąpione nowym porozumieniem',
        version: 3,
      });
      expect(terminateDataSharingAgreement.terminatedAt).not.toBeNull();

      const before = await fingerprint(db);
      for (const [client, query, variables] of [
        [cisAdmin, M.approve, { id }],
        [pupAdmin, M.terminate, { input: { agreementId: id, reason: 'Jeszcze raz' } }],
        [cisAdmin, M.terminate, { input: { agreementId: id, reason: 'Jeszcze raz' } }],
      ] as const) {
        const result = await client.request(query, variables);
        expectError(result, 'CONFLICT');
        expect(result.errors![0].message).toBe('The agreement is TERMINATED');
        expect(result.errors![0].extensions).toMatchObject({ currentStatus: 'TERMINATED' });
      }
      expect(await fingerprint(db)).toEqual(before);
      expect(await read(id)).toMatchObject({
        status: 'TERMINATED',
        terminationReason: 'Zastąpione nowym porozumieniem',
        version: 3,
      });
      expect(await listedIds(pupAdmin, 'ACTIVE')).not.toContain(id);
      expect(await listedIds(pupAdmin, 'TERMINATED')).toEqual([id]);
    });

    it('can be withdrawn by its proposer while PROPOSED, after which the counterpart can no longer approve it', async () => {
      const proposed = await propose(pupAdmin, {
        title: 'Propozycja wycofana',
        proposedByOrganisationId: world.org.pup,
        counterpartOrganisationId: world.org.cis,
      });
      const { terminateDataSharingAgreement } = await pupAdmin.data(M.terminate, {
        input: { agreementId: proposed.id, reason: 'Błąd w zakresie danych' },
      });
      expect(terminateDataSharingAgreement.status).toBe('TERMINATED');
      const approval = await cisAdmin.request(M.approve, { id: proposed.id });
      expectError(approval, 'CONFLICT');
      expect(approval.errors![0].message).toContain('TERMINATED');
      expect((await read(proposed.id)).approvedAt).toBeNull();
    });

    it('a duplicate of a demo pair (PUP–OPS) is approved by the OPS partner admin; both stay ACTIVE', async () => {
      const proposed = await propose(pupAdmin, {
        title: 'Porozumienie PUP Legionowo – OPS Kampinos (PAI) 2026',
        proposedByOrganisationId: world.org.pup,
        counterpartOrganisationId: world.org.ops,
      });
      expect((await opsAdmin.data(M.approve, { id: proposed.id })).approveDataSharingAgreement.status).toBe('ACTIVE');
      const active = await listedIds(opsSocialWorker, 'ACTIVE');
      expect(active).toEqual(expect.arrayContaining([proposed.id, world.agreement['pup-ops']]));
    });

    it('only the two parties may terminate: a third party admin gets NOT_FOUND, a party caseworker FORBIDDEN', async () => {
      const before = await fingerprint(db);
      expectError(
        await opsAdmin.request(M.terminate, { input: { agreementId: world.agreement['pup-cis'], reason: 'Obcy' } }),
        'NOT_FOUND',
      );
      expectError(
        await cisCaseworker.request(M.terminate, {
          input: { agreementId: world.agreement['pup-cis'], reason: 'Swój' },
        }),
        'FORBIDDEN',
      );
      expect(await fingerprint(db)).toEqual(before);
      expect((await read(world.agreement['pup-cis'])).status).toBe('ACTIVE');
    });
  });

  describe('a partnership-wide agreement', () => {
    let id: string;

    it('is proposed by a member and binds every member of the partnership', async () => {
      const proposed = await propose(pupAdmin, {
        title: 'Porozumienie partnerskie 2026',
        proposedByOrganisationId: world.org.pup,
        partnershipId: world.partnershipId,
      });
      id = proposed.id;
      expect(proposed).toMatchObject({
        status: 'PROPOSED',
        partnership: { id: world.partnershipId },
        proposedBy: { id: world.org.pup },
      });
      const parties = proposed.parties.map((p: { id: string }) => p.id).sort();
      const members = Object.entries(world.org)
        .filter(([key]) => key !== 'starostwo')
        .map(([, orgId]) => orgId)
        .sort();
      expect(parties).toEqual(members);
      expect(parties).toHaveLength(10);
      expect(await listedIds(mopsCoordinator, 'PROPOSED')).toEqual([id]);
    });

    it('is unknown outside the partnership, which cannot propose one either', async () => {
      const before = await fingerprint(db);
      expectError(await starostwoAdmin.request(Q.agreement, { id }), 'NOT_FOUND');
      expect(await listedIds(starostwoAdmin)).toEqual([]);
      expectError(await starostwoAdmin.request(M.approve, { id }), 'NOT_FOUND');
      expectError(
        await starostwoAdmin.request(M.propose, {
          input: {
            ...terms,
            title: 'Z zewnątrz',
            proposedByOrganisationId: world.org.starostwo,
            partnershipId: world.partnershipId,
          },
        }),
        'NOT_FOUND',
      );
      expect(await fingerprint(db)).toEqual(before);
    });

    it('is approved by the lead (the CIS) only: the proposer and other members get FORBIDDEN', async () => {
      const before = await fingerprint(db);
      expectError(await pupAdmin.request(M.approve, { id }), 'FORBIDDEN');
      expectError(await opsAdmin.request(M.approve, { id }), 'FORBIDDEN');
      expectError(await cisCaseworker.request(M.approve, { id }), 'FORBIDDEN');
      expect(await fingerprint(db)).toEqual(before);
      expect((await read(id)).status).toBe('PROPOSED');

      const { approveDataSharingAgreement } = await cisAdmin.data(M.approve, { id });
      expect(approveDataSharingAgreement.status).toBe('ACTIVE');
      expect(await listedIds(opsSocialWorker, 'ACTIVE')).toContain(id);
    });

    it('is terminated by the lead or the proposer, not by another member', async () => {
      const before = await fingerprint(db);
      expectError(
        await opsAdmin.request(M.terminate, { input: { agreementId: id, reason: 'Wychodzimy' } }),
        'FORBIDDEN',
      );
      expect(await fingerprint(db)).toEqual(before);

      const { terminateDataSharingAgreement } = await pupAdmin.data(M.terminate, {
        input: { agreementId: id, reason: 'Koniec projektu' },
      });
      expect(terminateDataSharingAgreement).toMatchObject({
        status: 'TERMINATED',
        terminationReason: 'Koniec projektu',
      });
      const approval = await cisAdmin.request(M.approve, { id });
      expectError(approval, 'CONFLICT');
      expect(approval.errors![0].extensions).toMatchObject({ currentStatus: 'TERMINATED' });
    });
  });
});
