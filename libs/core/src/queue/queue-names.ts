/** Every queue and job name the platform uses, typed, in one place. */
export const QUEUES = {
  system: 'system',
  referrals: 'referrals',
  notifications: 'notifications',
  emails: 'emails',
  webhooks: 'webhooks',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Round-trip probe: proves the api can enqueue and a worker can process. */
  'system.ping': { requestedAt: string };
  /** Scheduled: expire overdue referrals, announce those due soon. */
  'referrals.sweep': Record<string, never>;
  /** One outbox event to turn into notifications; jobId = the outbox id. */
  'notifications.deliver': { eventId: string };
  /** Scheduled: re-dispatch outbox events dispatched but never delivered. */
  'notifications.reconcile': Record<string, never>;
  /** Scheduled: announce consents and agreements about to expire, once each. */
  'notifications.expiry-reminders': Record<string, never>;
  /** One e-mail to send; jobId = the email_deliveries id. */
  'emails.send': { deliveryId: string };
  /** One signed webhook POST; jobId = the webhook_deliveries id (`<id>:replay:<n>` for a replay). */
  'webhooks.deliver': { deliveryId: string };
}

export type JobName = keyof JobPayloads;
