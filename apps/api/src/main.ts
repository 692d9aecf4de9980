import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeGracefully, installProcessSafetyNet, loadConfig, prepareRuntime } from '@app/core';
import { ApiModule } from './api.module';

async function bootstrap(): Promise<void> {
  installProcessSafetyNet();
  const runtime = await prepareRuntime(loadConfig());
  const { config } = runtime;
  const app = await NestFactory.create(ApiModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const express = app.getHttpAdapter().getInstance() as {
    disable(name: string): void;
    set(name: string, value: unknown): void;
  };
  express.disable('x-powered-by');
  if (config.http.trustProxy !== undefined) express.set('trust proxy', config.http.trustProxy);
  closeGracefully(app, runtime);
  await app.listen(config.http.port, config.http.host);
  app
    .get(Logger)
    .log(
      `GraphQL on http://localhost:${config.http.port}/graphql (queue backing: ${config.redisUrl ? 'redis' : 'postgres'}, worker ${config.runWorkerInProcess ? 'in process' : 'separate'})`,
    );
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
