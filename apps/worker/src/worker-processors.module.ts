import { Module } from '@nestjs/common';
import { NotificationDeliveryModule } from '@app/notifications';
import { ReferralSweepModule } from '@app/referrals';
import { EmailProcessor } from './email.processor';
import { NotificationsProcessor } from './notifications.processor';
import { ReferralSweepProcessor } from './referral-sweep.processor';
import { SystemProcessor } from './system.processor';
import { WebhookProcessor } from './webhook.processor';

/**
 * Every BullMQ processor and scheduled sweep. Imported by the worker app, and
 * by the API when it runs the worker in process (the embedded default).
 */
@Module({
  imports: [ReferralSweepModule, NotificationDeliveryModule],
  providers: [SystemProcessor, ReferralSweepProcessor, NotificationsProcessor, EmailProcessor, WebhookProcessor],
})
export class WorkerProcessorsModule {}
