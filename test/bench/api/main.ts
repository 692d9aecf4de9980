import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ApiModule } from '@app/api/api.module';
import { AppConfig, closeGracefully, loadConfig } from '@app/core';
import { InMemoryReferralPage, InMemoryReferralsResolver } from './in-memory-referrals';
import { StatementCounter } from './statement-counter';

/**
 * The bench's API process: the production API module, started as
 * apps/api/src/main.ts starts it, plus two bench-only things that never enter
 * the production app: the in-memory `inMemoryReferrals` query (the framework's
 * ceiling) and a statement counter. The runner forks this file and talks to it
 * over the IPC channel; the process says `{ type: 'listening', port }` once up.
 */
@Module({})
class BenchApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BenchApiModule,
      imports: [ApiModule.forRoot(config)],
      providers: [InMemoryReferralPage, InMemoryReferralsResolver],
    };
  }
}

/** Messages from the runner; every one is answered with the same `id`. */
export type BenchRequest =
  | { id: number; type: 'count-start' }
  | { id: number; type: 'count-stop' }
  | { id: number; type: 'in-memory-page'; page: unknown };

export type BenchReply = { id: number; statements?: string[]; durationsMs?: number[]; error?: string };

async function bootstrap(): Promise<void> {
  if (!process.send) throw new Error('the bench API runs as a child of test/bench/run.ts (IPC channel)');
  // The runner always names the database; the queue prefix keeps this run's keys apart on a shared Redis.
  const config = loadConfig(process.env, { queuePrefix: process.env.BENCH_QUEUE_PREFIX ?? 'bench' });
  const app = await NestFactory.create(BenchApiModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const express = app.getHttpAdapter().getInstance() as { disable(name: string): void };
  express.disable('x-powered-by');
  const counter = new StatementCounter(app.get(DataSource));
  const page = app.get(InMemoryReferralPage);
  closeGracefully(app, { config, release: async () => undefined });

  process.on('message', (received: unknown) => {
    const message = received as BenchRequest;
    const reply = (answer: Omit<BenchReply, 'id'>) => process.send!({ id: message.id, ...answer });
    try {
      if (message.type === 'count-start') {
        counter.start();
        reply({});
      } else if (message.type === 'count-stop') {
        reply(counter.stop());
      } else if (message.type === 'in-memory-page') {
        page.set(message.page);
        reply({});
      }
    } catch (error) {
      reply({ error: error instanceof Error ? error.message : String(error) });
    }
  });

  await app.listen(config.http.port, config.http.host);
  const { port } = app.getHttpServer().address() as { port: number };
  process.send({ type: 'listening', port });
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
