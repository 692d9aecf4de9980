/**
 * Write figures (issue 6): write throughput over HTTP, and what the ORM and our
 * services cost around the createReferral transaction in-process. Each against
 * raw `pg` doing the same writes, in this run, on this machine.
 */
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ACTOR_RESOLVER, ActorResolver, AuthzModule, Role } from '@app/authz';
import { ReferralPriority, ReferralReasonCategory, ReferralsModule, ReferralsService } from '@app/referrals';
import { BenchContext, Figure, FigureGroup } from '../figure';
import { Replay, benchConfig, captureStatements, closedLoop, num, processCpuMs, startContext } from './in-process';

/** The HTTP figure's clients, and the raw baseline's connections. */
const HTTP_CLIENTS = 16;
/** The in-process figure's concurrent callers, and the raw baseline's connections. */
const ORM_CALLERS = 4;
const ORM_SECONDS = 5;
const WARM_UP_SECONDS = 2;
/**
 * Each figure and its baseline run in alternating rounds: on a shared machine
 * the load of the moment then weighs on both alike.
 */
const ROUNDS = 2;
/** Marks every referral these figures create, so they are removed afterwards. */
const REASON = 'Benchmark: write figure referral (removed after the run)';

interface LoadContext extends Record<string, unknown> {
  referralId?: string;
  token?: string;
}

/** Who writes what: the runner's sender caseworker (PUP), its partner's organisation (CIS), their participants. */
interface WriteSetup {
  fromOrganisationId: string;
  toOrganisationId: string;
  /** Users of the sender organisation with a casework role (the HTTP clients take turns). */
  senders: { userId: string; token: string }[];
  participantIds: readonly string[];
}

export const writeFigures: FigureGroup = async (context) => {
  const setup = await writeSetup(context);
  const created: string[] = [];
  const pool = new Pool({ connectionString: context.databaseUrl, max: HTTP_CLIENTS });
  try {
    const throughput = await writeThroughput(context, setup, pool, created);
    const orm = await ormCost(context, setup, created);
    return [throughput, orm];
  } finally {
    await removeReferrals(pool, created, context).catch((error: Error) =>
      context.log(`writes: clean-up failed: ${error.message}`),
    );
    await pool.end();
  }
};

async function writeSetup(context: BenchContext): Promise<WriteSetup> {
  const sender = context.senderCaseworker;
  if (context.referableParticipantIds.length === 0) throw new Error('writes: no referable participants');
  const colleagues = context.users.filter(
    (u) =>
      u.organisationId === sender.organisationId &&
      u.userId !== sender.userId &&
      [Role.CASEWORKER, Role.COORDINATOR].includes(u.role as Role),
  );
  // A few accounts take turns (login is rate-limited per address, and the per-request cost is the same).
  const senders = [{ userId: sender.userId, token: await context.login(sender.email) }];
  for (const user of colleagues.slice(0, 3)) {
    try {
      senders.push({ userId: user.userId, token: await context.login(user.email) });
    } catch (error) {
      context.log(`writes: login of ${user.email} failed (${(error as Error).message}); fewer senders`);
    }
  }
  return {
    fromOrganisationId: sender.organisationId,
    toOrganisationId: context.partnerCaseworker.organisationId,
    senders,
    participantIds: context.referableParticipantIds,
  };
}

// ---------------------------------------------------------------- write throughput

const CREATE = 'mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }';
const SEND = 'mutation($input: TransitionInput!) { sendReferral(input: $input) { id status } }';

interface HttpRun {
  referrals: number;
  seconds: number;
  failures: number;
  firstFailure?: string;
  latency: { p50: number; p99: number };
}

/**
 * autocannon, `HTTP_CLIENTS` keep-alive connections, each looping createReferral
 * (a draft) then sendReferral of that draft, the id passed along in the
 * connection's context. A referral counts when its send answers SENT.
 */
