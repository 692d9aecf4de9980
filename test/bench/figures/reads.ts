import { Client } from 'pg';
import { Role } from '@app/authz';
import { ROLE_RIGHTS } from '@app/access';
import type { BenchContext, Figure, FigureGroup } from '../figure';
import { GraphQLCall, graphqlCall, interleaved, ms, percentile, perSecond, send, times } from '../measure';
import { participantsFigures, participantsTimings, sameRowsAsDecidingForEveryone } from './participants-page';
import { comparePeer, loadTestWithCpu, Peer, rawSqlThroughput, REFERRAL_ACCESS_DAYS, startPeer } from './peer';

/**
 * The read figures: the referral page `referrals(first: 50)` with its nested
 * participant (consent-filtered: read by a partner), organisations and latest
 * history, against one hand-written SQL query through raw `pg` (latency and
 * throughput), against PostGraphile 4 serving the same page over the same
 * database with the same access rule (the peer), and against the same query
 * answered from memory by the same app (throughput); the API's CPU per page;
 * statements per page; the partner's filtered list against the owner's; how
 * the page's p50 grows from small to the chosen scale; and the participants
 * list, `participants(first: 50)`, for a partner and an owner.
 */

const SELECTION = `
    edges {
      cursor
      node {
        id status priority reasonCategory createdAt responseDueOn consentWithdrawn
        fromOrganisation { id name }
        toOrganisation { id name }
        participant {
          id
          identity { firstName lastName dateOfBirth }
          contact { phone email }
          employment { monthsUnemployed }
          access { basis visibleCategories }
        }
        latestHistory { toStatus occurredAt }
      }
    }
    pageInfo { hasNextPage endCursor }`;

/** The page, as the web client asks for it. */
export const REFERRAL_PAGE = `query ReferralPage($first: Int!, $filter: ReferralFilter) {
  referrals(first: $first, filter: $filter) {${SELECTION}
  }
}`;

/** The same query shape, answered from memory (test/bench/api/in-memory-referrals.ts). */
const IN_MEMORY_PAGE = REFERRAL_PAGE.replace('referrals(', 'inMemoryReferrals(');

/**
 * The page in one statement, written by hand: the visible referrals (the
 * service's rule, each side walking its own keyset index), the consent-withdrawn flag, the participants through the
 * access rule `participant_access` with only their visible categories'
 * data, the access-log rows the read must leave (a data-modifying CTE: the
 * same work the API does), both organisations and the latest history entry.
 *
 * $1 organisation, $2 page size, $3 user, $4/$5 the role's own/partner
 * categories, $6 referral access days.
 */
