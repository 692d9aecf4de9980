import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { APP_CONFIG, AppConfig, JobPayloads, QUEUES, QueueFactory } from '@app/core';
import { ExpiryRemindersService, NotificationDeliveryService, OutboxRelayService } from '@app/notifications';

const RECONCILER_ID = 'outbox-reconciler';
const EXPIRY_REMINDERS_ID = 'expiry-reminders';

/**
 * Delivers outbox events as notifications; on schedules, reconciles the outbox
 * and announces consents and agreements about to expire.
 */
@Injectable()
export class NotificationsProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly queues: QueueFactory,
    private readonly delivery: NotificationDeliveryService,
    private readonly relay: OutboxRelayService,
    private readonly expiryReminders: ExpiryRemindersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { reconcileEverySeconds, expiryReminderIntervalSeconds, concurrency } = this.config.notifications;
    // Kept, not just upserted: the reconciler must come back after a Redis wipe, the very loss it repairs.
    await this.queues.keepJobScheduler(
      QUEUES.notifications,
      RECONCILER_ID,
      'notifications.reconcile',
      reconcileEverySeconds * 1000,
    );
    await this.queues.keepJobScheduler(
      QUEUES.notifications,
      EXPIRY_REMINDERS_ID,
      'notifications.expiry-reminders',
      expiryReminderIntervalSeconds * 1000,
    );
    this.queues.worker(QUEUES.notifications, (job) => this.process(job), { concurrency });
  }

  async process(job: Job): Promise<number> {
    switch (job.name as keyof JobPayloads) {
      case 'notifications.deliver':
        return this.delivery.deliver((job.data as JobPayloads['notifications.deliver']).eventId);
      case 'notifications.reconcile':
        return this.relay.reconcile();
      case 'notifications.expiry-reminders': {
        const { consents, agreements } = await this.expiryReminders.announce();
        return consents + agreements;
      }
      default:
        throw new Error(`Unknown job ${job.name} on the notifications queue`);
    }
  }
}
