import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { GraphQLClient, startTestApp, TestApp } from '@app/testing';
import {
  CATERING,
  CIS,
  connect,
  counts,
  createParticipant,
  Directory,
  grantConsent,
  loadDirectory,
  referralInput,
  signIn,
} from './support/referrals';

const TRANSACTION_CONTROL = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;
const MEMBERSHIPS = /\bFROM users u LEFT JOIN memberships m\b/;

/** Every field a write answers from its own row (the nested ones are field resolvers, read after it). */
const OWN_FIELDS = `id parentReferralId participantId fromOrganisationId fromUserId toOrganisationId toServiceId purpose
  reasonCategory reason priority status responseDueOn attachments { name sha256 } outcome outcomeNote sentAt closedAt
  createdAt version consentWithdrawn`;
const mutation = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${OWN_FIELDS} } }`;
const W = {
  create: mutation('createReferral', 'CreateReferralInput'),
  send: mutation('sendReferral', 'TransitionInput'),
  accept: mutation('acceptReferral', 'AcceptReferralInput'),
  decline: mutation('declineReferral', 'DeclineReferralInput'),
  start: mutation('startReferral', 'TransitionInput'),
  complete: mutation('completeReferral', 'CompleteReferralInput'),
  cancel: mutation('cancelReferral', 'CancelReferralInput'),
};
const READ = `query($id: ID!) { referral(id: $id) { ${OWN_FIELDS} } }`;

/**
 * What a referral write costs in SQL (issue 6, the write-throughput figure):
 * the actor's memberships (read on every request) and then, for a draft and
 * for every transition but accept and forward, ONE statement — the checks, the
 * change, its history row and its outbox event (and for send the consent
 * gate), atomic without BEGIN/COMMIT — whose RETURNING is the answer: no read
 * after the commit. Counted as test/e2e/referral-list.e2e-spec.ts counts: every
 * statement of every pg client of this process, with no worker in it.
 */
describe('referral writes: SQL statements per mutation', () => {
  let api: TestApp;
  let db: Client;
  let pup: GraphQLClient;
  let cis: GraphQLClient;
  let dir: Directory;
  let participantId: string;
  let statements: string[] | null = null;
  /** The prepared statement's name of each counted statement (null: unnamed, planned at each execution). */
  let names: (string | null)[] = [];
  let originalQuery: ((...args: unknown[]) => unknown) | undefined;

  beforeAll(async () => {
    api = await startTestApp({ env: { RUN_WORKER: 'false' } });
    db = await connect(api);
    ({ pup, cis } = await signIn(api));
    dir = await loadDirectory(pup);
    participantId = await createParticipant(pup);
    await grantConsent(pup, participantId, dir.org[CIS]);

    const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    originalQuery = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
      statements?.push(String(text));
      if (statements) names.push((args[0] as { name?: string })?.name ?? null);
      return originalQuery!.apply(this, args);
    };
  });
  afterAll(async () => {
    if (originalQuery) (Client.prototype as unknown as { query: unknown }).query = originalQuery;
    await db?.end();
    await api?.close();
  });

  async function counted(client: GraphQLClient, query: string, variables: Record<string, unknown>) {
    statements = [];
    names = [];
    try {
      const data = await client.data(query, variables);
      return { data, statements: [...statements], names: [...names] };
    } finally {
      statements = null;
    }
  }

  /** The referral as `referral(id)` shows it to `client` now. */
  const read = async (client: GraphQLClient, id: string) => (await client.data(READ, { id })).referral;

  /** The memberships, then one statement doing all of `writes`, without transaction control. */
  function expectOneStatement(sql: string[], writes: RegExp[]) {
    expect(sql).toHaveLength(2);
    expect(sql[0]).toMatch(MEMBERSHIPS);
    expect(sql.filter((s) => TRANSACTION_CONTROL.test(s))).toEqual([]);
    for (const write of writes) expect(sql[1]).toMatch(write);
  }

  it('createReferral (a draft): the memberships and one statement, answering the referral as referral(id) shows it', async () => {
    const before = await counts(db);
    const {
      data,
      statements: sql,
      names: prepared,
    } = await counted(pup, W.create, { input: referralInput(participantId, dir.org[CIS]) });
    expectOneStatement(sql, [/INSERT INTO referrals/, /INSERT INTO referral_history/]);
    // Both prepared statements: parsed and planned once per connection, not at every request.
    expect(prepared).toEqual(['actor-memberships', 'referral-insert']);
    expect(await counts(db)).toEqual({ ...before, referrals: before.referrals + 1, history: before.history + 1 });
    expect(data.createReferral).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(data.createReferral).toEqual(await read(pup, data.createReferral.id));
  });

  it('sendReferral: the memberships and one statement (update, history, consent gate, outbox event)', async () => {
    const { createReferral: draft } = await pup.data(W.create, { input: referralInput(participantId, dir.org[CIS]) });
    const before = await counts(db);
    const { data, statements: sql, names: prepared } = await counted(pup, W.send, { input: { referralId: draft.id } });
    expect(prepared).toEqual(['actor-memberships', 'referral-send']);
    expectOneStatement(sql, [
      /UPDATE referrals/,
      /INSERT INTO referral_history/,
      /INSERT INTO outbox/,
      /\bparticipant_access\(/,
    ]);
    expect(await counts(db)).toEqual({ ...before, history: before.history + 1, outbox: before.outbox + 1 });
    expect(data.sendReferral).toMatchObject({ status: 'SENT', version: 2 });
    expect(data.sendReferral).toEqual(await read(pup, draft.id));
  });

  it('decline, start, complete, cancel: the memberships and one statement each', async () => {
    const created = async () =>
      (await pup.data(W.create, { input: referralInput(participantId, dir.org[CIS], { send: true }) })).createReferral;
    const declined = await created();
    const decline = await counted(cis, W.decline, { input: { referralId: declined.id, reasonCode: 'NO_CAPACITY' } });
    expectOneStatement(decline.statements, [/UPDATE referrals/, /INSERT INTO outbox/]);
    expect(decline.data.declineReferral).toEqual(await read(cis, declined.id));

    const cancelled = await created();
    const cancel = await counted(pup, W.cancel, { input: { referralId: cancelled.id, reasonCode: 'OTHER' } });
    expectOneStatement(cancel.statements, [/UPDATE referrals/, /INSERT INTO outbox/]);
    expect(cancel.data.cancelReferral).toMatchObject({ status: 'CANCELLED', version: 3 });

    const completed = await created();
    await cis.data(W.accept, { input: { referralId: completed.id } });
    const start = await counted(cis, W.start, { input: { referralId: completed.id } });
    expectOneStatement(start.statements, [/UPDATE referrals/]);
    const complete = await counted(cis, W.complete, {
      input: { referralId: completed.id, outcome: 'EMPLOYED_OPEN_MARKET', note: 'Umowa o pracę' },
    });
    expectOneStatement(complete.statements, [/UPDATE referrals/]);
    expect(complete.data.completeReferral).toMatchObject({
      status: 'COMPLETED',
      outcome: 'EMPLOYED_OPEN_MARKET',
      outcomeNote: 'Umowa o pracę',
    });
    expect(complete.data.completeReferral).toEqual(await read(cis, completed.id));
  });

  it('a refused transition writes nothing, still in one statement (plus none to say why)', async () => {
    const { createReferral: draft } = await pup.data(W.create, { input: referralInput(participantId, dir.org[CIS]) });
    const before = await counts(db);
    statements = [];
    try {
      const result = await pup.request(W.cancel, {
        input: { referralId: draft.id, reasonCode: 'OTHER', expectedVersion: 7 },
      });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        currentStatus: 'DRAFT',
        currentVersion: 1,
      });
      expect(statements).toHaveLength(2);
    } finally {
      statements = null;
    }
    expect(await counts(db)).toEqual(before);
  });

  it('where more must commit together, a transaction: send: true, accept into a limited service, a key', async () => {
    const sendAtOnce = await counted(pup, W.create, {
      input: referralInput(participantId, dir.org[CIS], { send: true, toServiceId: dir.service[CATERING] }),
    });
    // BEGIN, the draft, its sending, COMMIT.
    expect(sendAtOnce.statements).toHaveLength(5);
    expect(sendAtOnce.statements.filter((s) => TRANSACTION_CONTROL.test(s))).toHaveLength(2);
    expect(sendAtOnce.data.createReferral).toEqual(await read(pup, sendAtOnce.data.createReferral.id));

    // BEGIN, the referral judged, the service locked, its places counted, the transition, COMMIT.
    const accept = await counted(cis, W.accept, { input: { referralId: sendAtOnce.data.createReferral.id } });
    expect(accept.statements).toHaveLength(7);
    expect(accept.data.acceptReferral).toEqual(await read(cis, sendAtOnce.data.createReferral.id));

    // BEGIN, the key claimed, the draft, the key's result, COMMIT.
    const idempotencyKey = `key-${randomBytes(8).toString('hex')}`;
    const keyed = await counted(pup, W.create, {
      input: referralInput(participantId, dir.org[CIS], { idempotencyKey }),
    });
    expect(keyed.statements).toHaveLength(6);
    // A retry answers the first result, read as referral(id) reads it.
    const retried = await counted(pup, W.create, {
      input: referralInput(participantId, dir.org[CIS], { idempotencyKey }),
    });
    expect(retried.data.createReferral).toEqual(keyed.data.createReferral);
  });
});
