import { Client } from 'pg';
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
  OPS,
  PUP,
  RM,
  RQ,
  signIn,
} from './support/referrals';

// The benchmark's page: nested participant (consent-filtered), both organisations, the latest step.
const PAGE = `query($first: Int, $filter: ReferralFilter) { referrals(first: $first, filter: $filter) {
    edges { node {
      id status consentWithdrawn participantId
      fromOrganisation { id name }
      toOrganisation { id name }
      toService { id name }
      participant { id identity { lastName } employment { monthsUnemployed } redactions { category reason }
                    access { basis visibleCategories } }
      latestHistory { toStatus occurredAt }
    } }
    pageInfo { hasNextPage endCursor } } }`;

const PARTICIPANTS = `query($first: Int) { participants(first: $first, purpose: REFERRAL) {
    totalCount edges { node { id identity { lastName } redactions { category reason } } } } }`;

const ALL_CATEGORIES = [
  'IDENTITY',
  'CONTACT',
  'ADDRESS',
  'EMPLOYMENT',
  'EDUCATION',
  'BENEFITS',
  'FAMILY',
  'HOUSING',
  'HEALTH',
  'ADDICTION',
  'CRIMINAL_RECORD',
];

const EVERYTHING = `query($first: Int) { referrals(first: $first) {
    edges { node {
      id status consentWithdrawn fromOrganisation { name } toOrganisation { name } toService { name }
      participant { identity { lastName } employment { monthsUnemployed } redactions { category reason } }
      latestHistory { toStatus } history { toStatus } childReferralIds
    } } } }`;

/**
 * Listing referrals: a page costs the same few SQL statements whatever its
 * size (at most 5, nested fields batched per request, the participants'
 * access decision, data, access log and explanations in one statement),
 * cursors walk the whole list exactly once, and the filters select what they say.
 */
