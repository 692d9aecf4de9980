import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NoNulCharacter, Trim } from '@app/organisations/validation';
import {
  CancelReason,
  DeclineReason,
  DropOutReason,
  ReferralOutcome,
  ReferralPriority,
  ReferralReasonCategory,
  ReferralStatus,
} from './referral-vocabulary';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class AttachmentInput {
  @Field() @Trim() @IsString() @Length(1, 200) @NoNulCharacter() name!: string;
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
  @Field() @Trim() @IsString() @Length(3, 4000) @NoNulCharacter() reason!: string;
  @Field(() => ReferralPriority, { defaultValue: ReferralPriority.NORMAL })
  @IsEnum(ReferralPriority)
  priority: ReferralPriority = ReferralPriority.NORMAL;
  @Field({ nullable: true, description: "YYYY-MM-DD; defaults to today + the agreement's response time" })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'responseDueOn must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
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
  @NoNulCharacter()
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
  @Field({ nullable: true }) @Trim() @IsOptional() @IsString() @MaxLength(4000) @NoNulCharacter() note?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(8, 200) @NoNulCharacter() idempotencyKey?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() asOrganisationId?: string;
}

@InputType()
export class AcceptReferralInput extends TransitionInput {
  @Field({ nullable: true, description: 'Coordinators only: accept into a full service, saying why.' })
  @Trim()
  @IsOptional()
  @IsString()
  @Length(5, 2000)
  @NoNulCharacter()
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
  @Field({ nullable: true }) @Trim() @IsOptional() @IsString() @Length(3, 4000) @NoNulCharacter() reason?: string;
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
  @Matches(DATE_ONLY, { message: 'dueBefore must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
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
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() asOrganisationId?: string;
}
