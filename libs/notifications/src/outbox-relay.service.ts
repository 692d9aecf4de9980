import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, QUEUES, QueueFactory, preparedStatement } from '@app/core';
import { NotificationDeliveryService, deliveryJob, emailJob } from './notification-delivery.service';
import { OutboxRow } from './recipients';
import { webhookJobOptions } from './webhook-deliveries';

const BATCH = 500;
/**
 * A pass with this many rows or fewer adds its jobs one by one (in parallel)
 * rather than with one addBulk: on BullMQ's PostgreSQL backend an addBulk of
 * a handful of jobs costs 6–8 ms (it builds temporary tables), an add about
 * 1 ms; on Redis an add is a little cheaper too. Under a steady trickle of
 * events most passes carry one or two rows.
 */
const SINGLE_ADDS_UP_TO = 2;

/**
 * A relay pass's claim: the oldest undispatched rows (SKIP LOCKED: another
 * relay takes other rows), marked dispatched and returned with what their
 * delivery reads. Its commit does not wait for the WAL flush
 * (`synchronous_commit` off for this transaction only): a claim lost with a
 * database crash leaves its rows undispatched, and the relay adds their jobs
 * again, which changes nothing (same jobId, or a delivery that creates nothing
 * twice).
 */
const CLAIM_SQL = `WITH batch AS MATERIALIZED (
       SELECT id FROM outbox WHERE dispatched_at IS NULL ORDER BY created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
     ),
     claimed AS (
       UPDATE outbox o SET dispatched_at = now() FROM batch WHERE o.id = batch.id
       RETURNING o.id, o.event_type, o.aggregate_type, o.aggregate_id, o.payload, o.created_at
     ),
     async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
     SELECT claimed.id, event_type, aggregate_type, aggregate_id, payload
       FROM claimed CROSS JOIN async_commit ORDER BY created_at`;

