import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig, DEFAULT_JOB_OPTIONS, QUEUES, QueueFactory } from '@app/core';
import { OutboxRow } from './recipients';

const logger = new Logger('WebhookDeliveries');

/**
 * In the delivering transaction: one PENDING webhook delivery per active
 * endpoint of the audience organisations whose event types match (empty = all),
 * unique per (endpoint, event), so a repeat creates nothing. Returns the new ids.
 */
export async function createWebhookDeliveries(
  tx: EntityManager,
  event: OutboxRow,
  organisationIds: string[],
): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows: { id: string }[] = await tx.query(
    `INSERT INTO webhook_deliveries (endpoint_id, event_id)
     SELECT e.id, $1 FROM webhook_endpoints e
      WHERE e.organisation_id = ANY ($2::uuid[]) AND e.active
        AND (cardinality(e.event_types) = 0 OR $3 = ANY (e.event_types))
     ON CONFLICT (endpoint_id, event_id) DO NOTHING
     RETURNING id`,
    [event.id, organisationIds, event.event_type],
  );
  return rows.map((r) => r.id);
}

/** The job options of a webhook job: the default retries, with the configured backoff base. */
export function webhookJobOptions(config: AppConfig, jobId: string) {
  return {
    jobId,
    attempts: DEFAULT_JOB_OPTIONS.attempts,
    backoff: { type: 'exponential', delay: config.webhooks.retryBaseMs },
  };
}

/**
 * After commit: a lost enqueue leaves the rows PENDING for the reconciler;
 * `jobId` = delivery id makes a repeat a no-op while the job exists.
 */
export async function enqueueWebhookDeliveries(
  queues: QueueFactory,
  config: AppConfig,
  deliveryIds: string[],
  jobIds: string[] = deliveryIds,
): Promise<void> {
  if (deliveryIds.length === 0) return;
  try {
    await queues.queue(QUEUES.webhooks).addBulk(
      deliveryIds.map((id, i) => ({
        name: 'webhooks.deliver',
        data: { deliveryId: id },
        opts: webhookJobOptions(config, jobIds[i]),
      })),
    );
  } catch (error) {
    logger.warn(`webhook enqueue failed, left to the reconciler: ${(error as Error).message}`);
  }
}
