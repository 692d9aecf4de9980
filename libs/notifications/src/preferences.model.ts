import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';

export enum NotificationChannel {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
}
registerEnumType(NotificationChannel, { name: 'NotificationChannel' });

export enum NotificationPreferenceSource {
  USER = 'USER',
  ORGANISATION = 'ORGANISATION',
  DEFAULT = 'DEFAULT',
}
registerEnumType(NotificationPreferenceSource, {
  name: 'NotificationPreferenceSource',
  description:
    "Where the setting comes from: the user's own choice, their organisation's default, or the built-in default (on).",
});

@ObjectType({ description: 'Whether an event type reaches the caller on a channel, and why.' })
export class NotificationPreference {
  @Field() eventType!: string;
  @Field(() => NotificationChannel) channel!: NotificationChannel;
  @Field() enabled!: boolean;
  @Field({ description: 'Mandatory events (e.g. consent.withdrawn) are always on and cannot be switched off.' })
  mandatory!: boolean;
  @Field(() => NotificationPreferenceSource) source!: NotificationPreferenceSource;
}

@ObjectType({ description: "An organisation's default for its members who have not chosen themselves." })
export class OrganisationNotificationDefault {
  @Field(() => ID) organisationId!: string;
  @Field() eventType!: string;
  @Field(() => NotificationChannel) channel!: NotificationChannel;
  @Field() enabled!: boolean;
}

@InputType()
export class SetNotificationPreferenceInput {
  @Field({ description: 'A known event type, e.g. referral.send.' }) @IsString() @MaxLength(100) eventType!: string;
  @Field(() => NotificationChannel) @IsEnum(NotificationChannel) channel!: NotificationChannel;
  @Field() @IsBoolean() enabled!: boolean;
}

@InputType()
export class SetOrganisationNotificationDefaultInput extends SetNotificationPreferenceInput {
  @Field(() => ID) @IsUUID() organisationId!: string;
}
