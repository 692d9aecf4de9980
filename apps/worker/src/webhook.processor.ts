import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, JobPayloads, QUEUES, QueueFactory, writeOutboxEvent } from '@app/core';
import { WebhookHttpClient } from '@app/notifications';

interface DeliveryRow {
  id: string;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  endpoint_id: string;
  organisation_id: string;
  url: string;
  secret: string;
  active: boolean;
  event_type: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

export type WebhookOutcome = 'succeeded' | 'skipped';

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: what receivers recompute to verify a delivery. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POSTs signed webhook deliveries through the WebhookHttpClient: only to
 * allowed addresses, checked at connection time; redirects not followed. A
 * 2xx marks the delivery SUCCEEDED and resets the endpoint's failure count;
 * anything else (a refused address too) is logged as an attempt
 * and thrown, so BullMQ retries with exponential backoff. The last failed
 * attempt marks the delivery FAILED and counts against the endpoint, which is
 * disabled (and its organisation's admins told) after
 * WEBHOOK_DISABLE_AFTER_FAILURES deliveries failed in a row. A disabled
 * endpoint is never sent to.
 */
@Injectable()
export class WebhookProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookProcessor.name);

  constructor(
    private readonly queues: QueueFactory,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly http: WebhookHttpClient,
  ) {}

  onApplicationBootstrap(): void {
    this.queues.worker(QUEUES.webhooks, (job) => this.process(job), {
      concurrency: this.config.notifications.concurrency,
    });
  }

  async process(job: Job): Promise<WebhookOutcome> {
    if (job.name !== 'webhooks.deliver') throw new Error(`Unknown job ${job.name} on the webhooks queue`);
    const { deliveryId } = job.data as JobPayloads['webhooks.deliver'];
    const [row]: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.id, d.status, d.endpoint_id, e.organisation_id, e.url, e.secret, e.active,
              o.event_type, o.payload, o.created_at AS occurred_at
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id JOIN outbox o ON o.id = d.event_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!row || row.status !== 'PENDING') return 'skipped';
    if (!row.active) {
      // Never sent to a disabled endpoint; replayable once it is enabled again.
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = 'FAILED', last_error = 'endpoint disabled' WHERE id = $1 AND status = 'PENDING'`,
        [row.id],
      );
      return 'skipped';
    }
    const body = JSON.stringify({
      id: row.id,
      event: row.event_type,
      occurredAt: new Date(row.occurred_at).toISOString(),
      data: row.payload,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const started = Date.now();
    const { statusCode, error } = await this.http.post(
      row.url,
      {
        'content-type': 'application/json',
        'x-webhook-id': row.id,
        'x-webhook-timestamp': timestamp,
        'x-webhook-signature': webhookSignature(row.secret, timestamp, body),
      },
      body,
      this.config.webhooks.timeoutMs,
    );
    const latency = Date.now() - started;
    await this.dataSource.query(
      `INSERT INTO webhook_attempts (delivery_id, status_code, latency_ms, error) VALUES ($1, $2, $3, $4)`,
      [row.id, statusCode, latency, error],
    );
    if (error === null) {
      await this.dataSource.transaction(async (tx) => {
        await tx.query(
          `UPDATE webhook_deliveries
              SET status = 'SUCCEEDED', attempts = attempts + 1, last_status_code = $2, last_latency_ms = $3,
                  last_error = NULL, delivered_at = now()
            WHERE id = $1`,
          [row.id, statusCode, latency],
        );
        await tx.query(`UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = $1`, [row.endpoint_id]);
      });
      return 'succeeded';
    }
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.dataSource.transaction(async (tx) => {
      // UPDATE … RETURNING inside a CTE: TypeORM returns plain rows for a SELECT.
      const updated: { id: string }[] = await tx.query(
        `WITH updated AS (
           UPDATE webhook_deliveries
              SET attempts = attempts + 1, last_status_code = $2, last_latency_ms = $3, last_error = $4,
                  status = CASE WHEN $5 THEN 'FAILED' ELSE status END
            WHERE id = $1 AND status = 'PENDING'
            RETURNING id
         ) SELECT id FROM updated`,
        [row.id, statusCode, latency, error, final],
      );
      if (!final || updated.length === 0) return;
      const [endpoint]: { consecutive_failures: number; active: boolean }[] = await tx.query(
        `WITH counted AS (
           UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1 WHERE id = $1
           RETURNING consecutive_failures, active
         ) SELECT consecutive_failures, active FROM counted`,
        [row.endpoint_id],
      );
      if (endpoint.active && endpoint.consecutive_failures >= this.config.webhooks.disableAfterFailures) {
        await tx.query(`UPDATE webhook_endpoints SET active = false, disabled_at = now() WHERE id = $1`, [
          row.endpoint_id,
        ]);
        await writeOutboxEvent(tx, {
          type: 'webhook.disabled',
          aggregateType: 'webhook_endpoint',
          aggregateId: row.endpoint_id,
          payload: { endpointId: row.endpoint_id, organisationId: row.organisation_id },
        });
        this.logger.warn(`webhook endpoint ${row.endpoint_id} disabled after repeated failures`);
      }
    });
    if (final) this.logger.warn(`webhook ${row.id} failed for good: ${error}`);
    throw new Error(`webhook delivery failed: ${error}`);
  }
}
