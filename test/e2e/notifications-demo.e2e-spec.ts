import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';
import { createParticipant, createReferral, grantConsent } from './support/referrals';

const SUMMARY = `summary { referralId participantId fromOrganisationId toOrganisationId actorOrganisationId referralStatus
  declineReason cancelReason dropOutReason outcome responseDueOn }`;
const INBOX = `query($unreadOnly: Boolean, $first: Int! = 20, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    unreadCount edges { cursor node { id eventType subjectId title ${SUMMARY} readAt } } pageInfo { hasNextPage endCursor } } }`;

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('notifications: a referral step reaches the other side’s inbox', () => {
  let api: TestApp;
  let pup: GraphQLClient;
  let cis: GraphQLClient;
  let referralId: string;
  let pupId: string;
  let cisId: string;

  beforeAll(async () => {
    api = await startTestApp();
    const clients = demoClients(api.baseUrl);
    [pup, cis] = await Promise.all([clients.labourOfficeCaseworker(), clients.cisCaseworker()]);
    const { organisations } = await pup.data('{ organisations(kind: SOCIAL_INTEGRATION_CENTRE) { id } }');
    cisId = organisations[0].id;
    pupId = (await pup.data('{ me { memberships { organisationId } } }')).me.memberships[0].organisationId;
    const participantId = await createParticipant(pup, 'Mazur');
    await grantConsent(pup, participantId, cisId);
    referralId = (await createReferral(pup, participantId, cisId)).id;
  });
  afterAll(() => api.close());

  it('the CIS caseworker sees the sent referral in the inbox, without personal data', async () => {
    const started = Date.now();
    const inbox = await eventually(async () => {
      const { notifications } = await cis.data(INBOX, { unreadOnly: true });
      return notifications.edges.length > 0 ? notifications : undefined;
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.edges[0].node).toMatchObject({
      eventType: 'referral.send',
      subjectId: referralId,
      title: 'Nowe skierowanie',
      readAt: null,
    });
    expect(inbox.edges[0].node.summary).toEqual({
      referralId,
      participantId: null,
      fromOrganisationId: pupId,
      toOrganisationId: cisId,
      actorOrganisationId: pupId,
      referralStatus: 'SENT',
      declineReason: null,
      cancelReason: null,
      dropOutReason: null,
      outcome: null,
      responseDueOn: null,
    });
    expect(JSON.stringify(inbox)).not.toContain('Mazur');
  });

  it('declining notifies the labour office with the reason code, once', async () => {
    await cis.data(`mutation($input: DeclineReferralInput!) { declineReferral(input: $input) { status } }`, {
      input: { referralId, reasonCode: 'NO_CAPACITY' },
    });
    const inbox = await eventually(async () => {
      const { notifications } = await pup.data(INBOX, {});
      return notifications.edges.some((e: { node: { eventType: string } }) => e.node.eventType === 'referral.decline')
        ? notifications
        : undefined;
    });
    const declines = inbox.edges.filter(
      (e: { node: { eventType: string } }) => e.node.eventType === 'referral.decline',
    );
    expect(declines).toHaveLength(1);
    expect(declines[0].node.title).toBe('Skierowanie odrzucone: brak wolnych miejsc');
    expect(declines[0].node.summary).toMatchObject({
      referralId,
      referralStatus: 'DECLINED',
      declineReason: 'NO_CAPACITY',
      cancelReason: null,
      actorOrganisationId: cisId,
    });
  });

  it('writes each title in the reader’s language, as it is now', async () => {
    const titleOf = async () => {
      const { notifications } = await pup.data(INBOX, {});
      return notifications.edges.find((e: { node: { eventType: string } }) => e.node.eventType === 'referral.decline')
        .node.title;
    };
    expect(await titleOf()).toBe('Skierowanie odrzucone: brak wolnych miejsc');
    await pup.data(`mutation { setMyLanguage(language: en) { language } }`);
    expect(await titleOf()).toBe('Referral declined: no free places');
    await pup.data(`mutation { setMyLanguage(language: pl) { language } }`);
    expect(await titleOf()).toBe('Skierowanie odrzucone: brak wolnych miejsc');
  });

  it('marks a notification read and counts the unread', async () => {
    const { notifications } = await cis.data(INBOX, { unreadOnly: true });
    const id = notifications.edges[0].node.id;
    const { markNotificationRead } = await cis.data(`mutation($id: ID!) { markNotificationRead(id: $id) { readAt } }`, {
      id,
    });
    expect(markNotificationRead.readAt).not.toBeNull();
    const after = await cis.data(INBOX, { unreadOnly: true });
    expect(after.notifications.unreadCount).toBe(0);
    expect(await pup.errorCode(`mutation($id: ID!) { markNotificationRead(id: $id) { id } }`, { id })).toBe(
      'NOT_FOUND',
    );
  });

  it('pages the inbox with the shared PageInfo, newest first, without gaps or repeats', async () => {
    const participantId = await createParticipant(pup, 'Paging');
    await grantConsent(pup, participantId, cisId);
    for (let i = 0; i < 3; i++) await createReferral(pup, participantId, cisId);
    const all = await eventually(async () => {
      const { notifications } = await cis.data(INBOX, { first: 50 });
      return notifications.edges.length >= 4 ? notifications : undefined;
    });
    expect(all.pageInfo).toEqual({ hasNextPage: false, endCursor: all.edges[all.edges.length - 1].cursor });
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { notifications }: { notifications: typeof all } = await cis.data(INBOX, { first: 1, after });
      paged.push(...notifications.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(notifications.unreadCount).toBe(all.unreadCount);
      if (!notifications.pageInfo.hasNextPage) break;
      after = notifications.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.edges.map((e: { node: { id: string } }) => e.node.id));
  });

  it('refuses cursors it did not make, for the inbox and the participant list alike', async () => {
    const forged = [
      'not-a-cursor',
      Buffer.from('2026-02-30 10:00:00+00|00000000-0000-0000-0000-000000000000').toString('base64url'),
    ];
    for (const after of forged) {
      expect(
        await cis.errorCode(`query($after: String) { notifications(after: $after) { unreadCount } }`, { after }),
      ).toBe('BAD_USER_INPUT');
      expect(
        await cis.errorCode(`query($after: String) { participants(after: $after) { totalCount } }`, { after }),
      ).toBe('BAD_USER_INPUT');
    }
  });
});
