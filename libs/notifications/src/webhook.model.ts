import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageInfo } from '@app/core';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

@ObjectType({ description: "An organisation's webhook endpoint: signed POSTs of its events (ids and codes only)." })
export class WebhookEndpoint {
  @Field(() => ID) id!: string;
  @Field(() => ID) organisationId!: string;
  @Field() url!: string;
  @Field(() => [String], { description: 'Event types sent; empty means all.' }) eventTypes!: string[];
  @Field() active!: boolean;
  @Field(() => Int) consecutiveFailures!: number;
  @Field(() => Date, { nullable: true }) disabledAt!: Date | null;
  @Field() createdAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The signing secret: returned once, by createWebhookEndpoint, and null ever after.',
  })
  secret!: string | null;
}

@ObjectType({ description: 'One try of a webhook delivery.' })
export class WebhookAttempt {
  @Field() attemptedAt!: Date;
  @Field(() => Int, { nullable: true }) statusCode!: number | null;
  @Field(() => Int, { nullable: true }) latencyMs!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType({ description: 'One event for one endpoint; its id is the `x-webhook-id` receivers deduplicate on.' })
export class WebhookDelivery {
  @Field(() => ID) id!: string;
  @Field(() => ID) endpointId!: string;
  @Field(() => ID) eventId!: string;
  @Field() eventType!: string;
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => Int) attemptCount!: number;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => Int, { nullable: true }) lastLatencyMs!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => [WebhookAttempt], { description: 'Every try, oldest first.' }) attempts!: WebhookAttempt[];
}

@ObjectType()
export class WebhookDeliveryEdge {
  @Field() cursor!: string;
  @Field(() => WebhookDelivery) node!: WebhookDelivery;
}

@ObjectType()
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge]) edges!: WebhookDeliveryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => ID) @IsUUID() organisationId!: string;
  @Field({
    description:
      'An http(s) URL of a public internet host, without credentials, at most 2000 characters. Loopback, private, link-local and cloud metadata addresses are refused, by the address the host resolves to.',
  })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url!: string;
  @Field(() => [String], { defaultValue: [], description: 'e.g. referral.send; empty means every event.' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[a-z_]+\.[a-z_]+$/, { each: true, message: 'eventTypes must look like referral.send' })
  eventTypes: string[] = [];
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => ID) @IsUUID() endpointId!: string;
  @Field(() => Int, { defaultValue: 20 }) @IsInt() @Min(1) @Max(100) first: number = 20;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}
