import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { APP_CONFIG, AppConfig, JobPayloads, QUEUES, QueueFactory } from '@app/core';
import { NotificationDeliveryService, OutboxRelayService } from '@app/notifications';

const RECONCILER_ID = 'outbox-reconciler';

/** Delivers outbox events as notifications, and reconciles the outbox on a schedule. */
@Injectable()
export class NotificationsProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly queues: QueueFactory,
    private readonly delivery: NotificationDeliveryService,
    private readonly relay: OutboxRelayService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { reconcileEverySeconds, concurrency } = this.config.notifications;
    await this.queues
      .queue(QUEUES.notifications)
      .upsertJobScheduler(
        RECONCILER_ID,
        { every: reconcileEverySeconds * 1000 },
        { name: 'notifications.reconcile', data: {} },
      );
    this.queues.worker(QUEUES.notifications, (job) => this.process(job), { concurrency });
  }

  async process(job: Job): Promise<number> {
    switch (job.name as keyof JobPayloads) {
      case 'notifications.deliver':
        return this.delivery.deliver((job.data as JobPayloads['notifications.deliver']).eventId);
      case 'notifications.reconcile':
        return this.relay.reconcile();
      default:
        throw new Error(`Unknown job ${job.name} on the notifications queue`);
    }
  }
}
