import { Client } from 'pg';
import { QUEUES, QueueFactory } from '@app/core';
import { NotificationDeliveryService, OutboxRelayService } from '@app/notifications';
import { startTestApp, TestApp } from '@app/testing';

/** The outbox → BullMQ → inbox path on the run's backing, including loss and repeats. */
describe('outbox relay and delivery', () => {
  let api: TestApp;
  let db: Client;
  let cisId: string;
  let cisCaseworkers: number;

  beforeAll(async () => {
    api = await startTestApp({ env: { OUTBOX_REDELIVER_AFTER_SECONDS: '1' } });
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    const { rows } = await db.query(`SELECT id FROM organisations WHERE kind = 'SOCIAL_INTEGRATION_CENTRE'`);
    cisId = rows[0].id;
    const members = await db.query(
      `SELECT count(*)::int AS n FROM memberships WHERE organisation_id = $1 AND role IN ('CASEWORKER','COORDINATOR')`,
      [cisId],
    );
    cisCaseworkers = members.rows[0].n;
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  /** An event as a transaction would leave it: committed, not yet on any queue. */
  async function commitEvent(): Promise<string> {
    const { rows } = await db.query(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
       VALUES ('referral.send', 'referral', gen_random_uuid(), jsonb_build_object('toOrganisationId', $1::text)) RETURNING id`,
      [cisId],
    );
    return rows[0].id;
  }

  async function delivered(eventId: string, timeoutMs = 5000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await db.query(`SELECT delivered_at FROM outbox WHERE id = $1`, [eventId]);
      if (rows[0].delivered_at) break;
      if (Date.now() > deadline) throw new Error(`event ${eventId} not delivered in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE event_id = $1`, [eventId]);
    return rows[0].n;
  }

  it('delivers an event committed without being enqueued (the process died after commit)', async () => {
    const eventId = await commitEvent();
    expect(cisCaseworkers).toBeGreaterThan(0);
    expect(await delivered(eventId)).toBe(cisCaseworkers);
  });

  it('a delivery job that runs twice creates each notification once', async () => {
    const eventId = await commitEvent();
    const first = await delivered(eventId);
    const again = await api.app.get(NotificationDeliveryService).deliver(eventId);
    expect(again).toBe(0);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE event_id = $1`, [eventId]);
    expect(rows[0].n).toBe(first);
  });

  it('the reconciler re-dispatches an event whose job was lost', async () => {
    // Dispatched long ago, never delivered, and no job for it: a queue wiped clean.
    const { rows } = await db.query(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at)
       VALUES ('referral.send', 'referral', gen_random_uuid(), jsonb_build_object('toOrganisationId', $1::text), now() - interval '1 hour')
       RETURNING id`,
      [cisId],
    );
    const eventId = rows[0].id;
    expect(await api.app.get(QueueFactory).queue(QUEUES.notifications).getJob(eventId)).toBeUndefined();
    expect(await api.app.get(OutboxRelayService).reconcile()).toBeGreaterThanOrEqual(1);
    expect(await delivered(eventId)).toBe(cisCaseworkers);
  });
});
