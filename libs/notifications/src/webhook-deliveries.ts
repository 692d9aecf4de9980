import { Logger } from '@nestjs/common';
import { AppConfig, DEFAULT_JOB_OPTIONS, QUEUES, QueueFactory } from '@app/core';
import { CHANNEL_JOB_OPTIONS } from './channel-jobs';

const logger = new Logger('WebhookDeliveries');

/** The job options of a webhook job: the default retries, with the configured backoff base. */
export function webhookJobOptions(config: AppConfig, jobId: string) {
  return {
    ...CHANNEL_JOB_OPTIONS,
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
