import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, DatabaseModule, HealthModule, LoggerModule, QueueModule } from '@app/core';
import { WorkerProcessorsModule } from './worker-processors.module';

/** The worker process: processors plus health endpoints on WORKER_PORT. */
@Module({})
export class WorkerAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(config),
        DatabaseModule.forRoot(config),
        QueueModule,
        HealthModule,
        WorkerProcessorsModule,
      ],
    };
  }
}