const HAND_WRITTEN_PAGE = `
WITH candidates AS (
  SELECT r.id, r.created_at, r.created_at::text AS cursor_time, r.status, r.priority, r.reason_category,
         r.response_due_on::text AS response_due_on, r.participant_id, r.from_organisation_id, r.to_organisation_id,
         r.closed_at
    FROM ((SELECT x.id, x.created_at FROM referrals x WHERE x.from_organisation_id = $1
            ORDER BY x.created_at DESC, x.id DESC LIMIT $2 + 1)
          UNION
          (SELECT x.id, x.created_at FROM referrals x WHERE x.to_organisation_id = $1 AND x.status <> 'DRAFT'
            ORDER BY x.created_at DESC, x.id DESC LIMIT $2 + 1)
          UNION
          (SELECT x.id, x.created_at FROM referrals x
            WHERE x.parent_from_organisation_id = $1
            ORDER BY x.created_at DESC, x.id DESC LIMIT $2 + 1)) sides
    JOIN referrals r ON r.id = sides.id
   ORDER BY r.created_at DESC, r.id DESC
   LIMIT $2 + 1
),
page AS (SELECT * FROM candidates ORDER BY created_at DESC, id DESC LIMIT $2),
people AS (
  SELECT a.participant_id AS id, a.owner_organisation_id, a.categories, a.basis, a.consent_ids, a.legal_basis_ids,
         a.break_glass_grant_id
    FROM participants_access(ARRAY(SELECT participant_id FROM page), $1::uuid, $3::uuid, 'REFERRAL',
                             $4::text[], $5::text[], current_date, $6::integer) a
),
logged AS (
  INSERT INTO access_log (actor_user_id, actor_organisation_id, participant_id, owner_organisation_id, purpose, categories,
                          basis, consent_ids, legal_basis_ids, break_glass_grant_id, operation)
  SELECT $3, $1, id, owner_organisation_id, 'REFERRAL', categories, basis, consent_ids, legal_basis_ids,
         break_glass_grant_id, 'participants'
    FROM people WHERE basis <> 'OWNER'
)
SELECT pg.id, pg.cursor_time, pg.status, pg.priority, pg.reason_category, pg.created_at, pg.response_due_on,
       referral_gives_access(pg.status, pg.closed_at, $6::integer)
       AND NOT EXISTS (SELECT 1 FROM consents_in_force(pg.participant_id, pg.to_organisation_id, 'REFERRAL', current_date))
       AND NOT EXISTS (SELECT 1 FROM participants p,
                              legal_bases_in_force(p.owner_organisation_id, pg.to_organisation_id, 'REFERRAL', current_date)
                        WHERE p.id = pg.participant_id) AS consent_withdrawn,
       fo.id AS from_id, fo.name AS from_name, t.id AS to_id, t.name AS to_name,
       pe.id AS participant_id, pe.basis, pe.categories,
       (SELECT jsonb_object_agg(d.category, d.data) FROM participant_data d
         WHERE d.participant_id = pe.id AND d.category = ANY (pe.categories)
           AND d.category IN ('IDENTITY', 'CONTACT', 'EMPLOYMENT')) AS data,
       h.to_status, h.occurred_at,
       (SELECT count(*) FROM candidates) > $2 AS has_next_page
  FROM page pg
  JOIN organisations fo ON fo.id = pg.from_organisation_id
  JOIN organisations t ON t.id = pg.to_organisation_id
  LEFT JOIN people pe ON pe.id = pg.participant_id
  LEFT JOIN LATERAL (SELECT h.to_status, h.occurred_at FROM referral_history h
                      WHERE h.referral_id = pg.id ORDER BY h.id DESC LIMIT 1) h ON true
 ORDER BY pg.created_at DESC, pg.id DESC`;

interface HandWrittenRow {
  id: string;
  status: string;
  consent_withdrawn: boolean;
  from_name: string;
  to_name: string;
  participant_id: string | null;
  basis: string | null;
  categories: string[] | null;
  data: Record<string, Record<string, unknown>> | null;
  to_status: string | null;
  has_next_page: boolean;
}

interface PageNode {
  id: string;
  status: string;
  consentWithdrawn: boolean;
  fromOrganisation: { name: string };
  toOrganisation: { name: string };
  participant: {
    id: string;
    identity: { lastName: string } | null;
    access: { basis: string; visibleCategories: string[] };
  } | null;
  latestHistory: { toStatus: string } | null;
}

interface PageData {
  referrals: { edges: { node: PageNode }[]; pageInfo: { hasNextPage: boolean } };
}

/**
 * One-client samples: rounds and time budgets (a slow page takes fewer rounds,
 * never fewer than 30). Small enough that `--scale small` stays well within
 * its five minutes on a loaded two-core machine.
 */
const ROUNDS = 200;
const GROWTH_ROUNDS = 100;
const BUDGET_MS = 30_000;
const GROWTH_BUDGET_MS = 15_000;
const WARM_UP = 20;
const CLIENTS = 16;

