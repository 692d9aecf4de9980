import { GraphQLClient, startTestApp, TestApp } from '@app/testing';
import { addDays, demo, Demo, DemoClientName, fullParticipant, M, Q, sendReferral } from './support/participants';

/**
 * Counts and pages never reveal a participant one may not know about: a list's
 * totalCount, its pages (first/after) and its search answer exactly the same
 * before and after hidden participants — interleaved in time with the visible
 * ones, some at the very same instant — are added in other organisations.
 */
describe('list counts and pages with and without hidden participants', () => {
  let api: TestApp;
  let d: Demo;

  beforeAll(async () => {
    api = await startTestApp();
    d = await demo(api);
  });
  afterAll(async () => {
    await d?.close();
    await api?.close();
  });

  const create = async (client: GraphQLClient, lastName: string) =>
    (await client.data(M.createParticipant, { input: fullParticipant(lastName) })).createParticipant.id as string;

  const consent = (
    client: GraphQLClient,
    participantId: string,
    recipient: string,
    purposes: string[],
    dataCategories: string[],
    validity: { from?: number; until?: number } = {},
  ) =>
    client.data(M.grantConsent, {
      input: {
        participantId,
        recipientOrganisationId: recipient,
        purposes,
        dataCategories,
        validFrom: addDays(d.today, validity.from ?? -10),
        validUntil: validity.until === undefined ? undefined : addDays(d.today, validity.until),
        evidence: { method: 'ELECTRONIC' },
      },
    });

  type Page = { ids: string[]; totalCount: number; hasNextPage: boolean };
  async function walk(name: DemoClientName, purpose: string, first: number, search?: string): Promise<Page[]> {
    const pages: Page[] = [];
    let after: string | undefined;
    for (let i = 0; i < 50; i++) {
      const { participants } = await d.clients[name].data(Q.participants, { purpose, first, after, search });
      pages.push({
        ids: participants.edges.map((e: { node: { id: string } }) => e.node.id),
        totalCount: participants.totalCount,
        hasNextPage: participants.pageInfo.hasNextPage,
      });
      if (!participants.pageInfo.hasNextPage) break;
      after = participants.pageInfo.endCursor;
    }
    return pages;
  }

  /** Lists of readers from whom every participant added in the second step is hidden. */
  const VIEWS: [DemoClientName, string, number, string?][] = [
    ['labourOfficeCaseworker', 'REFERRAL', 1],
    ['labourOfficeCaseworker', 'REFERRAL', 2],
    ['labourOfficeCaseworker', 'REFERRAL', 3, 'widoczny'],
    ['labourOfficeCaseworker', 'REINTEGRATION_SUPPORT', 2],
    ['labourOfficeCaseworker', 'EMPLOYMENT_MEDIATION', 2],
    ['labourOfficeCaseworker', 'REFERRAL', 100],
    ['labourOfficeAdmin', 'REFERRAL', 1],
    ['labourOfficeAdmin', 'REFERRAL', 2, 'widoczny'],
    ['auditor', 'REFERRAL', 2],
    ['chamberOfCommerceMember', 'REFERRAL', 2],
  ];
  const snapshot = async () =>
    Promise.all(VIEWS.map(([name, purpose, first, search]) => walk(name, purpose, first, search)));

  it('totalCount, every page and search are identical whether or not hidden participants exist', async () => {
    // Visible to the labour office: its own, and OPS participants consented to it for REFERRAL and referred to it.
    const visible: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = await create(d.clients.welfareSocialWorker, `Widoczny${i}`);
      await consent(d.clients.welfareSocialWorker, id, d.org.pup, ['REFERRAL'], ['IDENTITY', 'EMPLOYMENT']);
      await sendReferral(d.clients.welfareSocialWorker, id, d.org.pup);
      visible.push(id);
    }
    visible.push(await create(d.clients.labourOfficeCaseworker, 'Widoczny-własny'));
    // Visible to the CIS under consent, and to the labour office only for another purpose.
    const forCis = await create(d.clients.welfareSocialWorker, 'Ukryty-dla-PUP');
    await consent(d.clients.welfareSocialWorker, forCis, d.org.cis, ['REFERRAL'], ['IDENTITY']);
    await consent(d.clients.welfareSocialWorker, forCis, d.org.pup, ['REINTEGRATION_SUPPORT'], ['IDENTITY']);

    const before = await snapshot();
    expect(before[0][0].totalCount).toBe(5);
    expect(before[0].flatMap((p) => p.ids).sort()).toEqual([...visible].sort());
    expect(before[2][0].totalCount).toBe(5); // search "widoczny" sees all five names

    // Hidden from the labour office, in every way the rule knows.
    const hidden: string[] = [];
    hidden.push(await create(d.clients.welfareSocialWorker, 'Widoczny-bez-zgody')); // no consent at all
    const toCisOnly = await create(d.clients.welfareSocialWorker, 'Widoczny-dla-CIS');
    await consent(d.clients.welfareSocialWorker, toCisOnly, d.org.cis, ['REFERRAL'], ['IDENTITY']);
    hidden.push(toCisOnly);
    const withdrawn = await create(d.clients.welfareSocialWorker, 'Widoczny-wycofany');
    const { grantConsent } = await consent(
      d.clients.welfareSocialWorker,
      withdrawn,
      d.org.pup,
      ['REFERRAL'],
      ['IDENTITY'],
    );
    await sendReferral(d.clients.welfareSocialWorker, withdrawn, d.org.pup); // withdrawn while the referral is open
    await d.clients.welfareSocialWorker.data(M.withdrawConsent, { input: { consentId: grantConsent.id } });
    hidden.push(withdrawn);
    // A live consent for REFERRAL, but no referral to the labour office; and one whose referral closed long ago.
    const unreferred = await create(d.clients.welfareSocialWorker, 'Widoczny-bez-skierowania');
    await consent(d.clients.welfareSocialWorker, unreferred, d.org.pup, ['REFERRAL'], ['IDENTITY']);
    hidden.push(unreferred);
    const closedLongAgo = await create(d.clients.welfareSocialWorker, 'Widoczny-skierowanie-zamknięte');
    await consent(d.clients.welfareSocialWorker, closedLongAgo, d.org.pup, ['REFERRAL'], ['IDENTITY']);
    const closedReferral = await sendReferral(d.clients.welfareSocialWorker, closedLongAgo, d.org.pup);
    await d.sql.query(
      `UPDATE referrals SET status = 'CANCELLED', closed_at = now() - make_interval(days => $2 + 1) WHERE id = $1`,
      [closedReferral, api.config.referrals.accessDaysAfterClose],
    );
    hidden.push(closedLongAgo);
    const expired = await create(d.clients.welfareSocialWorker, 'Widoczny-wygasły');
    await consent(d.clients.welfareSocialWorker, expired, d.org.pup, ['REFERRAL'], ['IDENTITY'], {
      from: -10,
      until: -1,
    });
    hidden.push(expired);
    const notYet = await create(d.clients.welfareSocialWorker, 'Widoczny-przyszły');
    await consent(d.clients.welfareSocialWorker, notYet, d.org.pup, ['REFERRAL'], ['IDENTITY'], { from: 2 });
    hidden.push(notYet);
    // Beyond the PUP–OPS agreement (no HEALTH in it): the API refuses it, so it is written directly.
    const beyond = await create(d.clients.welfareSocialWorker, 'Widoczny-poza-umową');
    await d.sql.query(
      `INSERT INTO consents (participant_id, granted_to_organisation_id, purposes, data_categories, valid_from,
                             evidence_method, collected_by_user_id, recorded_by_organisation_id)
       VALUES ($1, $2, '{REFERRAL}', '{HEALTH}', current_date - 1, 'ELECTRONIC', $3, $4)`,
      [beyond, d.org.pup, d.readers.welfareSocialWorker.userId, d.org.ops],
    );
    hidden.push(beyond);
    hidden.push(await create(d.clients.welfareCoordinator, 'Widoczny-MOPS'));
    hidden.push(await create(d.clients.cisCaseworker, 'Widoczny-CIS'));
    // Break-glass of another organisation's coordinator opens nothing for the labour office.
    const glass = await create(d.clients.welfareSocialWorker, 'Widoczny-break-glass');
    await d.clients.welfareCoordinator.data(M.openEmergencyAccess, {
      input: { participantId: glass, reason: 'Nagłe zagrożenie zdrowia uczestnika' },
    });
    hidden.push(glass);

    // Interleave them in time with the visible ones, two at exactly the same instant as a visible one.
    const interleaved = await d.sql.query(
      `UPDATE participants h SET created_at = v.created_at + make_interval(secs => CASE WHEN x.n % 3 = 0 THEN 0 ELSE 0.000001 * x.n END)
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n),
              LATERAL (SELECT created_at FROM participants WHERE id = ($2::uuid[])[1 + (x.n::int % cardinality($2::uuid[]))]) v
        WHERE h.id = x.id`,
      [hidden, visible],
    );
    expect(interleaved.rowCount).toBe(hidden.length);

    const after = await snapshot();
    for (let i = 0; i < VIEWS.length; i++) {
      expect({ view: VIEWS[i], pages: after[i] }).toEqual({ view: VIEWS[i], pages: before[i] });
    }
  });

  it('totalCount counts up to 1000: beyond, totalCountIsCapped', async () => {
    const count = `query($first: Int) { participants(first: $first) { totalCount totalCountIsCapped } }`;
    const own = async () =>
      Number(
        (await d.sql.query(`SELECT count(*) FROM participants WHERE owner_organisation_id = $1`, [d.org.cis])).rows[0]
          .count,
      );
    const before = (await d.clients.cisCaseworker.data(count, { first: 1 })).participants;
    expect(before.totalCountIsCapped).toBe(false);
    // The CIS caseworker knows the CIS's own participants and those consented and referred to the CIS.
    expect(before.totalCount).toBeGreaterThanOrEqual(await own());
    expect(before.totalCount).toBeLessThan(1000);

    // Past the cap: the CIS's own participants (set-based, the data is not what is counted).
    const needed = 1001 - before.totalCount;
    await d.sql.query(
      `INSERT INTO participants (owner_organisation_id, registered_by_user_id)
       SELECT $1, $2 FROM generate_series(1, $3)`,
      [d.org.cis, d.readers.cisCaseworker.userId, needed],
    );
    const at = (await d.clients.cisCaseworker.data(count, { first: 1 })).participants;
    expect(at).toEqual({ totalCount: 1000, totalCountIsCapped: true });
  });

  it('a cursor that is not one is refused, not mistaken for a position', async () => {
    const result = await d.clients.labourOfficeCaseworker.request(Q.participants, {
      first: 2,
      after: 'bm90LWEtY3Vyc29y',
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
