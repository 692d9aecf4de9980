import { DataSource } from 'typeorm';

/** Stable 64-bit-safe keys for pg_advisory_lock, one per kind of boot-time work. */
export const ADVISORY_LOCKS = {
  migrations: 7_240_001,
  demoSeed: 7_240_002,
  demoCasework: 7_240_003,
} as const;

/**
 * Runs `work` while holding a session-level advisory lock on a dedicated
 * connection, so several processes booting at once migrate or seed only once.
 */
export async function withAdvisoryLock<T>(dataSource: DataSource, key: number, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await runner.release();
  }
}