export const readFigures: FigureGroup = async (context) => {
  const { log } = context;
  const partner = context.partnerCaseworker;
  const partnerToken = await context.login(partner.email);
  const ownerToken = await context.login(context.senderCaseworker.email);
  const page = (first: number, token: string, filter?: Record<string, unknown>) =>
    graphqlCall(context.apiUrl, REFERRAL_PAGE, { first, ...(filter ? { filter } : {}) }, token);
  const partnerPage = page(50, partnerToken);

  // Growth, first half: the page's p50 (and the participants list's) on the small data set.
  const small = await context.rowCounts();
  log(`reads: page p50 at small scale (${small.referrals.toLocaleString('en-US')} referrals)`);
  // The first requests of a fresh process also compile and warm everything up: a longer warm-up here.
  await warmUp(partnerPage, 3 * WARM_UP);
  const smallP50 = await p50(partnerPage);
  const smallParticipants = await participantsTimings(context, false);

  await context.grow();
  const grown = await context.rowCounts();
  log(`reads: page p50 at ${context.scale} scale (${grown.referrals.toLocaleString('en-US')} referrals)`);
  await warmUp(partnerPage);
  const grownP50 = await p50(partnerPage);
  log(`reads: participants(first: 50) at ${context.scale} scale, with and without totalCount`);
  const grownParticipants = await participantsTimings(context, true);
  const sameRows = {
    partner: await sameRowsAsDecidingForEveryone(context, context.partnerCaseworker),
    owner: await sameRowsAsDecidingForEveryone(context, context.senderCaseworker),
  };

  log('reads: starting the PostGraphile peer');
  const peer = await startPeer(context);
  try {
    const peerDifference = await comparePeer(peer, partnerPage);
    if (peerDifference) log(`reads: the peer's page differs from the API's: ${peerDifference}`);
    // Throughput last: its thousands of partner reads each add their access-log rows.
    const latency = await readLatency(context, partnerPage, peer, peerDifference);
    const statements = await statementsPerPage(context, partnerToken, ownerToken);
    const consent = await consentOverhead(context, partnerToken, ownerToken);
    const throughput = await readThroughput(context, partnerPage, partnerToken, peer);
    const growth = grownP50 / smallP50;
    return [
      ...latency,
      ...throughput,
      statements,
      consent,
      {
        name: 'growth',
        how: `read p50 of the partner's referrals(first: 50), ${grown.referrals.toLocaleString('en-US')} vs ${small.referrals.toLocaleString('en-US')} referrals, one client`,
        value: `p50 ${ms(grownP50)} (${context.scale})`,
        baseline: `p50 ${ms(smallP50)} (small)`,
        ratio: times(growth),
        target: '≤ 1.5×',
        met: growth <= 1.5,
        note:
          context.scale === 'small'
            ? 'At --scale small both measurements are on the same data: the ratio is 1 by construction (it shows the noise); run --scale medium or large for the figure.'
            : undefined,
      },
      ...participantsFigures(context, smallParticipants, grownParticipants, sameRows, {
        small: small.participants,
        grown: grown.participants,
      }),
    ];
  } finally {
    await peer.stop();
  }
};

async function warmUp(call: GraphQLCall, rounds = WARM_UP): Promise<void> {
  for (let i = 0; i < rounds; i++) await send(call);
}

async function p50(call: GraphQLCall): Promise<number> {
  const [samples] = await interleaved(GROWTH_ROUNDS, [() => send(call)], GROWTH_BUDGET_MS);
  return percentile(samples, 0.5);
}

/**
 * One client: the GraphQL page against the hand-written statement returning the same rows, and against
 * the PostGraphile peer, interleaved.
 */
