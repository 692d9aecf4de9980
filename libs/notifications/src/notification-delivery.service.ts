import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, QUEUES, QueueFactory, detached, preparedStatement } from '@app/core';
import { CHANNEL_JOB_OPTIONS } from './channel-jobs';
import { EmailLanguage, renderEmail } from './email-templates';
import { NotificationBus } from './notification-bus';
import { NotificationChannel } from './preferences.model';
import { preferenceEnabledSql } from './preferences.service';
import { MANDATORY_EVENTS, OutboxRow, audienceFor } from './recipients';
import { enqueueWebhookDeliveries } from './webhook-deliveries';

/** The `emails` job for one e-mail delivery; `jobId` = delivery id, so a repeat is a no-op. */
export function emailJob(deliveryId: string) {
  return { name: 'emails.send', data: { deliveryId }, opts: { ...CHANNEL_JOB_OPTIONS, jobId: deliveryId } };
}

/** The `notifications` job that delivers one outbox event; `jobId` = event id, so a repeat is a no-op while it exists. */
export function deliveryJob(eventId: string) {
  return {
    name: 'notifications.deliver' as const,
    data: { eventId },
    opts: { ...CHANNEL_JOB_OPTIONS, jobId: eventId },
  };
}

const IN_APP_ENABLED = preferenceEnabledSql(NotificationChannel.IN_APP, {
  userId: 'm.user_id',
  organisationId: 'm.organisation_id',
  eventType: '$2::text',
  mandatory: '$8::text[]',
});
const EMAIL_ENABLED = preferenceEnabledSql(NotificationChannel.EMAIL, {
  userId: 'c.user_id',
  organisationId: 'c.organisation_id',
  eventType: '$2::text',
  mandatory: '$8::text[]',
});

/**
 * The delivery of one event, one statement: marks the event delivered (and
 * counts the attempt), creates its webhook deliveries, its in-app
 * notifications (preferences applied) and their e-mail deliveries (`$9`/`$10`:
 * the subject in Polish and English; NULL = e-mail disabled). A statement is
 * atomic and its data-modifying parts all run to completion, so this is what
 * the transaction of four statements was; the row lock the UPDATE takes makes
 * a second delivery of the same event wait for the first, and the unique keys
 * make it create nothing. Prepared (`preparedStatement`): planning it cost
 * PostgreSQL about as much as running it.
 */
const DELIVERY_SQL = `WITH event AS (
       UPDATE outbox SET delivered_at = COALESCE(delivered_at, now()), attempts = attempts + 1
        WHERE id = $1
       RETURNING id
     ),
     webhooks AS (
       INSERT INTO webhook_deliveries (endpoint_id, event_id)
       SELECT e.id, event.id FROM event CROSS JOIN webhook_endpoints e
        WHERE e.organisation_id = ANY ($6::uuid[]) AND e.active
          AND (cardinality(e.event_types) = 0 OR $2::text = ANY (e.event_types))
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING id
     ),
     created AS (
       INSERT INTO notifications (event_id, user_id, organisation_id, event_type, subject_type, subject_id, summary)
       SELECT event.id, m.user_id, m.organisation_id, $2::text, $3, $4, $5
         FROM event CROSS JOIN memberships m JOIN users u ON u.id = m.user_id AND u.disabled_at IS NULL
        WHERE m.organisation_id = ANY ($6::uuid[]) AND m.role = ANY ($7::text[])
          AND ${IN_APP_ENABLED}
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING id, user_id, organisation_id
     ),
     emails AS (
       INSERT INTO email_deliveries (notification_id, user_id, to_address, language, subject)
       SELECT c.id, c.user_id, u.email, l.language, CASE l.language WHEN 'en' THEN $10::text ELSE $9::text END
         FROM created c JOIN users u ON u.id = c.user_id
        CROSS JOIN LATERAL (SELECT CASE WHEN u.language = 'en' THEN 'en' ELSE 'pl' END AS language) l
        WHERE $9::text IS NOT NULL AND ${EMAIL_ENABLED}
       ON CONFLICT (notification_id) DO NOTHING
       RETURNING id
     )
     SELECT (SELECT COALESCE(json_agg(json_build_object('id', c.id, 'user_id', c.user_id)), '[]') FROM created c) AS created,
            ARRAY(SELECT id FROM emails) AS email_ids,
            ARRAY(SELECT id FROM webhooks) AS webhook_ids`;

