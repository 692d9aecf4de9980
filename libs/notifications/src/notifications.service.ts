import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@app/authz';
import { NotFoundError, decodeCursor, keysetPage } from '@app/core';
import { Notification, NotificationConnection, NotificationsArgs } from './notification.model';
import { summarise } from './notification-summary';
import { notificationTitle, readerLanguage } from './notification-titles';

interface NotificationRow {
  id: string;
  event_type: string;
  subject_type: string;
  subject_id: string;
  organisation_id: string;
  /** The event's payload: ids and codes. */
  summary: Record<string, unknown>;
  /** The reader's language: the title is written in it. */
  language: string;
  created_at: Date;
  cursor_time: string;
  read_at: Date | null;
}

/** Of `notifications n` joined to its reader `users u`. */
const COLUMNS = `n.id, n.event_type, n.subject_type, n.subject_id, n.organisation_id, n.summary, n.created_at,
  n.created_at::text AS cursor_time, n.read_at, u.language`;
const FROM = `notifications n JOIN users u ON u.id = n.user_id`;

/** The signed-in user's in-app inbox; titles are written when read, in the reader's language now. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, args: NotificationsArgs): Promise<NotificationConnection> {
    const params: unknown[] = [actor.userId];
    const where = ['n.user_id = $1'];
    if (args.unreadOnly) where.push('n.read_at IS NULL');
    if (args.after) {
      const { createdAt, id } = decodeCursor(args.after);
      params.push(createdAt, id);
      where.push(`(n.created_at, n.id) < ($2::timestamptz, $3::uuid)`);
    }
    params.push(args.first + 1);
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
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
      `SELECT n.user_id, ${COLUMNS} FROM ${FROM} WHERE n.id = ANY ($1::uuid[]) AND n.user_id = ANY ($2::uuid[])
        ORDER BY n.created_at, n.id`,
      [ids, userIds],
    );
    return rows.map((row) => ({ userId: row.user_id, notification: toNotification(row) }));
  }

  async markRead(actor: Actor, id: string): Promise<Notification> {
    // In a CTE so query() answers the RETURNING rows (a bare UPDATE gives [rows, count]).
    const rows: NotificationRow[] = await this.dataSource.query(
      `WITH updated AS (
         UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING *
       ) SELECT ${COLUMNS} FROM updated n JOIN users u ON u.id = n.user_id`,
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
    title: notificationTitle(row.event_type, row.summary, readerLanguage(row.language)),
    summary: summarise(row.event_type, row.summary),
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
