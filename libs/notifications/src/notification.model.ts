import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageInfo } from '@app/core';
import { NotificationSummary } from './notification-summary';

@ObjectType({ description: 'An in-app notification: ids and a non-sensitive summary, never personal data.' })
export class Notification {
  @Field(() => ID) id!: string;
  @Field() eventType!: string;
  @Field({ description: 'What it is about, e.g. referral' }) subjectType!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => ID, { description: 'The organisation whose inbox it reached.' }) organisationId!: string;
  @Field({ description: "A short line for the inbox, in the reader's language." }) title!: string;
  @Field(() => NotificationSummary) summary!: NotificationSummary;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
}

@ObjectType()
export class NotificationEdge {
  @Field() cursor!: string;
  @Field(() => Notification) node!: Notification;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [NotificationEdge]) edges!: NotificationEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'All your unread notifications, not only this page’s.' }) unreadCount!: number;
}

@ArgsType()
export class NotificationsArgs {
  @Field({ defaultValue: false }) @IsBoolean() unreadOnly: boolean = false;
  @Field(() => Int, { defaultValue: 20 }) @IsInt() @Min(1) @Max(100) first: number = 20;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}
