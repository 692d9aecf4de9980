import { registerEnumType } from '@nestjs/graphql';
import { Role } from '@app/authz';
import { ReferralStatus as S } from './referral-vocabulary';

export enum ReferralTransition {
  SEND = 'SEND',
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  START = 'START',
  COMPLETE = 'COMPLETE',
  DROP_OUT = 'DROP_OUT',
  CANCEL = 'CANCEL',
  FORWARD = 'FORWARD',
  EXPIRE = 'EXPIRE',
}
registerEnumType(ReferralTransition, { name: 'ReferralTransition' });

/** Which organisation may make a transition: the one that sent the referral, the one that received it, or the system. */
export type Side = 'SENDER' | 'RECIPIENT' | 'SYSTEM';

export interface TransitionRule {
  from: readonly S[];
  to: S;
  side: Side;
  roles: readonly Role[];
  /** What the caller must give. */
  requires: 'nothing' | 'reasonCode' | 'outcome' | 'forwardTarget';
}

const CASEWORK = [Role.CASEWORKER, Role.COORDINATOR] as const;

/**
 * The referral lifecycle, in one table the server enforces and the README
 * shows. Anything not listed is refused with CONFLICT naming the current state
 * (wrong state) or FORBIDDEN (wrong side or role).
 */
export const TRANSITIONS: Record<ReferralTransition, TransitionRule> = {
  [ReferralTransition.SEND]: { from: [S.DRAFT], to: S.SENT, side: 'SENDER', roles: CASEWORK, requires: 'nothing' },
  [ReferralTransition.ACCEPT]: {
    from: [S.SENT],
    to: S.ACCEPTED,
    side: 'RECIPIENT',
    roles: CASEWORK,
    requires: 'nothing',
  },
  [ReferralTransition.DECLINE]: {
    from: [S.SENT],
    to: S.DECLINED,
    side: 'RECIPIENT',
    roles: CASEWORK,
    requires: 'reasonCode',
  },
  [ReferralTransition.START]: {
    from: [S.ACCEPTED],
    to: S.IN_PROGRESS,
    side: 'RECIPIENT',
    roles: CASEWORK,
    requires: 'nothing',
  },
  [ReferralTransition.COMPLETE]: {
    from: [S.IN_PROGRESS],
    to: S.COMPLETED,
    side: 'RECIPIENT',
    roles: CASEWORK,
    requires: 'outcome',
  },
  [ReferralTransition.DROP_OUT]: {
    from: [S.IN_PROGRESS],
    to: S.DROPPED_OUT,
    side: 'RECIPIENT',
    roles: CASEWORK,
    requires: 'reasonCode',
  },
  [ReferralTransition.CANCEL]: {
    from: [S.DRAFT, S.SENT, S.ACCEPTED],
    to: S.CANCELLED,
    side: 'SENDER',
    roles: CASEWORK,
    requires: 'reasonCode',
  },
  [ReferralTransition.FORWARD]: {
    from: [S.SENT, S.ACCEPTED],
    to: S.FORWARDED,
    side: 'RECIPIENT',
    roles: [Role.COORDINATOR, Role.CASEWORKER],
    requires: 'forwardTarget',
  },
  [ReferralTransition.EXPIRE]: { from: [S.SENT], to: S.EXPIRED, side: 'SYSTEM', roles: [], requires: 'nothing' },
};

export const CLOSED_STATUSES: readonly S[] = [
  S.DECLINED,
  S.COMPLETED,
  S.DROPPED_OUT,
  S.CANCELLED,
  S.EXPIRED,
  S.FORWARDED,
];

export type TransitionVerdict = { allowed: true } | { allowed: false; code: 'CONFLICT' | 'FORBIDDEN'; message: string };

/**
 * The table as a function: may an actor on `side` with `role` make
 * `transition` from `status`? State is checked first, so the caller learns the
 * current state even when it also lacks the right.
 */
export function judgeTransition(
  transition: ReferralTransition,
  status: S,
  side: Side | null,
  role: Role | null,
): TransitionVerdict {
  const rule = TRANSITIONS[transition];
  if (!rule.from.includes(status)) {
    return {
      allowed: false,
      code: 'CONFLICT',
      message: `Cannot ${transition.toLowerCase().replace('_', ' ')} a referral that is ${status}`,
    };
  }
  // The system acts without a role (its rules list none); people act through one of the rule's roles.
  const roleFits = rule.side === 'SYSTEM' ? role === null : role !== null && rule.roles.includes(role);
  if (rule.side !== side || !roleFits) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      message: `Only the ${rule.side.toLowerCase()} side (${rule.roles.join(', ') || 'system'}) may do this`,
    };
  }
  return { allowed: true };
}
