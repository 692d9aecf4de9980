import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Writes down every statement a pooled connection of the app's DataSource
 * sends while counting is on (as test/e2e/referral-list.e2e-spec.ts does):
 * instrumentation in the bench process, not a mock. With the worker out of
 * process (RUN_WORKER=false) and one request at a time, they are the request's.
 */
export class StatementCounter {
  private statements: string[] | null = null;
  private durations: number[] = [];

  constructor(dataSource: DataSource) {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    pool.on('acquire', (client: PoolClient) => {
      const counted = client as PoolClient & { benchCounted?: boolean };
      if (counted.benchCounted) return;
      counted.benchCounted = true;
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as { query: unknown }).query = (...args: unknown[]) => {
        const statements = this.statements;
        if (!statements) return query(...args);
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
        const index = statements.push(String(text)) - 1;
        const started = performance.now();
        const result = query(...args);
        // Round trip as the app sees it: from the call until pg resolves (TypeORM uses the promise form).
        if (result instanceof Promise) {
          const record = () => {
            if (this.statements === statements) this.durations[index] = performance.now() - started;
          };
          void result.then(record, record);
        }
        return result;
      };
    });
  }

  start(): void {
    this.statements = [];
    this.durations = [];
  }

  stop(): { statements: string[]; durationsMs: number[] } {
    const statements = this.statements ?? [];
    const durationsMs = statements.map((_, i) => this.durations[i] ?? NaN);
    this.statements = null;
    return { statements, durationsMs };
  }
}