async function readLatency(
  context: BenchContext,
  partnerPage: GraphQLCall,
  peer: Peer,
  peerDifference: string | null,
): Promise<Figure[]> {
  const partner = context.partnerCaseworker;
  const rights = ROLE_RIGHTS[partner.role as Role];
  const params = [partner.organisationId, 50, partner.userId, rights.own, rights.partner, REFERRAL_ACCESS_DAYS];
  const sql = new Client({
    connectionString: context.databaseUrl,
    application_name: 'bench-baseline',
    options: '-c jit=off',
  });
  await sql.connect();
  try {
    const handWritten = () =>
      sql.query<HandWrittenRow>({ name: 'bench-page', text: HAND_WRITTEN_PAGE, values: params });
    const difference = compare(await send<PageData>(partnerPage), (await handWritten()).rows);
    if (difference) context.log(`reads: the hand-written page differs from the API's: ${difference}`);
    for (let i = 0; i < WARM_UP; i++) {
      await handWritten();
      await send(peer.page);
    }
    context.log('reads: read latency (GraphQL page, hand-written SQL and the PostGraphile peer, interleaved)');
    const [api, baseline, peerSamples] = await interleaved(
      ROUNDS,
      [() => send(partnerPage), handWritten, () => send(peer.page)],
      BUDGET_MS,
    );
    const ratio99 = percentile(api, 0.99) / percentile(baseline, 0.99);
    const ratio50 = percentile(api, 0.5) / percentile(baseline, 0.5);
    const peerRatio = percentile(api, 0.5) / percentile(peerSamples, 0.5);
    return [
      {
        name: 'read latency',
        how: `referrals(first: 50) as a partner caseworker (consent-filtered participant, organisations, latest history), one client, ${api.length} requests`,
        value: `p50 ${ms(percentile(api, 0.5))}, p99 ${ms(percentile(api, 0.99))}`,
        baseline: `p50 ${ms(percentile(baseline, 0.5))}, p99 ${ms(percentile(baseline, 0.99))} (one SQL statement, raw pg)`,
        ratio: `p99 ${times(ratio99)} (p50 ${times(ratio50)})`,
        target: 'p99 ≤ 3×',
        met: ratio99 <= 3,
        note: difference ? `the baseline's rows differ from the API's: ${difference}` : undefined,
      },
      {
        name: 'peer latency',
        how: `the same page, one client, ours (with its access log) against PostGraphile 4 (no access log), interleaved, ${api.length} requests each`,
        value: `p50 ${ms(percentile(api, 0.5))}, p99 ${ms(percentile(api, 0.99))}`,
        baseline: `p50 ${ms(percentile(peerSamples, 0.5))}, p99 ${ms(percentile(peerSamples, 0.99))} (PostGraphile 4, same database and participant_access)`,
        ratio: `p50 ${times(peerRatio)}`,
        target: 'p50 ≤ 1.0×',
        met: peerRatio <= 1 && !peerDifference,
        note:
          'The peer: PostGraphile 4 in a process of its own over the bench database, the page as a set-returning ' +
          'function with computed columns calling participant_access once per referral and the same predicate ' +
          'functions for consentWithdrawn (test/bench/peer); one statement per request, no transaction, no access log. ' +
          (peerDifference
            ? `Its rows differ from ours: ${peerDifference}.`
            : 'It answers the same rows, flags, bases and categories as ours.'),
      },
    ];
  } finally {
    await sql.end();
  }
}

/** The baseline must return what the API returns: same referrals, same participants visible, same data. */
function compare(api: PageData, rows: HandWrittenRow[]): string | null {
  const nodes = api.referrals.edges.map((e) => e.node);
  if (nodes.length !== rows.length) return `${nodes.length} referrals vs ${rows.length} rows`;
  const problems: string[] = [];
  nodes.forEach((node, i) => {
    const row = rows[i];
    const expected = {
      id: node.id,
      status: node.status,
      consentWithdrawn: node.consentWithdrawn,
      from: node.fromOrganisation.name,
      to: node.toOrganisation.name,
      participant: node.participant?.id ?? null,
      lastName: node.participant?.identity?.lastName ?? null,
      basis: node.participant?.access.basis ?? null,
      categories: node.participant?.access.visibleCategories.join(',') ?? null,
      history: node.latestHistory?.toStatus ?? null,
    };
    const actual = {
      id: row.id,
      status: row.status,
      consentWithdrawn: row.consent_withdrawn,
      from: row.from_name,
      to: row.to_name,
      participant: row.participant_id,
      lastName: (row.data?.IDENTITY?.lastName as string | undefined) ?? null,
      basis: row.basis,
      categories: row.categories?.join(',') ?? null,
      history: row.to_status,
    };
    for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
      if (expected[key] !== actual[key])
        problems.push(`row ${i} ${key}: ${String(expected[key])} vs ${String(actual[key])}`);
    }
  });
  if (rows.length && api.referrals.pageInfo.hasNextPage !== rows[0].has_next_page) problems.push('hasNextPage');
  return problems.length ? `${problems.length} differences (${problems.slice(0, 3).join('; ')})` : null;
}

const TRANSACTION_CONTROL = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)\b/i;

