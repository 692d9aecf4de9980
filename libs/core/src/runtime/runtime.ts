import { ConsoleLogger, INestApplication, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { detached } from './safety-net';

export interface Runtime {
  config: AppConfig;
  /** Stops what `prepareRuntime` started (the embedded PostgreSQL), if anything. */
  release(): Promise<void>;
}

/**
 * With no DATABASE_URL, starts the embedded PostgreSQL under the data
 * directory and points the configuration at it. With one, changes nothing.
 */
export async function prepareRuntime(config: AppConfig): Promise<Runtime> {
  if (config.databaseUrl) return { config, release: async () => undefined };
  // JSON like the application's own logs (pino starts with the app, later).
  const logger = new ConsoleLogger('EmbeddedPostgres', { json: true });
  const verbose = config.logLevel === 'debug' || config.logLevel === 'trace';
  const embedded = await startEmbeddedPostgres({
    baseDir: config.dataDir,
    onLog: (message) => verbose && logger.debug(message.trim()),
  });
  logger.log(`PostgreSQL running from ${embedded.dataDirectory}`);
  return { config: { ...config, databaseUrl: embedded.url }, release: () => embedded.stop() };
}

/**
 * On SIGTERM or SIGINT: stop taking work, let in-flight requests and jobs
 * finish (Nest shutdown hooks close the HTTP server and BullMQ workers), then
 * release the runtime. A shutdown that outlasts the grace period is forced.
 */
export function closeGracefully(app: INestApplication, runtime: Runtime): void {
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    const logger = new Logger('Shutdown');
    logger.log(`${signal} received, finishing in-flight work`);
    const force = setTimeout(() => {
      logger.error(`shutdown exceeded ${runtime.config.shutdownGraceMs} ms, exiting`);
      process.exit(1);
    }, runtime.config.shutdownGraceMs);
    force.unref();
    try {
      await app.close();
      await runtime.release();
      process.exit(0);
    } catch (error) {
      logger.error(error);
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => detached(shutdown(s), 'shutdown'));
}
