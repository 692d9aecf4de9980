import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxRow, audienceFor } from './recipients';

/**
 * Turns one outbox event into in-app notifications, idempotently: the unique
 * (event, user) key means a job that runs twice creates each notification
 * once, and the event is marked delivered in the same transaction.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger(NotificationDeliveryService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns how many notifications were created (0 on a repeat). */
  async deliver(eventId: string): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const [event]: OutboxRow[] = await tx.query(
        `SELECT id, event_type, aggregate_type, aggregate_id, payload FROM outbox WHERE id = $1 FOR UPDATE`,
        [eventId],
      );
      if (!event) return 0;
      const audience = audienceFor(event);
      let created = 0;
      if (audience && audience.organisationIds.length > 0) {
        const rows: unknown[] = await tx.query(
          `INSERT INTO notifications (event_id, user_id, organisation_id, event_type, subject_type, subject_id, summary)
           SELECT $1, m.user_id, m.organisation_id, $2, $3, $4, $5
             FROM memberships m JOIN users u ON u.id = m.user_id AND u.disabled_at IS NULL
            WHERE m.organisation_id = ANY ($6::uuid[]) AND m.role = ANY ($7::text[])
           ON CONFLICT (event_id, user_id) DO NOTHING
           RETURNING id`,
          [
            event.id,
            event.event_type,
            event.aggregate_type,
            event.aggregate_id,
            JSON.stringify({ title: audience.title, ...event.payload }),
            audience.organisationIds,
            audience.roles,
          ],
        );
        created = rows.length;
      } else if (!audience) {
        this.logger.warn(`no audience for event type ${event.event_type}; marked delivered`);
      }
      await tx.query(
        `UPDATE outbox SET delivered_at = COALESCE(delivered_at, now()), attempts = attempts + 1 WHERE id = $1`,
        [event.id],
      );
      return created;
    });
  }
}
