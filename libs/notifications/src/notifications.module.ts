import { Module } from '@nestjs/common';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { OutboxRelayService } from './outbox-relay.service';

/** The inbox, for the API. */
@Module({ providers: [NotificationsService, NotificationsResolver] })
export class NotificationsModule {}

/** Relay and delivery, for the worker. */
@Module({
  providers: [OutboxRelayService, NotificationDeliveryService],
  exports: [OutboxRelayService, NotificationDeliveryService],
})
export class NotificationDeliveryModule {}
