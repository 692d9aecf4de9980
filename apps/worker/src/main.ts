import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeGracefully, installProcessSafetyNet, loadConfig, prepareRuntime } from '@app/core';
import { WorkerAppModule } from './worker-app.module';

async function bootstrap(): Promise<void> {
  installProcessSafetyNet();
  const runtime = await prepareRuntime(loadConfig());
  const { config } = runtime;
  const app = await NestFactory.create(WorkerAppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  closeGracefully(app, runtime);
  await app.listen(config.http.workerPort, config.http.host);
  app
    .get(Logger)
    .log(
      `Worker running; health on :${config.http.workerPort}/health (queue backing: ${config.redisUrl ? 'redis' : 'postgres'})`,
    );
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
