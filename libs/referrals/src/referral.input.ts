import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly, OptionalText, RECORD_DATES, RequiredText, Trim } from '@app/core';
import {
  CancelReason,
  DeclineReason,
  DropOutReason,
  ReferralOutcome,
  ReferralPriority,
  ReferralReasonCategory,
  ReferralStatus,
} from './referral-vocabulary';

@InputType()
export class AttachmentInput {
  @Field() @RequiredText(1, 200) name!: string;
  @Field() @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be a lower-case hex SHA-256' }) sha256!: string;
}

@InputType()
export class CreateReferralInput {
  @Field(() => ID) @IsUUID() participantId!: string;
  @Field(() => ID) @IsUUID() toOrganisationId!: string;
  @Field(() => ID, { nullable: true, description: "One of the recipient's services, e.g. a CIS workshop." })
  @IsOptional()
  @IsUUID()
  toServiceId?: string;
  @Field(() => ReferralReasonCategory) @IsEnum(ReferralReasonCategory) reasonCategory!: ReferralReasonCategory;
  @Field() @RequiredText(3, 4000) reason!: string;
  @Field(() => ReferralPriority, { defaultValue: ReferralPriority.NORMAL })
  @IsEnum(ReferralPriority)
  priority: ReferralPriority = ReferralPriority.NORMAL;
  @Field({ nullable: true, description: "YYYY-MM-DD; defaults to today + the agreement's response time" })
  @IsOptional()
  @IsDateOnly(RECORD_DATES)
  responseDueOn?: string;
  @Field(() => [AttachmentInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentInput)
  attachments?: AttachmentInput[];
  @Field({ defaultValue: false, description: 'Send at once instead of keeping a draft.' }) @IsBoolean() send: boolean =
    false;
  @Field({ nullable: true, description: 'A retry with the same key returns the first result.' })
  @IsOptional()
  @IsString()
  @Length(8, 200)
  idempotencyKey?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() asOrganisationId?: string;
}

@InputType()
export class TransitionInput {
  @Field(() => ID) @IsUUID() referralId!: string;
  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one is CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
  @Field({ nullable: true }) @OptionalText(4000) note?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(8, 200) idempotencyKey?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() asOrganisationId?: string;
}

@InputType()
export class AcceptReferralInput extends TransitionInput {
  @Field({ nullable: true, description: 'Coordinators only: accept into a full service, saying why.' })
  @Trim()
  @IsOptional()
  @IsString()
  @Length(5, 2000)
  capacityOverrideReason?: string;
}

@InputType()
export class DeclineReferralInput extends TransitionInput {
  @Field(() => DeclineReason) @IsEnum(DeclineReason) reasonCode!: DeclineReason;
}

@InputType()
export class CancelReferralInput extends TransitionInput {
  @Field(() => CancelReason) @IsEnum(CancelReason) reasonCode!: CancelReason;
}

@InputType()
export class DropOutReferralInput extends TransitionInput {
  @Field(() => DropOutReason) @IsEnum(DropOutReason) reasonCode!: DropOutReason;
}

@InputType()
export class CompleteReferralInput extends TransitionInput {
  @Field(() => ReferralOutcome) @IsEnum(ReferralOutcome) outcome!: ReferralOutcome;
}

@InputType()
export class ForwardReferralInput extends TransitionInput {
  @Field(() => ID) @IsUUID() toOrganisationId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() toServiceId?: string;
  @Field({ nullable: true }) @Trim() @IsOptional() @IsString() @Length(3, 4000) reason?: string;
}

export enum ReferralDirection {
  INCOMING = 'INCOMING',
  OUTGOING = 'OUTGOING',
  ALL = 'ALL',
}
registerEnumType(ReferralDirection, { name: 'ReferralDirection' });

@InputType()
export class ReferralFilter {
  @Field(() => ReferralDirection, { defaultValue: ReferralDirection.ALL })
  @IsEnum(ReferralDirection)
  direction: ReferralDirection = ReferralDirection.ALL;
  @Field(() => [ReferralStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(ReferralStatus, { each: true })
  statuses?: ReferralStatus[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() participantId?: string;
  @Field({ nullable: true, description: 'SENT and past their response due date.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
  @Field({ nullable: true, description: 'Due on or before this date (YYYY-MM-DD).' })
  @IsOptional()
  @IsDateOnly(RECORD_DATES)
  dueBefore?: string;
}

@ArgsType()
export class ReferralsArgs {
  @Field(() => ReferralFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralFilter)
  filter?: ReferralFilter;
  @Field(() => Int, { defaultValue: 20 }) @IsInt() @Min(1) @Max(100) first: number = 20;
  @Field({ nullable: true }) @OptionalText(200) after?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() asOrganisationId?: string;
}
