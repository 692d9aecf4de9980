import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@app/authz';
import { NotFoundError, decodeCursor, keysetPage } from '@app/core';
import { Notification, NotificationConnection, NotificationsArgs } from './notification.model';
import { summarise } from './notification-summary';

interface NotificationRow {
  id: string;
  event_type: string;
  subject_type: string;
  subject_id: string;
  organisation_id: string;
  summary: { title?: string } & Record<string, unknown>;
  created_at: Date;
  cursor_time: string;
  read_at: Date | null;
}

const COLUMNS = `id, event_type, subject_type, subject_id, organisation_id, summary, created_at, created_at::text AS cursor_time, read_at`;

/** The signed-in user's in-app inbox. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, args: NotificationsArgs): Promise<NotificationConnection> {
    const params: unknown[] = [actor.userId];
    const where = ['user_id = $1'];
    if (args.unreadOnly) where.push('read_at IS NULL');
    if (args.after) {
      const { createdAt, id } = decodeCursor(args.after);
      params.push(createdAt, id);
      where.push(`(created_at, id) < ($2::timestamptz, $3::uuid)`);
    }
    params.push(args.first + 1);
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const [{ unread }]: { unread: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [actor.userId],
    );
    return { ...keysetPage(rows, args.first, toNotification), unreadCount: unread };
  }

  /** Rows among `ids` that belong to one of `userIds`, oldest first: for the live subscription. */
  async byIds(userIds: string[], ids: string[]): Promise<{ userId: string; notification: Notification }[]> {
    if (userIds.length === 0 || ids.length === 0) return [];
    const rows: (NotificationRow & { user_id: string })[] = await this.dataSource.query(
      `SELECT user_id, ${COLUMNS} FROM notifications WHERE id = ANY ($1::uuid[]) AND user_id = ANY ($2::uuid[])
        ORDER BY created_at, id`,
      [ids, userIds],
    );
    return rows.map((row) => ({ userId: row.user_id, notification: toNotification(row) }));
  }

  async markRead(actor: Actor, id: string): Promise<Notification> {
    // In a CTE so query() answers the RETURNING rows (a bare UPDATE gives [rows, count]).
    const rows: NotificationRow[] = await this.dataSource.query(
      `WITH updated AS (
         UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING *
       ) SELECT ${COLUMNS} FROM updated`,
      [id, actor.userId],
    );
    if (!rows[0]) throw new NotFoundError('Notification', id);
    return toNotification(rows[0]);
  }

  async markAllRead(actor: Actor): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `WITH updated AS (UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id)
       SELECT count(*)::int AS count FROM updated`,
      [actor.userId],
    );
    return count;
  }
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    eventType: row.event_type,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    organisationId: row.organisation_id,
    title: row.summary.title ?? row.event_type,
    summary: summarise(row.event_type, row.summary),
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
