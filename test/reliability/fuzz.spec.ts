import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { GraphQLSchema } from 'graphql';
import { createTestDatabase, readTestEnvironment, TestDatabase } from '@app/testing';
import { ApiProcess } from './fuzz/api-process';
import { Findings } from './fuzz/findings';
import { bodyOf, CaseSources, generateCase } from './fuzz/graphql-cases';
import { httpCases } from './fuzz/http-cases';
import { KnownObjects } from './fuzz/known-objects';
import { judgeGraphQL } from './fuzz/oracle';
import { Coverage, graphqlProbe, httpProbe, webSocketProbe } from './fuzz/probes';
import { readBackFor, WrittenRows } from './fuzz/readback';
import { Runner } from './fuzz/runner';
import { fetchSchema, Operation, operationsOf } from './fuzz/schema';
import { buildWorld, call, World } from './fuzz/world';
import { runWebSocketCase, webSocketCases } from './fuzz/websocket-cases';
import { intFromEnv, ROOT } from './support/fault-harness';

/**
 * The generated fuzz test (issue 10): the real API as a child process, every
 * root field of its introspected schema called by every actor (each role and
 * nobody) with plausible arguments carrying hostile values; HTTP-level abuse
 * on every route; graphql-ws sessions gone wrong; then every row the run
 * wrote is read back by whoever wrote it. No answer may be a 5xx, an
 * INTERNAL_SERVER_ERROR, an uncoded error or carry PostgreSQL's words or a
 * stack, and the process must never die. FUZZ_SEED replays a run,
 * FUZZ_RUNS scales it (README, "The fuzz test").
 */
