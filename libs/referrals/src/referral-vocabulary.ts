import { registerEnumType } from '@nestjs/graphql';

export enum ReferralStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  DROPPED_OUT = 'DROPPED_OUT',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  FORWARDED = 'FORWARDED',
}

/** Statuses in which the recipient is working with the person (its REFERRAL access is open). */
export const OPEN_STATUSES = [ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS];

export enum ReferralReasonCategory {
  LONG_TERM_UNEMPLOYMENT = 'LONG_TERM_UNEMPLOYMENT',
  SOCIAL_EXCLUSION_RISK = 'SOCIAL_EXCLUSION_RISK',
  HOMELESSNESS = 'HOMELESSNESS',
  ADDICTION_RECOVERY = 'ADDICTION_RECOVERY',
  DISABILITY = 'DISABILITY',
  AFTER_PRISON = 'AFTER_PRISON',
  OTHER = 'OTHER',
}

export enum ReferralPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

export enum DeclineReason {
  NO_CAPACITY = 'NO_CAPACITY',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  OUTSIDE_AREA = 'OUTSIDE_AREA',
  PARTICIPANT_REFUSED = 'PARTICIPANT_REFUSED',
  DUPLICATE = 'DUPLICATE',
  OTHER = 'OTHER',
}

export enum CancelReason {
  PARTICIPANT_REFUSED = 'PARTICIPANT_REFUSED',
  PARTICIPANT_MOVED = 'PARTICIPANT_MOVED',
  FOUND_EMPLOYMENT = 'FOUND_EMPLOYMENT',
  SENT_IN_ERROR = 'SENT_IN_ERROR',
  OTHER = 'OTHER',
}

export enum DropOutReason {
  STOPPED_ATTENDING = 'STOPPED_ATTENDING',
  HEALTH = 'HEALTH',
  MOVED_AWAY = 'MOVED_AWAY',
  FOUND_EMPLOYMENT_ELSEWHERE = 'FOUND_EMPLOYMENT_ELSEWHERE',
  RULES_BREACH = 'RULES_BREACH',
  OTHER = 'OTHER',
}

export enum ReferralOutcome {
  EMPLOYED_OPEN_MARKET = 'EMPLOYED_OPEN_MARKET',
  SOCIAL_COOPERATIVE = 'SOCIAL_COOPERATIVE',
  SELF_EMPLOYED = 'SELF_EMPLOYED',
  TRAINING_COMPLETED = 'TRAINING_COMPLETED',
  CONTINUES_SUPPORT = 'CONTINUES_SUPPORT',
  OTHER = 'OTHER',
}

registerEnumType(ReferralStatus, { name: 'ReferralStatus' });
registerEnumType(ReferralReasonCategory, { name: 'ReferralReasonCategory' });
registerEnumType(ReferralPriority, { name: 'ReferralPriority' });
registerEnumType(DeclineReason, { name: 'DeclineReason' });
registerEnumType(CancelReason, { name: 'CancelReason' });
registerEnumType(DropOutReason, { name: 'DropOutReason' });
registerEnumType(ReferralOutcome, { name: 'ReferralOutcome' });
