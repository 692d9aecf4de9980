import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { GraphQLClient, GraphQLResponse, startTestApp, TestApp } from '@app/testing';
import {
  addMember,
  CIS,
  codeOf,
  connect,
  counts,
  createParticipant,
  createReferral,
  grantConsent,
  loadDirectory,
  referralInput,
  RM,
  signIn,
} from './support/referrals';

/**
 * Conflicting transitions fired at once over HTTP: every transition is one
 * conditional UPDATE, so exactly one wins per referral, the others are
 * CONFLICT naming the state the winner left, and nothing is lost or written
 * twice. And idempotency keys: a retried mutation returns the first result.
 */
describe('referrals under concurrency', () => {
  let api: TestApp;
  let db: Client;
  let pup: GraphQLClient;
  let cis: GraphQLClient;
  let coordinator: GraphQLClient;
  let cisId: string;
  let participantId: string;

  beforeAll(async () => {
    api = await startTestApp();
    db = await connect(api);
    const signedIn = await signIn(api);
    ({ pup, cis } = signedIn);
    const dir = await loadDirectory(pup);
    cisId = dir.org[CIS];
    coordinator = await addMember(signedIn.cisAdmin, cisId, 'COORDINATOR', api.baseUrl);
    participantId = await createParticipant(pup);
    await grantConsent(pup, participantId, cisId);
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const key = () => `key-${randomBytes(8).toString('hex')}`;

  describe('50 referrals × 10 conflicting transitions at once', () => {
    const REFERRALS = 50;
    type Attempt = { kind: 'accept' | 'decline' | 'cancel'; result: GraphQLResponse };
    let ids: string[];
    let attempts: Map<string, Attempt[]>;
    let before: Awaited<ReturnType<typeof counts>>;

    beforeAll(async () => {
      ids = [];
      for (let batch = 0; batch < REFERRALS / 10; batch++) {
        const created = await Promise.all(Array.from({ length: 10 }, () => createReferral(pup, participantId, cisId)));
        ids.push(...created.map((r) => r.id as string));
      }
      before = await counts(db);

      // Per referral: 4 acceptances and 4 declines by two recipients, and 2 cancellations by the sender
      // of the version it read (a cancellation alone would be legal after an acceptance).
      const fire = (id: string, kind: Attempt['kind'], client: GraphQLClient) =>
        (kind === 'accept'
          ? client.request(RM.accept, { input: { referralId: id } })
          : kind === 'decline'
            ? client.request(RM.decline, { input: { referralId: id, reasonCode: 'NO_CAPACITY' } })
            : client.request(RM.cancel, { input: { referralId: id, reasonCode: 'SENT_IN_ERROR', expectedVersion: 2 } })
        ).then((result) => ({ id, kind, result }));
      // Fired in a different order for each referral, so each kind of transition gets to be first somewhere.
      const all = await Promise.all(
        ids.flatMap((id, i) => {
          const tries = [
            ...[cis, coordinator, cis, coordinator].map((c) => () => fire(id, 'accept', c)),
            ...[coordinator, cis, coordinator, cis].map((c) => () => fire(id, 'decline', c)),
            () => fire(id, 'cancel', pup),
            () => fire(id, 'cancel', pup),
          ];
          const rotated = [...tries.slice(i % 10), ...tries.slice(0, i % 10)];
          return rotated.map((start) => start());
        }),
      );
      attempts = new Map(ids.map((id) => [id, []]));
      for (const { id, kind, result } of all) attempts.get(id)!.push({ kind, result });
    }, 60_000);

    it('exactly one transition wins per referral; every other is CONFLICT, none an internal error', () => {
      for (const id of ids) {
        const tries = attempts.get(id)!;
        expect(tries).toHaveLength(10);
        expect(tries.filter((t) => !t.result.errors)).toHaveLength(1);
        const codes = tries.filter((t) => t.result.errors).map((t) => codeOf(t.result));
        expect(codes).toEqual(Array(9).fill('CONFLICT'));
      }
    });

    it('the losers are told the state the winner left the referral in', () => {
      for (const id of ids) {
        const tries = attempts.get(id)!;
        const winner = tries.find((t) => !t.result.errors)!;
        const status = (Object.values(winner.result.data as object)[0] as { status: string }).status;
        for (const loser of tries.filter((t) => t.result.errors)) {
          expect(loser.result.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: status });
        }
      }
    });

    it('no lost update: the stored state is the winner’s, at version 3', async () => {
      const { rows } = await db.query<{ id: string; status: string; version: number }>(
        `SELECT id, status, version FROM referrals WHERE id = ANY ($1::uuid[])`,
        [ids],
      );
      expect(rows).toHaveLength(REFERRALS);
      const expected = { accept: 'ACCEPTED', decline: 'DECLINED', cancel: 'CANCELLED' };
      for (const row of rows) {
        const winner = attempts.get(row.id)!.find((t) => !t.result.errors)!;
        expect(Object.values(winner.result.data as object)[0]).toMatchObject({ status: row.status, version: 3 });
        expect(row).toMatchObject({ status: expected[winner.kind], version: 3 });
      }
    });

    it('one new history row and one outbox event per referral, both the winner’s', async () => {
      expect(await counts(db)).toEqual({
        ...before,
        history: before.history + REFERRALS,
        outbox: before.outbox + REFERRALS,
      });
      const { rows } = await db.query<{
        id: string;
        status: string;
        history: string[];
        events: string[];
      }>(
        `SELECT r.id, r.status,
                ARRAY(SELECT h.to_status FROM referral_history h WHERE h.referral_id = r.id ORDER BY h.id) AS history,
                ARRAY(SELECT o.event_type FROM outbox o WHERE o.aggregate_id = r.id ORDER BY o.created_at, o.event_type) AS events
           FROM referrals r WHERE r.id = ANY ($1::uuid[])`,
        [ids],
      );
      const eventOf = { ACCEPTED: 'referral.accept', DECLINED: 'referral.decline', CANCELLED: 'referral.cancel' };
      for (const row of rows) {
        expect(row.history).toEqual(['DRAFT', 'SENT', row.status]);
        expect(row.events.sort()).toEqual(['referral.send', eventOf[row.status as keyof typeof eventOf]].sort());
      }
    });

    it('the race was real: each kind won somewhere, and some losers were stopped by the conditional UPDATE', () => {
      const winners = new Set(ids.map((id) => attempts.get(id)!.find((t) => !t.result.errors)!.kind));
      expect([...winners].sort()).toEqual(['accept', 'cancel', 'decline']);
      // Refused by the table after the winner committed: "Cannot accept a referral that is DECLINED";
      // read the same version as the winner and lost at the UPDATE: "changed by someone else".
      const lostAtUpdate = ids
        .flatMap((id) => attempts.get(id)!)
        .filter((t) => t.result.errors?.[0].message.includes('changed by someone else') && t.kind !== 'cancel');
      expect(lostAtUpdate.length).toBeGreaterThan(0);
    });
  });

  describe('idempotency keys', () => {
    it('20 concurrent creates with one key make one referral, and all 20 answers carry its id', async () => {
      const idempotencyKey = key();
      const reason = `Jedno skierowanie ${idempotencyKey}`;
      const before = await counts(db);
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          pup.request(RM.create, {
            input: referralInput(participantId, cisId, { reason, send: true, idempotencyKey }),
          }),
        ),
      );
      for (const result of results) expect(result.errors).toBeUndefined();
      const answered = new Set(results.map((r) => r.data.createReferral.id));
      expect(answered.size).toBe(1);
      const { rows } = await db.query(`SELECT id, status FROM referrals WHERE reason = $1`, [reason]);
      expect(rows).toEqual([{ id: [...answered][0], status: 'SENT' }]);
      // One referral: DRAFT and SENT in the timeline, one event, one key.
      expect(await counts(db)).toEqual({
        referrals: before.referrals + 1,
        history: before.history + 2,
        outbox: before.outbox + 1,
        keys: before.keys + 1,
      });
    });

    it('the same key with another request is CONFLICT and writes nothing', async () => {
      const idempotencyKey = key();
      const first = await createReferral(pup, participantId, cisId, { idempotencyKey });
      const before = await counts(db);
      const other = await pup.request(RM.create, {
        input: referralInput(participantId, cisId, { reason: 'Inny powód skierowania', send: true, idempotencyKey }),
      });
      expect(codeOf(other)).toBe('CONFLICT');
      // Nor may a transition reuse it.
      const accept = await pup.request(RM.cancel, {
        input: { referralId: first.id, reasonCode: 'OTHER', idempotencyKey },
      });
      expect(codeOf(accept)).toBe('CONFLICT');
      expect(await counts(db)).toEqual(before);
      // The original request, retried, still answers with the first referral.
      const retried = await createReferral(pup, participantId, cisId, { idempotencyKey });
      expect(retried.id).toBe(first.id);
    });

    it('a transition retried with its key after it succeeded returns the referral, not CONFLICT', async () => {
      const referral = await createReferral(pup, participantId, cisId);
      const idempotencyKey = key();
      const first = await cis.data(RM.accept, { input: { referralId: referral.id, idempotencyKey } });
      expect(first.acceptReferral).toMatchObject({ status: 'ACCEPTED', version: 3 });
      const before = await counts(db);
      const retried = await cis.request(RM.accept, { input: { referralId: referral.id, idempotencyKey } });
      expect(retried.errors).toBeUndefined();
      expect(retried.data.acceptReferral).toMatchObject({ id: referral.id, status: 'ACCEPTED', version: 3 });
      expect(await counts(db)).toEqual(before);
      // Without the key, the same call is the wrong-state CONFLICT it is.
      const again = await cis.request(RM.accept, { input: { referralId: referral.id } });
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'ACCEPTED' });
    });

    it('ten concurrent retries of one transition: one transition, ten identical answers', async () => {
      const referral = await createReferral(pup, participantId, cisId);
      const idempotencyKey = key();
      const before = await counts(db);
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          cis.request(RM.decline, { input: { referralId: referral.id, reasonCode: 'DUPLICATE', idempotencyKey } }),
        ),
      );
      for (const result of results) {
        expect(result.errors).toBeUndefined();
        expect(result.data.declineReferral).toMatchObject({ id: referral.id, status: 'DECLINED', version: 3 });
      }
      expect(await counts(db)).toEqual({
        ...before,
        history: before.history + 1,
        outbox: before.outbox + 1,
        keys: before.keys + 1,
      });
    });

    it('a failed attempt leaves no key behind: the corrected retry goes through', async () => {
      const referral = await createReferral(pup, participantId, cisId);
      const idempotencyKey = key();
      const before = await counts(db);
      const stale = await cis.request(RM.accept, {
        input: { referralId: referral.id, expectedVersion: 1, idempotencyKey },
      });
      expect(codeOf(stale)).toBe('CONFLICT');
      expect(await counts(db)).toEqual(before);
      const { acceptReferral } = await cis.data(RM.accept, {
        input: { referralId: referral.id, expectedVersion: 2, idempotencyKey },
      });
      expect(acceptReferral.status).toBe('ACCEPTED');
    });

    it('keys are per person: another user’s identical key is their own', async () => {
      const idempotencyKey = key();
      const mine = await createReferral(pup, participantId, cisId, { idempotencyKey, send: false });
      // The CIS caseworker refers a participant of their own to the PUP with the same key.
      const theirs = await createParticipant(cis, 'Nowak');
      const { createReferral: other } = await cis.data(RM.create, {
        input: referralInput(theirs, mine.fromOrganisationId, { idempotencyKey }),
      });
      expect(other.id).not.toBe(mine.id);
    });
  });
});