const SEED = intFromEnv('FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
const RUNS = intFromEnv('FUZZ_RUNS', 3000, 1);
const HTTP_RUNS = intFromEnv('FUZZ_HTTP_RUNS', Math.ceil(RUNS / 10));
const CONCURRENCY = intFromEnv('FUZZ_CONCURRENCY', 4, 1);
const FINDINGS_FILE = process.env.FUZZ_FINDINGS_FILE || join(ROOT, '.tmp', 'fuzz', `findings-${SEED}.md`);
const PHASE_TIMEOUT_MS = 120_000 + RUNS * 60;

/** Kinds of input the issue names: the run fails if it sent none of one of them. */
const REQUIRED_KINDS = [
  'null',
  'missing',
  'wrong type: string',
  'NUL character',
  'lone UTF-16 surrogate',
  'RTL override and invisible characters',
  '1 MB string',
  'whitespace only',
  'zero',
  'negative',
  'above Int range (2^31)',
  '2^53 and beyond',
  'float for Int',
  'NaN-ish number',
  'forged id',
  'forged cursor',
  'bad enum value',
  'bad date',
  'every field null',
  'every field null, nested',
  'every list field [null]',
  'list [null]',
  'required arguments left out',
];

/** Types whose rows set-up writes: each must have been read back at least once. */
const READ_BACK_TYPES = ['Participant', 'Consent', 'Referral', 'LegalBasis', 'WebhookEndpoint', 'Organisation'];

describe(`fuzz (seed ${SEED}): no request crashes the API or gets an internal error`, () => {
  const { redisUrl } = readTestEnvironment();
  const coverage = new Coverage();
  const known = new KnownObjects();
  const written = new WrittenRows();
  let database: TestDatabase;
  let api: ApiProcess;
  let schema: GraphQLSchema;
  let operations: Operation[];
  let world: World;

  const findings = (phase: string) => new Findings(FINDINGS_FILE, SEED, phase, (id) => api.logFor(id));
  const fail = (f: Findings) => {
    const summary = f.summary();
    if (summary) throw new Error(summary);
  };

  beforeAll(async () => {
    console.log(
      `fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays), ${RUNS} GraphQL requests, findings in ${FINDINGS_FILE}`,
    );
    database = await createTestDatabase();
    api = await ApiProcess.start({
      databaseUrl: database.url,
      redisUrl,
      queuePrefix: `fuzz-${randomBytes(4).toString('hex')}`,
    });
    schema = await fetchSchema(api.baseUrl);
    operations = operationsOf(schema);
    world = await buildWorld(api.baseUrl, schema, known, written, SEED);
    if (world.problems.length) console.log(`fuzz: set-up could not do everything:\n  ${world.problems.join('\n  ')}`);
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  it(
    'every query, mutation and subscription, as every actor, with hostile arguments',
    async () => {
      const sources: CaseSources = { seed: SEED, schema, operations, actors: world.actors, known };
      const phase = findings('GraphQL operations');
      const runner = new Runner(api, phase, CONCURRENCY);
      const started = Date.now();
      await runner.run(RUNS, (i) => graphqlProbe(generateCase(i, sources), SEED, coverage, known, written));
      console.log(
        `fuzz: ${runner.sent} GraphQL requests in ${Math.round((Date.now() - started) / 1000)} s; answers by operation:\n${coverage.table()}\n` +
          `inputs sent: ${[...coverage.inputKinds.entries()]
            .filter(([k]) => !k.includes(':') || k.startsWith('wrong'))
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')}`,
      );

      console.log(
        `fuzz: plausible requests that succeeded: ${coverage.plausibleSucceeded} of ${coverage.plausibleSent}` +
          (process.env.FUZZ_VERBOSE
            ? `; first refusal per operation:\n${[...coverage.plausibleRefusals.entries()].map(([op, why]) => `  ${op} — ${why}`).join('\n')}`
            : ''),
      );
      // Not vacuous: the requests went out, every operation met every actor, every kind of input named by the issue was sent.
      expect(runner.sent + runner.skipped).toBeGreaterThanOrEqual(RUNS);
      expect(operations.map((o) => o.kind)).toEqual(expect.arrayContaining(['query', 'mutation', 'subscription']));
      if (RUNS >= operations.length * world.actors.length) {
        const missed = operations.flatMap((op) =>
          world.actors.map((a) => `${op.label} as ${a.key}`).filter((key) => !coverage.operationActor.has(key)),
        );
        expect(missed).toEqual([]);
      }
      if (RUNS >= 2000) expect(REQUIRED_KINDS.filter((k) => !coverage.inputKinds.has(k))).toEqual([]);
      expect(coverage.selfLeakingRequests).toBe(0);
      fail(phase);
    },
    PHASE_TIMEOUT_MS,
  );

  it(
    'HTTP-level abuse on every route: bodies, content types, methods, cookies, headers, raw bytes',
    async () => {
      const admin = world.actors.find((a) => a.role === 'PLATFORM_ADMIN')!;
      const cases = httpCases({ adminToken: admin.token!, userId: world.userIds[0], seed: SEED }, HTTP_RUNS);
      const phase = findings('HTTP');
      const runner = new Runner(api, phase, CONCURRENCY);
      await runner.run(cases.length, (i) => httpProbe(cases[i], i, SEED, coverage));
      console.log(`fuzz: ${runner.sent} HTTP-level requests (${runner.skipped} skipped after killing the process)`);
      expect(runner.sent + runner.skipped).toBeGreaterThanOrEqual(cases.length);
      fail(phase);
    },
    PHASE_TIMEOUT_MS,
  );

  it(
    'graphql-ws sessions gone wrong, as every actor',
    async () => {
      const sources: CaseSources = { seed: SEED, schema, operations, actors: world.actors, known };
      const cases = world.actors.flatMap((actor, a) =>
        webSocketCases(
          actor,
          world.userIds[0],
          // A few generated requests (queries and mutations too) sent over the socket instead of HTTP.
          [0, 1, 2].map((k) => {
            const c = generateCase(RUNS + a * 3 + k, { ...sources, actors: [actor] });
            return { input: c.op.label, body: bodyOf(c) };
          }),
        ),
      );
      const phase = findings('graphql-ws');
      const runner = new Runner(api, phase, CONCURRENCY * 2);
      await runner.run(cases.length, (i) => webSocketProbe(cases[i], coverage));
      // Not vacuous: a signed-in actor's subscription is acknowledged.
      const intended = await runWebSocketCase(api.baseUrl, cases[0]);
      expect(intended.text).toContain('connection_ack');
      expect(runner.sent + runner.skipped).toBeGreaterThanOrEqual(cases.length);
      fail(phase);
    },
    PHASE_TIMEOUT_MS,
  );

  it('every row the run wrote is still readable by whoever wrote it', async () => {
    if (!(await api.answers())) await api.restart();
    const phase = findings('read-back');
    const checked = new Map<string, number>();
    for (const row of written.all()) {
      const plan = readBackFor(schema, row);
      if (!plan) {
        checked.set(
          `${row.typename} (no way to read it back)`,
          (checked.get(`${row.typename} (no way to read it back)`) ?? 0) + 1,
        );
        continue;
      }
      const requestId = `fuzz-${SEED}-r${checked.size}-${row.id.slice(0, 8)}`;
      const result = await call(api.baseUrl, row.actor, plan.query, plan.variables, requestId);
      const text = JSON.stringify({ errors: result.errors });
      // One outcome per row: the oracle's verdict, else the first error's code, else that it was gone.
      const judged = judgeGraphQL({ status: result.status, text }).map((p) => p.outcome);
      const outcome =
        judged[0] ??
        (result.errors?.length
          ? `read back with error ${result.errors[0].extensions?.code ?? '(no code)'}`
          : plan.mustFind && result.data && !plan.found(result.data)
            ? 'not found by its writer'
            : undefined);
      if (outcome) {
        phase.add({
          operation: `read back ${row.typename}`,
          where: `written by ${row.by}`,
          input: row.typename,
          outcome,
          actor: row.actor.key,
          request: `${plan.query} ${JSON.stringify(plan.variables)}`,
          answer: text.slice(0, 200),
          requestId,
        });
      }
      checked.set(row.typename, (checked.get(row.typename) ?? 0) + 1);
    }
    console.log(`fuzz: rows read back by type: ${[...checked.entries()].map(([t, n]) => `${t} ${n}`).join(', ')}`);
    expect(READ_BACK_TYPES.filter((t) => !checked.has(t))).toEqual([]);
    fail(phase);
  });

  it('the API process is still up, never died, and reported no unhandled rejection', async () => {
    expect(await api.answers()).toBe(true);
    expect({ deaths: api.deaths, unhandled: api.unhandledReports().slice(0, 5) }).toEqual({ deaths: 0, unhandled: [] });
  });
});
