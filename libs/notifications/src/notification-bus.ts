import { Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, detached } from '@app/core';

/** Ids only: every API process loads the rows itself, for the subscribers it holds. */
export interface NotificationsAdded {
  userIds: string[];
  notificationIds: string[];
}

export type NotificationsAddedHandler = (message: NotificationsAdded) => void;

const PG_CHANNEL = 'notification_added';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay well below. */
const MAX_PAYLOAD_BYTES = 7000;

type Pair = { id: string; user_id: string };

/**
 * Cross-process fan-out of "notifications were created", after commit: Redis
 * pub/sub (channel prefixed with the queue prefix) when REDIS_URL is set,
 * PostgreSQL NOTIFY/LISTEN otherwise. Best effort by design: the rows are
 * already committed, so a lost message only delays the user until the next
 * inbox query.
 *
 * What concurrent deliveries publish in the same tick of the event loop goes
 * out together: as few messages as fit the size limit, on PostgreSQL in one
 * statement. A NOTIFY is not sent from the delivering statement itself:
 * PostgreSQL makes every transaction that notifies hold one database-wide lock
 * from before its commit until after it, WAL flush included, so deliveries that
 * notified as they commit would flush one at a time (measured: about a fifth
 * fewer deliveries per second at concurrency 10 than with a separate NOTIFY).
 */
@Injectable()
export class NotificationBus implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationBus.name);
  private publisher?: IORedis;
  private subscriber?: IORedis;
  private listener?: Client;
  private readonly handlers = new Set<NotificationsAddedHandler>();
  private listening?: Promise<void>;
  /** Pairs waiting for the next send, that send (settles when sent or given up), and every send not settled. */
  private readonly pending: Pair[] = [];
  private next?: Promise<void>;
  private readonly sending = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get redisChannel(): string {
    return `${this.config.queuePrefix}:notification_added`;
  }

  /**
   * Publishes the pairs (user, notification) with whatever else is published
   * in this tick; resolves once sent. Never throws.
   */
  publish(rows: Pair[]): Promise<void> {
    this.pending.push(...rows);
    if (!this.next) {
      const send = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.next = undefined;
        return this.send(this.pending.splice(0));
      });
      this.next = send;
      this.sending.add(send);
      detached(
        send.finally(() => this.sending.delete(send)),
        'live notification send',
      );
    }
    return this.next;
  }

  private async send(rows: Pair[]): Promise<void> {
    try {
      const payloads = batches(rows).map((message) => JSON.stringify(message));
      if (this.config.redisUrl) {
        // Several sends' messages leave in one write.
        this.publisher ??= new IORedis(this.config.redisUrl, { maxRetriesPerRequest: 1, enableAutoPipelining: true });
        const publisher = this.publisher;
        await Promise.all(payloads.map((payload) => publisher.publish(this.redisChannel, payload)));
      } else {
        await this.dataSource.query(`SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload`, [
          PG_CHANNEL,
          payloads,
        ]);
      }
    } catch (error) {
      this.logger.warn(`live notification publish failed: ${(error as Error).message}`);
    }
  }

  /** Calls `handler` for every message from any process; resolves once listening. */
  async subscribe(handler: NotificationsAddedHandler): Promise<() => void> {
    this.handlers.add(handler);
    this.listening ??= this.listen();
    await this.listening;
    return () => this.handlers.delete(handler);
  }

  private dispatch(payload: string | undefined): void {
    if (!payload) return;
    let message: NotificationsAdded;
    try {
      message = JSON.parse(payload) as NotificationsAdded;
    } catch {
      return;
    }
    if (!Array.isArray(message.userIds) || !Array.isArray(message.notificationIds)) return;
    for (const handler of this.handlers) handler(message);
  }

  private async listen(): Promise<void> {
    if (this.config.redisUrl) {
      this.subscriber = new IORedis(this.config.redisUrl, { maxRetriesPerRequest: null });
      this.subscriber.on('error', (error: Error) => this.logger.warn(`live notifications (redis): ${error.message}`));
      this.subscriber.on('message', (_channel: string, payload: string) => this.dispatch(payload));
      await this.subscriber.subscribe(this.redisChannel);
    } else {
      this.listener = new Client({ connectionString: this.config.databaseUrl });
      this.listener.on('error', (error) => this.logger.warn(`live notifications (postgres): ${error.message}`));
      this.listener.on('notification', (message) => {
        if (message.channel === PG_CHANNEL) this.dispatch(message.payload);
      });
      await this.listener.connect();
      await this.listener.query(`LISTEN ${PG_CHANNEL}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.sending);
    this.handlers.clear();
    await this.listening?.catch(() => undefined);
    await Promise.all([
      this.listener?.end().catch(() => undefined),
      this.subscriber?.quit().catch(() => undefined),
      this.publisher?.quit().catch(() => undefined),
    ]);
  }
}

/** Splits (user, notification) pairs into messages whose JSON stays under the NOTIFY limit. */
export function batches(rows: { id: string; user_id: string }[]): NotificationsAdded[] {
  const messages: NotificationsAdded[] = [];
  let current: NotificationsAdded = { userIds: [], notificationIds: [] };
  let size = 40;
  for (const row of rows) {
    // Two quoted uuids and commas, at most.
    const added = (current.userIds.includes(row.user_id) ? 0 : row.user_id.length + 3) + row.id.length + 3;
    if (size + added > MAX_PAYLOAD_BYTES && current.notificationIds.length > 0) {
      messages.push(current);
      current = { userIds: [], notificationIds: [] };
      size = 40;
    }
    if (!current.userIds.includes(row.user_id)) current.userIds.push(row.user_id);
    current.notificationIds.push(row.id);
    size += row.user_id.length + 3 + row.id.length + 3;
  }
  if (current.notificationIds.length > 0) messages.push(current);
  return messages;
}

/** The bus, shared by the API (subscribers) and the worker (publisher). */
@Module({ providers: [NotificationBus], exports: [NotificationBus] })
export class NotificationBusModule {}
