import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, QUEUES, QueueFactory } from '@app/core';
import { emailLanguage, renderEmail } from './email-templates';
import { NotificationBus } from './notification-bus';
import { NotificationChannel } from './preferences.model';
import { preferenceEnabledSql } from './preferences.service';
import { MANDATORY_EVENTS, OutboxRow, audienceFor } from './recipients';
import { createWebhookDeliveries, enqueueWebhookDeliveries } from './webhook-deliveries';

/** The `emails` job for one e-mail delivery; `jobId` = delivery id, so a repeat is a no-op. */
export function emailJob(deliveryId: string) {
  return { name: 'emails.send', data: { deliveryId }, opts: { jobId: deliveryId } };
}

interface CreatedNotification {
  id: string;
  user_id: string;
  email: string;
  language: string;
  email_enabled: boolean;
}

const IN_APP_ENABLED = preferenceEnabledSql(NotificationChannel.IN_APP, {
  userId: 'm.user_id',
  organisationId: 'm.organisation_id',
  eventType: '$2',
  mandatory: '$8::text[]',
});
const EMAIL_ENABLED = preferenceEnabledSql(NotificationChannel.EMAIL, {
  userId: 'c.user_id',
  organisationId: 'c.organisation_id',
  eventType: '$2',
  mandatory: '$8::text[]',
});

/**
 * Turns one outbox event into in-app notifications, idempotently: the unique
 * (event, user) key means a job that runs twice creates each notification
 * once, and the event is marked delivered in the same transaction. With SMTP
 * configured, each new notification also gets one PENDING e-mail delivery in
 * that transaction (unique per notification), enqueued on `emails` after commit.
 * Preferences apply in the same SQL: no notification for a member whose IN_APP
 * setting for the event is off, no e-mail where EMAIL is off (mandatory events
 * always go out).
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger(NotificationDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: NotificationBus,
  ) {}

  /** Returns how many notifications were created (0 on a repeat). */
  async deliver(eventId: string): Promise<number> {
    const { created, emailIds, webhookIds } = await this.dataSource.transaction(async (tx) => {
      const nothing = { created: [] as CreatedNotification[], emailIds: [] as string[], webhookIds: [] as string[] };
      const [event]: OutboxRow[] = await tx.query(
        `SELECT id, event_type, aggregate_type, aggregate_id, payload FROM outbox WHERE id = $1 FOR UPDATE`,
        [eventId],
      );
      if (!event) return nothing;
      const audience = audienceFor(event);
      let result = nothing;
      if (audience && audience.organisationIds.length > 0) {
        const webhookIds = await createWebhookDeliveries(tx, event, audience.organisationIds);
        const created: CreatedNotification[] = await tx.query(
          `WITH created AS (
             INSERT INTO notifications (event_id, user_id, organisation_id, event_type, subject_type, subject_id, summary)
             SELECT $1, m.user_id, m.organisation_id, $2, $3, $4, $5
               FROM memberships m JOIN users u ON u.id = m.user_id AND u.disabled_at IS NULL
              WHERE m.organisation_id = ANY ($6::uuid[]) AND m.role = ANY ($7::text[])
                AND ${IN_APP_ENABLED}
             ON CONFLICT (event_id, user_id) DO NOTHING
             RETURNING id, user_id, organisation_id
           )
           SELECT c.id, c.user_id, u.email, u.language, ${EMAIL_ENABLED} AS email_enabled
             FROM created c JOIN users u ON u.id = c.user_id`,
          [
            event.id,
            event.event_type,
            event.aggregate_type,
            event.aggregate_id,
            JSON.stringify({ title: audience.title, ...event.payload }),
            audience.organisationIds,
            audience.roles,
            MANDATORY_EVENTS,
          ],
        );
        const emailIds = await this.createEmailDeliveries(tx, event, created);
        result = { created, emailIds, webhookIds };
      } else if (!audience) {
        this.logger.warn(`no audience for event type ${event.event_type}; marked delivered`);
      }
      await tx.query(
        `UPDATE outbox SET delivered_at = COALESCE(delivered_at, now()), attempts = attempts + 1 WHERE id = $1`,
        [event.id],
      );
      return result;
    });
    if (emailIds.length > 0) await this.enqueueEmails(emailIds);
    await enqueueWebhookDeliveries(this.queues, this.config, webhookIds);
    if (created.length > 0) await this.bus.publish(created); // live subscribers, after commit (ids only)
    return created.length;
  }

  /** One PENDING e-mail per new notification whose EMAIL setting is on (none without SMTP). */
  private async createEmailDeliveries(
    tx: EntityManager,
    event: OutboxRow,
    created: CreatedNotification[],
  ): Promise<string[]> {
    const emailRows = created.filter((row) => row.email_enabled);
    if (!this.config.mail || emailRows.length === 0) return [];
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO email_deliveries (notification_id, user_id, to_address, language, subject)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[])
       ON CONFLICT (notification_id) DO NOTHING
       RETURNING id`,
      [
        emailRows.map((r) => r.id),
        emailRows.map((r) => r.user_id),
        emailRows.map((r) => r.email),
        emailRows.map((r) => emailLanguage(r.language)),
        emailRows.map((r) => renderEmail(event.event_type, event.payload, emailLanguage(r.language)).subject),
      ],
    );
    return inserted.map((r) => r.id);
  }

  /**
   * After commit: a lost enqueue (crash, queue down) leaves the rows PENDING,
   * and the reconciler enqueues them again; `jobId` = delivery id makes a
   * repeat a no-op while the job exists.
   */
  async enqueueEmails(deliveryIds: string[]): Promise<void> {
    try {
      await this.queues.queue(QUEUES.emails).addBulk(deliveryIds.map(emailJob));
    } catch (error) {
      this.logger.warn(`e-mail enqueue failed, left to the reconciler: ${(error as Error).message}`);
    }
  }
}
