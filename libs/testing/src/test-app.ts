import { DynamicModule, INestApplication, Module, Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from '@app/api/api.module';
import { AppConfig, loadConfig } from '@app/core';
import { createTestDatabase, TestDatabase } from './test-database';
import { readTestEnvironment } from './test-environment';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  database: TestDatabase;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  seedDemoData?: boolean;
  /**
   * The demo casework (participants, referrals, notifications) too. Off by default: most tests start
   * from the demo partnership with no casework of its own.
   */
  seedDemoCasework?: boolean;
  env?: Record<string, string>;
  /**
   * Prefix of the Redis keys (queues, login rate limits). Defaults to the
   * database name; give two apps the same one to make them share Redis state.
   */
  queuePrefix?: string;
  /**
   * Boot on an existing database (another test app's) instead of a new clone,
   * to run several API processes on the same data; it is not dropped on close.
   */
  databaseUrl?: string;
  /** Test-only providers (e.g. a probe resolver) booted next to the API module. */
  providers?: Provider[];
}

@Module({})
class TestRootModule {}

/**
 * The whole API (with the worker in process) on its own cloned database (or a
 * shared one, `databaseUrl`) and a
 * free port, on the backing the run uses: PostgreSQL-backed BullMQ, or Redis
 * with a queue prefix private to this database.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const environment = readTestEnvironment();
  const database: TestDatabase = options.databaseUrl
    ? {
        name: new URL(options.databaseUrl).pathname.slice(1),
        url: options.databaseUrl,
        drop: () => Promise.resolve(),
      }
    : await createTestDatabase();
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_URL: environment.redisUrl,
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      LOG_LEVEL: 'silent',
      SEED_DEMO_DATA: String(options.seedDemoData ?? true),
      SEED_DEMO_CASEWORK: String(options.seedDemoCasework ?? false),
      RUN_WORKER: 'true',
      SHUTDOWN_GRACE_MS: '5000',
      ...options.env,
    },
    { queuePrefix: options.queuePrefix ?? database.name },
  );
  const api = ApiModule.forRoot(config);
  const root: DynamicModule = options.providers?.length
    ? { module: TestRootModule, imports: [api], providers: options.providers }
    : api;
  const app = await NestFactory.create(root, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    database,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
