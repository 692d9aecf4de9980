import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '@app/core';
import { hashPassword } from '@app/organisations/people/passwords';
import { ApiProcess, startApiProcess } from './api-process';
import {
  BENCH_PASSWORD,
  Scale,
  Size,
  analyse,
  createSetup,
  generateRows,
  prepareSession,
  referableParticipants,
  rowCounts,
  sizeOf,
} from './data/generate';
import { caseworkerEmail } from './data/organisations';
import type { BenchContext, Figure, FigureGroup } from './figure';
import { notificationFigures } from './figures/notifications';
import { readFigures } from './figures/reads';
import { writeFigures } from './figures/writes';
import { graphqlCall, send } from './measure';
import { markdownSection, textTable, writeSection } from './report';
import { deleteRedisKeys, describeMachine, startServer } from './server';

/**
 * `npm run bench -- [--scale small|medium|large] [--only reads,writes,notifications] [--cpu-prof] [--no-write] [--keep]`
 *
 * Builds (the npm script), then: picks the backing (DATABASE_URL / REDIS_URL,
 * or an embedded PostgreSQL in .tmp with BullMQ on PostgreSQL), creates a
 * fresh bench database, migrates it, generates the small data set, starts the
 * API as a child process (RUN_WORKER=false) with the bench-only in-memory
 * query, runs the figure groups in order (the read figures grow the data to
 * the chosen scale half-way, for the growth figure), prints the table on
 * stdout and writes this backing's section of docs/benchmarks.md. Everything
 * it created is removed at the end: database, embedded server, Redis keys, build.
 */

const USAGE =
  'usage: npm run bench -- [--scale small|medium|large] [--only reads,writes,notifications] [--cpu-prof] [--no-write] [--keep]';

/** Seconds per load test, by scale. */
const LOAD_SECONDS: Record<Scale, number> = { small: 5, medium: 10, large: 10 };

/** The figure groups, in the order they run. */
const GROUPS: { name: string; group: FigureGroup }[] = [
  { name: 'reads', group: readFigures },
  { name: 'writes', group: writeFigures },
  { name: 'notifications', group: notificationFigures },
];

