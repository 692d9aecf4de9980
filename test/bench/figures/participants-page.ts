import { Client } from 'pg';
import { ROLE_RIGHTS } from '@app/access';
import { Role } from '@app/authz';
import type { BenchContext, BenchUser, Figure } from '../figure';
import { GraphQLCall, graphqlCall, interleaved, ms, percentile, send, times } from '../measure';

/**
 * `participants(first: 50)` — the list a caseworker opens first — as the
 * partner (the CIS caseworker: the CIS's own participants and those consented
 * and referred to it) and as the owner (the labour office's caseworker), with
 * and without `totalCount`, at small scale and at the chosen one. Target: p50
 * ≤ 50 ms and the chosen scale ≤ 1.5× small, without the count (the list asks
 * for it only where it shows it). Before issue 11 the list decided access for
 * every participant in the database to count them: 5.9 s at medium.
 */

const FIELDS = `edges { cursor node { id identity { firstName lastName } contact { phone } access { basis visibleCategories } } }
    pageInfo { hasNextPage endCursor }`;
const LIST = `query Participants($first: Int!) { participants(first: $first) { ${FIELDS} } }`;
const COUNTED = `query Participants($first: Int!) { participants(first: $first) { totalCount totalCountIsCapped ${FIELDS} } }`;

const ROUNDS = 60;
const BUDGET_MS = 10_000;
const WARM_UP = 10;

interface ListData {
  participants: { totalCount?: number; totalCountIsCapped?: boolean; edges: { node: { id: string } }[] };
}

export interface ParticipantsTimings {
  partner: number;
  owner: number;
  partnerCounted?: number;
  ownerCounted?: number;
  /** What the counted lists answered. */
  counts?: { partner: string; owner: string };
}

/** p50s of the two readers' first page, interleaved (and with totalCount, when `withCount`). */
export async function participantsTimings(context: BenchContext, withCount: boolean): Promise<ParticipantsTimings> {
  const partner = await context.login(context.partnerCaseworker.email);
  const owner = await context.login(context.senderCaseworker.email);
  const calls: GraphQLCall[] = [
    graphqlCall(context.apiUrl, LIST, { first: 50 }, partner),
    graphqlCall(context.apiUrl, LIST, { first: 50 }, owner),
    ...(withCount
      ? [
          graphqlCall(context.apiUrl, COUNTED, { first: 50 }, partner),
          graphqlCall(context.apiUrl, COUNTED, { first: 50 }, owner),
        ]
      : []),
  ];
  for (const call of calls) for (let i = 0; i < WARM_UP; i++) await send(call);
  const samples = await interleaved(
    ROUNDS,
    calls.map((call) => () => send(call)),
    BUDGET_MS,
  );
  const p50s = samples.map((s) => percentile(s, 0.5));
  if (!withCount) return { partner: p50s[0], owner: p50s[1] };
  const count = async (call: GraphQLCall) => {
    const { participants } = await send<ListData>(call);
    return `${participants.totalCountIsCapped ? 'ponad ' : ''}${participants.totalCount}`;
  };
  return {
    partner: p50s[0],
    owner: p50s[1],
    partnerCounted: p50s[2],
    ownerCounted: p50s[3],
    counts: { partner: await count(calls[2]), owner: await count(calls[3]) },
  };
}

/**
 * Whether the API's first page is the one deciding for every participant gives (the set-based rule over
 * the whole table, newest first): the same rows as before the list walked its index. Once, at the end.
 */
export async function sameRowsAsDecidingForEveryone(context: BenchContext, user: BenchUser): Promise<boolean> {
  const token = await context.login(user.email);
  const { participants } = await send<ListData>(graphqlCall(context.apiUrl, LIST, { first: 50 }, token));
  const rights = ROLE_RIGHTS[user.role as Role];
  const db = new Client({ connectionString: context.databaseUrl, options: '-c jit=off' });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(
      `SELECT p.id FROM participants_access((SELECT array_agg(id) FROM participants), $1, $2, 'REFERRAL', $3, $4,
                                           current_date, 30) a
         JOIN participants p ON p.id = a.participant_id
        ORDER BY p.created_at DESC, p.id DESC LIMIT 50`,
      [user.organisationId, user.userId, rights.own, rights.partner],
    );
    return JSON.stringify(rows.map((r) => r.id)) === JSON.stringify(participants.edges.map((e) => e.node.id));
  } finally {
    await db.end();
  }
}

export function participantsFigures(
  context: BenchContext,
  small: ParticipantsTimings,
  grown: ParticipantsTimings,
  sameRows: { partner: boolean; owner: boolean },
  participants: { small: number; grown: number },
): Figure[] {
  return (['partner', 'owner'] as const).map((who) => {
    const growth = grown[who] / small[who];
    const counted = grown[`${who}Counted`];
    const reader = who === 'partner' ? 'the CIS caseworker (partner)' : 'the labour-office caseworker (owner)';
    return {
      name: `participants page (${who})`,
      how: `participants(first: 50) as ${reader}, one client, p50, ${participants.grown.toLocaleString('en-US')} vs ${participants.small.toLocaleString('en-US')} participants`,
      value: `p50 ${ms(grown[who])} (${context.scale}); with totalCount ${counted === undefined ? '—' : ms(counted)} (answered ${grown.counts?.[who] ?? '—'})`,
      baseline: `p50 ${ms(small[who])} (small)`,
      ratio: times(growth),
      target: 'p50 ≤ 50 ms, ≤ 1.5× small',
      met: grown[who] <= 50 && growth <= 1.5 && sameRows[who],
      note:
        `the first page is the one deciding for every participant gives: ${sameRows[who] ? 'yes' : 'NO'}. ` +
        'totalCount walks the list again and stops at 1000 (totalCountIsCapped, "ponad 1000"); its cost follows the ' +
        'participants walked, not the size of the database.',
    };
  });
}
