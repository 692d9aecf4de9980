import { encodeCursor } from '@app/core';
import { startTestApp, TestApp } from '@app/testing';
import { addDays, demo, Demo, fullParticipant, M, Q } from './support/participants';

const SQL_OR_STACK =
  /violates|invalid input syntax|invalid byte sequence|unsupported Unicode|SQLSTATE|QueryFailedError|\n\s+at |\.ts:\d+/;

/**
 * One reproducer per class of bad input that used to end as an internal error
 * (or worse): each is now a coded request error, nothing broken is saved, and
 * what was saved stays readable. The generated fuzz test (test/reliability/fuzz)
 * covers the families; these pin the classes by name.
 */
describe('bad input never becomes an internal error', () => {
  let api: TestApp;
  let d: Demo;
  let participantId: string;

  beforeAll(async () => {
    api = await startTestApp();
    d = await demo(api);
    participantId = (
      await d.clients.welfareSocialWorker.data(M.createParticipant, { input: fullParticipant('Twardy') })
    ).createParticipant.id;
  });
  afterAll(async () => {
    await d?.close();
    await api?.close();
  });

  async function expectRequestError(
    result: { status: number; errors?: { message: string; extensions?: { code?: string } }[] },
    code = 'BAD_USER_INPUT',
  ) {
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(JSON.stringify(result.errors)).not.toMatch(SQL_OR_STACK);
  }

  const UPDATE = `mutation($input: UpdateParticipantInput!) { updateParticipant(input: $input) {
    version benefits { benefits notes } education { skills certificates } employment { workHistory } } }`;

  async function currentVersion(): Promise<number> {
    const { participant } = await d.clients.welfareSocialWorker.data(
      `query($id: ID!) { participant(id: $id) { version } }`,
      {
        id: participantId,
      },
    );
    return participant.version;
  }

  describe('list fields are never saved as null (input and output nullability agree)', () => {
    it.each([
      ['benefits', { benefits: { benefits: null } }],
      ['education', { education: { skills: null, certificates: ['A'] } }],
      ['employment', { employment: { workHistory: null } }],
      ['a null list item', { benefits: { benefits: ['zasiłek', null] } }],
    ])('%s: refused, and the participant stays readable', async (_name, data) => {
      const result = await d.clients.welfareSocialWorker.request(UPDATE, {
        input: { id: participantId, expectedVersion: await currentVersion(), ...data },
      });
      expect(result.status).toBeLessThan(500);
      expect(result.errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
      const read = await d.clients.welfareSocialWorker.request(Q.participant, { id: participantId });
      expect(read.errors).toBeUndefined();
    });

    it('a category given without its lists reads back with empty lists', async () => {
      const { updateParticipant } = await d.clients.welfareSocialWorker.data(UPDATE, {
        input: { id: participantId, expectedVersion: await currentVersion(), benefits: { notes: 'bez list' } },
      });
      expect(updateParticipant.benefits).toEqual({ benefits: [], notes: 'bez list' });
    });

    it('a row saved with a null list before the fix cannot exist any more (the table refuses it)', async () => {
      await expect(
        d.sql.query(
          `UPDATE participant_data SET data = jsonb_set(data, '{benefits}', 'null') WHERE participant_id = $1 AND category = 'BENEFITS'`,
          [participantId],
        ),
      ).rejects.toThrow(/participant_data_benefits_lists/);
    });
  });

  describe('text PostgreSQL cannot store', () => {
    const hostile = ['NUL \u0000 inside', 'lone \ud800 surrogate', 'lone low \udfff'];

    it.each(hostile)('in participant data: %j', async (text) => {
      const input = fullParticipant('Nul');
      (input.housing as Record<string, unknown>).notes = text;
      await expectRequestError(await d.clients.welfareSocialWorker.request(M.createParticipant, { input }));
    });

    it.each(hostile)('in a list item of participant data: %j', async (text) => {
      const input = fullParticipant('Lista');
      (input.education as Record<string, unknown>).skills = ['ok', text];
      await expectRequestError(await d.clients.welfareSocialWorker.request(M.createParticipant, { input }));
    });

    it.each(hostile)('in a legal basis citation: %j', async (citation) => {
      const input = {
        ownerOrganisationId: d.org.mops,
        recipientOrganisationId: d.org.kis,
        purpose: 'REFERRAL',
        dataCategories: ['IDENTITY'],
        citation,
        validFrom: d.today,
      };
      await expectRequestError(await d.clients.welfareCoordinator.request(M.recordLegalBasis, { input }));
    });

    it.each(hostile)('in a search string: %j', async (search) => {
      await expectRequestError(await d.clients.welfareSocialWorker.request(Q.participants, { search: `ab${search}` }));
    });

    it.each(hostile)('in an inline literal, not only in variables: %j', async (text) => {
      const literal = JSON.stringify(text); // a GraphQL string literal with \u escapes
      const result = await d.clients.welfareSocialWorker.request(`{ participants(search: ${literal}) { totalCount } }`);
      // GraphQL's parser itself refuses an escaped lone surrogate; an escaped NUL parses and is refused as input.
      await expectRequestError(result, text.startsWith('NUL') ? 'BAD_USER_INPUT' : 'GRAPHQL_PARSE_FAILED');
    });

    it('in an e-mail field (the validator itself used to throw)', async () => {
      const input = fullParticipant('Mail');
      (input.contact as Record<string, unknown>).email = 'a\ud800@example.test';
      await expectRequestError(await d.clients.welfareSocialWorker.request(M.createParticipant, { input }));
    });

    it('in the login form of the queue dashboard', async () => {
      const response = await fetch(`${api.baseUrl}/admin/queues/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=admin%40demo.local%00&password=demo',
      });
      expect(response.status).toBe(400);
    });
  });

  describe('whitespace-only required text', () => {
    it('a legal basis citation of only spaces is refused as input, not by a database check', async () => {
      const result = await d.clients.welfareCoordinator.request(M.recordLegalBasis, {
        input: {
          ownerOrganisationId: d.org.mops,
          recipientOrganisationId: d.org.kis,
          purpose: 'REFERRAL',
          dataCategories: ['IDENTITY'],
          citation: '      ',
          validFrom: d.today,
        },
      });
      await expectRequestError(result);
      expect(JSON.stringify(result.errors?.[0]?.extensions)).toMatch(/citation/);
    });
  });

  describe('dates', () => {
    it.each(['0100-01-01', '1999-12-31', '2026-02-30', '99999-01-01'])(
      'a consent starting %s is refused',
      async (validFrom) => {
        const result = await d.clients.welfareSocialWorker.request(M.grantConsent, {
          input: {
            participantId,
            recipientOrganisationId: d.org.cis,
            purposes: ['REFERRAL'],
            dataCategories: ['IDENTITY'],
            validFrom,
            evidence: { method: 'PAPER_SIGNATURE' },
          },
        });
        await expectRequestError(result);
      },
    );

    it('a date of birth in the future is refused', async () => {
      const input = fullParticipant('Przyszły');
      (input.identity as Record<string, unknown>).dateOfBirth = addDays(d.today, 2);
      await expectRequestError(await d.clients.welfareSocialWorker.request(M.createParticipant, { input }));
    });
  });

  describe('forged cursors', () => {
    const id = '6f9619ff-8b86-4d11-b42d-00c04fc964ff';
    it.each(['+99', '+00:99', '+14:60', '+16'])('a cursor with the zone offset %s', async (offset) => {
      const after = encodeCursor(`2026-01-01 10:00:00.123456${offset}`, id);
      await expectRequestError(await d.clients.welfareSocialWorker.request(Q.participants, { after }));
      const referrals = await d.clients.welfareSocialWorker.request(
        `query($after: String) { referrals(first: 5, after: $after) { edges { cursor } } }`,
        { after },
      );
      await expectRequestError(referrals);
    });
  });

  describe('transport', () => {
    async function post(body: unknown) {
      const response = await fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      expect(text).not.toMatch(SQL_OR_STACK);
      expect(text).not.toMatch(/INTERNAL_SERVER_ERROR/);
      return { status: response.status, body: JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] } };
    }

    it.each([
      ['a persisted-query hash that is not a string', { persistedQuery: { version: 1, sha256Hash: 42 } }],
      ['an unknown persisted-query version', { persistedQuery: { version: 2, sha256Hash: 'abc' } }],
      ['a persisted query that is not an object', { persistedQuery: 'yes' }],
      ['extensions that are not an object', 'nope'],
    ])('%s', async (_name, extensions) => {
      const { status, body } = await post({ query: '{ __typename }', extensions });
      expect(status).toBeLessThan(500);
      expect(body.errors?.[0]?.extensions?.code).toMatch(/^(BAD_REQUEST|PERSISTED_QUERY_NOT_SUPPORTED)$/);
    });

    it('a subscription sent over POST', async () => {
      const { status, body } = await post({ query: 'subscription { notificationAdded { id } }' });
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    });
  });
});
