import { DataSource } from 'typeorm';
import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';
import { addMember, createParticipant, createReferral, grantConsent } from './support/referrals';

const INBOX = `{ notifications { edges { node { eventType subjectId } } } }`;
const PREFERENCES = `{ notificationPreferences { eventType channel enabled mandatory source } }`;
const SET = `mutation($input: SetNotificationPreferenceInput!) {
  setNotificationPreference(input: $input) { eventType channel enabled mandatory source } }`;
const SET_DEFAULT = `mutation($input: SetOrganisationNotificationDefaultInput!) {
  setOrganisationNotificationDefault(input: $input) { organisationId eventType channel enabled } }`;

interface Preference {
  eventType: string;
  channel: string;
  enabled: boolean;
  mandatory: boolean;
  source: string;
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function preference(client: GraphQLClient, eventType: string, channel: string): Promise<Preference> {
  const { notificationPreferences } = await client.data(PREFERENCES);
  return (notificationPreferences as Preference[]).find((p) => p.eventType === eventType && p.channel === channel)!;
}

describe('notification preferences', () => {
  let api: TestApp;
  let pup: GraphQLClient;
  let cis: GraphQLClient;
  let cisAdmin: GraphQLClient;
  let cisId: string;
  let pupId: string;
  let count: (table: string) => Promise<number>;

  beforeAll(async () => {
    api = await startTestApp();
    const clients = demoClients(api.baseUrl);
    [pup, cis, cisAdmin] = await Promise.all([
      clients.labourOfficeCaseworker(),
      clients.cisCaseworker(),
      clients.cisAdmin(),
    ]);
    const { organisations } = await pup.data('{ organisations(kind: SOCIAL_INTEGRATION_CENTRE) { id } }');
    cisId = organisations[0].id;
    const { me } = await pup.data('{ me { memberships { organisationId } } }');
    pupId = me.memberships[0].organisationId;
    const db = api.app.get(DataSource);
    count = async (table) => Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  });
  afterAll(() => api.close());

  it('lists every known event type on both channels, on by default, with the mandatory ones marked', async () => {
    const { notificationPreferences } = await cis.data(PREFERENCES);
    expect(notificationPreferences).toContainEqual({
      eventType: 'referral.send',
      channel: 'IN_APP',
      enabled: true,
      mandatory: false,
      source: 'DEFAULT',
    });
    expect(notificationPreferences).toContainEqual({
      eventType: 'consent.withdrawn',
      channel: 'EMAIL',
      enabled: true,
      mandatory: true,
      source: 'DEFAULT',
    });
  });

  it('a caseworker who switched off referral.send in the app gets no inbox entry; a colleague does', async () => {
    const colleague = await addMember(cisAdmin, cisId, 'CASEWORKER', api.baseUrl);
    const { setNotificationPreference } = await cis.data(SET, {
      input: { eventType: 'referral.send', channel: 'IN_APP', enabled: false },
    });
    expect(setNotificationPreference).toEqual({
      eventType: 'referral.send',
      channel: 'IN_APP',
      enabled: false,
      mandatory: false,
      source: 'USER',
    });

    const participantId = await createParticipant(pup);
    await grantConsent(pup, participantId, cisId);
    const referral = await createReferral(pup, participantId, cisId);

    const isThisReferral = (e: { node: { eventType: string; subjectId: string } }) =>
      e.node.eventType === 'referral.send' && e.node.subjectId === referral.id;
    // The colleague's entry arrives: the event has been delivered, in one transaction for everyone.
    await eventually(async () => {
      const { notifications } = await colleague.data(INBOX);
      return notifications.edges.some(isThisReferral) ? true : undefined;
    });
    const { notifications } = await cis.data(INBOX);
    expect(notifications.edges.filter(isThisReferral)).toHaveLength(0);
  });

  it('refuses switching off a mandatory event, for a user and for an organisation, writing nothing', async () => {
    const before = [await count('notification_preferences'), await count('organisation_notification_defaults')];
    for (const channel of ['IN_APP', 'EMAIL']) {
      const response = await cis.request(SET, {
        input: { eventType: 'consent.withdrawn', channel, enabled: false },
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toContain('mandatory');
    }
    expect(
      await cisAdmin.errorCode(SET_DEFAULT, {
        input: { organisationId: cisId, eventType: 'webhook.disabled', channel: 'EMAIL', enabled: false },
      }),
    ).toBe('BAD_USER_INPUT');
    expect([await count('notification_preferences'), await count('organisation_notification_defaults')]).toEqual(
      before,
    );
    expect(await preference(cis, 'consent.withdrawn', 'IN_APP')).toMatchObject({ enabled: true, mandatory: true });
  });

  it("an organisation default applies to members without their own choice, and a user's choice overrides it", async () => {
    const { setOrganisationNotificationDefault } = await cisAdmin.data(SET_DEFAULT, {
      input: { organisationId: cisId, eventType: 'referral.cancel', channel: 'EMAIL', enabled: false },
    });
    expect(setOrganisationNotificationDefault).toEqual({
      organisationId: cisId,
      eventType: 'referral.cancel',
      channel: 'EMAIL',
      enabled: false,
    });
    expect(await preference(cis, 'referral.cancel', 'EMAIL')).toMatchObject({
      enabled: false,
      source: 'ORGANISATION',
    });
    expect(await preference(cis, 'referral.cancel', 'IN_APP')).toMatchObject({ enabled: true, source: 'DEFAULT' });
    expect(await preference(pup, 'referral.cancel', 'EMAIL')).toMatchObject({ enabled: true, source: 'DEFAULT' });

    await cis.data(SET, { input: { eventType: 'referral.cancel', channel: 'EMAIL', enabled: true } });
    expect(await preference(cis, 'referral.cancel', 'EMAIL')).toMatchObject({ enabled: true, source: 'USER' });
  });

  it('organisation defaults: FORBIDDEN for other members of the organisation, NOT_FOUND for outsiders', async () => {
    const before = await count('organisation_notification_defaults');
    const input = { organisationId: cisId, eventType: 'referral.send', channel: 'IN_APP', enabled: false };
    expect(await cis.errorCode(SET_DEFAULT, { input })).toBe('FORBIDDEN');
    expect(await pup.errorCode(SET_DEFAULT, { input })).toBe('NOT_FOUND');
    expect(await cisAdmin.errorCode(SET_DEFAULT, { input: { ...input, organisationId: pupId } })).toBe('NOT_FOUND');
    expect(await count('organisation_notification_defaults')).toBe(before);
  });

  it('refuses unknown event types and malformed input as BAD_USER_INPUT, writing nothing', async () => {
    const before = [await count('notification_preferences'), await count('organisation_notification_defaults')];
    expect(
      await cis.errorCode(SET, { input: { eventType: 'referral.teleport', channel: 'IN_APP', enabled: false } }),
    ).toBe('BAD_USER_INPUT');
    expect(await cis.errorCode(SET, { input: { eventType: 'x'.repeat(101), channel: 'IN_APP', enabled: false } })).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      await cisAdmin.errorCode(SET_DEFAULT, {
        input: { organisationId: cisId, eventType: 'referral.teleport', channel: 'EMAIL', enabled: false },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await cisAdmin.errorCode(SET_DEFAULT, {
        input: { organisationId: 'not-a-uuid', eventType: 'referral.send', channel: 'EMAIL', enabled: false },
      }),
    ).toBe('BAD_USER_INPUT');
    expect([await count('notification_preferences'), await count('organisation_notification_defaults')]).toEqual(
      before,
    );
  });
});
