import { EntityManager } from 'typeorm';

/**
 * An event for other organisations, written in the same transaction as the
 * change that causes it; the worker relays it (notifications issue). Payloads
 * carry ids and non-sensitive summaries only, never personal or
 * special-category data.
 */
export interface OutboxEvent {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, string | number | boolean | null | string[]>;
}

export async function writeOutboxEvent(tx: EntityManager, event: OutboxEvent): Promise<void> {
  await tx.query(`INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload) VALUES ($1, $2, $3, $4)`, [
    event.type,
    event.aggregateType,
    event.aggregateId,
    JSON.stringify(event.payload),
  ]);
}
