import { Client } from 'pg';

/**
 * An outbox event committed straight to the table, as any writer's
 * transaction leaves it; returns its id.
 */
export async function commitEvent(db: Client, eventType: string, payload: Record<string, unknown>): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
     VALUES ($1, 'referral', gen_random_uuid(), $2::jsonb) RETURNING id`,
    [eventType, JSON.stringify(payload)],
  );
  return rows[0].id;
}

/**
 * One payload that names an audience among the two organisations for every
 * notification event type (see `audienceFor`), with codes and dates for the
 * titles.
 */
export function payloadForEveryEventType(first: string, second: string): Record<string, unknown> {
  return {
    fromOrganisationId: first,
    toOrganisationId: second,
    ownerOrganisationId: first,
    organisationId: first,
    partyOrganisationIds: [first, second],
    notifyOrganisationIds: [first, second],
    validUntil: '2026-12-31',
    reasonCode: 'NO_CAPACITY',
    outcome: 'GOAL_ACHIEVED',
    responseDueOn: '2026-12-01',
  };
}
