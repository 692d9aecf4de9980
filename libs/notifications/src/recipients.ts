import { Role } from '@app/authz';

export interface OutboxRow {
  id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
}

export interface Audience {
  organisationIds: string[];
  roles: Role[];
}

/** Every event type that reaches an inbox (audienceFor answers for each). */
export const NOTIFICATION_EVENT_TYPES = [
  'referral.send',
  'referral.accept',
  'referral.decline',
  'referral.start',
  'referral.complete',
  'referral.drop_out',
  'referral.forward',
  'referral.cancel',
  'referral.expired',
  'referral.due_soon',
  'consent.withdrawn',
  'consent.expiring',
  'agreement.expiring',
  'break_glass.opened',
  'webhook.disabled',
] as const;

/**
 * Events nobody can switch off, on any channel: a consent withdrawal must reach
 * every recipient of the data (GDPR art. 19), and admins must learn of a
 * disabled webhook.
 */
export const MANDATORY_EVENTS: readonly string[] = ['consent.withdrawn', 'webhook.disabled'];

export function isNotificationEventType(eventType: string): boolean {
  return (NOTIFICATION_EVENT_TYPES as readonly string[]).includes(eventType);
}

const CASEWORK = [Role.CASEWORKER, Role.COORDINATOR];
const str = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);
const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

/**
 * Who hears of an event: an organisation's inbox is its members with the
 * relevant roles. Each referral step goes to the other side; withdrawals go
 * to every organisation that received data under the consent (GDPR art. 19).
 */
export function audienceFor(event: OutboxRow): Audience | undefined {
  const p = event.payload;
  switch (event.event_type) {
    case 'referral.send':
      return { organisationIds: str(p.toOrganisationId), roles: CASEWORK };
    case 'referral.accept':
      return { organisationIds: str(p.fromOrganisationId), roles: CASEWORK };
    case 'referral.decline':
      return { organisationIds: str(p.fromOrganisationId), roles: CASEWORK };
    case 'referral.start':
      return { organisationIds: str(p.fromOrganisationId), roles: CASEWORK };
    case 'referral.complete':
      return { organisationIds: str(p.fromOrganisationId), roles: CASEWORK };
    case 'referral.drop_out':
      return { organisationIds: str(p.fromOrganisationId), roles: CASEWORK };
    case 'referral.forward':
      return { organisationIds: str(p.fromOrganisationId), roles: CASEWORK };
    case 'referral.cancel':
      return { organisationIds: str(p.toOrganisationId), roles: CASEWORK };
    case 'referral.expired':
      return { organisationIds: [...str(p.fromOrganisationId), ...str(p.toOrganisationId)], roles: CASEWORK };
    case 'referral.due_soon':
      return { organisationIds: str(p.toOrganisationId), roles: CASEWORK };
    case 'consent.withdrawn':
      return { organisationIds: ids(p.notifyOrganisationIds), roles: [...CASEWORK, Role.PARTNER_ADMIN] };
    case 'consent.expiring':
      // The organisation that recorded the consent is the one that can ask the participant to renew it.
      return { organisationIds: str(p.ownerOrganisationId), roles: CASEWORK };
    case 'agreement.expiring':
      return { organisationIds: ids(p.partyOrganisationIds), roles: [Role.COORDINATOR, Role.PARTNER_ADMIN] };
    case 'break_glass.opened':
      return { organisationIds: str(p.ownerOrganisationId), roles: [Role.COORDINATOR, Role.PARTNER_ADMIN] };
    case 'webhook.disabled':
      return { organisationIds: str(p.organisationId), roles: [Role.PARTNER_ADMIN] };
    default:
      return undefined;
  }
}
