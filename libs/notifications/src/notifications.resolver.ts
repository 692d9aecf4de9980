import { Args, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Actor, Authenticated, CurrentActor } from '@app/authz';
import { UuidArg } from '@app/core';
import { Notification, NotificationConnection, NotificationsArgs } from './notification.model';
import { NotificationsLiveService } from './notifications-live.service';
import { NotificationsService } from './notifications.service';

// `@Authenticated()`: everyone has an inbox, and sees only their own.
@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly live: NotificationsLiveService,
  ) {}

  @Query(() => NotificationConnection, { description: 'Your in-app inbox, newest first, with the unread count.' })
  @Authenticated()
  notifications(@CurrentActor() actor: Actor, @Args() args: NotificationsArgs): Promise<NotificationConnection> {
    return this.service.list(actor, args);
  }

  @Mutation(() => Notification)
  @Authenticated()
  markNotificationRead(@CurrentActor() actor: Actor, @UuidArg('id') id: string): Promise<Notification> {
    return this.service.markRead(actor, id);
  }

  @Mutation(() => Int, { description: 'Marks every unread notification read; returns how many.' })
  @Authenticated()
  markAllNotificationsRead(@CurrentActor() actor: Actor): Promise<number> {
    return this.service.markAllRead(actor);
  }

  @Subscription(() => Notification, {
    description: 'Your new in-app notifications, live (graphql-ws), as they are delivered.',
    resolve: (notification: Notification) => notification,
  })
  @Authenticated()
  notificationAdded(@CurrentActor() actor: Actor): Promise<AsyncIterableIterator<Notification>> {
    return this.live.subscribe(actor);
  }
}