const EVENT_SQL = `SELECT id, event_type, aggregate_type, aggregate_id, payload FROM outbox WHERE id = $1`;

interface DeliveryRow {
  created: { id: string; user_id: string }[];
  email_ids: string[];
  webhook_ids: string[];
}

/** Events the relay of this process claimed and whose delivery has not started here (see `remember`). */
const REMEMBERED_AT_MOST = 10_000;

/**
 * Turns one outbox event into in-app notifications, idempotently: the unique
 * (event, user) key means a job that runs twice creates each notification
 * once, and the event is marked delivered in the same statement. With SMTP
 * configured, each new notification also gets one PENDING e-mail delivery in
 * that statement (unique per notification), enqueued on `emails` after commit.
 * Preferences apply in the same SQL: no notification for a member whose IN_APP
 * setting for the event is off, no e-mail where EMAIL is off (mandatory events
 * always go out). Who hears of an event (`audienceFor`) is decided here, from
 * its type and payload: the delivery reads the event first, unless the relay
 * of this process has just handed it over (`remember`). One statement per
 * event then, two otherwise.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger(NotificationDeliveryService.name);
  /** Outbox rows by id; insertion order = age, so the oldest go first when full. */
  private readonly remembered = new Map<string, OutboxRow>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: NotificationBus,
  ) {}

  /**
   * Keeps outbox rows just claimed by the relay, so that their delivery jobs,
   * when this process runs them, need not read them again: the columns a
   * delivery reads never change once written. The jobs still carry only the
   * id; a job run elsewhere, or after this process restarted, reads the row.
   */
  remember(events: readonly OutboxRow[]): void {
    for (const event of events) this.remembered.set(event.id, event);
    for (const id of this.remembered.keys()) {
      if (this.remembered.size <= REMEMBERED_AT_MOST) break;
      this.remembered.delete(id);
    }
  }

  /** Returns how many notifications were created (0 on a repeat). */
  async deliver(eventId: string): Promise<number> {
    let event = this.remembered.get(eventId);
    this.remembered.delete(eventId);
    if (!event) {
      [event] = await this.dataSource.query<OutboxRow[]>(preparedStatement('notifications-event', EVENT_SQL), [
        eventId,
      ]);
    }
    if (!event) return 0;
    const audience = audienceFor(event);
    if (!audience) this.logger.warn(`no audience for event type ${event.event_type}; marked delivered`);
    const subject = (language: EmailLanguage) => renderEmail(event.event_type, event.payload, language).subject;
    const [row]: DeliveryRow[] = await this.dataSource.query(preparedStatement('notifications-deliver', DELIVERY_SQL), [
      event.id,
      event.event_type,
      event.aggregate_type,
      event.aggregate_id,
      JSON.stringify(event.payload),
      audience?.organisationIds ?? [],
      audience?.roles ?? [],
      MANDATORY_EVENTS,
      this.config.mail ? subject('pl') : null,
      this.config.mail ? subject('en') : null,
    ]);
    if (row.email_ids.length > 0) await this.enqueueEmails(row.email_ids);
    await enqueueWebhookDeliveries(this.queues, this.config, row.webhook_ids);
    // Live subscribers, after commit (ids only). Not awaited: the job is done once the rows are committed.
    if (row.created.length > 0) detached(this.bus.publish(row.created), 'live notification publish');
    return row.created.length;
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
