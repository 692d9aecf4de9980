import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError, loadConfig } from './app-config';

const SECRET = 'a-secret-that-is-long-enough-0123456789';
const DATABASE_URL = 'postgres://app@db.internal:5432/partnership';

/** The error `loadConfig` throws, or a failure if it throws none. */
function configError(env: Record<string, string | undefined>): ConfigValidationError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return error as ConfigValidationError;
  }
  throw new Error('expected loadConfig to refuse the environment');
}

const variablesNamedIn = (error: ConfigValidationError) => error.problems.map((p) => p.split(':')[0]).sort();

describe('loadConfig', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pp-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  describe('refuses a bad environment with one error naming every bad variable', () => {
    it('bad PORT, a DATABASE_URL of another scheme and a short JWT_SECRET, all at once', () => {
      const error = configError({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://app@db.internal/partnership',
        JWT_SECRET: 'too-short',
        DATA_DIR: dataDir,
      });
      expect(variablesNamedIn(error)).toEqual(['DATABASE_URL', 'JWT_SECRET', 'PORT']);
      for (const name of ['PORT', 'DATABASE_URL', 'JWT_SECRET']) expect(error.message).toContain(`- ${name}: `);
      expect(error.message).toContain('must be a postgres:// or postgresql:// URL');
      expect(error.message).toContain('must be at least 32 characters');
    });

    it('out-of-range numbers and unknown enum values', () => {
      const error = configError({
        PORT: '70000',
        NODE_ENV: 'staging',
        LOG_LEVEL: 'loud',
        GRAPHQL_MAX_DEPTH: '0',
        REDIS_URL: 'http://cache',
        SEED_DEMO_DATA: 'yes',
        DATA_DIR: dataDir,
      });
      expect(variablesNamedIn(error)).toEqual([
        'GRAPHQL_MAX_DEPTH',
        'LOG_LEVEL',
        'NODE_ENV',
        'PORT',
        'REDIS_URL',
        'SEED_DEMO_DATA',
      ]);
    });

    it('names production requirements together with malformed variables', () => {
      const error = configError({ NODE_ENV: 'production', PORT: 'eighty', SEED_DEMO_DATA: 'true' });
      expect(variablesNamedIn(error)).toEqual(['DATABASE_URL', 'JWT_SECRET', 'PORT', 'SEED_DEMO_DATA']);
    });
  });

  describe('production', () => {
    it('refuses to start without JWT_SECRET', () => {
      const error = configError({ NODE_ENV: 'production', DATABASE_URL, DATA_DIR: dataDir });
      expect(error.problems).toEqual(['JWT_SECRET: required when NODE_ENV=production']);
    });

    it('refuses to start without DATABASE_URL (no embedded PostgreSQL in production)', () => {
      const error = configError({ NODE_ENV: 'production', JWT_SECRET: SECRET });
      expect(error.problems).toEqual(['DATABASE_URL: required when NODE_ENV=production']);
    });

    it('refuses SEED_DEMO_DATA=true', () => {
      const error = configError({ NODE_ENV: 'production', JWT_SECRET: SECRET, DATABASE_URL, SEED_DEMO_DATA: 'true' });
      expect(error.problems).toEqual(['SEED_DEMO_DATA: demo data is never created in production']);
    });

    it('never seeds, never generates a secret, and runs the worker separately', () => {
      const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, DATABASE_URL, DATA_DIR: dataDir });
      expect(config).toMatchObject({
        isProduction: true,
        isDevelopment: false,
        seedDemoData: false,
        runWorkerInProcess: false,
        databaseUrl: DATABASE_URL,
        auth: { jwtSecret: SECRET },
      });
      expect(() => statSync(join(dataDir, 'jwt-secret'))).toThrow();
    });
  });

  describe('defaults', () => {
    it('an empty environment is local development: embedded database, demo data, worker in process', () => {
      const config = loadConfig({ DATA_DIR: dataDir });
      expect(config).toMatchObject({
        env: 'development',
        isDevelopment: true,
        isProduction: false,
        http: { host: '0.0.0.0', port: 3000, workerPort: 3001 },
        databaseUrl: undefined,
        redisUrl: undefined,
        dataDir,
        seedDemoData: true,
        runWorkerInProcess: true,
        logLevel: 'info',
        auth: { tokenTtlSeconds: 3600, maxFailuresPerAccount: 5, maxAttemptsPerAddress: 30, windowSeconds: 900 },
        graphql: { maxDepth: 10, maxAliases: 15, maxTokens: 1000, maxCost: 5000 },
        shutdownGraceMs: 10_000,
        queuePrefix: 'pp',
      });
    });

    it('generates a development JWT secret once, private to the owner, and reuses it', () => {
      const first = loadConfig({ DATA_DIR: dataDir }).auth.jwtSecret;
      const file = join(dataDir, 'jwt-secret');
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(file, 'utf8').trim()).toBe(first);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(loadConfig({ DATA_DIR: dataDir }).auth.jwtSecret).toBe(first);
    });

    it('with DATABASE_URL the worker runs apart unless RUN_WORKER says otherwise', () => {
      const base = { DATABASE_URL, JWT_SECRET: SECRET };
      expect(loadConfig(base).runWorkerInProcess).toBe(false);
      expect(loadConfig({ ...base, RUN_WORKER: 'true' }).runWorkerInProcess).toBe(true);
      expect(loadConfig({ ...base, RUN_WORKER: '1' }).runWorkerInProcess).toBe(true);
      expect(loadConfig({ DATA_DIR: dataDir, RUN_WORKER: '0' }).runWorkerInProcess).toBe(false);
    });

    it('treats empty variables as unset, as a blank line in an env file means', () => {
      const config = loadConfig({ DATA_DIR: dataDir, PORT: '', DATABASE_URL: '', SEED_DEMO_DATA: '' });
      expect(config.http.port).toBe(3000);
      expect(config.databaseUrl).toBeUndefined();
      expect(config.seedDemoData).toBe(true);
    });

    it('reads numbers and flags typed, and lets callers override derived values', () => {
      const config = loadConfig(
        {
          NODE_ENV: 'test',
          PORT: '0',
          JWT_SECRET: SECRET,
          DATABASE_URL,
          REDIS_URL: 'rediss://cache.internal:6380',
          SEED_DEMO_DATA: 'false',
          LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
          GRAPHQL_MAX_DEPTH: '7',
        },
        { queuePrefix: 'run-42' },
      );
      expect(config).toMatchObject({
        env: 'test',
        isDevelopment: false,
        http: { port: 0 },
        redisUrl: 'rediss://cache.internal:6380',
        seedDemoData: false,
        auth: { maxFailuresPerAccount: 3 },
        graphql: { maxDepth: 7 },
        queuePrefix: 'run-42',
      });
    });
  });

  describe('WEBHOOK_ALLOW_PRIVATE_NETWORKS', () => {
    it('is off unless set: in development, in tests and in production alike', () => {
      expect(loadConfig({ DATA_DIR: dataDir }).webhooks.allowPrivateNetworks).toBe(false);
      expect(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' }).webhooks.allowPrivateNetworks).toBe(false);
      const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, DATABASE_URL, DATA_DIR: dataDir });
      expect(production.webhooks.allowPrivateNetworks).toBe(false);
    });

    it('is turned on by true or 1 (an on-premises receiver may need it in production too)', () => {
      expect(
        loadConfig({ DATA_DIR: dataDir, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }).webhooks.allowPrivateNetworks,
      ).toBe(true);
      const production = { NODE_ENV: 'production', JWT_SECRET: SECRET, DATABASE_URL, DATA_DIR: dataDir };
      expect(loadConfig({ ...production, WEBHOOK_ALLOW_PRIVATE_NETWORKS: '1' }).webhooks.allowPrivateNetworks).toBe(
        true,
      );
      expect(
        loadConfig({ DATA_DIR: dataDir, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' }).webhooks.allowPrivateNetworks,
      ).toBe(false);
    });

    it('refuses anything but a flag, naming the variable', () => {
      const error = configError({ DATA_DIR: dataDir, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'yes' });
      expect(variablesNamedIn(error)).toEqual(['WEBHOOK_ALLOW_PRIVATE_NETWORKS']);
    });
  });
});
