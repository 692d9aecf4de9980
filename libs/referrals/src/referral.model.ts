import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@app/core';
import { Organisation, OrganisationServiceModel, Purpose } from '@app/organisations';
import { Participant } from '@app/participants';
import { ReferralOutcome, ReferralPriority, ReferralReasonCategory, ReferralStatus } from './referral-vocabulary';
import { ReferralTransition } from './transitions';

@ObjectType()
export class Attachment {
  @Field() name!: string;
  @Field({ description: 'SHA-256, hex' }) sha256!: string;
}

@ObjectType({ description: 'One step of the referral: who moved it, from which state to which, and why.' })
export class ReferralHistoryEntry {
  @Field(() => ID) id!: string;
  @Field() occurredAt!: Date;
  @Field(() => ID, { nullable: true }) actorUserId!: string | null;
  @Field(() => ID, { nullable: true }) actorOrganisationId!: string | null;
  @Field(() => ReferralStatus, { nullable: true }) fromStatus!: ReferralStatus | null;
  @Field(() => ReferralStatus) toStatus!: ReferralStatus;
  @Field(() => String, { nullable: true }) reasonCode!: string | null;
  @Field(() => ReferralOutcome, { nullable: true }) outcome!: ReferralOutcome | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType({ description: 'A referral between organisations. Both sides always see its status and outcome.' })
export class Referral {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) parentReferralId!: string | null;
  @Field(() => ID) participantId!: string;
  @Field(() => ID) fromOrganisationId!: string;
  @Field(() => ID) fromUserId!: string;
  @Field(() => ID) toOrganisationId!: string;
  @Field(() => ID, { nullable: true }) toServiceId!: string | null;
  @Field(() => Purpose) purpose!: Purpose;
  @Field(() => ReferralReasonCategory) reasonCategory!: ReferralReasonCategory;
  @Field() reason!: string;
  @Field(() => ReferralPriority) priority!: ReferralPriority;
  @Field(() => ReferralStatus) status!: ReferralStatus;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) responseDueOn!: string | null;
  @Field(() => [Attachment]) attachments!: Attachment[];
  @Field(() => ReferralOutcome, { nullable: true }) outcome!: ReferralOutcome | null;
  @Field(() => String, { nullable: true }) outcomeNote!: string | null;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field(() => Int) version!: number;
  @Field({
    description:
      'The recipient no longer has a live consent or legal basis for REFERRAL while the referral would give it access ' +
      '(open, or recently closed): its access to the participant has ended (participant is null for it).',
  })
  consentWithdrawn!: boolean;
  /** Not in the schema: the organisation the referral was read as, so nested fields read as it too. */
  viewerOrganisationId!: string;

  // Resolved by field resolvers, batched per request.
  @Field(() => Organisation) fromOrganisation?: Organisation;
  @Field(() => Organisation) toOrganisation?: Organisation;
  @Field(() => OrganisationServiceModel, { nullable: true }) toService?: OrganisationServiceModel | null;
  @Field(() => Participant, {
    nullable: true,
    description: 'The participant as you may see them for purpose REFERRAL; null once your access has ended.',
  })
  participant?: Participant | null;
  @Field(() => ReferralHistoryEntry, { nullable: true }) latestHistory?: ReferralHistoryEntry | null;
  @Field(() => [ReferralHistoryEntry], { description: 'The timeline, oldest first.' }) history?: ReferralHistoryEntry[];
  @Field(() => [ID], { description: 'Referrals this one was forwarded into.' }) childReferralIds?: string[];
  @Field(() => [ReferralTransition], {
    description:
      'What you may do with this referral now, by its state, your side and your role (the transition table): ' +
      'SEND is sendReferral, ACCEPT acceptReferral, and so on. The server still checks what each requires when you ' +
      'do it: a consent for SEND (see consentPreflight), a free place for ACCEPT (a coordinator may override with a ' +
      'reason), a consent for the FORWARD target.',
  })
  allowedActions?: ReferralTransition[];
}

@ObjectType()
export class ReferralEdge {
  @Field() cursor!: string;
  @Field(() => Referral) node!: Referral;
}

@ObjectType()
export class ReferralConnection {
  @Field(() => [ReferralEdge]) edges!: ReferralEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
