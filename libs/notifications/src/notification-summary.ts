import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  CancelReason,
  DeclineReason,
  DropOutReason,
  ReferralOutcome,
  ReferralStatus,
} from '@app/referrals/referral-vocabulary';

/**
 * What a notification is about, as typed fields: the ids a client links to and
 * the codes of the event. Only the fields that the event carries are set; the
 * rest are null. Never personal data: events carry ids and codes only.
 */
@ObjectType({ description: 'What a notification is about: ids to link to and the codes of the event.' })
export class NotificationSummary {
  @Field(() => ID, { nullable: true }) referralId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The referral this one was forwarded from.' })
  parentReferralId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The referral a forward created.' }) childReferralId!: string | null;
  @Field(() => ID, { nullable: true }) participantId!: string | null;
  @Field(() => ID, { nullable: true }) consentId!: string | null;
  @Field(() => ID, { nullable: true }) agreementId!: string | null;
  @Field(() => ID, { nullable: true }) emergencyAccessGrantId!: string | null;
  @Field(() => ID, { nullable: true }) webhookEndpointId!: string | null;
  @Field(() => ID, { nullable: true, description: "A referral's sender." }) fromOrganisationId!: string | null;
  @Field(() => ID, { nullable: true, description: "A referral's recipient." }) toOrganisationId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The organisation that acted (moved the referral, opened access).' })
  actorOrganisationId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The organisation that owns the participant.' })
  ownerOrganisationId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Whom a consent was given to (an organisation).' })
  recipientOrganisationId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Whom a consent was given to (a partnership).' })
  recipientPartnershipId!: string | null;
  @Field(() => ReferralStatus, { nullable: true, description: 'The status a referral step left it in.' })
  referralStatus!: ReferralStatus | null;
  @Field(() => DeclineReason, { nullable: true }) declineReason!: DeclineReason | null;
  @Field(() => CancelReason, { nullable: true }) cancelReason!: CancelReason | null;
  @Field(() => DropOutReason, { nullable: true }) dropOutReason!: DropOutReason | null;
  @Field(() => ReferralOutcome, { nullable: true }) outcome!: ReferralOutcome | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when a referral is due.' })
  responseDueOn!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the last day of a consent or agreement.' })
  validUntil!: string | null;
  @Field(() => Date, { nullable: true, description: 'When emergency access ends.' }) expiresAt!: Date | null;
}

type Payload = Readonly<Record<string, unknown>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const id = (value: unknown): string | null => (typeof value === 'string' && UUID.test(value) ? value : null);
const day = (value: unknown): string | null => (typeof value === 'string' && DAY.test(value) ? value : null);
const instant = (value: unknown): Date | null => {
  const date = typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};
const member =
  <E extends Record<string, string>>(values: E) =>
  (value: unknown): E[keyof E] | null =>
    typeof value === 'string' && Object.values<string>(values).includes(value) ? (value as E[keyof E]) : null;

const status = member(ReferralStatus);
const declineReason = member(DeclineReason);
const cancelReason = member(CancelReason);
const dropOutReason = member(DropOutReason);
const outcome = member(ReferralOutcome);

/**
 * The typed summary of an event's payload (as stored on the notification).
 * The reason code means a different list per step, so it lands in the field
 * of its event type; a value that is not what its field expects is left out
 * rather than passed on.
 */
export function summarise(eventType: string, payload: Payload): NotificationSummary {
  return {
    referralId: id(payload.referralId),
    parentReferralId: id(payload.parentReferralId),
    childReferralId: id(payload.childReferralId),
    participantId: id(payload.participantId),
    consentId: id(payload.consentId),
    agreementId: id(payload.agreementId),
    emergencyAccessGrantId: eventType === 'break_glass.opened' ? id(payload.grantId) : null,
    webhookEndpointId: id(payload.endpointId),
    fromOrganisationId: id(payload.fromOrganisationId),
    toOrganisationId: id(payload.toOrganisationId),
    actorOrganisationId: id(payload.actorOrganisationId ?? payload.openedByOrganisationId),
    ownerOrganisationId: id(payload.ownerOrganisationId),
    recipientOrganisationId: id(payload.recipientOrganisationId),
    recipientPartnershipId: id(payload.recipientPartnershipId),
    referralStatus: status(payload.status),
    declineReason: eventType === 'referral.decline' ? declineReason(payload.reasonCode) : null,
    cancelReason: eventType === 'referral.cancel' ? cancelReason(payload.reasonCode) : null,
    dropOutReason: eventType === 'referral.drop_out' ? dropOutReason(payload.reasonCode) : null,
    outcome: outcome(payload.outcome),
    responseDueOn: day(payload.responseDueOn),
    validUntil: day(payload.validUntil),
    expiresAt: instant(payload.expiresAt),
  };
}
