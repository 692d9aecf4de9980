import { Logger } from '@nestjs/common';

const logger = new Logger('SafetyNet');

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Runs a promise nobody waits for (a publish after commit, a signal handler)
 * and reports its failure instead of leaving an unhandled rejection.
 */
export function detached(promise: Promise<unknown>, what: string): void {
  promise.catch((error: unknown) => logger.error(`${what} failed: ${describe(error)}`));
}

let installed = false;

/**
 * The last line of defence for a long-running process serving many users: a
 * promise rejection nobody handled is a bug, logged loudly at `fatal`, but it
 * must not end the process (Node's default), taking every other request — and,
 * in the embedded default, PostgreSQL — with it. Handlers are still expected
 * never to leave a promise unhandled; lint refuses floating promises.
 */
export function installProcessSafetyNet(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    logger.fatal(`unhandled promise rejection (a bug; the process keeps serving): ${describe(reason)}`);
  });
}
