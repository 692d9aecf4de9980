import { Client } from 'pg';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readTestEnvironment, TEST_ENVIRONMENT_VARIABLE } from '../../libs/testing/src/test-environment';

/** Drops every database this run created, then stops the embedded server if one was started. */
export default async function globalTeardown(): Promise<void> {
  const { adminUrl, databasePrefix } = readTestEnvironment();
  const embedded = (globalThis as { __embeddedPostgres?: { stop(): Promise<void> } }).__embeddedPostgres;
  if (!embedded) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${databasePrefix}%`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
  }
  await embedded?.stop();
  const environmentFile = process.env[TEST_ENVIRONMENT_VARIABLE]!;
  // The throw-away cluster's folder (its password file outlives the cluster).
  if (embedded)
    rmSync(join(dirname(environmentFile), `test-postgres-${process.pid}`), { recursive: true, force: true });
  rmSync(environmentFile, { force: true });
}
