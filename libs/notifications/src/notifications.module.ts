import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@app/organisations';
import { ExpiryRemindersService } from './expiry-reminders.service';
import { NotificationBusModule } from './notification-bus';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsLiveService } from './notifications-live.service';
import { NotificationsService } from './notifications.service';
import { OutboxRelayService } from './outbox-relay.service';
import { NotificationPreferencesResolver } from './preferences.resolver';
import { NotificationPreferencesService } from './preferences.service';
import { WebhookAddressGuard } from './webhook-address-guard';
import { WebhookHttpClient } from './webhook-http-client';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/**
 * Where webhooks may go: one guard for the API's check of a new endpoint and
 * the worker's deliveries (one instance when both run in one process).
 */
@Module({ providers: [WebhookAddressGuard, WebhookHttpClient], exports: [WebhookAddressGuard, WebhookHttpClient] })
export class WebhookNetworkModule {}

/** The inbox, for the API (browser sessions from the organisations library end live subscriptions). */
@Module({
  imports: [NotificationBusModule, WebhookNetworkModule, OrganisationsModule],
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

/** Relay, delivery and expiry reminders, for the worker. */
@Module({
  imports: [NotificationBusModule, WebhookNetworkModule],
  providers: [OutboxRelayService, NotificationDeliveryService, ExpiryRemindersService],
  exports: [OutboxRelayService, NotificationDeliveryService, ExpiryRemindersService, WebhookNetworkModule],
})
export class NotificationDeliveryModule {}
