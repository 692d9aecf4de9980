export * from './email-templates';
export * from './notification-bus';
export * from './notification-delivery.service';
export * from './notifications.module';
export * from './outbox-relay.service';
export * from './recipients';
export * from './webhook-deliveries';
export * from './webhook.model';
