import { AddressInfo } from 'node:net';
import { Job } from 'bullmq';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { EmailProcessor } from '@app/worker/email.processor';
import { QUEUES, QueueFactory } from '@app/core';
import { NOTIFICATION_EVENT_TYPES, OutboxRelayService, emailLanguage, renderEmail } from '@app/notifications';
import { startTestApp, TestApp } from '@app/testing';
import { commitEvent as commitOutboxEvent, payloadForEveryEventType } from '../support/notification-events';

interface Received {
  to: string[];
  deliveryId?: string;
  subject: string;
  raw: string;
}

/** The unfolded value of a header, with RFC 2047 encoded words decoded. */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (line === undefined) return undefined;
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The e-mail channel against a real SMTP server started here, on the run's queue backing. */
describe('e-mail channel', () => {
  const received: Received[] = [];
  let refuse = false;
  let smtp: SMTPServer;
  let api: TestApp;
  let db: Client;
  let pupId: string;
  let cisId: string;
  let englishUserId: string;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        if (refuse) {
          callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          received.push({
            to: session.envelope.rcptTo.map((a) => a.address),
            deliveryId: header(raw, 'X-Email-Delivery-Id'),
            subject: header(raw, 'Subject') ?? '',
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    api = await startTestApp({
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false', MAIL_FROM: 'platform@demo.local' },
    });
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    const orgs = await db.query(
      `SELECT u.id AS user_id, m.organisation_id FROM users u JOIN memberships m ON m.user_id = u.id
        WHERE u.email IN ('pup.caseworker@demo.local', 'cis.caseworker@demo.local') ORDER BY u.email DESC`,
    );
    [pupId, cisId] = orgs.rows.map((r) => r.organisation_id);
    englishUserId = orgs.rows[1].user_id; // cis.caseworker reads English
    await db.query(`UPDATE users SET language = 'en' WHERE id = $1`, [englishUserId]);
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const payload = () => payloadForEveryEventType(pupId, cisId);

  const commitEvent = (eventType: string, body: Record<string, unknown>) => commitOutboxEvent(db, eventType, body);

  async function deliveries(eventId: string) {
    const { rows } = await db.query(
      `SELECT d.*, n.event_type, u.email FROM email_deliveries d
         JOIN notifications n ON n.id = d.notification_id JOIN users u ON u.id = d.user_id
        WHERE n.event_id = $1`,
      [eventId],
    );
    return rows;
  }

  /** A notification with a PENDING e-mail and no job: what a lost job leaves behind. */
  async function orphanDelivery(createdAgo = '0 seconds'): Promise<string> {
    const event = await db.query(
      `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at, delivered_at)
       VALUES ('referral.accept', 'referral', gen_random_uuid(), '{}'::jsonb, now(), now()) RETURNING id, aggregate_id`,
    );
    const notification = await db.query(
      `INSERT INTO notifications (event_id, user_id, organisation_id, event_type, subject_type, subject_id, summary)
       VALUES ($1, $2, $3, 'referral.accept', 'referral', $4, '{"title":"Referral accepted"}'::jsonb) RETURNING id`,
      [event.rows[0].id, englishUserId, cisId, event.rows[0].aggregate_id],
    );
    const delivery = await db.query(
      `INSERT INTO email_deliveries (notification_id, user_id, to_address, language, subject, created_at)
       SELECT $1, u.id, u.email, u.language, 'Referral accepted', now() - $3::interval FROM users u WHERE u.id = $2
       RETURNING id`,
      [notification.rows[0].id, englishUserId, createdAgo],
    );
    return delivery.rows[0].id;
  }

  it('each event type reaches its recipients by e-mail, in their language', async () => {
    const events = new Map<string, string>();
    for (const type of NOTIFICATION_EVENT_TYPES) events.set(type, await commitEvent(type, payload()));
    for (const [type, eventId] of events) {
      const rows = await until(`e-mails of ${type} to be sent`, async () => {
        const current = await deliveries(eventId);
        return current.length > 0 && current.every((r) => r.status === 'SENT') ? current : undefined;
      });
      const { rows: notifications } = await db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE event_id = $1`,
        [eventId],
      );
      expect(rows).toHaveLength(notifications[0].n);
      for (const row of rows) {
        const messages = received.filter((m) => m.deliveryId === row.id);
        expect(messages).toHaveLength(1);
        const expected = renderEmail(type, payload(), emailLanguage(row.language));
        expect(messages[0].to).toEqual([row.email]);
        expect(messages[0].subject).toBe(expected.subject);
        expect(row.subject).toBe(expected.subject);
        expect(messages[0].raw).toContain(row.language === 'en' ? 'Sign in to the platform' : 'Zaloguj si');
        expect(row.sent_at).not.toBeNull();
      }
    }
    const english = received.filter((m) => m.to.includes('cis.caseworker@demo.local'));
    const polish = received.filter((m) => m.to.includes('pup.caseworker@demo.local'));
    expect(english.length).toBeGreaterThan(0);
    expect(polish.length).toBeGreaterThan(0);
    expect(english.every((m) => m.raw.includes('Sign in to the platform'))).toBe(true);
    expect(polish.every((m) => !m.raw.includes('Sign in to the platform'))).toBe(true);
    expect(polish.map((m) => m.subject)).toContain('Skierowanie przyjęte');
    expect(english.map((m) => m.subject)).toContain('New referral received');
  });

  it('a delivery job that runs twice sends one e-mail', async () => {
    const id = await orphanDelivery();
    const job = { name: 'emails.send', data: { deliveryId: id }, attemptsMade: 0, opts: { attempts: 5 } } as Job;
    const processor = api.app.get(EmailProcessor);
    expect(await processor.process(job)).toBe('sent');
    expect(await processor.process(job)).toBe('skipped');
    expect(received.filter((m) => m.deliveryId === id)).toHaveLength(1);
    const { rows } = await db.query(`SELECT status, attempts FROM email_deliveries WHERE id = $1`, [id]);
    expect(rows[0]).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('the reconciler re-enqueues a pending e-mail whose job was lost', async () => {
    const id = await orphanDelivery('1 hour');
    expect(await api.app.get(QueueFactory).queue(QUEUES.emails).getJob(id)).toBeUndefined();
    expect(await api.app.get(OutboxRelayService).reconcileEmails()).toBeGreaterThanOrEqual(1);
    await until('the recovered e-mail to be sent', async () => {
      const { rows } = await db.query(`SELECT status FROM email_deliveries WHERE id = $1`, [id]);
      return rows[0].status === 'SENT' ? true : undefined;
    });
    expect(received.filter((m) => m.deliveryId === id)).toHaveLength(1);
  });

  it('EMAIL preferences: an organisation default switches e-mail off, a user preference back on; mandatory events always go out', async () => {
    const delivered = (eventId: string) =>
      until('the event to be delivered', async () => {
        const { rows } = await db.query(`SELECT delivered_at FROM outbox WHERE id = $1`, [eventId]);
        return rows[0].delivered_at ? true : undefined;
      });
    const pupCaseworker = 'pup.caseworker@demo.local';
    await db.query(
      `INSERT INTO organisation_notification_defaults (organisation_id, event_type, channel, enabled)
       VALUES ($1, 'referral.decline', 'EMAIL', false), ($1, 'consent.withdrawn', 'EMAIL', false),
              ($1, 'consent.withdrawn', 'IN_APP', false)`,
      [pupId],
    );
    try {
      const off = await commitEvent('referral.decline', payload());
      await delivered(off);
      const { rows: inApp } = await db.query(
        `SELECT u.email FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.event_id = $1`,
        [off],
      );
      expect(inApp.map((r) => r.email)).toContain(pupCaseworker);
      expect((await deliveries(off)).map((r) => r.email)).not.toContain(pupCaseworker);

      // Mandatory: a default written around the API still cannot silence a withdrawal.
      const withdrawal = await commitEvent('consent.withdrawn', { notifyOrganisationIds: [pupId] });
      await delivered(withdrawal);
      expect((await deliveries(withdrawal)).map((r) => r.email)).toContain(pupCaseworker);

      await db.query(
        `INSERT INTO notification_preferences (user_id, event_type, channel, enabled)
         SELECT id, 'referral.decline', 'EMAIL', true FROM users WHERE email = $1`,
        [pupCaseworker],
      );
      const on = await commitEvent('referral.decline', payload());
      await delivered(on);
      expect((await deliveries(on)).map((r) => r.email)).toContain(pupCaseworker);
    } finally {
      await db.query(`DELETE FROM organisation_notification_defaults`);
      await db.query(`DELETE FROM notification_preferences`);
    }
  });

  it('an SMTP server that refuses leads to retries, then FAILED, and the in-app notifications stay', async () => {
    // The earlier tests' e-mails first: one still being sent when the server starts refusing would land after
    // the count below (a receipt is counted before its row turns SENT, so none is PENDING once all are in).
    await until('the earlier e-mails to be sent', async () => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM email_deliveries WHERE status = 'PENDING'`);
      return rows[0].n === 0 ? true : undefined;
    });
    refuse = true;
    const eventId = await commitEvent('referral.accept', payload());
    const rows = await until(
      'the e-mails to fail for good',
      async () => {
        const current = await deliveries(eventId);
        return current.length > 0 && current.every((r) => r.status === 'FAILED') ? current : undefined;
      },
      45_000,
    );
    for (const row of rows) {
      expect(row.attempts).toBe(5);
      expect(row.last_error).toMatch(/Mailbox unavailable|550/);
      expect(row.sent_at).toBeNull();
    }
    // None of this event's e-mails got through (an earlier test's may still arrive meanwhile: not counted).
    expect(received.filter((m) => rows.some((row) => row.id === m.deliveryId))).toEqual([]);
    const { rows: notifications } = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE event_id = $1`, [
      eventId,
    ]);
    expect(notifications[0].n).toBe(rows.length);
    const { rows: outbox } = await db.query(`SELECT delivered_at FROM outbox WHERE id = $1`, [eventId]);
    expect(outbox[0].delivered_at).not.toBeNull();
  }, 60_000);
});
