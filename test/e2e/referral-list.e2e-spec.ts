import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { GraphQLClient, startTestApp, TestApp } from '@app/testing';
import {
  CATERING,
  CIS,
  connect,
  createParticipant,
  createReferral,
  Directory,
  grantConsent,
  loadDirectory,
  RM,
  RQ,
  signIn,
} from './support/referrals';

const PAGE = `query($first: Int, $filter: ReferralFilter) { referrals(first: $first, filter: $filter) {
    edges { node {
      id status consentWithdrawn
      fromOrganisation { id name }
      toOrganisation { id name }
      toService { id name }
      participant { id identity { lastName } }
      latestHistory { toStatus occurredAt }
    } }
    pageInfo { hasNextPage endCursor } } }`;

const EVERYTHING = `query($first: Int) { referrals(first: $first) {
    edges { node {
      id status consentWithdrawn fromOrganisation { name } toOrganisation { name } toService { name }
      participant { identity { lastName } employment { monthsUnemployed } redactions { category reason } }
      latestHistory { toStatus } history { toStatus } childReferralIds
    } } } }`;

/**
 * Listing referrals: a page costs the same few SQL statements whatever its
 * size (nested fields are batched per request), cursors walk the whole list
 * exactly once, and the filters select what they say.
 */
describe('listing referrals', () => {
  const N = 50;
  let api: TestApp;
  let db: Client;
  let pup: GraphQLClient;
  let cis: GraphQLClient;
  let dir: Directory;
  let statements: string[] | null = null;
  const referralIds: string[] = [];

  beforeAll(async () => {
    // No in-process worker, so every statement on the pool during a request is the request's.
    api = await startTestApp({ env: { RUN_WORKER: 'false' } });
    db = await connect(api);
    ({ pup, cis } = await signIn(api));
    dir = await loadDirectory(pup);

    // Instrumentation, not a mock: every statement a pooled connection runs is also written down.
    const pool = (api.app.get(DataSource).driver as unknown as { master: import('pg').Pool }).master;
    pool.on('acquire', (client) => {
      const counted = client as typeof client & { counted?: boolean };
      if (counted.counted) return;
      counted.counted = true;
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as { query: unknown }).query = (...args: unknown[]) => {
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
        statements?.push(String(text));
        return query(...args);
      };
    });

    // N referrals of N different people, half to the catering workshop.
    for (let batch = 0; batch < N / 10; batch++) {
      const created = await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const participantId = await createParticipant(pup, `Uczestnik${batch * 10 + i}`);
          await grantConsent(pup, participantId, dir.org[CIS]);
          const extra = i % 2 ? { toServiceId: dir.service[CATERING] } : {};
          return (await createReferral(pup, participantId, dir.org[CIS], extra)).id as string;
        }),
      );
      referralIds.push(...created);
    }
  }, 60_000);
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  async function counted(client: GraphQLClient, query: string, variables: Record<string, unknown>) {
    statements = [];
    try {
      const data = await client.data(query, variables);
      return { data, statements: [...statements] };
    } finally {
      statements = null;
    }
  }

  describe('SQL statements per page', () => {
    it.each([
      ['the recipient (cross-organisation reads, access-logged)', () => cis],
      ['the sender (the participants’ owner)', () => pup],
    ])('are the same for 10 and 50 referrals with every nested field, and few, for %s', async (_, who) => {
      const ten = await counted(who(), PAGE, { first: 10 });
      const fifty = await counted(who(), PAGE, { first: 50 });
      expect(ten.data.referrals.edges).toHaveLength(10);
      expect(fifty.data.referrals.edges).toHaveLength(50);
      const nodes = fifty.data.referrals.edges.map((e: any) => e.node);
      // Every nested field was really resolved.
      for (const node of nodes) {
        expect(node.fromOrganisation.id).toBe(dir.org['PUP Legionowo']);
        expect(node.toOrganisation.id).toBe(dir.org[CIS]);
        expect(node.participant.identity.lastName).toMatch(/^Uczestnik\d+$/);
        expect(node.latestHistory.toStatus).toBe('SENT');
        expect(node.consentWithdrawn).toBe(false);
      }
      expect(nodes.filter((n: any) => n.toService?.name === CATERING)).toHaveLength(N / 2);
      expect(new Set(nodes.map((n: any) => n.participant.id)).size).toBe(N);

      expect(fifty.statements.length).toBe(ten.statements.length);
      // Transaction control (the participant read and its access-log row are one transaction) aside.
      const work = fifty.statements.filter((sql) => !/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i.test(sql));
      expect(work.length).toBeLessThanOrEqual(12);
      expect(fifty.statements.length).toBeLessThanOrEqual(14);
      // The referrals library's own share: the page and the timelines, one statement each.
      expect(
        fifty.statements.filter((sql) => /\bFROM (referrals r|referral_history h) WHERE\b/.test(sql)),
      ).toHaveLength(2);
    });

    it('stay constant with the timeline, the children and the redactions too', async () => {
      const ten = await counted(cis, EVERYTHING, { first: 10 });
      const fifty = await counted(cis, EVERYTHING, { first: 50 });
      expect(fifty.data.referrals.edges).toHaveLength(50);
      expect(fifty.statements.length).toBe(ten.statements.length);
    });
  });

  describe('pages', () => {
    it('walk every referral once, newest first, and end', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const { referrals }: { referrals: any } = await pup.data(RQ.referrals, {
          first: 7,
          ...(after ? { after } : {}),
        });
        seen.push(...referrals.edges.map((e: { node: { id: string } }) => e.node.id));
        pages++;
        if (!referrals.pageInfo.hasNextPage) {
          expect(referrals.edges.length).toBeGreaterThan(0);
          break;
        }
        after = referrals.pageInfo.endCursor;
      }
      expect(pages).toBe(Math.ceil(N / 7));
      expect(new Set(seen).size).toBe(N);
      expect([...seen].sort()).toEqual([...referralIds].sort());
      const { rows } = await db.query(`SELECT id FROM referrals ORDER BY created_at DESC, id DESC`);
      expect(seen).toEqual(rows.map((r) => r.id));
    });

    it('a cursor that is not one of ours, or a date that does not exist, is BAD_USER_INPUT', async () => {
      const cursor = (text: string) => Buffer.from(text).toString('base64url');
      const uuid = referralIds[0];
      for (const after of [
        'not a cursor',
        cursor(`1|${uuid}`),
        cursor(`Nov 23 2026|${uuid}`),
        cursor(`2026-11-23 12:00:00+00|${'-'.repeat(36)}`),
        cursor(`2026-02-30 12:00:00+00|${uuid}`),
        cursor(`2026-11-23 25:00:00+00|${uuid}`),
        cursor(`2026-11-23 12:00:00+00|${uuid}|x`),
      ]) {
        const result = await pup.request(RQ.referrals, { after });
        expect({ after, code: result.errors?.[0].extensions?.code }).toEqual({ after, code: 'BAD_USER_INPUT' });
      }
      for (const dueBefore of ['2026-02-30', '2026-13-01', '20261201']) {
        const result = await pup.request(RQ.referrals, { filter: { dueBefore } });
        expect({ dueBefore, code: result.errors?.[0].extensions?.code }).toEqual({ dueBefore, code: 'BAD_USER_INPUT' });
      }
    });

    it('an empty list has no next page and no cursor', async () => {
      const { referrals } = await pup.data(RQ.referrals, { filter: { statuses: ['COMPLETED'] } });
      expect(referrals).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });
  });

  describe('filters', () => {
    const ids = async (client: GraphQLClient, filter: Record<string, unknown>) => {
      const { referrals } = await client.data(RQ.referrals, { first: 100, filter });
      return (referrals.edges as { node: { id: string } }[]).map((e) => e.node.id).sort();
    };

    it('direction: the sender’s outgoing are the recipient’s incoming; drafts stay with the sender', async () => {
      const participantId = await createParticipant(pup, 'Szkic');
      const { createReferral: draft } = await pup.data(RM.create, {
        input: { participantId, toOrganisationId: dir.org[CIS], reasonCategory: 'OTHER', reason: 'Szkic skierowania' },
      });
      expect(await ids(pup, { direction: 'OUTGOING' })).toEqual([...referralIds, draft.id].sort());
      expect(await ids(pup, { direction: 'INCOMING' })).toEqual([]);
      expect(await ids(cis, { direction: 'INCOMING' })).toEqual([...referralIds].sort());
      expect(await ids(cis, { direction: 'ALL' })).toEqual([...referralIds].sort());
      expect(await ids(cis, { direction: 'OUTGOING' })).toEqual([]);
      await pup.data(RM.cancel, { input: { referralId: draft.id, reasonCode: 'SENT_IN_ERROR' } });
    });

    it('statuses and participant', async () => {
      const [accepted, declined] = referralIds;
      await cis.data(RM.accept, { input: { referralId: accepted } });
      await cis.data(RM.decline, { input: { referralId: declined, reasonCode: 'OUTSIDE_AREA' } });
      expect(await ids(cis, { statuses: ['ACCEPTED', 'DECLINED'] })).toEqual([accepted, declined].sort());
      expect(await ids(cis, { statuses: ['SENT'] })).toHaveLength(N - 2);
      const { referral } = await cis.data(`query($id: ID!) { referral(id: $id) { participantId } }`, { id: accepted });
      expect(await ids(cis, { participantId: referral.participantId })).toEqual([accepted]);
    });

    it('overdue and dueBefore', async () => {
      const [, , overdue, soon] = referralIds;
      await db.query(`UPDATE referrals SET response_due_on = current_date - 1 WHERE id = $1`, [overdue]);
      await db.query(`UPDATE referrals SET response_due_on = current_date + 2 WHERE id = $1`, [soon]);
      expect(await ids(cis, { overdue: true })).toEqual([overdue]);
      const { rows } = await db.query(`SELECT (current_date + 2)::text AS d, (current_date + 1)::text AS e`);
      expect(await ids(cis, { dueBefore: rows[0].d })).toEqual([overdue, soon].sort());
      expect(await ids(cis, { dueBefore: rows[0].e })).toEqual([overdue]);
    });
  });
});
