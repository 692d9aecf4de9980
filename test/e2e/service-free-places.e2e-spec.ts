import { GraphQLClient, startTestApp, TestApp } from '@app/testing';
import {
  CIS,
  createParticipant,
  createReferral,
  Directory,
  grantConsent,
  JOB_COACH,
  loadDirectory,
  RM,
  signIn,
} from './support/referrals';

const PLACES = `query($id: ID!) { organisation(id: $id) { services { id name capacity freePlaces } } }`;

/** `OrganisationService.freePlaces`: what the capacity rule of acceptReferral leaves, as the directory shows it. */
describe('OrganisationService.freePlaces', () => {
  let api: TestApp;
  let pup: GraphQLClient;
  let cis: GraphQLClient;
  let cisAdmin: GraphQLClient;
  let dir: Directory;
  let serviceId: string;

  beforeAll(async () => {
    api = await startTestApp();
    ({ pup, cis, cisAdmin } = await signIn(api));
    dir = await loadDirectory(pup);
    const { addOrganisationService } = await cisAdmin.data(
      `mutation($input: AddOrganisationServiceInput!) { addOrganisationService(input: $input) { id } }`,
      { input: { organisationId: dir.org[CIS], name: 'Warsztat ogrodniczy', capacity: 2 } },
    );
    serviceId = addOrganisationService.id;
  });
  afterAll(() => api?.close());

  const places = async () => {
    const { organisation } = await pup.data(PLACES, { id: dir.org[CIS] });
    return organisation.services as { id: string; name: string; capacity: number | null; freePlaces: number | null }[];
  };
  const free = async () => (await places()).find((s) => s.id === serviceId)!.freePlaces;

  async function referral(): Promise<string> {
    const participantId = await createParticipant(pup);
    await grantConsent(pup, participantId, dir.org[CIS]);
    return (await createReferral(pup, participantId, dir.org[CIS], { toServiceId: serviceId })).id as string;
  }

  it('counts the places held by accepted and in-progress referrals, and frees them when they close', async () => {
    expect(await free()).toBe(2);
    const first = await referral();
    expect(await free()).toBe(2); // sent: no place held yet
    await cis.data(RM.accept, { input: { referralId: first } });
    expect(await free()).toBe(1);
    await cis.data(RM.start, { input: { referralId: first } });
    expect(await free()).toBe(1);
    const second = await referral();
    await cis.data(RM.accept, { input: { referralId: second } });
    expect(await free()).toBe(0);
    // Full: the caseworker's accept is refused, as the directory said.
    const third = await referral();
    const refused = await cis.request(RM.accept, { input: { referralId: third } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', capacity: 2, taken: 2 });
    await cis.data(RM.complete, { input: { referralId: first, outcome: 'TRAINING_COMPLETED' } });
    expect(await free()).toBe(1);
  });

  it('is null for a service with no fixed limit', async () => {
    expect((await places()).find((s) => s.name === JOB_COACH)).toMatchObject({ capacity: null, freePlaces: null });
  });
});
