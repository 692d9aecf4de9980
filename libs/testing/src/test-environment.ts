import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the Jest global setup prepared, shared with every test file through a file. */
export interface TestEnvironment {
  /** A connection URL to a maintenance database on the test server. */
  adminUrl: string;
  /** Database with every migration applied, cloned for each test file. */
  templateDatabase: string;
  /** Prefix of every database this run creates, dropped at teardown. */
  databasePrefix: string;
  redisUrl?: string;
}

const DATA_DIR = join(__dirname, '..', '..', '..', '.data');

/**
 * One file per `npm test` run (named by the Jest parent's pid), so two runs at
 * once never read each other's databases. The global setup sets the variable;
 * Jest's workers inherit it.
 */
export const TEST_ENVIRONMENT_VARIABLE = 'PARTNERSHIP_TEST_ENVIRONMENT_FILE';

export function testEnvironmentFileFor(pid: number): string {
  return join(DATA_DIR, `test-environment-${pid}.json`);
}

export function readTestEnvironment(): TestEnvironment {
  const file = process.env[TEST_ENVIRONMENT_VARIABLE];
  if (!file) throw new Error(`${TEST_ENVIRONMENT_VARIABLE} is not set: run the tests through Jest (npm test)`);
  return JSON.parse(readFileSync(file, 'utf8')) as TestEnvironment;
}

/** The same server as `adminUrl`, another database. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
