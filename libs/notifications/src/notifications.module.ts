import { Module } from '@nestjs/common';
import { NotificationBusModule } from './notification-bus';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsLiveService } from './notifications-live.service';
import { NotificationsService } from './notifications.service';
import { OutboxRelayService } from './outbox-relay.service';
import { NotificationPreferencesResolver } from './preferences.resolver';
import { NotificationPreferencesService } from './preferences.service';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/** The inbox, for the API. */
@Module({
  imports: [NotificationBusModule],
  providers: [
    NotificationsService,
    NotificationsLiveService,
    NotificationsResolver,
    NotificationPreferencesService,
    NotificationPreferencesResolver,
    WebhooksService,
    WebhooksResolver,
  ],
})
export class NotificationsModule {}

/** Relay and delivery, for the worker. */
@Module({
  imports: [NotificationBusModule],
  providers: [OutboxRelayService, NotificationDeliveryService],
  exports: [OutboxRelayService, NotificationDeliveryService],
})
export class NotificationDeliveryModule {}