/**
 * Moves outbox rows onto the BullMQ `notifications` queue, `jobId` = outbox id.
 * A pass claims a batch and marks it dispatched in one statement, which commits
 * before the jobs are added: a delivery job never waits for the relay's
 * transaction. If adding fails, the pass hands the rows back at once (the next
 * pass retries them); if the process dies between the two, the rows stay
 * dispatched with no job, and the reconciler re-dispatches them after
 * OUTBOX_REDELIVER_AFTER_SECONDS, as it does for jobs lost with the queue (a
 * Redis wiped clean). Woken at once by PostgreSQL NOTIFY on every outbox
 * insert, and polls as a fallback.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly delivery: NotificationDeliveryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new Client({ connectionString: this.config.databaseUrl });
    this.listener.on('error', (error) => this.logger.warn(`outbox listener: ${error.message}`));
    this.listener.on('notification', () => this.wake());
    await this.listener.connect();
    await this.listener.query('LISTEN outbox');
    this.timer = setInterval(() => this.wake(), this.config.notifications.relayPollMs);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  /** Runs a relay pass now, or right after the one in flight. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: Error) => this.logger.warn(`outbox relay: ${error.message}`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Relays until no undispatched row is left. Returns how many rows it moved. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const moved = await this.relayBatch();
      total += moved;
      if (moved < BATCH || this.stopped) return total;
    }
  }

  /**
   * One statement claims a batch and commits (CLAIM_SQL); then the jobs are
   * added. The claimed rows go to this process's delivery, which then need not
   * read them again.
   */
  private async relayBatch(): Promise<number> {
    const claimed: OutboxRow[] = await this.dataSource.query(preparedStatement('outbox-claim', CLAIM_SQL));
    if (claimed.length === 0) return 0;
    const ids = claimed.map((row) => row.id);
    this.delivery.remember(claimed);
    try {
      const queue = this.queues.queue(QUEUES.notifications);
      const jobs = ids.map(deliveryJob);
      if (jobs.length <= SINGLE_ADDS_UP_TO)
        await Promise.all(jobs.map((job) => queue.add(job.name, job.data, job.opts)));
      else await queue.addBulk(jobs);
    } catch (error) {
      await this.dataSource
        .query(`UPDATE outbox SET dispatched_at = NULL WHERE id = ANY ($1::uuid[]) AND delivered_at IS NULL`, [ids])
        .catch((undo: Error) => this.logger.warn(`outbox relay: rows left to the reconciler: ${undo.message}`));
      throw error;
    }
    return ids.length;
  }

  /**
   * Rows dispatched long ago but never delivered go back to the relay when
   * their job was lost (Redis restarted without persistence) or failed for
   * good (removed first, or the relay's re-add would be a no-op). Rows whose
   * job is still waiting or running are looked at again a window later.
   * Returns how many rows went back to the relay.
   */
  async reconcile(): Promise<number> {
    await this.reconcileEmails().catch((error: Error) => this.logger.warn(`e-mail reconciler: ${error.message}`));
    await this.reconcileWebhooks().catch((error: Error) => this.logger.warn(`webhook reconciler: ${error.message}`));
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM outbox WHERE delivered_at IS NULL AND dispatched_at < now() - make_interval(secs => $1)`,
      [this.config.notifications.redeliverAfterSeconds],
    );
    if (due.length === 0) return 0;
    const ids = due.map((r) => r.id);
    // The jobs are checked (and failed ones removed) before any row is handed
    // back: a relay pass in between would otherwise re-add onto a failed job
    // (a no-op) and mark the row dispatched again, for another whole window.
    const missing = await withoutLiveJob(this.queues.queue(QUEUES.notifications), ids);
    await this.dataSource.query(
      `UPDATE outbox SET dispatched_at = CASE WHEN id = ANY ($1::uuid[]) THEN NULL ELSE now() END
        WHERE id = ANY ($2::uuid[]) AND delivered_at IS NULL`,
      [missing, ids],
    );
    if (missing.length > 0) {
      this.logger.warn(`reconciler: ${missing.length} undelivered outbox events re-dispatched`);
      this.wake();
    }
    return missing.length;
  }

  /**
   * E-mails still PENDING after the redelivery window go back on the `emails`
   * queue (their job was lost, or the process died before enqueueing). A job
   * that still exists makes the add a no-op; one that failed for good without
   * its row being marked FAILED is removed first so it runs again.
   */
  async reconcileEmails(): Promise<number> {
    if (!this.config.mail) return 0;
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM email_deliveries
        WHERE status = 'PENDING' AND created_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT ${BATCH}`,
      [this.config.notifications.redeliverAfterSeconds],
    );
    if (rows.length === 0) return 0;
    const queue = this.queues.queue(QUEUES.emails);
    const missing = await withoutLiveJob(
      queue,
      rows.map((r) => r.id),
    );
    if (missing.length > 0) {
      await queue.addBulk(missing.map(emailJob));
      this.logger.warn(`reconciler: ${missing.length} pending e-mails re-enqueued`);
    }
    return missing.length;
  }

  /**
   * Webhook deliveries still PENDING after the redelivery window (counted from
   * their creation or last replay) go back on the `webhooks` queue, as e-mails do.
   */
  async reconcileWebhooks(): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.active
        WHERE d.status = 'PENDING' AND COALESCE(d.replayed_at, d.created_at) < now() - make_interval(secs => $1)
        ORDER BY d.created_at LIMIT ${BATCH}`,
      [this.config.notifications.redeliverAfterSeconds],
    );
    if (rows.length === 0) return 0;
    const queue = this.queues.queue(QUEUES.webhooks);
    const missing = await withoutLiveJob(
      queue,
      rows.map((r) => r.id),
    );
    if (missing.length > 0) {
      await queue.addBulk(
        missing.map((id) => ({
          name: 'webhooks.deliver',
          data: { deliveryId: id },
          opts: webhookJobOptions(this.config, id),
        })),
      );
      this.logger.warn(`reconciler: ${missing.length} pending webhook deliveries re-enqueued`);
    }
    return missing.length;
  }
}

/**
 * Of the given job ids, those with no job that will still run: missing (lost
 * with the queue) or failed for good (removed here, so re-adding the same
 * jobId is not a no-op). Ids whose job is waiting, delayed or active are left out.
 */
async function withoutLiveJob(queue: Queue, ids: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const id of ids) {
    const job = await queue.getJob(id);
    if (job && !(await job.isFailed())) continue;
    await job?.remove();
    missing.push(id);
  }
  return missing;
}