/** Statements the API sends for one page, at 10 and at 50 referrals (best of three, against stray background work). */
async function statementsPerPage(context: BenchContext, partnerToken: string, ownerToken: string): Promise<Figure> {
  const count = async (first: number, token: string) => {
    let best: { statements: string[]; durationsMs: number[] } | undefined;
    for (let i = 0; i < 3; i++) {
      const counted = await context.countStatements(() =>
        send(graphqlCall(context.apiUrl, REFERRAL_PAGE, { first }, token)),
      );
      if (!best || counted.statements.length < best.statements.length) best = counted;
    }
    return best!;
  };
  const ten = (await count(10, partnerToken)).statements;
  const fiftyCounted = await count(50, partnerToken);
  const fifty = fiftyCounted.statements;
  const owner = (await count(50, ownerToken)).statements;
  const work = (statements: string[]) => statements.filter((s) => !TRANSACTION_CONTROL.test(s)).length;
  const timed = fifty.map((s, i) => ({ label: label(s), ms: fiftyCounted.durationsMs[i] }));
  context.log(
    `reads: statements of the partner's page (first: 50), round trip as the API saw it:\n${fifty
      .map((s, i) => `    ${i + 1}. ${ms(timed[i].ms).padStart(9)}  ${s.replace(/\s+/g, ' ').trim().slice(0, 120)}`)
      .join('\n')}`,
  );
  const shown = (s: string[]) => `${work(s)} (+${s.length - work(s)} transaction control)`;
  return {
    name: 'SQL per page',
    how: 'statements the API sends on its pool for one referrals page as the partner caseworker, first: 10 and first: 50',
    value: `first: 10 → ${shown(ten)}; first: 50 → ${shown(fifty)}; owner, first: 50 → ${shown(owner)}`,
    baseline: '—',
    ratio: null,
    target: '≤ 5, same at 10 and 50',
    met: work(fifty) <= 5 && fifty.length === ten.length,
    note:
      'Counted in the API process on the TypeORM pool (every statement a pooled connection sends, the actor lookup included); ' +
      'the target counts statements of work, BEGIN/COMMIT shown apart. Round trips at first: 50 (one sample): ' +
      timed.map((t) => `${t.label} ${ms(t.ms)}`).join(', ') +
      '.',
  };
}