async function httpWrites(
  context: BenchContext,
  setup: WriteSetup,
  length: { seconds: number } | { requests: number },
  created: string[],
): Promise<HttpRun> {
  const base = context.apiUrl.replace(/\/+$/, '');
  const url = base.endsWith('/graphql') ? base : `${base}/graphql`;
  const path = new URL(url).pathname;
  let next = 0;
  let referrals = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const fail = (body: string) => {
    failures++;
    firstFailure ??= body.slice(0, 300);
  };
  const request = (token: string, query: string, input: Record<string, unknown>): autocannon.Request => ({
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { input } }),
  });
  const result = await autocannon({
    url,
    connections: HTTP_CLIENTS,
    ...('seconds' in length ? { duration: length.seconds } : { amount: length.requests }),
    timeout: 30,
    requests: [
      {
        setupRequest: (_request, state) => {
          const loop = state as LoadContext;
          const i = next++;
          loop.token = setup.senders[i % setup.senders.length].token;
          return request(loop.token, CREATE, {
            participantId: setup.participantIds[i % setup.participantIds.length],
            toOrganisationId: setup.toOrganisationId,
            reasonCategory: ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
            reason: REASON,
            asOrganisationId: setup.fromOrganisationId,
          });
        },
        onResponse: (status, body, state) => {
          const id: unknown = status === 200 ? parse(body)?.data?.createReferral?.id : undefined;
          if (typeof id === 'string') {
            (state as LoadContext).referralId = id;
            created.push(id);
          } else fail(body);
        },
      },
      {
        // No draft to send (the create failed): start over with a new create.
        setupRequest: (_request, state) => {
          const loop = state as LoadContext;
          return loop.referralId && loop.token
            ? request(loop.token, SEND, { referralId: loop.referralId, asOrganisationId: setup.fromOrganisationId })
            : undefined;
        },
        onResponse: (status, body) => {
          if (status === 200 && parse(body)?.data?.sendReferral?.status === 'SENT') referrals++;
          else fail(body);
        },
      },
    ],
  });
  failures += result.errors + result.timeouts;
  return {
    referrals,
    seconds: result.duration,
    failures,
    firstFailure,
    latency: { p50: result.latency.p50, p99: result.latency.p99 },
  };
}

/** How many SQL statements the API sends for one create + send (undefined if the runner cannot count them). */
async function apiStatements(context: BenchContext, setup: WriteSetup, created: string[]): Promise<number | undefined> {
  try {
    const { statements } = await context.countStatements(async () => {
      const token = setup.senders[0].token;
      const { createReferral } = await context.graphql<{ createReferral: { id: string } }>(
        CREATE,
        {
          input: {
            participantId: setup.participantIds[0],
            toOrganisationId: setup.toOrganisationId,
            reasonCategory: ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
            reason: REASON,
            asOrganisationId: setup.fromOrganisationId,
          },
        },
        token,
      );
      created.push(createReferral.id);
      await context.graphql(
        SEND,
        { input: { referralId: createReferral.id, asOrganisationId: setup.fromOrganisationId } },
        token,
      );
    });
    return statements.length;
  } catch (error) {
    context.log(`writes: could not count the API's statements: ${(error as Error).message}`);
    return undefined;
  }
}

