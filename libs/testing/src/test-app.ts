import { INestApplication } from '@nestjs/common';
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
  env?: Record<string, string>;
}

/**
 * The whole API (with the worker in process) on its own cloned database and a
 * free port, on the backing the run uses: PostgreSQL-backed BullMQ, or Redis
 * with a queue prefix private to this database.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const environment = readTestEnvironment();
  const database = await createTestDatabase();
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_URL: environment.redisUrl,
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      LOG_LEVEL: 'silent',
      SEED_DEMO_DATA: String(options.seedDemoData ?? true),
      RUN_WORKER: 'true',
      SHUTDOWN_GRACE_MS: '5000',
      ...options.env,
    },
    { queuePrefix: database.name },
  );
  const app = await NestFactory.create(ApiModule.forRoot(config), { logger: false });
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
