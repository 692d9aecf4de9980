import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Authenticated, CurrentActor } from '@app/authz';
import {
  NotificationPreference,
  OrganisationNotificationDefault,
  SetNotificationPreferenceInput,
  SetOrganisationNotificationDefaultInput,
} from './preferences.model';
import { NotificationPreferencesService } from './preferences.service';

// `@Authenticated()`: everyone manages their own preferences; organisation
// defaults are for its partner admins (or a platform admin), checked in the service.
@Resolver(() => NotificationPreference)
export class NotificationPreferencesResolver {
  constructor(private readonly service: NotificationPreferencesService) {}

  @Query(() => [NotificationPreference], {
    description: "The caller's notification settings for every known event type and channel.",
  })
  @Authenticated()
  notificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreference[]> {
    return this.service.list(actor);
  }

  @Mutation(() => NotificationPreference, { description: 'Mandatory events cannot be switched off.' })
  @Authenticated()
  setNotificationPreference(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetNotificationPreferenceInput,
  ): Promise<NotificationPreference> {
    return this.service.set(actor, input);
  }

  @Mutation(() => OrganisationNotificationDefault, {
    description: "The default for the organisation's members who have not chosen themselves.",
  })
  @Authenticated()
  setOrganisationNotificationDefault(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetOrganisationNotificationDefaultInput,
  ): Promise<OrganisationNotificationDefault> {
    return this.service.setOrganisationDefault(actor, input);
  }
}
