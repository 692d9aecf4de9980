import { GraphQLClient, startTestApp, TestApp } from '@app/testing';
import {
  CIS,
  createParticipant,
  Directory,
  grantConsent,
  loadDirectory,
  OPS,
  referralInput,
  RM,
  signIn,
} from './support/referrals';

const ALLOWED = `query($id: ID!) { referral(id: $id) { status allowedActions } }`;

type Transition = 'SEND' | 'ACCEPT' | 'DECLINE' | 'START' | 'COMPLETE' | 'DROP_OUT' | 'CANCEL' | 'FORWARD';
const TRANSITIONS: Transition[] = ['SEND', 'ACCEPT', 'DECLINE', 'START', 'COMPLETE', 'DROP_OUT', 'CANCEL', 'FORWARD'];

/**
 * `Referral.allowedActions` through GraphQL, held against the server itself:
 * for referrals in each open state, as the sender's and the recipient's
 * caseworkers and partner admins, every action listed succeeds when tried and
 * every action not listed is refused (CONFLICT or FORBIDDEN). A console that
 * shows exactly these buttons never offers one the server refuses.
 */
describe('Referral.allowedActions', () => {
  let api: TestApp;
  let pup: GraphQLClient;
  let pupAdmin: GraphQLClient;
  let cis: GraphQLClient;
  let cisAdmin: GraphQLClient;
  let dir: Directory;
  let participantId: string;

  beforeAll(async () => {
    api = await startTestApp();
    ({ pup, pupAdmin, cis, cisAdmin } = await signIn(api));
    dir = await loadDirectory(pup);
    participantId = await createParticipant(pup);
    await grantConsent(pup, participantId, dir.org[CIS]);
    await grantConsent(pup, participantId, dir.org[OPS]); // the forward target
  });
  afterAll(() => api?.close());

  /** A new referral PUP → CIS, moved to `status` by the people whose step it is. */
  async function referralIn(status: 'DRAFT' | 'SENT' | 'ACCEPTED' | 'IN_PROGRESS'): Promise<string> {
    const { createReferral } = await pup.data(RM.create, {
      input: referralInput(participantId, dir.org[CIS], { send: status !== 'DRAFT' }),
    });
    const referralId = createReferral.id as string;
    if (status === 'ACCEPTED' || status === 'IN_PROGRESS') await cis.data(RM.accept, { input: { referralId } });
    if (status === 'IN_PROGRESS') await cis.data(RM.start, { input: { referralId } });
    return referralId;
  }

  /** Tries a transition with what it requires; the error code, or 'OK'. */
  async function attempt(client: GraphQLClient, transition: Transition, referralId: string): Promise<string> {
    const inputs: Record<Transition, [string, Record<string, unknown>]> = {
      SEND: [RM.send, {}],
      ACCEPT: [RM.accept, {}],
      DECLINE: [RM.decline, { reasonCode: 'NO_CAPACITY' }],
      START: [RM.start, {}],
      COMPLETE: [RM.complete, { outcome: 'EMPLOYED_OPEN_MARKET' }],
      DROP_OUT: [RM.dropOut, { reasonCode: 'STOPPED_ATTENDING' }],
      CANCEL: [RM.cancel, { reasonCode: 'SENT_IN_ERROR' }],
      FORWARD: [RM.forward, { toOrganisationId: dir.org[OPS] }],
    };
    const [document, extra] = inputs[transition];
    const result = await client.request(document, { input: { referralId, ...extra } });
    return result.errors?.length ? String(result.errors[0].extensions?.code) : 'OK';
  }

  it.each(['DRAFT', 'SENT', 'ACCEPTED', 'IN_PROGRESS'] as const)(
    'from %s: what is listed succeeds, what is not is refused, for each side and role',
    async (status) => {
      const actors: [string, GraphQLClient][] = [
        ['sender caseworker', pup],
        ['sender partner admin', pupAdmin],
        ['recipient caseworker', cis],
        ['recipient partner admin', cisAdmin],
      ];
      for (const [who, client] of actors) {
        if (status === 'DRAFT' && who.startsWith('recipient')) continue; // a draft is the sender's alone
        const listed: string[] = (await client.data(ALLOWED, { id: await referralIn(status) })).referral.allowedActions;
        const outcomes: Record<string, string> = {};
        for (const transition of TRANSITIONS)
          outcomes[transition] = await attempt(client, transition, await referralIn(status));
        const succeeded = TRANSITIONS.filter((t) => outcomes[t] === 'OK');
        expect({ who, listed }).toEqual({ who, listed: succeeded });
        for (const t of TRANSITIONS.filter((x) => !listed.includes(x))) {
          expect({ who, t, code: outcomes[t] }).toEqual({
            who,
            t,
            code: expect.stringMatching(/^(CONFLICT|FORBIDDEN)$/),
          });
        }
      }
    },
    60_000,
  );

  it('lists nothing on a closed referral, and follows the referral as it moves', async () => {
    const referralId = await referralIn('SENT');
    expect((await cis.data(ALLOWED, { id: referralId })).referral.allowedActions).toEqual([
      'ACCEPT',
      'DECLINE',
      'FORWARD',
    ]);
    // The mutation's answer carries the actions of the new state.
    const { declineReferral } = await cis.data(
      `mutation($input: DeclineReferralInput!) { declineReferral(input: $input) { status allowedActions } }`,
      { input: { referralId, reasonCode: 'NOT_ELIGIBLE' } },
    );
    expect(declineReferral).toEqual({ status: 'DECLINED', allowedActions: [] });
    expect((await pup.data(ALLOWED, { id: referralId })).referral).toEqual({ status: 'DECLINED', allowedActions: [] });
  });

  it('is listed per row on a page, as each row’s side sees it', async () => {
    const draft = await referralIn('DRAFT');
    const sent = await referralIn('SENT');
    const inProgress = await referralIn('IN_PROGRESS');
    // Forwarded by the CIS to the OPS: PUP sent the parent, so it sees the child, but is on neither side of it.
    const forwarded = await referralIn('SENT');
    const { forwardReferral } = await cis.data(
      `mutation($input: ForwardReferralInput!) { forwardReferral(input: $input) { childReferralIds } }`,
      { input: { referralId: forwarded, toOrganisationId: dir.org[OPS] } },
    );
    const [child] = forwardReferral.childReferralIds;
    const { referrals } = await pup.data(`{ referrals(first: 50) { edges { node { id allowedActions } } } }`);
    const actions = new Map<string, string[]>(
      referrals.edges.map((e: { node: { id: string; allowedActions: string[] } }) => [
        e.node.id,
        e.node.allowedActions,
      ]),
    );
    expect([draft, sent, inProgress, forwarded, child].map((id) => actions.get(id))).toEqual([
      ['SEND', 'CANCEL'],
      ['CANCEL'],
      [],
      [],
      [],
    ]);
  });
});