interface Options {
  scale: Scale;
  only?: string[];
  cpuProfile: boolean;
  write: boolean;
  /** Leave the bench database on DATABASE_URL's server (for EXPLAIN ANALYZE afterwards). */
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { scale: 'small', cpuProfile: false, write: true, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--scale') {
      const scale = value();
      if (scale !== 'small' && scale !== 'medium' && scale !== 'large')
        throw new Error(`unknown scale ${scale}\n${USAGE}`);
      options.scale = scale;
    } else if (flag === '--only') options.only = value().split(',');
    else if (flag === '--cpu-prof') options.cpuProfile = true;
    else if (flag === '--no-write') options.write = false;
    else if (flag === '--keep') options.keep = true;
    else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
  }
  for (const name of options.only ?? []) {
    if (!GROUPS.some((g) => g.name === name)) throw new Error(`unknown group ${name}\n${USAGE}`);
  }
  return options;
}

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const repositoryRoot = process.cwd();
  if (!existsSync(join(repositoryRoot, 'test', 'bench', 'run.ts')))
    throw new Error('run from the repository root (npm run bench)');
  const buildRoot = resolve(__dirname, '..', '..');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const redisUrl = process.env.REDIS_URL || undefined;
  const backing = redisUrl ? 'redis' : 'postgres';

  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanUp = async () => {
    while (cleanups.length) {
      await cleanups.pop()!().catch((error: unknown) =>
        log(`clean-up: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  };
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      log(`${signal}: cleaning up`);
      cleanUp()
        .catch((error: unknown) => log(`clean-up failed: ${String(error)}`))
        .finally(() => process.exit(130));
    });
  }
  // The build of this run (.tmp/bench-build/<pid>), removed at the end.
  if (basename(dirname(buildRoot)) === 'bench-build') {
    cleanups.push(async () => rmSync(buildRoot, { recursive: true, force: true }));
  }

  try {
    log(`scale ${options.scale}, backing ${backing}${databaseUrl ? ' on DATABASE_URL' : ' on embedded PostgreSQL'}`);
    const server = await startServer(repositoryRoot, databaseUrl, log);
    if (options.keep && databaseUrl) log(`--keep: ${server.databaseName} stays on the server; drop it when done`);
    else cleanups.push(() => server.release());
    log(`bench database ${server.databaseName}`);

    const dataSource = await new DataSource(dataSourceOptions(server.databaseUrl)).initialize();
    await migrate(dataSource, { databaseUrl: server.databaseUrl, redisUrl });
    await dataSource.destroy();

    // Generation: the small data set now; the rest when the read figures (or the next group) ask.
    const generationStarted = Date.now();
    const db = new Client({ connectionString: server.databaseUrl, application_name: 'bench-generator' });
    await db.connect();
    cleanups.push(() => db.end());
    const { foreignKeyChecks } = await prepareSession(db);
    const epoch = new Date();
    const directory = await createSetup(db, await hashPassword(BENCH_PASSWORD));
    let size: Size = { referrals: 0, participants: 0 };
    const generateTo = async (scale: Scale) => {
      const target = sizeOf(scale);
      if (target.referrals <= size.referrals) return;
      const t = Date.now();
      log(`generating ${scale} (${target.referrals.toLocaleString('en-US')} referrals)`);
      await generateRows(db, size, target, epoch, log);
      size = target;
      await analyse(db);
      log(`${scale} ready in ${((Date.now() - t) / 1000).toFixed(1)} s (VACUUM ANALYZE included)`);
      generationSeconds[scale] = (Date.now() - t) / 1000;
    };
    const generationSeconds: Partial<Record<Scale, number>> = {};
    await generateTo('small');
    const referable = await referableParticipants(db);
    log(`set-up and small data in ${((Date.now() - generationStarted) / 1000).toFixed(1)} s`);

    const queuePrefix = `bench_${server.databaseName}`;
    if (redisUrl) cleanups.push(() => deleteRedisKeys(redisUrl, queuePrefix));
    const apiEnvironment: Record<string, string> = {
      ...stringEnvironment(),
      NODE_ENV: 'production',
      DATABASE_URL: server.databaseUrl,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      JWT_SECRET: randomBytes(32).toString('base64url'),
      RUN_WORKER: 'false',
      SEED_DEMO_DATA: 'false',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000000',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
      BENCH_QUEUE_PREFIX: queuePrefix,
    };
    if (!redisUrl) delete apiEnvironment.REDIS_URL;
    const profileDirectory = join(repositoryRoot, '.tmp', 'bench-profiles');
    const api: ApiProcess = await startApiProcess({
      main: join(buildRoot, 'test', 'bench', 'api', 'main.js'),
      env: apiEnvironment,
      execArgv: options.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] : [],
      log,
    });
    cleanups.push(() => api.stop());
    log(`API (pid ${api.pid}) on ${api.url}${options.cpuProfile ? `, CPU profile to ${profileDirectory}` : ''}`);

    const tokens = new Map<string, Promise<string>>();
    const byEmail = (email: string) =>
      directory.users.find((u) => u.email === email) ?? failWith(`no generated user ${email}`);
    const context: BenchContext = {
      scale: options.scale,
      backing,
      databaseUrl: server.databaseUrl,
      redisUrl,
      apiUrl: api.url,
      apiPid: api.pid,
      log,
      queuePrefix,
      apiEnvironment,
      buildRoot,
      loadSeconds: LOAD_SECONDS[options.scale],
      password: BENCH_PASSWORD,
      organisations: directory.organisations,
      senderCaseworker: byEmail(caseworkerEmail('pup', 1)),
      partnerCaseworker: byEmail(caseworkerEmail('cis', 1)),
      users: directory.users,
      referableParticipantIds: referable,
      login(email) {
        let token = tokens.get(email);
        if (!token) {
          token = send<{ login: { accessToken: string } }>(
            graphqlCall(
              api.url,
              'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
              { email, password: BENCH_PASSWORD },
            ),
          ).then((data) => data.login.accessToken);
          tokens.set(email, token);
        }
        return token;
      },
      graphql: (query, variables = {}, token) => send(graphqlCall(api.url, query, variables, token)),
      async countStatements(work) {
        await api.call({ type: 'count-start' });
        try {
          const result = await work();
          const { statements = [], durationsMs = [] } = await api.call({ type: 'count-stop' });
          return { result, statements, durationsMs };
        } catch (error) {
          await api.call({ type: 'count-stop' }).catch(() => undefined);
          throw error;
        }
      },
      grow: () => generateTo(options.scale),
      async setInMemoryReferralPage(page) {
        await api.call({ type: 'in-memory-page', page });
      },
      rowCounts: () => rowCounts(db),
    };

    const figures: Figure[] = [];
    for (const entry of GROUPS) {
      if (options.only && !options.only.includes(entry.name)) continue;
      if (interrupted) break;
      // The read figures grow the data themselves, after measuring the small data set (growth); the others
      // run on the chosen scale.
      if (entry.name !== 'reads') await context.grow();
      log(`group ${entry.name}`);
      const t = Date.now();
      try {
        figures.push(...(await entry.group(context)));
      } catch (error) {
        log(`group ${entry.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        figures.push({
          name: `${entry.name} (failed)`,
          how: `the ${entry.name} figures`,
          value: '—',
          baseline: '—',
          ratio: null,
          target: '—',
          met: false,
          note: `failed: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      log(`group ${entry.name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }

    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`\n${textTable(figures)}\n\n`);
    for (const figure of figures.filter((f) => f.note)) process.stdout.write(`- ${figure.name}: ${figure.note}\n`);
    log(`finished in ${seconds.toFixed(0)} s`);

    if (options.write && !options.only && !interrupted) {
      const machine = await describeMachine(server.databaseUrl, redisUrl);
      const generation = Object.entries(generationSeconds)
        .map(([scale, s]) => `${scale} ${s.toFixed(1)} s`)
        .join(', ');
      const path = join(repositoryRoot, 'docs', 'benchmarks.md');
      writeSection(
        path,
        backing,
        markdownSection({
          backing,
          scale: options.scale,
          server: server.description,
          machine,
          date: new Date(),
          seconds,
          rowCounts: await rowCounts(db),
          generation: `${generation} (set-based SQL${foreignKeyChecks ? '' : ', foreign-key triggers off while loading'}, VACUUM ANALYZE included)`,
          figures,
        }),
      );
      log(`wrote the ${backing} section of ${path}`);
    } else if (options.write) {
      log('docs/benchmarks.md not written: a partial run (--only) or an interrupted one');
    }
  } finally {
    if (!interrupted) await cleanUp();
  }
}

function stringEnvironment(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function failWith(message: string): never {
  throw new Error(message);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
