import { Client } from 'pg';
import { ReferralSweepService, ReferralsService } from '@app/referrals';
import { GraphQLClient, startTestApp, TestApp } from '@app/testing';
import {
  CIS,
  codeOf,
  connect,
  counts,
  createParticipant,
  createReferral,
  grantConsent,
  loadDirectory,
  RM,
  RQ,
  signIn,
} from '../e2e/support/referrals';

/**
 * The system's side of the lifecycle: SENT referrals past their response due
 * date become EXPIRED, each with a history row and a `referral.expired` event,
 * and nothing else is touched. The worker is off here, so only the test sweeps.
 */
describe('the referral sweep', () => {
  let api: TestApp;
  let db: Client;
  let pup: GraphQLClient;
  let cis: GraphQLClient;
  let referrals: ReferralsService;
  let sweep: ReferralSweepService;
  let cisId: string;
  let participantId: string;

  beforeAll(async () => {
    api = await startTestApp({ env: { RUN_WORKER: 'false' } });
    db = await connect(api);
    ({ pup, cis } = await signIn(api));
    cisId = (await loadDirectory(pup)).org[CIS];
    participantId = await createParticipant(pup);
    await grantConsent(pup, participantId, cisId);
    referrals = api.app.get(ReferralsService);
    sweep = api.app.get(ReferralSweepService);
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const dueIn = (id: string, days: number) =>
    db.query(`UPDATE referrals SET response_due_on = current_date + $2::int WHERE id = $1`, [id, days]);
  const row = async (id: string) =>
    (await db.query(`SELECT status, version, closed_at FROM referrals WHERE id = $1`, [id])).rows[0];

  it('expires a SENT referral past its due date, with a history row and a referral.expired event', async () => {
    const overdue = (await createReferral(pup, participantId, cisId)).id as string;
    const dueToday = (await createReferral(pup, participantId, cisId)).id as string;
    const accepted = (await createReferral(pup, participantId, cisId)).id as string;
    await cis.data(RM.accept, { input: { referralId: accepted } });
    const { createReferral: draft } = await pup.data(RM.create, {
      input: { participantId, toOrganisationId: cisId, reasonCategory: 'OTHER', reason: 'Szkic' },
    });
    await dueIn(overdue, -1);
    await dueIn(dueToday, 0);
    await dueIn(accepted, -3);
    await dueIn(draft.id, -3);
    const before = await counts(db);

    expect(await referrals.expireOverdue()).toBe(1);

    expect(await row(overdue)).toMatchObject({ status: 'EXPIRED', version: 3, closed_at: expect.any(Date) });
    expect(await row(dueToday)).toMatchObject({ status: 'SENT', version: 2, closed_at: null });
    expect(await row(accepted)).toMatchObject({ status: 'ACCEPTED', version: 3 });
    expect(await row(draft.id)).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(await counts(db)).toEqual({ ...before, history: before.history + 1, outbox: before.outbox + 1 });

    const { rows: history } = await db.query(
      `SELECT from_status, to_status, actor_user_id, actor_organisation_id FROM referral_history
        WHERE referral_id = $1 ORDER BY id DESC LIMIT 1`,
      [overdue],
    );
    expect(history).toEqual([
      { from_status: 'SENT', to_status: 'EXPIRED', actor_user_id: null, actor_organisation_id: null },
    ]);
    const { rows: events } = await db.query(
      `SELECT event_type, aggregate_type, payload FROM outbox WHERE aggregate_id = $1 AND event_type = 'referral.expired'`,
      [overdue],
    );
    expect(events).toEqual([
      {
        event_type: 'referral.expired',
        aggregate_type: 'referral',
        payload: {
          referralId: overdue,
          fromOrganisationId: expect.any(String),
          toOrganisationId: cisId,
          status: 'EXPIRED',
        },
      },
    ]);
  });

  it('is idempotent: a second sweep finds nothing', async () => {
    const before = await counts(db);
    expect(await referrals.expireOverdue()).toBe(0);
    expect(await counts(db)).toEqual(before);
  });

  it('both sides see the expiry; the recipient can no longer answer', async () => {
    const id = (await createReferral(pup, participantId, cisId)).id as string;
    await dueIn(id, -1);
    await sweep.expireOverdue();
    const { referral } = await pup.data(RQ.referral, { id });
    expect(referral).toMatchObject({ status: 'EXPIRED', latestHistory: { fromStatus: 'SENT', toStatus: 'EXPIRED' } });
    const result = await cis.request(RM.accept, { input: { referralId: id } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'EXPIRED' });
    const overdue = await cis.data(`{ referrals(filter: { overdue: true }) { edges { node { id } } } }`);
    expect(overdue.referrals.edges).toEqual([]);
  });

  it('racing acceptances: each referral ends either EXPIRED or ACCEPTED, with exactly one new step', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await createReferral(pup, participantId, cisId)).id as string);
    await db.query(`UPDATE referrals SET response_due_on = current_date - 1 WHERE id = ANY ($1::uuid[])`, [ids]);
    const before = await counts(db);
    const [expired, ...answers] = await Promise.all([
      sweep.expireOverdue(),
      ...ids.map((id) => cis.request(RM.accept, { input: { referralId: id } })),
    ]);
    const accepted = answers.filter((a) => !a.errors).length;
    for (const answer of answers.filter((a) => a.errors)) expect(codeOf(answer)).toBe('CONFLICT');
    expect(expired + accepted).toBe(20);
    const { rows } = await db.query(
      `SELECT status, count(*)::int AS n FROM referrals WHERE id = ANY ($1::uuid[]) GROUP BY status`,
      [ids],
    );
    expect(Object.fromEntries(rows.map((r) => [r.status, r.n]))).toEqual({
      ...(expired ? { EXPIRED: expired } : {}),
      ...(accepted ? { ACCEPTED: accepted } : {}),
    });
    expect(await counts(db)).toEqual({ ...before, history: before.history + 20, outbox: before.outbox + 20 });
  });

  it('announces a referral due soon once', async () => {
    const id = (await createReferral(pup, participantId, cisId)).id as string;
    await dueIn(id, 1);
    const announced = await sweep.announceDueSoon(48);
    expect(announced).toBeGreaterThanOrEqual(1);
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE event_type = 'referral.due_soon' AND aggregate_id = $1`,
      [id],
    );
    expect(rows[0].n).toBe(1);
    expect(await sweep.announceDueSoon(48)).toBe(0);
  });
});
