import { Client } from 'pg';
import { loadConfig } from '@app/core';
import { isValidPesel } from '@app/participants';
import { DemoCaseworkSeeder } from '@app/referrals';
import { demoClients, GraphQLClient, startTestApp, TestApp } from '@app/testing';
import { connect } from './support/referrals';

const ALL_STATUSES = [
  'DRAFT',
  'SENT',
  'ACCEPTED',
  'DECLINED',
  'IN_PROGRESS',
  'COMPLETED',
  'DROPPED_OUT',
  'CANCELLED',
  'EXPIRED',
  'FORWARDED',
];

const INBOX = `{ notifications(first: 100) { unreadCount edges { node { eventType title summary { referralId } } } } }`;
const REFERRALS = `{ referrals(first: 30) { edges { node { id status allowedActions consentWithdrawn
  participant { identity { firstName lastName pesel } }
  fromOrganisation { shortName } toOrganisation { shortName } toService { name } } } } }`;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The demo shows the loop: a newcomer who signs in finds participants,
 * referrals in every status and notifications in Polish — made by the
 * platform's own services — and a second run of the seed changes nothing.
 */
describe('demo casework', () => {
  let api: TestApp;
  let db: Client;
  let pup: GraphQLClient;
  let cis: GraphQLClient;

  beforeAll(async () => {
    api = await startTestApp({ seedDemoCasework: true });
    db = await connect(api);
    const clients = demoClients(api.baseUrl);
    [pup, cis] = await Promise.all([clients.labourOfficeCaseworker(), clients.cisCaseworker()]);
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  async function counts() {
    const { rows } = await db.query(`SELECT
      (SELECT count(*)::int FROM participants) AS participants,
      (SELECT count(*)::int FROM consents) AS consents,
      (SELECT count(*)::int FROM referrals) AS referrals,
      (SELECT count(*)::int FROM referral_history) AS history,
      (SELECT count(*)::int FROM outbox) AS events`);
    return rows[0];
  }

  it('has referrals in every status among the demo organisations', async () => {
    const { rows } = await db.query(`SELECT DISTINCT status FROM referrals`);
    expect(rows.map((r) => r.status).sort()).toEqual([...ALL_STATUSES].sort());
  });

  it('shows the PUP caseworker her referrals, with people, partners and services, and what she may do', async () => {
    const { referrals } = await pup.data(REFERRALS);
    const nodes = referrals.edges.map((e: { node: Record<string, any> }) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(10);
    const statuses = new Set(nodes.map((n: { status: string }) => n.status));
    for (const status of ALL_STATUSES) expect(statuses).toContain(status);
    const inProgress = nodes.find(
      (n: { participant?: { identity?: { lastName: string } } }) => n.participant?.identity?.lastName === 'Malinowski',
    );
    expect(inProgress).toMatchObject({
      status: 'IN_PROGRESS',
      fromOrganisation: { shortName: 'PUP Legionowo' },
      toOrganisation: { shortName: 'PCIS Legionowo' },
      toService: { name: 'Warsztat remontowo-budowlany' },
    });
    const draft = nodes.find((n: { status: string }) => n.status === 'DRAFT');
    expect(draft.allowedActions).toEqual(['SEND', 'CANCEL']);
    // Every person is invented, with a PESEL that passes the checksum.
    for (const node of nodes) {
      const pesel = node.participant?.identity?.pesel;
      if (pesel) expect(isValidPesel(pesel)).toBe(true);
    }
  });

  it('lets the CIS see what it was sent, and not what a withdrawn consent covered', async () => {
    const { referrals } = await cis.data(REFERRALS);
    const nodes = referrals.edges.map((e: { node: Record<string, any> }) => e.node);
    expect(nodes.some((n: { status: string }) => n.status === 'DRAFT')).toBe(false);
    const incoming = nodes.find(
      (n: { status: string; fromOrganisation: { shortName: string } }) =>
        n.status === 'SENT' && n.fromOrganisation.shortName === 'PUP Legionowo',
    );
    expect(incoming.allowedActions).toEqual(['ACCEPT', 'DECLINE', 'FORWARD']);
    expect(incoming.participant.identity.lastName).toBe('Wróblewski');
    const withdrawn = nodes.find((n: { status: string }) => n.status === 'DECLINED');
    expect(withdrawn).toMatchObject({ consentWithdrawn: true, participant: null });
  });

  it('fills the demo users’ inboxes, in Polish', async () => {
    const cisInbox = await until('the CIS inbox', async () => {
      const { notifications } = await cis.data(INBOX);
      return notifications.unreadCount >= 10 ? notifications : undefined;
    });
    const cisTitles = cisInbox.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(cisTitles).toContain('Nowe skierowanie');
    expect(cisTitles).toContain('Uczestnik wycofał zgodę: przestań korzystać z danych otrzymanych na jej podstawie');
    const pupInbox = await until('the PUP inbox', async () => {
      const { notifications } = await pup.data(INBOX);
      const types = new Set(notifications.edges.map((e: { node: { eventType: string } }) => e.node.eventType));
      return [
        'referral.accept',
        'referral.decline',
        'referral.complete',
        'referral.drop_out',
        'referral.expired',
        'referral.forward',
      ].every((t) => types.has(t))
        ? notifications
        : undefined;
    });
    const pupTitles = pupInbox.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(pupTitles).toContain('Skierowanie zakończone: zatrudnienie na otwartym rynku pracy');
    expect(pupTitles).toContain('Skierowanie odrzucone: osoba nie spełnia kryteriów');
    // Each referral step links to its referral.
    const steps = pupInbox.edges.filter((e: { node: { eventType: string } }) =>
      e.node.eventType.startsWith('referral.'),
    );
    expect(steps.every((e: { node: { summary: { referralId: string | null } } }) => e.node.summary.referralId)).toBe(
      true,
    );
    // The MOPS hears back from its own club and from the CIS.
    const mops = await demoClients(api.baseUrl).welfareCoordinator();
    const { notifications } = await mops.data(INBOX);
    expect(notifications.edges.map((e: { node: { eventType: string } }) => e.node.eventType)).toContain(
      'referral.accept',
    );
  });

  it('seeds once: a second run, and a run after its record is lost, change nothing', async () => {
    const seeder = api.app.get(DemoCaseworkSeeder);
    const before = await counts();
    expect(await seeder.seed()).toBe(false);
    expect(await counts()).toEqual(before);
    // As if a run stopped before recording itself: every story's participant is there, so none is told again.
    await db.query(`DELETE FROM seed_history WHERE name = 'demo-casework'`);
    expect(await seeder.seed()).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('is never created in production', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://db/x' };
    expect(loadConfig(production).seedDemoCasework).toBe(false);
    expect(() => loadConfig({ ...production, SEED_DEMO_CASEWORK: 'true' })).toThrow(/SEED_DEMO_CASEWORK/);
    expect(loadConfig({ SEED_DEMO_DATA: 'false', JWT_SECRET: 'x'.repeat(32) }).seedDemoCasework).toBe(false);
  });
});
