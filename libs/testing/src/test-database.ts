import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, readTestEnvironment } from './test-environment';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: readTestEnvironment().adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, cloned from the migrated template: the
 * real migrations, isolated data, and no per-file migration cost.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const environment = readTestEnvironment();
  const name = `${environment.databasePrefix}_${randomBytes(5).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${environment.templateDatabase}"`));
  return {
    name,
    url: databaseUrl(environment.adminUrl, name),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
