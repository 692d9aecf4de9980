import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { runMigrations as runQueueMigrations } from 'bullmq';
import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ADVISORY_LOCKS, withAdvisoryLock } from './advisory-lock';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // JIT off: the access rule's statements are many cheap index probes whose estimated cost is high; JIT
    // compiled them for ~40 ms to save microseconds (PostgreSQL 15 with LLVM). Behind PgBouncer, which drops
    // startup options, set it on the database instead (ALTER DATABASE … SET jit = off).
    extra: { max: 20, application_name: 'partnership-platform', options: '-c jit=off' },
    logging: false,
  };
}

/**
 * Applies pending migrations once, whichever process gets the lock first: ours
 * (TypeORM, `synchronize` is off) and, when BullMQ runs on PostgreSQL, BullMQ's
 * own schema (`bullmq`), which it versions itself.
 */
export async function migrate(
  dataSource: DataSource,
  config: Pick<AppConfig, 'redisUrl' | 'databaseUrl'>,
): Promise<void> {
  await withAdvisoryLock(dataSource, ADVISORY_LOCKS.migrations, async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    if (!config.redisUrl) {
      const client = new Client({ connectionString: config.databaseUrl });
      await client.connect();
      try {
        await runQueueMigrations(client);
      } finally {
        await client.end();
      }
    }
  });
}

function requireDatabaseUrl(config: AppConfig): string {
  if (!config.databaseUrl) {
    throw new Error('No database URL: the launcher must start embedded PostgreSQL before the app module is built');
  }
  return config.databaseUrl;
}

/** TypeORM on the configured database; migrations run at boot under an advisory lock. */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(requireDatabaseUrl(config)), autoLoadEntities: true }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            await migrate(dataSource, config);
            return dataSource;
          },
        }),
      ],
    };
  }
}
