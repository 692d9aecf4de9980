import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate, startEmbeddedPostgres } from '../../libs/core/src/database';
import {
  databaseUrl,
  TEST_ENVIRONMENT_VARIABLE,
  testEnvironmentFileFor,
  TestEnvironment,
} from '../../libs/testing/src/test-environment';

/**
 * Once per `npm test`: a PostgreSQL server (embedded, or DATABASE_URL's), and a
 * template database with every migration applied. Test files clone it.
 */
export default async function globalSetup(): Promise<void> {
  const runId = randomBytes(3).toString('hex');
  const environmentFile = testEnvironmentFileFor(process.pid);
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({
      baseDir: join(dirname(environmentFile), `test-postgres-${process.pid}`),
      persistent: false,
    });
    adminUrl = embedded.adminUrl;
    (globalThis as { __embeddedPostgres?: typeof embedded }).__embeddedPostgres = embedded;
  }

  const databasePrefix = `pp_test_${runId}`;
  const templateDatabase = `${databasePrefix}_template`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${templateDatabase}"`);
  await admin.end();

  const redisUrl = process.env.REDIS_URL || undefined;
  const templateUrl = databaseUrl(adminUrl, templateDatabase);
  const dataSource = await new DataSource(dataSourceOptions(templateUrl)).initialize();
  await migrate(dataSource, { databaseUrl: templateUrl, redisUrl });
  await dataSource.destroy();

  const environment: TestEnvironment = { adminUrl, templateDatabase, databasePrefix, redisUrl };
  mkdirSync(dirname(environmentFile), { recursive: true });
  writeFileSync(environmentFile, JSON.stringify(environment));
  process.env[TEST_ENVIRONMENT_VARIABLE] = environmentFile;
}