function parse(body: string): any {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * The raw baseline: the rows create + send commit, in the same two
 * transactions (a draft with its first history row; then the SENT update, its
 * history row and the outbox event), over `pg` with no reads, checks or
 * framework, `HTTP_CLIENTS` connections back to back.
 */
function rawWrites(pool: Pool, setup: WriteSetup, seconds: number, created: string[]) {
  return closedLoop(HTTP_CLIENTS, seconds * 1000, async (caller, sequence) => {
    const participantId = setup.participantIds[sequence % setup.participantIds.length];
    const userId = setup.senders[caller % setup.senders.length].userId;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const {
        rows: [{ id }],
      } = await client.query<{ id: string }>(
        `INSERT INTO referrals (participant_id, from_organisation_id, from_user_id, to_organisation_id, reason_category,
                                reason, priority, attachments)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          participantId,
          setup.fromOrganisationId,
          userId,
          setup.toOrganisationId,
          ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
          REASON,
          ReferralPriority.NORMAL,
          '[]',
        ],
      );
      created.push(id);
      await client.query(
        `INSERT INTO referral_history (referral_id, actor_user_id, actor_organisation_id, from_status, to_status)
         VALUES ($1, $2, $3, NULL, 'DRAFT')`,
        [id, userId, setup.fromOrganisationId],
      );
      await client.query('COMMIT');
      await client.query('BEGIN');
      await client.query(
        `UPDATE referrals SET status = 'SENT', version = version + 1, updated_at = now(), sent_at = now(),
                response_due_on = current_date + 14
          WHERE id = $1 AND version = 1 AND status = 'DRAFT'`,
        [id],
      );
      await client.query(
        `INSERT INTO referral_history (referral_id, actor_user_id, actor_organisation_id, from_status, to_status)
         VALUES ($1, $2, $3, 'DRAFT', 'SENT')`,
        [id, userId, setup.fromOrganisationId],
      );
      await client.query(
        `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload) VALUES ('referral.send', 'referral', $1, $2)`,
        [
          id,
          JSON.stringify({
            referralId: id,
            fromOrganisationId: setup.fromOrganisationId,
            toOrganisationId: setup.toOrganisationId,
            status: 'SENT',
            actorOrganisationId: setup.fromOrganisationId,
            reasonCode: null,
            outcome: null,
            childReferralId: null,
          }),
        ],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
}

async function writeThroughput(
  context: BenchContext,
  setup: WriteSetup,
  pool: Pool,
  created: string[],
): Promise<Figure> {
  const seconds = context.loadSeconds;
  const round = Math.max(2, Math.round(seconds / ROUNDS));
  context.log(
    `writes: createReferral + sendReferral over HTTP vs raw pg, ${HTTP_CLIENTS} clients, ` +
      `${ROUNDS} alternating rounds of ${round} s (+ ${WARM_UP_SECONDS} s warm-up each)`,
  );
  // The warm-up tells how many requests a round takes: a round then ends when its last answer is in
  // (a timed autocannon run drops the requests still in flight, up to one per client).
  const warmUp = await httpWrites(context, setup, { seconds: WARM_UP_SECONDS }, created);
  const requests = 2 * Math.max(HTTP_CLIENTS * 2, Math.round((warmUp.referrals / warmUp.seconds) * round));
  await rawWrites(pool, setup, WARM_UP_SECONDS, created);
  const statements = await apiStatements(context, setup, created);
  const http = {
    referrals: 0,
    seconds: 0,
    failures: 0,
    firstFailure: undefined as string | undefined,
    p50: 0,
    p99: 0,
    apiCpuMs: 0 as number | undefined,
  };
  const raw = { count: 0, seconds: 0, errors: 0, cpuMicros: 0 };
  for (let i = 0; i < ROUNDS; i++) {
    const cpuBefore = processCpuMs(context.apiPid);
    const h = await httpWrites(context, setup, { requests }, created);
    const cpuAfter = processCpuMs(context.apiPid);
    http.apiCpuMs =
      http.apiCpuMs !== undefined && cpuBefore !== undefined && cpuAfter !== undefined
        ? http.apiCpuMs + cpuAfter - cpuBefore
        : undefined;
    http.referrals += h.referrals;
    http.seconds += h.seconds;
    http.failures += h.failures;
    http.firstFailure ??= h.firstFailure;
    http.p50 = Math.max(http.p50, h.latency.p50);
    http.p99 = Math.max(http.p99, h.latency.p99);
    const r = await rawWrites(pool, setup, round, created);
    raw.count += r.count;
    raw.seconds += r.seconds;
    raw.errors += r.errors;
    raw.cpuMicros += r.cpuMicros;
  }
  const httpPerSecond = http.referrals / http.seconds;
  const rawPerSecond = raw.count / raw.seconds;
  const ratio = httpPerSecond / rawPerSecond;
  const failed = http.failures > 0 ? `; ${http.failures} failed requests, first: ${http.firstFailure}` : '';
  const cpu =
    http.apiCpuMs !== undefined
      ? `; Node CPU per referral: API process ${num(http.apiCpuMs / http.referrals, 1)} ms, ` +
        `raw baseline's client ${num(raw.cpuMicros / 1000 / raw.count, 1)} ms`
      : '';
  return {
    name: 'write throughput',
    how: `createReferral (draft) then sendReferral over HTTP, ${HTTP_CLIENTS} keep-alive clients (autocannon), ${ROUNDS} rounds of ${num(requests)} requests (~${round} s)`,
    value: `${num(httpPerSecond)} referrals/s (${num(2 * httpPerSecond)} req/s; request p50 ${http.p50} ms, p99 ${http.p99} ms)`,
    baseline: `${num(rawPerSecond)} referrals/s: raw pg, ${HTTP_CLIENTS} connections, the same rows in the same 2 transactions`,
    ratio: ratio.toFixed(2),
    target: '≥ 0.5',
    met: ratio >= 0.5 && http.failures === 0 && raw.errors === 0,
    note:
      `per referral both write 1 referral row (inserted, then updated to SENT), 2 history rows, 1 outbox row, in 2 commits; ` +
      `the API also authenticates, resolves the actor, validates, checks ownership, runs the consent gate ` +
      `(participant_access) and reads the referral back${statements ? `, ${statements} SQL statements against 9` : ''}; ` +
      `no idempotency keys; ` +
      `rounds alternate with the baseline's (worst round's latency shown)${cpu}${failed}`,
  };
}

// ---------------------------------------------------------------- ORM cost

/**
 * ReferralsService.create(actor, { send: true }) in-process, `ORM_CALLERS`
 * concurrent callers, against the very SQL it sends (captured from one call)
 * replayed through raw `pg`: tps and this process's CPU per transaction.
 */
async function ormCost(context: BenchContext, setup: WriteSetup, created: string[]): Promise<Figure> {
  const config = benchConfig(context);
  const app = await startContext(config, context, [AuthzModule, ReferralsModule]);
  const pool = new Pool({ connectionString: context.databaseUrl, max: ORM_CALLERS });
  try {
    const service = app.get(ReferralsService);
    const actor = await app
      .get<symbol, ActorResolver>(ACTOR_RESOLVER, { strict: false })
      .resolve(setup.senders[0].userId);
    if (!actor) throw new Error('writes: the sender caseworker is no actor');
    const create = async (sequence: number) => {
      const referral = await service.create(actor, input(setup, sequence));
      created.push(referral.id);
      return referral.id;
    };
    const { result: capturedId, statements } = await captureStatements(app.get(DataSource), () => create(0));
    const replay = new Replay(statements, capturedId, { keyReturned: true });
    const raw = async () => {
      const client = await pool.connect();
      try {
        created.push(await replay.run(client));
      } finally {
        client.release();
      }
    };
    const through = (work: (sequence: number) => Promise<unknown>, seconds: number) =>
      closedLoop(ORM_CALLERS, seconds * 1000, async (_caller, sequence) => {
        await work(sequence);
      });
    context.log(
      `writes: ORM cost vs raw pg, ${ORM_CALLERS} callers, ${ROUNDS} alternating rounds of ${ORM_SECONDS / ROUNDS} s ` +
        `(${replay.statements} statements per transaction)`,
    );
    await through(create, 1);
    await through(raw, 1);
    const ours = { count: 0, seconds: 0, cpuMicros: 0, errors: 0, firstError: undefined as string | undefined };
    const bare = { ...ours };
    for (let i = 0; i < ROUNDS; i++) {
      for (const [total, work] of [
        [ours, create],
        [bare, raw],
      ] as const) {
        const run = await through(work, ORM_SECONDS / ROUNDS);
        total.count += run.count;
        total.seconds += run.seconds;
        total.cpuMicros += run.cpuMicros;
        total.errors += run.errors;
        total.firstError ??= run.firstError;
      }
    }
    const oursTps = ours.count / ours.seconds;
    const bareTps = bare.count / bare.seconds;
    const oursCpu = ours.cpuMicros / ours.count;
    const bareCpu = bare.cpuMicros / bare.count;
    const tpsRatio = oursTps / bareTps;
    const cpuRatio = oursCpu / bareCpu;
    return {
      name: 'ORM cost',
      how: `ReferralsService.create (send: true) in-process, ${ORM_CALLERS} callers, ${ROUNDS} × ${ORM_SECONDS / ROUNDS} s`,
      value: `${num(oursTps)} tx/s, ${num(oursCpu)} µs Node CPU/tx`,
      baseline: `${num(bareTps)} tx/s, ${num(bareCpu)} µs/tx: the same ${replay.statements} statements (captured) through raw pg`,
      ratio: `tps ${tpsRatio.toFixed(2)}×, CPU ${cpuRatio.toFixed(2)}×`,
      target: 'tps ≥ 0.75×, CPU ≤ 2×',
      met: tpsRatio >= 0.75 && cpuRatio <= 2 && ours.errors === 0 && bare.errors === 0,
      note:
        `the transaction (ownership and organisation checks, insert, history, visible-row read, SENT update, ` +
        `history, consent gate, outbox) and the read-back, as TypeORM sends them; CPU = process.cpuUsage() ` +
        `of the bench process / transactions; rounds alternate with the baseline's` +
        (ours.errors + bare.errors > 0 ? `; errors: ${ours.firstError ?? bare.firstError}` : ''),
    };
  } finally {
    await pool.end();
    await app.close();
  }
}

function input(setup: WriteSetup, sequence: number) {
  return {
    participantId: setup.participantIds[sequence % setup.participantIds.length],
    toOrganisationId: setup.toOrganisationId,
    reasonCategory: ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
    reason: REASON,
    priority: ReferralPriority.NORMAL,
    send: true,
  };
}

/** Deletes the referrals these figures created, their history and outbox events: later figures see the generated data. */
async function removeReferrals(pool: Pool, ids: string[], context: BenchContext): Promise<void> {
  if (ids.length === 0) return;
  context.log(`writes: removing the ${num(ids.length)} referrals written`);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`DELETE FROM outbox WHERE aggregate_type = 'referral' AND aggregate_id = ANY ($1::uuid[])`, [
      ids,
    ]);
    await client.query(`DELETE FROM referral_history WHERE referral_id = ANY ($1::uuid[])`, [ids]);
    await client.query(`DELETE FROM referrals WHERE id = ANY ($1::uuid[]) AND reason = $2`, [ids, REASON]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
