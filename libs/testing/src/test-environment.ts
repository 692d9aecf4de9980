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

export const TEST_ENVIRONMENT_FILE = join(__dirname, '..', '..', '..', '.data', 'test-environment.json');

export function readTestEnvironment(): TestEnvironment {
  return JSON.parse(readFileSync(TEST_ENVIRONMENT_FILE, 'utf8')) as TestEnvironment;
}

/** The same server as `adminUrl`, another database. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