describe('listing referrals', () => {
  const N = 50;
  let api: TestApp;
  let db: Client;
  let pup: GraphQLClient;
  let cis: GraphQLClient;
  let ops: GraphQLClient;
  let dir: Directory;
  let statements: string[] | null = null;
  let originalQuery: ((...args: unknown[]) => unknown) | undefined;
  const referralIds: string[] = [];
  /** Participants whose consent was withdrawn: hidden from the recipient. */
  const hidden = new Set<string>();
  /** Participants who consented to EMPLOYMENT too. */
  const employmentShared = new Set<string>();

  async function grantConsentOf(participantId: string, dataCategories: string[]): Promise<string> {
    const { grantConsent } = await pup.data(
      `mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
      {
        input: {
          participantId,
          recipientOrganisationId: dir.org[CIS],
          purposes: ['REFERRAL'],
          dataCategories,
          validFrom: '2026-01-01',
          evidence: { method: 'PAPER_SIGNATURE' },
        },
      },
    );
    return grantConsent.id as string;
  }

  beforeAll(async () => {
    // No in-process worker, so every statement on the pool during a request is the request's.
    api = await startTestApp({ env: { RUN_WORKER: 'false' } });
    db = await connect(api);
    ({ pup, cis, ops } = await signIn(api));
    dir = await loadDirectory(pup);

    // Instrumentation, not a mock: every statement any pg client of this process sends (each pooled
    // connection a request takes, transaction control included, and any other client) is written down
    // while a request is being counted.
    const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    originalQuery = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
      statements?.push(String(text));
      return originalQuery!.apply(this, args);
    };

    // N referrals of N different people, half to the catering workshop. The recipient reads them
    // consent-filtered: half consented IDENTITY only (EMPLOYMENT redacted), half IDENTITY and EMPLOYMENT,
    // and one in ten withdrew the consent (the participant is hidden from the recipient).
    for (let batch = 0; batch < N / 10; batch++) {
      const created = await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const participantId = await createParticipant(pup, `Uczestnik${batch * 10 + i}`);
          const consentId = await grantConsentOf(participantId, i % 2 ? ['IDENTITY', 'EMPLOYMENT'] : ['IDENTITY']);
          const extra = i % 2 ? { toServiceId: dir.service[CATERING] } : {};
          const referralId = (await createReferral(pup, participantId, dir.org[CIS], extra)).id as string;
          if (i === 3) {
            await pup.data(`mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { id } }`, {
              input: { consentId },
            });
            hidden.add(participantId);
          }
          if (i % 2) employmentShared.add(participantId);
          return referralId;
        }),
      );
      referralIds.push(...created);
    }
  }, 60_000);
  afterAll(async () => {
    if (originalQuery) (Client.prototype as unknown as { query: unknown }).query = originalQuery;
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
    const TRANSACTION_CONTROL = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;
    const lastLogId = async () =>
      Number((await db.query(`SELECT coalesce(max(id), 0)::bigint AS id FROM access_log`)).rows[0].id);

    it('the recipient’s page (participants consent-filtered, access-logged): at most 5, the same for 10 and 50', async () => {
      const before = await lastLogId();
      const ten = await counted(cis, PAGE, { first: 10 });
      const middle = await lastLogId();
      const fifty = await counted(cis, PAGE, { first: 50 });
      expect(ten.data.referrals.edges).toHaveLength(10);
      expect(fifty.data.referrals.edges).toHaveLength(50);

      // The cost: the actor's memberships, the page, the organisations with their services, the latest
      // steps, and the participants (access decided, data read, access log written, hidden categories
      // explained) — one statement each, no transaction control, whatever the page size.
      expect(fifty.statements.length).toBe(ten.statements.length);
      expect(fifty.statements.length).toBeLessThanOrEqual(5);
      expect(fifty.statements.filter((sql) => TRANSACTION_CONTROL.test(sql))).toEqual([]);
      expect(fifty.statements.filter((sql) => /\bFROM referrals r WHERE\b/.test(sql))).toHaveLength(1);
      expect(fifty.statements.filter((sql) => /\bFROM referral_history\b/.test(sql))).toHaveLength(1);
      const participantStatements = fifty.statements.filter((sql) => /\bparticipants?_access\(/.test(sql));
      expect(participantStatements).toHaveLength(1);
      expect(participantStatements[0]).toMatch(/INSERT INTO access_log/);

      // Every nested field was really resolved, and the participant filtered by consent.
      const nodes = fifty.data.referrals.edges.map((e: any) => e.node);
      for (const node of nodes) {
        expect(node.fromOrganisation.id).toBe(dir.org['PUP Legionowo']);
        expect(node.toOrganisation.id).toBe(dir.org[CIS]);
        expect(node.latestHistory.toStatus).toBe('SENT');
        if (hidden.has(node.participantId)) {
          expect({ participant: node.participant, consentWithdrawn: node.consentWithdrawn }).toEqual({
            participant: null,
            consentWithdrawn: true,
          });
          continue;
        }
        const shared = employmentShared.has(node.participantId);
        expect(node.consentWithdrawn).toBe(false);
        expect(node.participant.identity.lastName).toMatch(/^Uczestnik\d+$/);
        expect(node.participant.access).toEqual({
          basis: 'CONSENT',
          visibleCategories: shared ? ['EMPLOYMENT', 'IDENTITY'] : ['IDENTITY'],
        });
        expect(node.participant.employment).toEqual(shared ? { monthsUnemployed: 30 } : null);
        const redacted = Object.fromEntries(node.participant.redactions.map((r: any) => [r.category, r.reason]));
        expect(Object.keys(redacted).sort()).toEqual(
          ALL_CATEGORIES.filter((c) => c !== 'IDENTITY' && (c !== 'EMPLOYMENT' || !shared)).sort(),
        );
        if (!shared) expect(redacted.EMPLOYMENT).toBe('NO_CONSENT');
        expect(redacted.CONTACT).toBe('NO_CONSENT');
      }
      expect(nodes.filter((n: any) => n.toService?.name === CATERING)).toHaveLength(N / 2);
      expect(nodes.filter((n: any) => n.participant === null)).toHaveLength(N / 10);
      expect(new Set(nodes.map((n: any) => n.participantId)).size).toBe(N);

      // One access-log row per participant read in the page, with what was disclosed; none for the hidden.
      const logged = async (from: number, to: number) =>
        (
          await db.query(
            `SELECT participant_id::text, categories, basis, purpose, operation, actor_organisation_id::text
               FROM access_log WHERE id > $1 AND id <= $2`,
            [from, to],
          )
        ).rows;
      const expectedRows = (page: any[]) =>
        page
          .filter((n: any) => n.participant !== null)
          .map((n: any) => ({
            participant_id: n.participantId,
            categories: employmentShared.has(n.participantId) ? ['EMPLOYMENT', 'IDENTITY'] : ['IDENTITY'],
            basis: 'CONSENT',
            purpose: 'REFERRAL',
            operation: 'participants',
            actor_organisation_id: dir.org[CIS],
          }))
          .sort((a, b) => a.participant_id.localeCompare(b.participant_id));
      const byParticipant = (rows: any[]) => [...rows].sort((a, b) => a.participant_id.localeCompare(b.participant_id));
      const tenNodes = ten.data.referrals.edges.map((e: any) => e.node);
      expect(tenNodes.filter((n: any) => n.participant === null)).toHaveLength(1);
      expect(byParticipant(await logged(before, middle))).toEqual(expectedRows(tenNodes));
      expect(byParticipant(await logged(middle, await lastLogId()))).toEqual(expectedRows(nodes));
    });

    it('the sender’s page (the participants’ owner, nothing to log): at most 5, the same for 10 and 50', async () => {
      const ten = await counted(pup, PAGE, { first: 10 });
      const fifty = await counted(pup, PAGE, { first: 50 });
      expect(fifty.data.referrals.edges).toHaveLength(50);
      expect(fifty.statements.length).toBe(ten.statements.length);
      expect(fifty.statements.length).toBeLessThanOrEqual(5);
      for (const { node } of fifty.data.referrals.edges) {
        expect(node.participant.identity.lastName).toMatch(/^Uczestnik\d+$/);
        expect(node.participant.employment).toEqual({ monthsUnemployed: 30 });
        expect(node.participant.access.basis).toBe('OWNER');
        expect(node.participant.redactions).toEqual([]);
      }
    });

    it('stay constant with the timeline, the children and the redactions too', async () => {
      const ten = await counted(cis, EVERYTHING, { first: 10 });
      const fifty = await counted(cis, EVERYTHING, { first: 50 });
      expect(fifty.data.referrals.edges).toHaveLength(50);
      expect(fifty.statements.length).toBe(ten.statements.length);
      expect(fifty.statements.length).toBeLessThanOrEqual(7);
    });

    it('a participants page (shares the participants’ read): the actor and one statement, for 10 and 50', async () => {
      const ten = await counted(cis, PARTICIPANTS, { first: 10 });
      const fifty = await counted(cis, PARTICIPANTS, { first: 50 });
      expect(ten.data.participants.edges).toHaveLength(10);
      // The 45 still consented, and the recipient's own participants, if any.
      const { totalCount } = fifty.data.participants;
      expect(totalCount).toBeGreaterThanOrEqual(N - N / 10);
      expect(fifty.data.participants.edges).toHaveLength(Math.min(50, totalCount));
      expect(ten.statements).toHaveLength(2);
      expect(fifty.statements).toHaveLength(2);
    });
    it('the count and the explanations are read only when the query asks for them', async () => {
      const lean = `query { participants(first: 10, purpose: REFERRAL) { edges { node { id } } } }`;
      const participantStatement = (statements: string[]) =>
        statements.filter((sql) => /\bparticipant_decision\(/.test(sql));
      const [plain] = participantStatement((await counted(cis, lean, {})).statements);
      const [full] = participantStatement((await counted(cis, PARTICIPANTS, { first: 10 })).statements);
      // The count is a second walk of the list (capped); the facts a second look at each participant.
      expect(plain).not.toMatch(/LIMIT 1001/);
      expect(plain).not.toMatch(/fact_consents/);
      expect(full).toMatch(/LIMIT 1001/);
      expect(full).toMatch(/fact_consents/);

      const pageWithout = PAGE.replace('redactions { category reason }', '');
      const referralStatement = (statements: string[]) =>
        statements.filter((sql) => /\bparticipants_access\(/.test(sql));
      const [pageLean] = referralStatement((await counted(cis, pageWithout, { first: 10 })).statements);
      const [pageFull] = referralStatement((await counted(cis, PAGE, { first: 10 })).statements);
      expect(pageLean).not.toMatch(/fact_consents/);
      expect(pageFull).toMatch(/fact_consents/);
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

  describe('visibility', () => {
    it('each organisation pages through exactly the referrals it may know about, each once, newest first', async () => {
      // A forwarded child (CIS → OPS): its parent's sender (PUP) sees it too, through the parent.
      const parentId = referralIds[10];
      const { referral } = await cis.data(`query($id: ID!) { referral(id: $id) { participantId } }`, { id: parentId });
      await grantConsent(pup, referral.participantId, dir.org[OPS]);
      await cis.data(RM.forward, { input: { referralId: parentId, toOrganisationId: dir.org[OPS] } });

      for (const [name, client] of [
        [PUP, pup],
        [CIS, cis],
        [OPS, ops],
      ] as const) {
        const seen: string[] = [];
        let after: string | null = null;
        for (let page = 0; page < 20; page++) {
          const { referrals }: { referrals: any } = await client.data(RQ.referrals, {
            first: 7,
            ...(after ? { after } : {}),
          });
          seen.push(...referrals.edges.map((e: { node: { id: string } }) => e.node.id));
          if (!referrals.pageInfo.hasNextPage) break;
          after = referrals.pageInfo.endCursor;
        }
        // Sent by it, received by it (not as a draft), or a child of one it sent.
        const { rows } = await db.query(
          `SELECT r.id FROM referrals r
            WHERE r.from_organisation_id = $1 OR (r.to_organisation_id = $1 AND r.status <> 'DRAFT')
               OR EXISTS (SELECT 1 FROM referrals p WHERE p.id = r.parent_referral_id AND p.from_organisation_id = $1)
            ORDER BY r.created_at DESC, r.id DESC`,
          [dir.org[name]],
        );
        expect({ name, seen }).toEqual({ name, seen: rows.map((r) => r.id) });
      }
    });
  });
});
