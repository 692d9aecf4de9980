import { Actor, Role } from '@app/authz';
import { ReferralStatus } from './referral-vocabulary';
import { ReferralTransition, Side, TRANSITIONS, judgeTransition } from './transitions';

/** The transitions people make; EXPIRE is the system's alone. */
const PEOPLE_TRANSITIONS = Object.values(ReferralTransition).filter((t) => TRANSITIONS[t].side !== 'SYSTEM');

/** Which side of a referral an organisation is on: it sent it, it received it, or neither (e.g. a forwarded referral's first sender). */
export function sideOf(
  referral: { fromOrganisationId: string; toOrganisationId: string },
  organisationId: string,
): Side | null {
  if (referral.fromOrganisationId === organisationId) return 'SENDER';
  if (referral.toOrganisationId === organisationId) return 'RECIPIENT';
  return null;
}

/**
 * The transitions the table lets someone on `side` with `role` make from
 * `status`, in the table's order. The rules are `judgeTransition`'s, never
 * re-typed: what is listed here is what the server accepts, as far as state,
 * side and role go (the server still checks what each one requires: a
 * consent for SEND, a free place or a coordinator's override for ACCEPT, a
 * consent for the FORWARD target).
 */
export function allowedActions(status: ReferralStatus, side: Side | null, role: Role | null): ReferralTransition[] {
  return PEOPLE_TRANSITIONS.filter((transition) => judgeTransition(transition, status, side, role).allowed);
}

/** What `actor` may do now with a referral read as organisation `viewerOrganisationId`. */
export function allowedActionsFor(
  actor: Actor,
  referral: {
    status: ReferralStatus;
    fromOrganisationId: string;
    toOrganisationId: string;
    viewerOrganisationId: string;
  },
): ReferralTransition[] {
  const membership = actor.memberships.find((m) => m.organisationId === referral.viewerOrganisationId);
  if (!membership) return [];
  return allowedActions(referral.status, sideOf(referral, referral.viewerOrganisationId), membership.role);
}
