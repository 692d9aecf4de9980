import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ADVISORY_LOCKS, dataSourceOptions, migrate } from '@app/core';
import { MIGRATIONS } from '@app/core/database/migrations';
import { DemoSeeder, ORGANISATION_ENTITIES } from '@app/organisations';
import { databaseUrl, readTestEnvironment, startTestApp, TestApp } from '@app/testing';

/**
 * Work that several processes booting at once must do exactly once: applying
 * migrations and creating the demo data. Both run under advisory locks; these
 * tests race them on purpose, each racer on its own connection pool, as
 * separate processes would be.
 */

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: readTestEnvironment().adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function query<T>(dataSource: DataSource, sql: string): Promise<T[]> {
  return dataSource.query<T[]>(sql);
}

describe('migrations under concurrent boot', () => {
  const { adminUrl, databasePrefix } = readTestEnvironment();
  // The run's prefix, so the global teardown drops it even if this file fails half-way.
  const name = `${databasePrefix}_fresh_${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(adminUrl, name);
  const dataSources: DataSource[] = [];

  beforeAll(async () => {
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
    for (let i = 0; i < 3; i++) dataSources.push(await new DataSource(dataSourceOptions(url)).initialize());
  });
  afterAll(async () => {
    await Promise.all(dataSources.map((ds) => ds.destroy()));
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('three processes migrating an empty database at once apply each migration exactly once', async () => {
    // No REDIS_URL: BullMQ's own PostgreSQL schema is migrated under the same lock.
    await Promise.all(dataSources.map((ds) => migrate(ds, { databaseUrl: url, redisUrl: undefined })));

    const applied = await query<{ name: string }>(dataSources[0], 'SELECT name FROM schema_migrations ORDER BY id');
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    const [{ tables }] = await query<{ tables: string[] }>(
      dataSources[0],
      `SELECT array_agg(table_name::text ORDER BY table_name) AS tables
         FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables).toEqual(expect.arrayContaining(['organisations', 'users', 'memberships', 'seed_history']));
    const [{ bullmq }] = await query<{ bullmq: number }>(
      dataSources[0],
      `SELECT count(*)::int AS bullmq FROM information_schema.tables WHERE table_schema = 'bullmq'`,
    );
    expect(bullmq).toBeGreaterThan(0);
  });

  it('a later boot finds nothing to do', async () => {
    const before = await query(dataSources[1], 'SELECT id, name, timestamp FROM schema_migrations ORDER BY id');
    await Promise.all(dataSources.map((ds) => migrate(ds, { databaseUrl: url, redisUrl: undefined })));
    expect(await query(dataSources[1], 'SELECT id, name, timestamp FROM schema_migrations ORDER BY id')).toEqual(
      before,
    );
    expect(await dataSources[2].showMigrations()).toBe(false);
  });
});

describe('demo seed', () => {
  let api: TestApp;
  let separateProcess: DataSource;

  const counts = async () => {
    const [row] = await query<Record<string, number>>(
      api.app.get(DataSource),
      `SELECT (SELECT count(*)::int FROM organisations) AS organisations,
              (SELECT count(*)::int FROM organisation_services) AS services,
              (SELECT count(*)::int FROM users) AS users,
              (SELECT count(*)::int FROM memberships) AS memberships,
              (SELECT count(*)::int FROM partnerships) AS partnerships,
              (SELECT count(*)::int FROM data_sharing_agreements) AS agreements,
              (SELECT count(*)::int FROM seed_history) AS seeds`,
    );
    return row;
  };

  beforeAll(async () => {
    api = await startTestApp({ seedDemoData: false });
    separateProcess = await new DataSource({
      ...dataSourceOptions(api.database.url),
      entities: ORGANISATION_ENTITIES,
    }).initialize();
  });
  afterAll(async () => {
    await separateProcess.destroy();
    await api.close();
  });

  it('is not created when SEED_DEMO_DATA=false', async () => {
    expect(await counts()).toEqual({
      organisations: 0,
      services: 0,
      users: 0,
      memberships: 0,
      partnerships: 0,
      agreements: 0,
      seeds: 0,
    });
  });

  it('runs exactly once when several processes seed at the same time', async () => {
    const here = api.app.get(DemoSeeder);
    const there = new DemoSeeder(separateProcess, api.config);
    const results = await Promise.all([here.seed(), there.seed(), here.seed(), there.seed()]);
    expect(results.filter(Boolean)).toHaveLength(1);

    const seeded = await counts();
    expect(seeded.seeds).toBe(1);
    expect(seeded.organisations).toBeGreaterThan(3);
    expect(seeded.users).toBeGreaterThan(3);
    expect(seeded.partnerships).toBe(1);

    expect(await here.seed()).toBe(false);
    expect(await there.seed()).toBe(false);
    expect(await counts()).toEqual(seeded);
  });

  it('leaves no boot-time advisory lock behind', async () => {
    // A bigint key below 2^32 shows as classid 0, objid = key, objsubid 1.
    const [{ held }] = await query<{ held: number }>(
      api.app.get(DataSource),
      // Advisory locks are per database; other test files boot apps on the same server at the same time.
      `SELECT count(*)::int AS held FROM pg_locks
        WHERE locktype = 'advisory' AND classid = 0 AND objsubid = 1
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND objid IN (${ADVISORY_LOCKS.migrations}, ${ADVISORY_LOCKS.demoSeed})`,
    );
    expect(held).toBe(0);
  });
});
