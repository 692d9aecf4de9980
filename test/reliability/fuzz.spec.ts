import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { GraphQLSchema } from 'graphql';
import { createTestDatabase, readTestEnvironment, TestDatabase } from '@app/testing';
import { ApiProcess } from './fuzz/api-process';
import { Findings } from './fuzz/findings';
import {
  bodyOf,
  calibrationCase,
  calibrationSize,
  CaseSources,
  generateCase,
  GraphQLCase,
  sweepCases,
} from './fuzz/graphql-cases';
import { httpCases } from './fuzz/http-cases';
import { Actor } from './fuzz/inputs';
import { KnownObjects } from './fuzz/known-objects';
import { Coverage, graphqlProbe, httpProbe, readBackProbe, webSocketProbe } from './fuzz/probes';
import { WrittenRow, WrittenRows } from './fuzz/readback';
import { Probe, Runner } from './fuzz/runner';
import { fetchSchema, Operation, operationsOf } from './fuzz/schema';
import { buildWorld, World } from './fuzz/world';
import { runWebSocketCase, webSocketCases } from './fuzz/websocket-cases';
import { intFromEnv, ROOT } from './support/fault-harness';

/**
 * The generated fuzz test (issue 10): the real API as a child process; every
 * root field of its introspected schema called by every actor (each role,
 * nobody, a signed token of no user), first plausibly (calibration), then
 * with the issue's inputs in every argument slot (sweep), then with random
 * hostile values in plausible arguments, mostly as an actor able to perform
 * it; HTTP-level abuse on every route; graphql-ws sessions gone
 * wrong; every row written read back by its writer, at once and at the end.
 * No answer may be a 5xx, an INTERNAL_SERVER_ERROR, an uncoded error or carry
 * PostgreSQL's words or a stack, and the process must never die. FUZZ_SEED
 * replays a run, FUZZ_RUNS scales it (README, "The fuzz test").
 */
const SEED = intFromEnv('FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
const RUNS = intFromEnv('FUZZ_RUNS', 2000, 1);
const HTTP_RUNS = intFromEnv('FUZZ_HTTP_RUNS', Math.ceil(RUNS / 10));
const CONCURRENCY = intFromEnv('FUZZ_CONCURRENCY', 4, 1);
const FINDINGS_FILE = process.env.FUZZ_FINDINGS_FILE || join(ROOT, '.tmp', 'fuzz', `findings-${SEED}.md`);
const PHASE_TIMEOUT_MS = 120_000 + RUNS * 60;
const VERBOSE = !!process.env.FUZZ_VERBOSE;

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
      `fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays), ${RUNS} hostile GraphQL requests, findings in ${FINDINGS_FILE}`,
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
      const capable = new Map<string, Actor[]>();
      const sources: CaseSources = { seed: SEED, schema, operations, actors: world.actors, known, capable };
      const phase = findings('GraphQL operations');
      const runner = new Runner(api, phase, CONCURRENCY);
      const started = Date.now();
      const calibration = calibrationSize(sources);
      let reads = 0;
      const readBack = (row: WrittenRow, when: string) =>
        readBackProbe(schema, row, when, `fuzz-${SEED}-w${reads++}`, coverage);
      const probe = (c: GraphQLCase) => graphqlProbe(c, SEED, coverage, known, written, readBack);
      await runner.run(calibration, (i) => probe(calibrationCase(i, sources)));
      for (const op of operations) {
        const keys = coverage.succeeded.get(op.name) ?? new Set();
        capable.set(
          op.name,
          world.actors.filter((a) => keys.has(a.key)),
        );
      }
      const sweep = sweepCases(sources);
      await runner.run(sweep.length, (i) => probe(sweep[i]));
      await runner.run(RUNS, (i) => probe(generateCase(i, sources)));
      const seconds = Math.round((Date.now() - started) / 1000);
      const kinds = [...coverage.inputKinds.entries()].filter(([k]) => !/^(HTTP|ws): /.test(k));
      console.log(
        `fuzz: ${runner.sent} GraphQL requests (${calibration} calibration, ${sweep.length} sweep, ${RUNS} random) in ${seconds} s, ` +
          `${coverage.operationActor.size} (operation, actor) pairs, ` +
          `${kinds.length} kinds of input; ${[...capable.values()].filter((a) => a.length).length} of ${operations.length} operations ` +
          `performed by someone in calibration; plausible requests that succeeded: ${coverage.plausibleSucceeded} of ${coverage.plausibleSent}` +
          (VERBOSE
            ? `\nanswers by operation:\n${coverage.table()}\ninputs sent: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}` +
              `\nfirst refusal of a plausible request, per operation:\n${[...coverage.plausibleRefusals.entries()].map(([op, why]) => `  ${op} — ${why}`).join('\n')}`
            : ' (FUZZ_VERBOSE=1 for answers by operation and inputs by kind)'),
      );
      // Not vacuous: the requests went out, every operation met every actor, every kind of input named by the issue was sent.
      expect(runner.sent + runner.skipped).toBeGreaterThanOrEqual(calibration + sweep.length + RUNS);
      expect(operations.map((o) => o.kind)).toEqual(expect.arrayContaining(['query', 'mutation', 'subscription']));
      const missed = operations.flatMap((op) =>
        world.actors.map((a) => `${op.label} as ${a.key}`).filter((key) => !coverage.operationActor.has(key)),
      );
      expect(missed).toEqual([]);
      // The hostile round reached past authorization: most mutations had someone able to perform them.
      const reachable = operations.filter((op) => op.kind === 'mutation' && capable.get(op.name)?.length);
      expect(reachable.length).toBeGreaterThan(operations.filter((op) => op.kind === 'mutation').length / 2);
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
      const sources: CaseSources = { seed: SEED, schema, operations, actors: world.actors, known, capable: new Map() };
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

  it(
    'every row the run wrote is still readable by whoever wrote it, at the end too',
    async () => {
      const phase = findings('read-back');
      const runner = new Runner(api, phase, CONCURRENCY);
      const rows = written.all();
      const probes = rows.map((row, i) => readBackProbe(schema, row, 'at the end', `fuzz-${SEED}-r${i}`, coverage));
      const planned = probes.filter((p): p is Probe => p !== undefined);
      await runner.run(planned.length, (i) => planned[i]);
      const byType = (typename: string) =>
        [...coverage.readBacks.entries()]
          .filter(([key]) => key.startsWith(`${typename}: `))
          .reduce((n, [, c]) => n + c, 0);
      console.log(
        `fuzz: ${rows.length} rows written, read back right after each write and again at the end: ` +
          [...coverage.readBacks.entries()].map(([key, n]) => `${key} ${n}`).join(', '),
      );
      expect(READ_BACK_TYPES.filter((t) => byType(t) === 0)).toEqual([]);
      fail(phase);
    },
    PHASE_TIMEOUT_MS,
  );

  it('the API process is still up, never died, and reported no unhandled rejection', async () => {
    expect(await api.answers()).toBe(true);
    expect({ deaths: api.deaths, unhandled: api.unhandledReports().slice(0, 5) }).toEqual({ deaths: 0, unhandled: [] });
  });
});
