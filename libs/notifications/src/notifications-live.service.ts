import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Actor, SESSION_STORE, SessionStore } from '@app/authz';
import { detached } from '@app/core';
import { Notification } from './notification.model';
import { NotificationBus, NotificationsAdded } from './notification-bus';
import { NotificationsService } from './notifications.service';

/** A minimal async-iterable queue: one per subscriber. */
class LiveQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffered: T[] = [];
  private readonly waiting: ((result: IteratorResult<T>) => void)[] = [];
  private done = false;

  constructor(
    private readonly onClose: () => void,
    /** The browser session the subscriber signed in with; undefined for a bearer token. */
    readonly sessionId?: string,
  ) {}

  push(value: T): void {
    if (this.done) return;
    const resolve = this.waiting.shift();
    if (resolve) resolve({ value, done: false });
    else this.buffered.push(value);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffered.length > 0) return Promise.resolve({ value: this.buffered.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.buffered.length = 0;
    for (const resolve of this.waiting.splice(0)) resolve({ value: undefined, done: true });
    this.onClose();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

/**
 * The `notificationAdded` subscribers of this process. On every bus message it
 * loads, for each connected user named in it, that user's rows among the ids,
 * and pushes them to that user's subscriptions. A subscription opened with a
 * browser session ends, instead of receiving, once that session has ended
 * (signed out, expired): nothing reaches a signed-out browser.
 */
@Injectable()
export class NotificationsLiveService implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsLiveService.name);
  private readonly subscribers = new Map<string, Set<LiveQueue<Notification>>>();
  private unsubscribe?: Promise<() => void>;

  constructor(
    private readonly bus: NotificationBus,
    private readonly notifications: NotificationsService,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
  ) {}

  async subscribe(actor: Actor): Promise<AsyncIterableIterator<Notification>> {
    this.unsubscribe ??= this.bus.subscribe((message) => detached(this.fanOut(message), 'live notification fan-out'));
    await this.unsubscribe;
    const queues = this.subscribers.get(actor.userId) ?? new Set<LiveQueue<Notification>>();
    this.subscribers.set(actor.userId, queues);
    const queue: LiveQueue<Notification> = new LiveQueue(() => {
      queues.delete(queue);
      if (queues.size === 0 && this.subscribers.get(actor.userId) === queues) this.subscribers.delete(actor.userId);
    }, actor.sessionId);
    queues.add(queue);
    return queue;
  }

  private async fanOut(message: NotificationsAdded): Promise<void> {
    const users = message.userIds.filter((userId) => this.subscribers.has(userId));
    if (users.length === 0) return;
    try {
      const live = await this.liveSessions(users);
      const rows = await this.notifications.byIds(users, message.notificationIds);
      for (const { userId, notification } of rows) {
        for (const queue of [...(this.subscribers.get(userId) ?? [])]) {
          if (queue.sessionId === undefined || live.has(queue.sessionId)) queue.push(notification);
          else queue.close();
        }
      }
    } catch (error) {
      this.logger.warn(`live notifications: ${(error as Error).message}`);
    }
  }

  /** The sessions still live among those the users' subscriptions were opened with (no query when none). */
  private liveSessions(userIds: string[]): Promise<Set<string>> {
    const sessionIds = userIds.flatMap((userId) =>
      [...(this.subscribers.get(userId) ?? [])].flatMap((queue) => (queue.sessionId ? [queue.sessionId] : [])),
    );
    return this.sessions.live([...new Set(sessionIds)]);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const queues of [...this.subscribers.values()]) for (const queue of [...queues]) queue.close();
    this.subscribers.clear();
    const unsubscribe = await this.unsubscribe?.catch(() => undefined);
    unsubscribe?.();
  }
}
