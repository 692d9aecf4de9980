import { Client } from 'pg';
import { GraphQLClient, startTestApp, TestApp } from '@app/testing';
import {
  addMember,
  CATERING,
  CIS,
  codeOf,
  connect,
  counts,
  createParticipant,
  createReferral,
  Directory,
  grantConsent,
  KIS,
  loadDirectory,
  OPS,
  PUP,
  referralInput,
  RM,
  RQ,
  signIn,
  UNKNOWN_ID,
} from './support/referrals';
import { expectCleanErrors } from './support/organisations';

/**
 * A sample of the transition table through GraphQL (the whole table is unit
 * tested in libs/referrals/src/transitions.spec.ts): who may make which
 * transition from which state, what each requires, forwarding, bad input and
 * the capacity rule. Every refusal is checked to have written nothing.
 */
describe('referral transitions through GraphQL', () => {
  let api: TestApp;
  let db: Client;
  let pup: GraphQLClient;
  let cis: GraphQLClient;
  let cisAdmin: GraphQLClient;
  let pupAdmin: GraphQLClient;
  let ops: GraphQLClient;
  let mops: GraphQLClient;
  let auditor: GraphQLClient;
  let dir: Directory;
  let participantId: string;

  beforeAll(async () => {
    api = await startTestApp();
    db = await connect(api);
    ({ pup, pupAdmin, cis, cisAdmin, ops, mops, auditor } = await signIn(api));
    dir = await loadDirectory(pup);
    participantId = await createParticipant(pup);
    await grantConsent(pup, participantId, dir.org[CIS]);
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const sent = (extra: Record<string, unknown> = {}) => createReferral(pup, participantId, dir.org[CIS], extra);

  /** Runs `call`, expects `code` as its first error and no row written anywhere. */
  async function refused(call: () => Promise<{ errors?: unknown[] } & object>, code: string | string[]) {
    const before = await counts(db);
    const result = await call();
    const codes = Array.isArray(code) ? code : [code];
    expect(codes).toContain(codeOf(result as never));
    // Coded, never an internal error, no SQL or stack in the message.
    expectCleanErrors(result as never);
    expect(await counts(db)).toEqual(before);
    return result as { errors: { message: string; extensions: Record<string, unknown> }[] };
  }

  describe('the table, sampled', () => {
    it('a draft is invisible to the recipient until the sender sends it', async () => {
      const { createReferral: draft } = await pup.data(RM.create, {
        input: referralInput(participantId, dir.org[CIS]),
      });
      expect(draft).toMatchObject({ status: 'DRAFT', version: 1, responseDueOn: null });
      expect(codeOf(await cis.request(RQ.referral, { id: draft.id }))).toBe('NOT_FOUND');
      await refused(() => cis.request(RM.accept, { input: { referralId: draft.id } }), 'NOT_FOUND');

      const { sendReferral } = await pup.data(RM.send, { input: { referralId: draft.id } });
      // Due by default today + the PUP–CIS agreement's 14 days.
      const due = (await db.query(`SELECT (current_date + 14)::text AS due`)).rows[0].due;
      expect(sendReferral).toMatchObject({ status: 'SENT', version: 2, responseDueOn: due });
      expect((await cis.data(RQ.referral, { id: draft.id })).referral.status).toBe('SENT');
    });

    it('the sender may not accept its own referral: FORBIDDEN, nothing written', async () => {
      const referral = await sent();
      await refused(() => pup.request(RM.accept, { input: { referralId: referral.id } }), 'FORBIDDEN');
    });

    it('neither may the recipient’s partner admin, nor the sender’s auditor cancel', async () => {
      const referral = await sent();
      await refused(() => cisAdmin.request(RM.accept, { input: { referralId: referral.id } }), 'FORBIDDEN');
      await refused(
        () => auditor.request(RM.cancel, { input: { referralId: referral.id, reasonCode: 'SENT_IN_ERROR' } }),
        'FORBIDDEN',
      );
    });

    it('an organisation that is not party to the referral gets NOT_FOUND, never FORBIDDEN', async () => {
      const referral = await sent();
      await refused(() => mops.request(RM.accept, { input: { referralId: referral.id } }), 'NOT_FOUND');
      expect(codeOf(await mops.request(RQ.referral, { id: referral.id }))).toBe('NOT_FOUND');
      const { referrals } = await mops.data(RQ.referrals, { first: 100 });
      expect(referrals.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(referral.id);
    });

    it('accepting twice: the second is CONFLICT naming the current state', async () => {
      const referral = await sent();
      const { acceptReferral } = await cis.data(RM.accept, { input: { referralId: referral.id } });
      expect(acceptReferral).toMatchObject({ status: 'ACCEPTED', version: 3 });
      const result = await refused(() => cis.request(RM.accept, { input: { referralId: referral.id } }), 'CONFLICT');
      expect(result.errors[0].extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'ACCEPTED' });
      expect(result.errors[0].message).toContain('ACCEPTED');
    });

    it('a stale expectedVersion is CONFLICT', async () => {
      const referral = await sent();
      const result = await refused(
        () => cis.request(RM.accept, { input: { referralId: referral.id, expectedVersion: 1 } }),
        'CONFLICT',
      );
      expect(result.errors[0].extensions).toMatchObject({ currentStatus: 'SENT', currentVersion: 2 });
      const { acceptReferral } = await cis.data(RM.accept, { input: { referralId: referral.id, expectedVersion: 2 } });
      expect(acceptReferral.status).toBe('ACCEPTED');
    });

    it('decline requires a reasonCode: a schema error when missing, the code in the timeline when given', async () => {
      const referral = await sent();
      // Missing from a variable: the variable fails coercion (BAD_USER_INPUT); inline: document validation.
      await refused(
        () => cis.request(RM.decline, { input: { referralId: referral.id } }),
        ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
      );
      await refused(
        () => cis.request(`mutation { declineReferral(input: { referralId: "${referral.id}" }) { id } }`),
        'GRAPHQL_VALIDATION_FAILED',
      );
      await refused(
        () => cis.request(RM.decline, { input: { referralId: referral.id, reasonCode: 'NO_SUCH_REASON' } }),
        ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
      );
      const { declineReferral } = await cis.data(RM.decline, {
        input: { referralId: referral.id, reasonCode: 'NOT_ELIGIBLE', note: 'Poza grupą docelową' },
      });
      expect(declineReferral).toMatchObject({
        status: 'DECLINED',
        latestHistory: {
          fromStatus: 'SENT',
          toStatus: 'DECLINED',
          reasonCode: 'NOT_ELIGIBLE',
          note: 'Poza grupą docelową',
        },
      });
    });

    it('complete requires an outcome; start, then complete, closes the loop for the sender', async () => {
      const referral = await sent();
      await refused(() => cis.request(RM.start, { input: { referralId: referral.id } }), 'CONFLICT');
      await cis.data(RM.accept, { input: { referralId: referral.id } });
      await refused(
        () => cis.request(RM.complete, { input: { referralId: referral.id, outcome: 'OTHER' } }),
        'CONFLICT',
      );
      await cis.data(RM.start, { input: { referralId: referral.id } });
      await refused(
        () => cis.request(RM.complete, { input: { referralId: referral.id } }),
        ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
      );
      await refused(
        () => pup.request(RM.complete, { input: { referralId: referral.id, outcome: 'OTHER' } }),
        'FORBIDDEN',
      );
      const { completeReferral } = await cis.data(RM.complete, {
        input: { referralId: referral.id, outcome: 'SOCIAL_COOPERATIVE', note: 'Zatrudniony w SS Wspólny Stół' },
      });
      expect(completeReferral).toMatchObject({
        status: 'COMPLETED',
        outcome: 'SOCIAL_COOPERATIVE',
        outcomeNote: 'Zatrudniony w SS Wspólny Stół',
      });
      const { referral: seen } = await pup.data(RQ.referral, { id: referral.id });
      expect(seen).toMatchObject({ status: 'COMPLETED', outcome: 'SOCIAL_COOPERATIVE' });
      expect(seen.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
        'DRAFT',
        'SENT',
        'ACCEPTED',
        'IN_PROGRESS',
        'COMPLETED',
      ]);
    });

    it('the sender cancels from SENT with a reason; the recipient may not cancel', async () => {
      const referral = await sent();
      await refused(
        () => cis.request(RM.cancel, { input: { referralId: referral.id, reasonCode: 'SENT_IN_ERROR' } }),
        'FORBIDDEN',
      );
      await refused(
        () => pup.request(RM.cancel, { input: { referralId: referral.id } }),
        ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
      );
      const { cancelReferral } = await pup.data(RM.cancel, {
        input: { referralId: referral.id, reasonCode: 'FOUND_EMPLOYMENT' },
      });
      expect(cancelReferral).toMatchObject({
        status: 'CANCELLED',
        latestHistory: { fromStatus: 'SENT', toStatus: 'CANCELLED', reasonCode: 'FOUND_EMPLOYMENT' },
      });
      const result = await refused(() => cis.request(RM.accept, { input: { referralId: referral.id } }), 'CONFLICT');
      expect(result.errors[0].extensions.currentStatus).toBe('CANCELLED');
    });

    it('the sender may not cancel once work has started', async () => {
      const referral = await sent();
      await cis.data(RM.accept, { input: { referralId: referral.id } });
      await cis.data(RM.start, { input: { referralId: referral.id } });
      const result = await refused(
        () => pup.request(RM.cancel, { input: { referralId: referral.id, reasonCode: 'OTHER' } }),
        'CONFLICT',
      );
      expect(result.errors[0].extensions.currentStatus).toBe('IN_PROGRESS');
    });

    it('drop-out from IN_PROGRESS, with a reason, by the recipient only', async () => {
      const referral = await sent();
      await cis.data(RM.accept, { input: { referralId: referral.id } });
      await refused(
        () => cis.request(RM.dropOut, { input: { referralId: referral.id, reasonCode: 'HEALTH' } }),
        'CONFLICT',
      );
      await cis.data(RM.start, { input: { referralId: referral.id } });
      await refused(
        () => pup.request(RM.dropOut, { input: { referralId: referral.id, reasonCode: 'HEALTH' } }),
        'FORBIDDEN',
      );
      const { dropOutReferral } = await cis.data(RM.dropOut, {
        input: { referralId: referral.id, reasonCode: 'STOPPED_ATTENDING' },
      });
      expect(dropOutReferral).toMatchObject({
        status: 'DROPPED_OUT',
        latestHistory: { fromStatus: 'IN_PROGRESS', toStatus: 'DROPPED_OUT', reasonCode: 'STOPPED_ATTENDING' },
      });
    });

    it('the timeline is in order, oldest first, also when its row ids cross a power of ten', async () => {
      const { rows } = await db.query(`SELECT max(id)::int AS max FROM referral_history`);
      const next = 10 ** String(rows[0].max + 10).length - 2; // e.g. 98: the steps get 99, 100, 101, …
      await db.query(`SELECT setval(pg_get_serial_sequence('referral_history', 'id'), $1)`, [next]);
      const referral = await sent();
      await cis.data(RM.accept, { input: { referralId: referral.id } });
      const { startReferral } = await cis.data(RM.start, { input: { referralId: referral.id } });
      expect(startReferral.latestHistory).toMatchObject({ fromStatus: 'ACCEPTED', toStatus: 'IN_PROGRESS' });
      const { referral: seen } = await pup.data(RQ.referral, { id: referral.id });
      expect(seen.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
        'DRAFT',
        'SENT',
        'ACCEPTED',
        'IN_PROGRESS',
      ]);
    });

    it('every successful transition wrote one history row and one outbox event of its own type', async () => {
      const { rows } = await db.query(`
        SELECT h.to_status, count(DISTINCT h.id)::int AS history
          FROM referral_history h GROUP BY h.to_status ORDER BY 1`);
      const { rows: events } = await db.query(`
        SELECT event_type, count(*)::int AS n FROM outbox WHERE aggregate_type = 'referral' GROUP BY 1 ORDER BY 1`);
      const history = Object.fromEntries(rows.map((r) => [r.to_status, r.history]));
      const outbox = Object.fromEntries(events.map((r) => [r.event_type, r.n]));
      // Every referral starts with a DRAFT row; every other row is one event.
      expect(outbox).toEqual({
        'referral.send': history.SENT,
        'referral.accept': history.ACCEPTED,
        'referral.decline': history.DECLINED,
        'referral.start': history.IN_PROGRESS,
        'referral.complete': history.COMPLETED,
        'referral.drop_out': history.DROPPED_OUT,
        'referral.cancel': history.CANCELLED,
      });
    });
  });

  describe('forwarding', () => {
    let parentId: string;

    beforeAll(async () => {
      const referral = await sent();
      parentId = referral.id;
      await cis.data(RM.accept, { input: { referralId: parentId } });
    });

    it('to an organisation the participant has not consented to: refused, nothing written', async () => {
      await refused(
        () => cis.request(RM.forward, { input: { referralId: parentId, toOrganisationId: dir.org[OPS] } }),
        'BAD_USER_INPUT',
      );
      expect((await cis.data(RQ.referral, { id: parentId })).referral).toMatchObject({
        status: 'ACCEPTED',
        childReferralIds: [],
      });
    });

    it('to an organisation the participant’s owner has no agreement with: refused', async () => {
      // No PUP–KIS agreement, so no consent to the KIS can even be recorded.
      await refused(
        () => cis.request(RM.forward, { input: { referralId: parentId, toOrganisationId: dir.org[KIS] } }),
        'BAD_USER_INPUT',
      );
    });

    it('only the recipient forwards, and not to itself', async () => {
      await grantConsent(pup, participantId, dir.org[OPS]);
      await refused(
        () => pup.request(RM.forward, { input: { referralId: parentId, toOrganisationId: dir.org[OPS] } }),
        'FORBIDDEN',
      );
      await refused(
        () => cis.request(RM.forward, { input: { referralId: parentId, toOrganisationId: dir.org[CIS] } }),
        'BAD_USER_INPUT',
      );
      await refused(
        () => cis.request(RM.forward, { input: { referralId: parentId, toOrganisationId: UNKNOWN_ID } }),
        'NOT_FOUND',
      );
    });

    it('from ACCEPTED, with consent: a linked child referral, SENT to the third organisation', async () => {
      const before = await counts(db);
      const { forwardReferral: parent } = await cis.data(RM.forward, {
        input: { referralId: parentId, toOrganisationId: dir.org[OPS], reason: 'Bliżej miejsca zamieszkania' },
      });
      expect(parent).toMatchObject({
        status: 'FORWARDED',
        latestHistory: { fromStatus: 'ACCEPTED', toStatus: 'FORWARDED' },
      });
      expect(parent.childReferralIds).toHaveLength(1);
      const childId = parent.childReferralIds[0];
      const due = (await db.query(`SELECT (current_date + 14)::text AS due`)).rows[0].due;
      const { referral: child } = await ops.data(RQ.referral, { id: childId });
      expect(child).toMatchObject({
        status: 'SENT',
        parentReferralId: parentId,
        participantId,
        fromOrganisationId: dir.org[CIS],
        toOrganisationId: dir.org[OPS],
        reason: 'Bliżej miejsca zamieszkania',
        // The OPS–CIS agreement promises an answer within 14 days.
        responseDueOn: due,
      });
      expect(child.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['DRAFT', 'SENT']);
      // Parent: +1 history, +1 event; child: +1 referral, DRAFT and SENT history rows, +1 event for its recipient.
      expect(await counts(db)).toEqual({
        ...before,
        referrals: before.referrals + 1,
        history: before.history + 3,
        outbox: before.outbox + 2,
      });
      const { rows } = await db.query(`SELECT payload FROM outbox WHERE event_type = 'referral.forward'`);
      expect(rows.map((r) => r.payload)).toEqual([
        expect.objectContaining({ referralId: parentId, childReferralId: childId, status: 'FORWARDED' }),
      ]);
      const { rows: sent } = await db.query(`SELECT event_type, payload FROM outbox WHERE aggregate_id = $1`, [
        childId,
      ]);
      expect(sent).toEqual([
        {
          event_type: 'referral.send',
          payload: expect.objectContaining({
            referralId: childId,
            parentReferralId: parentId,
            fromOrganisationId: dir.org[CIS],
            toOrganisationId: dir.org[OPS],
            status: 'SENT',
          }),
        },
      ]);
    });

    it('the original sender still sees the child, but cannot act on it; others cannot see it', async () => {
      const { referral: parent } = await pup.data(RQ.referral, { id: parentId });
      const childId = parent.childReferralIds[0];
      const { referral: child } = await pup.data(RQ.referral, { id: childId });
      expect(child).toMatchObject({ id: childId, parentReferralId: parentId, status: 'SENT' });
      const { referrals } = await pup.data(RQ.referrals, { first: 100 });
      expect(referrals.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(childId);
      await refused(() => pup.request(RM.accept, { input: { referralId: childId } }), 'FORBIDDEN');
      await refused(() => pup.request(RM.cancel, { input: { referralId: childId, reasonCode: 'OTHER' } }), 'FORBIDDEN');
      expect(codeOf(await mops.request(RQ.referral, { id: childId }))).toBe('NOT_FOUND');
      // The new recipient takes it from there.
      const { acceptReferral } = await ops.data(RM.accept, { input: { referralId: childId } });
      expect(acceptReferral.status).toBe('ACCEPTED');
      expect((await pup.data(RQ.referral, { id: childId })).referral.status).toBe('ACCEPTED');
    });

    it('the child is due by the response time the new recipient promised for this participant’s data', async () => {
      // A MOPS participant, referred to the CIS (14 days), forwarded to the MOPS's club (MOPS–KIS: 7 days).
      const mopsParticipant = await createParticipant(mops, 'Wiśniewska');
      await grantConsent(mops, mopsParticipant, dir.org[CIS]);
      await grantConsent(mops, mopsParticipant, dir.org[KIS]);
      const referral = await createReferral(mops, mopsParticipant, dir.org[CIS]);
      const { forwardReferral } = await cis.data(RM.forward, {
        input: { referralId: referral.id, toOrganisationId: dir.org[KIS] },
      });
      const { referral: child } = await mops.data(RQ.referral, { id: forwardReferral.childReferralIds[0] });
      const due = (await db.query(`SELECT (current_date + 7)::text AS due`)).rows[0].due;
      expect(child).toMatchObject({ status: 'SENT', toOrganisationId: dir.org[KIS], responseDueOn: due });
    });

    it('a forwarded referral is closed', async () => {
      const result = await refused(
        () => cis.request(RM.forward, { input: { referralId: parentId, toOrganisationId: dir.org[OPS] } }),
        'CONFLICT',
      );
      expect(result.errors[0].extensions.currentStatus).toBe('FORWARDED');
    });
  });

  describe('bad input: coded errors, nothing written', () => {
    const create = (client: GraphQLClient, extra: Record<string, unknown>) =>
      client.request(RM.create, { input: { ...referralInput(participantId, dir.org[CIS]), send: true, ...extra } });

    it('an unknown organisation, service or participant is NOT_FOUND', async () => {
      await refused(() => create(pup, { toOrganisationId: UNKNOWN_ID }), 'NOT_FOUND');
      await refused(() => create(pup, { toServiceId: UNKNOWN_ID }), 'NOT_FOUND');
      // A service of another organisation than the recipient.
      await refused(() => create(pup, { toServiceId: dir.service['Cykl szkoleń i warsztatów KIS'] }), 'NOT_FOUND');
      await refused(() => create(pup, { participantId: UNKNOWN_ID }), 'NOT_FOUND');
      // Another organisation's participant.
      await refused(() => create(ops, { toOrganisationId: dir.org[CIS] }), 'NOT_FOUND');
    });

    it('a referral to your own organisation is BAD_USER_INPUT', async () => {
      await refused(() => create(pup, { toOrganisationId: dir.org[PUP] }), 'BAD_USER_INPUT');
    });

    it('a response due date in the past, or not a date, is BAD_USER_INPUT', async () => {
      const yesterday = (await db.query(`SELECT (current_date - 1)::text AS d`)).rows[0].d;
      await refused(() => create(pup, { responseDueOn: yesterday }), 'BAD_USER_INPUT');
      await refused(() => create(pup, { responseDueOn: '2027-02-30' }), 'BAD_USER_INPUT');
      await refused(() => create(pup, { responseDueOn: 'tomorrow' }), 'BAD_USER_INPUT');
    });

    it('a reason too short, too long, blank or with a NUL character is BAD_USER_INPUT', async () => {
      for (const reason of ['ab', 'x'.repeat(4001), '      ', '  ab  ', 'abc\u0000def']) {
        await refused(() => create(pup, { reason }), 'BAD_USER_INPUT');
      }
      const over = await refused(
        () =>
          cis.request(RM.decline, { input: { referralId: UNKNOWN_ID, reasonCode: 'OTHER', note: 'x'.repeat(4001) } }),
        'BAD_USER_INPUT',
      );
      expect(JSON.stringify(over.errors[0].extensions)).toContain('note');
    });

    it('an attachment hash that is not a lower-case hex SHA-256 is BAD_USER_INPUT', async () => {
      for (const sha256 of ['abc', 'A'.repeat(64), 'g'.repeat(64), 'a'.repeat(65)]) {
        await refused(() => create(pup, { attachments: [{ name: 'skierowanie.pdf', sha256 }] }), 'BAD_USER_INPUT');
      }
      await refused(
        () =>
          create(pup, { attachments: Array.from({ length: 21 }, () => ({ name: 'a.pdf', sha256: 'a'.repeat(64) })) }),
        'BAD_USER_INPUT',
      );
      // A good one goes through and comes back.
      const referral = await createReferral(pup, participantId, dir.org[CIS], {
        attachments: [{ name: 'skierowanie.pdf', sha256: 'a'.repeat(64) }],
      });
      expect(
        (await cis.data(`query($id: ID!) { referral(id: $id) { attachments { name sha256 } } }`, { id: referral.id }))
          .referral.attachments,
      ).toEqual([{ name: 'skierowanie.pdf', sha256: 'a'.repeat(64) }]);
    });

    it('a bad idempotency key, id or cursor is BAD_USER_INPUT', async () => {
      await refused(() => create(pup, { idempotencyKey: 'short' }), 'BAD_USER_INPUT');
      await refused(() => cis.request(RM.accept, { input: { referralId: 'not-a-uuid' } }), 'BAD_USER_INPUT');
      expect(codeOf(await cis.request(RQ.referral, { id: 'not-a-uuid' }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await cis.request(RQ.referrals, { after: 'bm90IGEgY3Vyc29y' }))).toBe('BAD_USER_INPUT');
    });

    it('only caseworkers and coordinators create referrals', async () => {
      await refused(() => create(auditor, {}), 'FORBIDDEN');
    });
  });

  describe('capacity', () => {
    let cateringId: string;
    let coordinator: GraphQLClient;
    const toCatering = () => sent({ toServiceId: cateringId });

    beforeAll(async () => {
      cateringId = dir.service[CATERING];
      coordinator = await addMember(cisAdmin, dir.org[CIS], 'COORDINATOR', api.baseUrl);
      await cisAdmin.data(
        `mutation($input: UpdateOrganisationServiceInput!) { updateOrganisationService(input: $input) { capacity } }`,
        { input: { id: cateringId, capacity: 1 } },
      );
    });

    it('a full service refuses a second acceptance, even with a reason from a caseworker', async () => {
      const first = await toCatering();
      const second = await toCatering();
      await cis.data(RM.accept, { input: { referralId: first.id } });
      const result = await refused(() => cis.request(RM.accept, { input: { referralId: second.id } }), 'CONFLICT');
      expect(result.errors[0].extensions).toMatchObject({ capacity: 1, taken: 1 });
      await refused(
        () => cis.request(RM.accept, { input: { referralId: second.id, capacityOverrideReason: 'Pilna potrzeba' } }),
        'CONFLICT',
      );
      await refused(() => coordinator.request(RM.accept, { input: { referralId: second.id } }), 'CONFLICT');
    });

    it('a coordinator overrides with a reason, and the timeline records it', async () => {
      const referral = await toCatering();
      const { acceptReferral } = await coordinator.data(RM.accept, {
        input: { referralId: referral.id, capacityOverrideReason: 'Uczestnik kończy PAI, miejsce zwolni się w maju' },
      });
      expect(acceptReferral.status).toBe('ACCEPTED');
      expect(acceptReferral.latestHistory.note).toMatch(/capacity override \(\d+\/1\)/);
      expect(acceptReferral.latestHistory.note).toContain('Uczestnik kończy PAI, miejsce zwolni się w maju');
    });

    it('a note and an override reason too long together for the timeline: BAD_USER_INPUT, not a failed INSERT', async () => {
      const referral = await toCatering();
      const accept = (note: string) =>
        coordinator.request(RM.accept, {
          input: { referralId: referral.id, capacityOverrideReason: 'r'.repeat(2000), note },
        });
      await refused(() => accept('n'.repeat(4000)), 'BAD_USER_INPUT');
      const result = await accept('n'.repeat(1900));
      expect(result.errors).toBeUndefined();
      const note: string = result.data.acceptReferral.latestHistory.note;
      expect(note.startsWith('n'.repeat(1900))).toBe(true);
      expect(note.endsWith('r'.repeat(2000))).toBe(true);
      expect(note.length).toBeLessThanOrEqual(4000);
    });

    it('of five acceptances at once into the last place, exactly one wins', async () => {
      await cisAdmin.data(
        `mutation($input: UpdateOrganisationServiceInput!) { updateOrganisationService(input: $input) { capacity } }`,
        { input: { id: cateringId, capacity: 100 } },
      );
      const { rows } = await db.query(
        `SELECT count(*)::int AS taken FROM referrals WHERE to_service_id = $1 AND status IN ('ACCEPTED', 'IN_PROGRESS')`,
        [cateringId],
      );
      await db.query(`UPDATE organisation_services SET capacity = $2 WHERE id = $1`, [cateringId, rows[0].taken + 1]);
      const referrals = await Promise.all(Array.from({ length: 5 }, () => toCatering()));
      const results = await Promise.all(referrals.map((r) => cis.request(RM.accept, { input: { referralId: r.id } })));
      expect(results.filter((r) => !r.errors).length).toBe(1);
      expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT').length).toBe(4);
    });

    it('a service without a limit never refuses', async () => {
      const referral = await sent({ toServiceId: dir.service['Trener pracy'] });
      expect((await cis.data(RM.accept, { input: { referralId: referral.id } })).acceptReferral.status).toBe(
        'ACCEPTED',
      );
    });
  });

  describe('someone in two organisations', () => {
    it('reads and acts for the organisation they name, and sees the participant as that organisation', async () => {
      const referral = await sent();
      // A CIS caseworker who also works for the labour office.
      const member = await addMember(cisAdmin, dir.org[CIS], 'CASEWORKER', api.baseUrl);
      await pupAdmin.data(`mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`, {
        input: { organisationId: dir.org[PUP], email: member.email, displayName: 'Test', role: 'CASEWORKER' },
      });
      const both = await GraphQLClient.login(api.baseUrl, member.email, member.password);
      const read = `query($id: ID!, $as: ID) { referral(id: $id, asOrganisationId: $as) {
          status participant { identity { lastName } } } }`;
      expect(codeOf(await both.request(read, { id: referral.id }))).toBe('BAD_USER_INPUT');
      // As the CIS: the participant as consented to the CIS.
      expect((await both.data(read, { id: referral.id, as: dir.org[CIS] })).referral).toEqual({
        status: 'SENT',
        participant: { identity: { lastName: 'Zając' } },
      });
      // As the PUP: the owner's view.
      expect((await both.data(read, { id: referral.id, as: dir.org[PUP] })).referral.participant).toEqual({
        identity: { lastName: 'Zając' },
      });
      await refused(() => both.request(RM.accept, { input: { referralId: referral.id } }), 'BAD_USER_INPUT');
      await refused(
        () => both.request(RM.accept, { input: { referralId: referral.id, asOrganisationId: dir.org[PUP] } }),
        'FORBIDDEN',
      );
      const { acceptReferral } = await both.data(RM.accept, {
        input: { referralId: referral.id, asOrganisationId: dir.org[CIS] },
      });
      expect(acceptReferral.status).toBe('ACCEPTED');
    });
  });
});