/** A short name for a statement of the page, for the note. */
function label(sql: string): string {
  if (TRANSACTION_CONTROL.test(sql)) return sql.trim().split(/\s+/)[0];
  if (/FROM users u/.test(sql)) return 'actor';
  if (/participants?_access\(|participant_decision\(/.test(sql)) return 'participants (access rule, data, access log)';
  if (/referral_history/.test(sql)) return 'latest history';
  if (/"o"\."name"|FROM organisations/.test(sql)) return 'organisations';
  if (/FROM referrals|JOIN referrals/.test(sql)) return 'referral page';
  return sql.replace(/\s+/g, ' ').trim().slice(0, 40);
}

/** The partner's incoming list (consent-filtered, access-logged) against the owner's outgoing one, same size, interleaved. */
async function consentOverhead(context: BenchContext, partnerToken: string, ownerToken: string): Promise<Figure> {
  const partner = graphqlCall(
    context.apiUrl,
    REFERRAL_PAGE,
    { first: 50, filter: { direction: 'INCOMING' } },
    partnerToken,
  );
  const owner = graphqlCall(
    context.apiUrl,
    REFERRAL_PAGE,
    { first: 50, filter: { direction: 'OUTGOING' } },
    ownerToken,
  );
  const sizes = [await send<PageData>(partner), await send<PageData>(owner)].map((d) => d.referrals.edges.length);
  await warmUp(partner);
  await warmUp(owner);
  context.log('reads: consent overhead (partner incoming vs owner outgoing, interleaved)');
  const [filtered, unfiltered] = await interleaved(ROUNDS, [() => send(partner), () => send(owner)], BUDGET_MS);
  const ratio = percentile(filtered, 0.5) / percentile(unfiltered, 0.5);
  return {
    name: 'consent overhead',
    how: `partner (CIS caseworker) INCOMING page vs owner (PUP caseworker) OUTGOING page, ${sizes[0]} and ${sizes[1]} referrals, one client`,
    value: `p50 ${ms(percentile(filtered, 0.5))}, p99 ${ms(percentile(filtered, 0.99))}`,
    baseline: `p50 ${ms(percentile(unfiltered, 0.5))}, p99 ${ms(percentile(unfiltered, 0.99))} (owner)`,
    ratio: `p50 ${times(ratio)}`,
    target: '≤ 1.3×',
    met: ratio <= 1.3,
  };
}

/**
 * 16 clients on the real page against 16 on the same query served from memory by the same app (its
 * field resolvers included), against the PostGraphile peer, and against the hand-written statement from
 * 16 connections; the API's and the peer's CPU per page.
 */
async function readThroughput(
  context: BenchContext,
  partnerPage: GraphQLCall,
  partnerToken: string,
  peer: Peer,
): Promise<Figure[]> {
  const real = await send<PageData>(partnerPage);
  await context.setInMemoryReferralPage(real.referrals);
  const inMemory = graphqlCall(context.apiUrl, IN_MEMORY_PAGE, { first: 50 }, partnerToken);
  const served = await send<{ inMemoryReferrals: unknown }>(inMemory);
  if (JSON.stringify(served.inMemoryReferrals) !== JSON.stringify(real.referrals)) {
    throw new Error('the in-memory page does not answer what the real one does');
  }
  const seconds = context.loadSeconds;
  const warmupSeconds = Math.max(1, Math.round(seconds / 5));
  const load = { connections: CLIENTS, seconds, warmupSeconds };
  context.log(`reads: read throughput, ${CLIENTS} clients × ${seconds} s (+${warmupSeconds} s warm-up) each`);
  const api = await loadTestWithCpu(partnerPage, context.apiPid, load);
  const baseline = await loadTestWithCpu(inMemory, context.apiPid, load);
  const peerLoad = await loadTestWithCpu(peer.page, peer.pid, load);
  const partner = context.partnerCaseworker;
  const rights = ROLE_RIGHTS[partner.role as Role];
  const raw = await rawSqlThroughput(
    context.databaseUrl,
    HAND_WRITTEN_PAGE,
    [partner.organisationId, 50, partner.userId, rights.own, rights.partner, REFERRAL_ACCESS_DAYS],
    load,
  );
  const ratio = api.requestsPerSecond / baseline.requestsPerSecond;
  const peerRatio = api.requestsPerSecond / peerLoad.requestsPerSecond;
  const rawRatio = api.requestsPerSecond / raw;
  const failures = api.failures + baseline.failures + peerLoad.failures;
  const cpu = (value: number | undefined) => (value === undefined ? '—' : ms(value));
  return [
    {
      name: 'read throughput',
      how: `the same page, ${CLIENTS} concurrent clients (autocannon), ${seconds} s`,
      value: `${perSecond(api.requestsPerSecond)} (p50 ${ms(api.p50)}, p99 ${ms(api.p99)})`,
      baseline: `${perSecond(baseline.requestsPerSecond)} (p50 ${ms(baseline.p50)}) — the same query from memory, same app, its field resolvers included`,
      ratio: ratio.toFixed(2),
      target: '≥ 0.7',
      met: ratio >= 0.7 && failures === 0,
      note: failures ? `${failures} failed requests (errors, timeouts, non-2xx or GraphQL errors)` : undefined,
    },
    {
      name: 'peer throughput',
      how: `the same page, ${CLIENTS} concurrent clients, ours (with its access log) against PostGraphile 4 (none)`,
      value: perSecond(api.requestsPerSecond),
      baseline: `${perSecond(peerLoad.requestsPerSecond)} (p50 ${ms(peerLoad.p50)}) — PostGraphile 4`,
      ratio: peerRatio.toFixed(2),
      target: '≥ 1.0',
      met: peerRatio >= 1 && failures === 0,
    },
    {
      name: 'raw-SQL throughput',
      how: `the same page: ours against the hand-written statement (prepared) from ${CLIENTS} pg connections back to back`,
      value: perSecond(api.requestsPerSecond),
      baseline: `${perSecond(raw)} — one SQL statement, raw pg, access log included`,
      ratio: rawRatio.toFixed(2),
      target: '≥ 0.5',
      met: rawRatio >= 0.5,
    },
    {
      name: 'Node CPU per page',
      how: `the API process's CPU time (user + system, /proc) over the throughput run / pages served`,
      value: cpu(api.cpuMsPerRequest),
      baseline: `from memory ${cpu(baseline.cpuMsPerRequest)}; PostGraphile ${cpu(peerLoad.cpuMsPerRequest)}`,
      ratio: null,
      target: '≤ 10 ms',
      met: api.cpuMsPerRequest !== undefined && api.cpuMsPerRequest <= 10,
      note: "The in-memory page is the framework's floor for this response (HTTP, Apollo, Nest, the same field resolvers, ~30 kB of JSON).",
    },
  ];
}
