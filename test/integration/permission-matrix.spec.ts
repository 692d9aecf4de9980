import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { Client, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import { Actor, Role as AppRole } from '@app/authz';
import {
  AccessBasis,
  AccessFactColumns,
  AccessFacts,
  AccessService,
  explainAccess,
  RedactionReason,
  ROLE_RIGHTS,
} from '@app/access';
import { AppConfig, dataSourceOptions, NotFoundError } from '@app/core';
import { DataCategory } from '@app/organisations';
import { ParticipantsService } from '@app/participants';
import { createTestDatabase, TestDatabase } from '@app/testing';
import {
  CATEGORIES,
  Category,
  Expected,
  expectedAccess,
  OPEN_REFERRAL_STATUSES,
  Purpose,
  PURPOSES,
  Reader,
  REFERRAL_STATUSES,
  ReferralStatus,
  Role,
  ROLES,
  SPEC_ROLE_RIGHTS,
  World,
} from '../support/access-oracle';

/**
 * The permission matrix: random worlds of organisations, partnerships,
 * agreements, participants, consents, legal bases, break-glass grants,
 * referrals (any status; closed ones at various ages around the configured
 * REFERRAL access days) and readers, inserted into one cloned database (emptied between scenarios), and
 * for every (reader, participant, purpose) the independent oracle of
 * test/support/access-oracle.ts compared with
 *   (a) the SQL function `participant_access` (one participant at a time) and
 *       its set-based form `participants_access` (every participant at once),
 *   (b) the list form (`AccessService.owners` + `decide`: the owners' facts
 *       once, `participant_decision` per participant): ids and count,
 *   (c) `explainAccess` (access-rules.ts) fed with the facts,
 *   (e) the facts the services read in the same statement as the decision
 *       (`AccessService.facts`), explained, against (c),
 * and, for one sampled reader and purpose per scenario, with the services the
 * API calls: `ParticipantsService.list` (every page), `getMany` (the batched
 * read behind a referral page's participants), `get` and `explain` (redaction
 * reasons from the facts `AccessService.facts` reads in the same statement),
 * and the access-log rows they write. (The GraphQL API itself: the e2e
 * permission-matrix-api.e2e-spec.ts.) Any served category the oracle hides is
 * reported as an UNAUTHORISED READ; the target is none, and no disagreement.
 *
 * PERMISSION_MATRIX_SEED and PERMISSION_MATRIX_RUNS override the fixed seed
 * and the number of scenarios (default 100); a failure prints the seed, the
 * replay path and the shrunk world (PERMISSION_MATRIX_SHRINK=false: the first
 * failing world, unshrunk).
 */
const SEED = Number(process.env.PERMISSION_MATRIX_SEED ?? 20261123);
const RUNS = Number(process.env.PERMISSION_MATRIX_RUNS ?? 100);
/** REFERRAL_ACCESS_DAYS_AFTER_CLOSE in these worlds (not the default, to show the setting reaches the rule). */
const ACCESS_DAYS = 7;
const CLOSED: readonly ReferralStatus[] = ['DECLINED', 'COMPLETED', 'DROPPED_OUT', 'CANCELLED', 'EXPIRED', 'FORWARDED'];

const FIELD: Record<Category, string> = {
  IDENTITY: 'identity',
  CONTACT: 'contact',
  ADDRESS: 'address',
  EMPLOYMENT: 'employment',
  EDUCATION: 'education',
  BENEFITS: 'benefits',
  FAMILY: 'family',
  HOUSING: 'housing',
  HEALTH: 'health',
  ADDICTION: 'addiction',
  CRIMINAL_RECORD: 'criminalRecord',
};

// ---------------------------------------------------------------- generation

interface Validity {
  from: number;
  until: number | null;
}
interface Scenario {
  organisations: number;
  users: number;
  partnerships: { members: number[] }[];
  agreements: {
    status: 'PROPOSED' | 'ACTIVE' | 'TERMINATED';
    partnership: number | null;
    parties: number[];
    purposes: Purpose[];
    categories: Category[];
    validity: Validity;
  }[];
  participants: number[];
  memberships: { user: number; organisation: number; role: Role }[];
  consents: {
    participant: number;
    toOrganisation: number | null;
    toPartnership: number | null;
    purposes: Purpose[];
    categories: Category[];
    validity: Validity;
    withdrawn: boolean;
  }[];
  legalBases: {
    pair: number[];
    purpose: Purpose;
    categories: Category[];
    validity: Validity;
    revoked: boolean;
  }[];
  breakGlass: { participant: number; membership: number; live: boolean }[];
  /** `closedDaysAgo` only for closed statuses. */
  referrals: { participant: number; to: number; status: ReferralStatus; closedDaysAgo: number | null }[];
  /** Who lists through the services, for what, how many a page, and which participants they also read one by one. */
  probe: { membership: number; purpose: Purpose; first: number; singles: number[] };
}

/** Days from today: around the boundaries (yesterday, today, tomorrow) and well away from them. */
const validity: fc.Arbitrary<Validity> = fc
  .tuple(
    fc.constantFrom(-400, -30, -1, 0, 1, 30),
    fc.option(fc.constantFrom(-30, -1, 0, 1, 30, 400), { nil: null, freq: 3 }),
  )
  .map(([from, until]) => (until !== null && until < from ? { from: until, until: from } : { from, until }));

const purposes = fc.subarray([...PURPOSES], { minLength: 1 });
const categories = fc.subarray([...CATEGORIES], { minLength: 1 });
const role = fc.oneof(
  { arbitrary: fc.constant<Role>('CASEWORKER'), weight: 3 },
  { arbitrary: fc.constant<Role>('COORDINATOR'), weight: 3 },
  { arbitrary: fc.constantFrom<Role>('PARTNER_ADMIN', 'AUDITOR', 'PLATFORM_ADMIN'), weight: 2 },
);

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    organisations: fc.integer({ min: 3, max: 5 }),
    users: fc.integer({ min: 2, max: 5 }),
    partnerships: fc.integer({ min: 1, max: 2 }),
    participants: fc.integer({ min: 2, max: 7 }),
  })
  .chain((n) => {
    const organisation = fc.integer({ min: 0, max: n.organisations - 1 });
    const pair = fc.uniqueArray(organisation, { minLength: 2, maxLength: 2 });
    const partnership = fc.integer({ min: 0, max: n.partnerships - 1 });
    return fc
      .record({
        partnerships: fc.array(fc.record({ members: fc.uniqueArray(organisation, { minLength: 2 }) }), {
          minLength: n.partnerships,
          maxLength: n.partnerships,
        }),
        agreements: fc.array(
          fc.record({
            status: fc.oneof(
              { arbitrary: fc.constant<'ACTIVE'>('ACTIVE'), weight: 3 },
              { arbitrary: fc.constantFrom<'PROPOSED' | 'TERMINATED'>('PROPOSED', 'TERMINATED'), weight: 1 },
            ),
            partnership: fc.option(partnership, { nil: null, freq: 2 }),
            parties: pair,
            purposes,
            categories,
            validity,
          }),
          { maxLength: 7 },
        ),
        participants: fc.array(organisation, { minLength: n.participants, maxLength: n.participants }),
        memberships: fc.uniqueArray(fc.record({ user: fc.integer({ min: 0, max: n.users - 1 }), organisation, role }), {
          minLength: 2,
          maxLength: 7,
          selector: (m) => `${m.user}/${m.organisation}`,
        }),
        consents: fc.array(
          fc.record({
            participant: fc.integer({ min: 0, max: n.participants - 1 }),
            recipient: fc.oneof(
              { arbitrary: organisation.map((o) => ({ toOrganisation: o, toPartnership: null })), weight: 2 },
              { arbitrary: partnership.map((p) => ({ toOrganisation: null, toPartnership: p })), weight: 1 },
            ),
            purposes,
            categories,
            validity,
            withdrawn: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
          }),
          { maxLength: 12 },
        ),
        legalBases: fc.array(
          fc.record({ pair, purpose: fc.constantFrom(...PURPOSES), categories, validity, revoked: fc.boolean() }),
          { maxLength: 3 },
        ),
        breakGlassRaw: fc.array(
          fc.record({
            participant: fc.integer({ min: 0, max: n.participants - 1 }),
            membership: fc.nat(),
            live: fc.boolean(),
          }),
          { maxLength: 3 },
        ),
        referrals: fc.array(
          fc
            .record({
              participant: fc.integer({ min: 0, max: n.participants - 1 }),
              to: organisation,
              status: fc.constantFrom(...REFERRAL_STATUSES),
              // Well within, just within, just beyond (an hour and more either side) and well beyond the days.
              age: fc.constantFrom(0.01, 1, ACCESS_DAYS - 0.05, ACCESS_DAYS + 0.05, 400),
              /** mostly a referral to where a consent goes (else random referrals seldom meet one) */
              follows: fc.option(fc.nat(), { nil: null, freq: 4 }),
            })
            .map(({ age, ...r }) => ({ ...r, closedDaysAgo: CLOSED.includes(r.status) ? age : null })),
          { maxLength: 8 },
        ),
        probe: fc.record({
          membership: fc.nat(),
          purpose: fc.constantFrom(...PURPOSES),
          first: fc.integer({ min: 1, max: 3 }),
          singles: fc.uniqueArray(fc.nat({ max: 6 }), { minLength: 1, maxLength: 3 }),
        }),
      })
      .map(({ consents, breakGlassRaw, probe, referrals, ...rest }) => ({
        organisations: n.organisations,
        users: n.users,
        ...rest,
        consents: consents.map(({ recipient, ...c }) => ({ ...c, ...recipient })),
        referrals: referrals.map(({ follows, ...r }) => {
          const consent = follows === null || consents.length === 0 ? null : consents[follows % consents.length];
          return consent?.recipient.toOrganisation == null
            ? r
            : { ...r, participant: consent.participant, to: consent.recipient.toOrganisation };
        }),
        breakGlass: breakGlassRaw.map((g) => ({ ...g, membership: g.membership % rest.memberships.length })),
        probe: { ...probe, membership: probe.membership % rest.memberships.length },
      }));
  });

// ------------------------------------------------------------------ the world

const uuid = (kind: number, i: number) =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const ORG = 1;
const USER = 2;
const PARTNERSHIP = 3;
const AGREEMENT = 4;
const PARTICIPANT = 5;
const CONSENT = 6;
const LEGAL_BASIS = 7;
const GRANT = 8;
const REFERRAL = 9;

function addDays(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function toWorld(s: Scenario, today: string): World {
  const day = (n: number | null) => (n === null ? null : addDays(today, n));
  return {
    today,
    partnerships: s.partnerships.map((p, i) => ({
      id: uuid(PARTNERSHIP, i),
      members: p.members.map((o) => uuid(ORG, o)),
    })),
    agreements: s.agreements.map((a, i) => ({
      id: uuid(AGREEMENT, i),
      status: a.status,
      partnershipId: a.partnership === null ? null : uuid(PARTNERSHIP, a.partnership),
      parties: a.partnership === null ? a.parties.map((o) => uuid(ORG, o)) : [],
      purposes: a.purposes,
      categories: a.categories,
      validFrom: day(a.validity.from)!,
      validUntil: day(a.validity.until),
    })),
    participants: s.participants.map((owner, i) => ({ id: uuid(PARTICIPANT, i), owner: uuid(ORG, owner) })),
    consents: s.consents.map((c, i) => ({
      id: uuid(CONSENT, i),
      participantId: uuid(PARTICIPANT, c.participant),
      toOrganisation: c.toOrganisation === null ? null : uuid(ORG, c.toOrganisation),
      toPartnership: c.toPartnership === null ? null : uuid(PARTNERSHIP, c.toPartnership),
      purposes: c.purposes,
      categories: c.categories,
      validFrom: day(c.validity.from)!,
      validUntil: day(c.validity.until),
      withdrawn: c.withdrawn,
    })),
    legalBases: s.legalBases.map((l, i) => ({
      id: uuid(LEGAL_BASIS, i),
      owner: uuid(ORG, l.pair[0]),
      recipient: uuid(ORG, l.pair[1]),
      purpose: l.purpose,
      categories: l.categories,
      validFrom: day(l.validity.from)!,
      validUntil: day(l.validity.until),
      revoked: l.revoked,
    })),
    breakGlass: s.breakGlass.map((g, i) => ({
      id: uuid(GRANT, i),
      participantId: uuid(PARTICIPANT, g.participant),
      organisationId: uuid(ORG, s.memberships[g.membership].organisation),
      userId: uuid(USER, s.memberships[g.membership].user),
      live: g.live,
    })),
    // A referral goes from the owner to another organisation.
    referrals: s.referrals.map((r, i) => {
      const owner = s.participants[r.participant];
      return {
        id: uuid(REFERRAL, i),
        participantId: uuid(PARTICIPANT, r.participant),
        toOrganisation: uuid(ORG, r.to === owner ? (owner + 1) % s.organisations : r.to),
        status: r.status,
        closedDaysAgo: r.closedDaysAgo,
      };
    }),
    referralAccessDays: ACCESS_DAYS,
  };
}

function readers(s: Scenario): Reader[] {
  return s.memberships.map((m) => ({
    userId: uuid(USER, m.user),
    organisationId: uuid(ORG, m.organisation),
    role: m.role,
  }));
}

/** A named (prepared once per connection) statement: planning, not running, is most of these queries' cost. */
function prepared<T extends QueryResultRow = any>(db: Client, text: string, values: unknown[]) {
  return db.query<T>({ name: `matrix-${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text, values });
}

/** Everything in set-based statements, in one transaction. */
async function insert(db: Client, s: Scenario, world: World): Promise<void> {
  const json = (rows: unknown[]) => JSON.stringify(rows);
  const firstUser = uuid(USER, 0);
  const organisations = Array.from({ length: s.organisations }, (_, i) => uuid(ORG, i));
  const users = Array.from({ length: s.users }, (_, i) => uuid(USER, i));
  await db.query('BEGIN');
  const query = (text: string, values: unknown[]) => prepared(db, text, values);
  await query(
    `INSERT INTO organisations (id, kind, name) SELECT id, 'OTHER', 'Organisation ' || id FROM unnest($1::uuid[]) id`,
    [organisations],
  );
  await query(
    `INSERT INTO users (id, email, display_name, password_hash)
     SELECT id, id || '@matrix.test', 'User ' || id, 'not-a-hash' FROM unnest($1::uuid[]) id`,
    [users],
  );
  await query(
    `INSERT INTO memberships (user_id, organisation_id, role)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS m(user_id uuid, organisation_id uuid, role text)`,
    [json(readers(s).map((r) => ({ user_id: r.userId, organisation_id: r.organisationId, role: r.role })))],
  );
  await query(
    `INSERT INTO partnerships (id, name, lead_organisation_id)
     SELECT p.id, 'Partnership ' || p.id, p.members[1] FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, members uuid[])`,
    [json(world.partnerships)],
  );
  await query(
    `INSERT INTO partnership_members (partnership_id, organisation_id)
     SELECT p.id, unnest(p.members) FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, members uuid[])`,
    [json(world.partnerships)],
  );
  await query(
    `INSERT INTO data_sharing_agreements (id, title, partnership_id, status, purposes, data_categories, valid_from,
                                          valid_until, response_time_days, proposed_by_organisation_id, proposed_by_user_id)
     SELECT a.id, 'Agreement ' || a.id, a."partnershipId", a.status, a.purposes, a.categories, a."validFrom",
            a."validUntil", 14, $2, $3
       FROM jsonb_to_recordset($1::jsonb) AS a(id uuid, "partnershipId" uuid, status text, purposes text[],
            categories text[], "validFrom" date, "validUntil" date)`,
    [json(world.agreements), organisations[0], firstUser],
  );
  await query(
    `INSERT INTO agreement_parties (agreement_id, organisation_id)
     SELECT a.id, unnest(a.parties) FROM jsonb_to_recordset($1::jsonb) AS a(id uuid, parties uuid[])`,
    [json(world.agreements)],
  );
  // Created a minute apart, so pages are ordered by time as in real use.
  await query(
    `INSERT INTO participants (id, owner_organisation_id, registered_by_user_id, created_at)
     SELECT p.id, p.owner, $2, now() - make_interval(mins => p.n::int)
       FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, owner uuid, n int)`,
    [json(world.participants.map((p, n) => ({ ...p, n }))), firstUser],
  );
  await query(
    `INSERT INTO participant_data (participant_id, owner_organisation_id, category, data, updated_by_user_id)
     SELECT p.id, p.owner_organisation_id, c, jsonb_build_object('secret', p.id || '/' || c), $1
       FROM participants p, unnest($2::text[]) c`,
    [firstUser, CATEGORIES],
  );
  await query(
    `INSERT INTO consents (id, participant_id, granted_to_organisation_id, granted_to_partnership_id, purposes,
                           data_categories, valid_from, valid_until, evidence_method, collected_by_user_id,
                           recorded_by_organisation_id, withdrawn_at, withdrawn_by_user_id)
     SELECT c.id, c."participantId", c."toOrganisation", c."toPartnership", c.purposes, c.categories, c."validFrom",
            c."validUntil", 'ELECTRONIC', $2, p.owner_organisation_id,
            CASE WHEN c.withdrawn THEN now() END, CASE WHEN c.withdrawn THEN $2::uuid END
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, "participantId" uuid, "toOrganisation" uuid,
            "toPartnership" uuid, purposes text[], categories text[], "validFrom" date, "validUntil" date, withdrawn boolean)
       JOIN participants p ON p.id = c."participantId"`,
    [json(world.consents), firstUser],
  );
  await query(
    `INSERT INTO legal_bases (id, owner_organisation_id, recipient_organisation_id, purpose, data_categories, citation,
                              valid_from, valid_until, recorded_by_user_id, revoked_at)
     SELECT l.id, l.owner, l.recipient, l.purpose, l.categories, 'art. 50 ustawy', l."validFrom", l."validUntil", $2,
            CASE WHEN l.revoked THEN now() END
       FROM jsonb_to_recordset($1::jsonb) AS l(id uuid, owner uuid, recipient uuid, purpose text, categories text[],
            "validFrom" date, "validUntil" date, revoked boolean)`,
    [json(world.legalBases), firstUser],
  );
  await query(
    `INSERT INTO break_glass_grants (id, participant_id, organisation_id, user_id, reason, opened_at, expires_at)
     SELECT g.id, g."participantId", g."organisationId", g."userId", 'an emergency in the matrix',
            now() - interval '5 hours', now() + CASE WHEN g.live THEN interval '2 hours' ELSE interval '-1 hour' END
       FROM jsonb_to_recordset($1::jsonb) AS g(id uuid, "participantId" uuid, "organisationId" uuid, "userId" uuid, live boolean)`,
    [json(world.breakGlass)],
  );
  await query(
    `INSERT INTO referrals (id, participant_id, from_organisation_id, from_user_id, to_organisation_id, reason_category,
                           reason, status, sent_at, closed_at)
     SELECT r.id, r."participantId", p.owner_organisation_id, $2, r."toOrganisation", 'LONG_TERM_UNEMPLOYMENT',
            'a referral in the matrix', r.status, CASE WHEN r.status <> 'DRAFT' THEN now() - interval '500 days' END,
            now() - make_interval(secs => r."closedDaysAgo" * 86400)
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "participantId" uuid, "toOrganisation" uuid, status text,
            "closedDaysAgo" float8)
       JOIN participants p ON p.id = r."participantId"`,
    [json(world.referrals), firstUser],
  );
  await db.query('COMMIT');
}

const RESET = `TRUNCATE organisations, users, partnerships, data_sharing_agreements, participants, consents, legal_bases,
                        break_glass_grants, access_log, outbox CASCADE`;

// ------------------------------------------------------------------- checking

const key = (r: Reader, participantId: string, purpose: string) =>
  `${r.userId}|${r.organisationId}|${participantId}|${purpose}`;

interface Decision {
  categories: string[];
  basis: string;
  consent_ids: string[];
  legal_basis_ids: string[];
  break_glass_grant_id: string | null;
}

const totals = { scenarios: 0, decisions: 0, listQueries: 0, serviceReads: 0 };
/** How often the generated worlds reach each interesting case (checked to be non-zero): shown across organisations, hidden from a reader who knows the participant. */
const covered: Record<string, number> = {
  CONSENT: 0,
  LEGAL_BASIS: 0,
  BREAK_GLASS: 0,
  consentToPartnership: 0,
  partnershipWideCeilingOnly: 0,
  specialCategoryShown: 0,
  criminalRecordShownUnderBreakGlass: 0,
  hiddenAsCONSENT_WITHDRAWN: 0,
  hiddenAsCONSENT_EXPIRED: 0,
  hiddenAsBEYOND_AGREEMENT: 0,
  hiddenAsNO_CONSENT: 0,
  hiddenAsROLE: 0,
  /** In explanations (c) of any decision: a reader who knows the participant sees it only for CRIMINAL_RECORD under break-glass. */
  explainedAsNO_OPEN_REFERRAL: 0,
  unknownDespiteLiveBreakGlass: 0,
  /** Shown for REFERRAL on consent or legal basis with no referral open, one closed within the days. */
  shownThroughRecentlyClosedReferral: 0,
  /** Known only to the oracle's referral condition: a live consent within the agreement, no referral, hidden. */
  unknownForWantOfAReferral: 0,
};

function countCoverage(
  world: World,
  reader: Reader,
  purpose: string,
  expected: Expected,
  redactions: { reason: string }[],
): void {
  const owner = world.participants.find((p) => p.id === expected.participantId)!.owner;
  const glass = world.breakGlass.some(
    (g) =>
      g.live &&
      g.participantId === expected.participantId &&
      g.organisationId === reader.organisationId &&
      g.userId === reader.userId,
  );
  if (glass && !expected.known) covered.unknownDespiteLiveBreakGlass++;
  if (purpose === 'REFERRAL' && owner !== reader.organisationId) {
    const toReader = world.referrals.filter(
      (r) => r.participantId === expected.participantId && r.toOrganisation === reader.organisationId,
    );
    const openNow = toReader.some((r) => OPEN_REFERRAL_STATUSES.includes(r.status));
    if (expected.known && expected.basis !== 'BREAK_GLASS' && !openNow) covered.shownThroughRecentlyClosedReferral++;
    if (
      !expected.known &&
      expectedAccess(
        { ...world, referrals: everOpen(world, expected.participantId, reader) },
        reader,
        expected.participantId,
        purpose,
      ).known
    )
      covered.unknownForWantOfAReferral++;
  }
  for (const r of redactions) {
    if (r.reason === 'NO_OPEN_REFERRAL') covered.explainedAsNO_OPEN_REFERRAL++;
    else if (expected.known) covered[`hiddenAs${r.reason}`]++;
  }
  if (!expected.known || owner === reader.organisationId) return;
  covered[expected.basis!]++;
  if (expected.consentIds.some((id) => world.consents.find((c) => c.id === id)!.toPartnership !== null))
    covered.consentToPartnership++;
  const twoParty = world.agreements.some(
    (a) =>
      a.status === 'ACTIVE' &&
      a.partnershipId === null &&
      a.purposes.includes(purpose) &&
      a.parties.includes(owner) &&
      a.parties.includes(reader.organisationId) &&
      a.validFrom <= world.today &&
      (a.validUntil === null || a.validUntil >= world.today),
  );
  if (!twoParty && expected.basis !== 'BREAK_GLASS') covered.partnershipWideCeilingOnly++;
  if (expected.categories.some((c) => c === 'HEALTH' || c === 'ADDICTION' || c === 'CRIMINAL_RECORD'))
    covered.specialCategoryShown++;
  if (expected.basis === 'BREAK_GLASS' && expected.categories.includes('CRIMINAL_RECORD'))
    covered.criminalRecordShownUnderBreakGlass++;
}

/** The world with a SENT referral of the participant to the reader added. */
function everOpen(world: World, participantId: string, reader: Reader): World['referrals'] {
  return [
    ...world.referrals,
    { id: 'added', participantId, toOrganisation: reader.organisationId, status: 'SENT', closedDaysAgo: null },
  ];
}

/** Problems found in one scenario: a leak is named as such. */
class Findings {
  readonly problems: string[] = [];
  check(ok: boolean, what: () => string): void {
    if (!ok) this.problems.push(what());
  }
  leak(shown: readonly string[], expected: Expected, where: string): void {
    const extra = shown.filter((c) => !expected.categories.includes(c as Category));
    if (extra.length) this.problems.push(`UNAUTHORISED READ ${where}: ${extra.join(', ')}`);
  }
}

function sameDecision(actual: Decision | undefined, expected: Expected, where: string, f: Findings): void {
  if (!expected.known) {
    f.check(
      actual === undefined,
      () => `UNAUTHORISED READ ${where}: oracle says unknown, SQL ${JSON.stringify(actual)}`,
    );
    return;
  }
  if (!actual) {
    f.problems.push(`${where}: oracle ${JSON.stringify(expected)}, SQL gave no row`);
    return;
  }
  f.leak(actual.categories, expected, where);
  const got = {
    categories: [...actual.categories].sort(),
    basis: actual.basis,
    consentIds: [...actual.consent_ids].sort(),
    legalBasisIds: [...actual.legal_basis_ids].sort(),
  };
  const want = {
    categories: expected.categories,
    basis: expected.basis,
    consentIds: expected.consentIds,
    legalBasisIds: expected.legalBasisIds,
  };
  f.check(
    JSON.stringify(got) === JSON.stringify(want),
    () => `${where}: oracle ${JSON.stringify(want)}, SQL ${JSON.stringify(got)}`,
  );
  f.check(
    expected.breakGlassGrantIds.length === 0
      ? actual.break_glass_grant_id === null
      : expected.breakGlassGrantIds.includes(actual.break_glass_grant_id ?? ''),
    () =>
      `${where}: break-glass grant ${actual.break_glass_grant_id}, expected one of ${expected.breakGlassGrantIds.join(',')}`,
  );
}

/** The facts explainAccess takes, built from the world as the rule describes them. */
function factsFor(world: World, reader: Reader, participantId: string, purpose: string): AccessFacts {
  const owner = world.participants.find((p) => p.id === participantId)!.owner;
  const rights = ROLE_RIGHTS[reader.role as AppRole];
  const isOwner = owner === reader.organisationId;
  const member = (o: string, p: string) => world.partnerships.some((x) => x.id === p && x.members.includes(o));
  const live = (x: { validFrom: string; validUntil: string | null }) =>
    x.validFrom <= world.today && (x.validUntil === null || x.validUntil >= world.today);
  const openReferral =
    isOwner ||
    purpose !== 'REFERRAL' ||
    world.referrals.some(
      (r) =>
        r.participantId === participantId &&
        r.toOrganisation === reader.organisationId &&
        (['SENT', 'ACCEPTED', 'IN_PROGRESS'].includes(r.status) ||
          (r.closedDaysAgo !== null && r.closedDaysAgo < world.referralAccessDays)),
    );
  return {
    isOwner,
    roleCategories: isOwner ? rights.own : rights.partner,
    consents: isOwner
      ? []
      : world.consents
          .filter(
            (c) =>
              c.participantId === participantId &&
              c.purposes.includes(purpose) &&
              (c.toOrganisation === reader.organisationId ||
                (c.toPartnership !== null && member(reader.organisationId, c.toPartnership))),
          )
          .map((c) => ({
            id: c.id,
            categories: c.categories as DataCategory[],
            validFrom: c.validFrom,
            validUntil: c.validUntil,
            withdrawn: c.withdrawn,
          })),
    legalBasisCategories: isOwner
      ? []
      : ([
          ...new Set(
            world.legalBases
              .filter((l) => l.owner === owner && l.recipient === reader.organisationId && l.purpose === purpose)
              .filter((l) => !l.revoked && live(l))
              .flatMap((l) => l.categories),
          ),
        ] as DataCategory[]),
    ceiling: isOwner
      ? []
      : ([
          ...new Set(
            world.agreements
              .filter((a) => a.status === 'ACTIVE' && live(a) && a.purposes.includes(purpose))
              .filter((a) =>
                a.partnershipId === null
                  ? a.parties.includes(owner) && a.parties.includes(reader.organisationId)
                  : member(owner, a.partnershipId) && member(reader.organisationId, a.partnershipId),
              )
              .flatMap((a) => a.categories),
          ),
        ] as DataCategory[]),
    breakGlass:
      !isOwner &&
      world.breakGlass.some(
        (g) =>
          g.live &&
          g.participantId === participantId &&
          g.organisationId === reader.organisationId &&
          g.userId === reader.userId,
      ),
    openReferral,
    today: world.today,
  };
}

/** Every hidden category has exactly one reason, and the reason is true of the facts. */
function checkRedactions(
  facts: AccessFacts,
  visible: readonly string[],
  redactions: readonly { category: string; reason: RedactionReason }[],
  where: string,
  f: Findings,
): void {
  const hidden = CATEGORIES.filter((c) => !visible.includes(c));
  f.check(
    JSON.stringify(redactions.map((r) => r.category).sort()) === JSON.stringify([...hidden].sort()),
    () => `${where}: redactions ${JSON.stringify(redactions)} for hidden ${hidden.join(',')}`,
  );
  const liveConsents = facts.consents.filter(
    (c) => !c.withdrawn && c.validFrom <= facts.today && (c.validUntil === null || c.validUntil >= facts.today),
  );
  const granted = new Set([...liveConsents.flatMap((c) => c.categories), ...facts.legalBasisCategories]);
  for (const { category, reason } of redactions) {
    const c = category as DataCategory;
    const naming = facts.consents.filter((x) => x.categories.includes(c));
    const truth: Record<RedactionReason, boolean> = {
      ROLE: !facts.roleCategories.includes(c),
      BEYOND_AGREEMENT: granted.has(c) && !facts.ceiling.includes(c),
      CONSENT_WITHDRAWN: naming.some((x) => x.withdrawn),
      CONSENT_EXPIRED: naming.some((x) => x.validUntil !== null && x.validUntil < facts.today),
      NO_CONSENT: !granted.has(c),
      NO_OPEN_REFERRAL: granted.has(c) && facts.ceiling.includes(c) && !facts.openReferral,
    };
    f.check(
      truth[reason],
      () => `${where}: ${category} hidden with reason ${reason}, untrue of ${JSON.stringify(facts)}`,
    );
  }
}

describe('permission matrix: participant_access, the list condition and explainAccess against the oracle', () => {
  let database: TestDatabase;
  let db: Client;
  let dataSource: DataSource;
  let access: AccessService;
  let participants: ParticipantsService;
  let today: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    // As the app's connections (libs/core): the rule's statements are cheap probes with a high estimated cost.
    db = new Client({ connectionString: database.url, options: '-c jit=off' });
    await db.connect();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    const config: Pick<AppConfig, 'referrals'> = {
      referrals: { sweepIntervalSeconds: 300, dueSoonHours: 48, accessDaysAfterClose: ACCESS_DAYS },
    };
    access = new AccessService(config);
    participants = new ParticipantsService(dataSource, access);
    today = (await db.query<{ today: string }>(`SELECT current_date::text AS today`)).rows[0].today;
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.end();
    await database?.drop();
  });

  it('the role rights the application passes to the database are the specified ones', () => {
    for (const role of ROLES) {
      expect([...ROLE_RIGHTS[role as AppRole].own].sort()).toEqual([...SPEC_ROLE_RIGHTS[role].own].sort());
      expect([...ROLE_RIGHTS[role as AppRole].partner].sort()).toEqual([...SPEC_ROLE_RIGHTS[role].partner].sort());
    }
  });

  it(`agrees with the oracle on every decision of ${RUNS} generated scenarios (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        await db.query(RESET);
        const world = toWorld(scenario, today);
        await insert(db, scenario, world);
        const f = new Findings();
        const everyone = readers(scenario);

        // (a) the SQL function `participant_access` for every (reader, participant, purpose), and its set-based
        // form `participants_access` for every (reader, purpose) over all participants: one statement each
        const decisions = async (function_: string, name: string) => {
          const { rows } = await db.query<
            Decision & { user_id: string; organisation_id: string; participant_id: string; purpose: string }
          >(
            `SELECT r.user_id::text, r.organisation_id::text, acc.participant_id::text, pu.purpose, acc.categories,
                    acc.basis, acc.consent_ids::text[], acc.legal_basis_ids::text[], acc.break_glass_grant_id::text
               FROM jsonb_to_recordset($1::jsonb) AS r(user_id uuid, organisation_id uuid, own text[], partner text[])
              CROSS JOIN unnest($2::text[]) AS pu(purpose)
              CROSS JOIN LATERAL ${function_} acc`,
            [
              JSON.stringify(
                everyone.map((r) => ({
                  user_id: r.userId,
                  organisation_id: r.organisationId,
                  own: ROLE_RIGHTS[r.role as AppRole].own,
                  partner: ROLE_RIGHTS[r.role as AppRole].partner,
                })),
              ),
              PURPOSES,
              today,
              ACCESS_DAYS,
            ],
          );
          const byKey = new Map<string, Decision>();
          for (const row of rows) {
            const k = `${row.user_id}|${row.organisation_id}|${row.participant_id}|${row.purpose}`;
            f.check(!byKey.has(k), () => `${name} gave two rows for ${k}`);
            byKey.set(k, row);
          }
          return byKey;
        };
        const decided = await decisions(
          `(SELECT p.id AS participant_id, a.* FROM participants p
              CROSS JOIN LATERAL participant_access(p.id, p.owner_organisation_id, r.organisation_id, r.user_id,
                                                    pu.purpose, r.own, r.partner, $3::date, $4::integer) a)`,
          'participant_access',
        );
        const setDecided = await decisions(
          `participants_access((SELECT array_agg(id) FROM participants), r.organisation_id, r.user_id, pu.purpose,
                               r.own, r.partner, $3::date, $4::integer)`,
          'participants_access',
        );

        for (const reader of everyone) {
          for (const purpose of PURPOSES) {
            const expectedIds: string[] = [];
            for (const p of world.participants) {
              const expected = expectedAccess(world, reader, p.id, purpose);
              const where = `${reader.role} of ${reader.organisationId} (user ${reader.userId}) reading ${p.id} of ${p.owner} for ${purpose}`;
              totals.decisions++;
              if (expected.known) expectedIds.push(p.id);
              sameDecision(decided.get(key(reader, p.id, purpose)), expected, `(a) ${where}`, f);
              sameDecision(setDecided.get(key(reader, p.id, purpose)), expected, `(a, set-based) ${where}`, f);

              // (c) explainAccess, fed with the facts
              const facts = factsFor(world, reader, p.id, purpose);
              const explanation = explainAccess(facts);
              f.leak(explanation.visible, expected, `(c) ${where}`);
              f.check(
                JSON.stringify([...explanation.visible].sort()) === JSON.stringify(expected.categories) &&
                  explanation.basis === expected.basis,
                () => `(c) ${where}: oracle ${JSON.stringify(expected)}, explainAccess ${JSON.stringify(explanation)}`,
              );
              checkRedactions(facts, explanation.visible, explanation.redactions, `(c) ${where}`, f);
              countCoverage(world, reader, purpose, expected, explanation.redactions);
            }

            // (b) the list form, exactly as the participants list decides: the owners' facts once, then
            // participant_decision per participant in page order
            const context = {
              userId: reader.userId,
              membership: { organisationId: reader.organisationId, role: reader.role as AppRole },
              purpose: purpose as never,
            };
            const from = `FROM participants p ${access.decide('p', 1)}`;
            // The page order and the count of the list, and the explanation facts the services read with
            // them (`AccessService.facts`), in one round trip.
            const { rows: listed } = await prepared<{
              ids: string[] | null;
              count: number;
              facts: ({ id: string; basis: AccessBasis } & AccessFactColumns)[] | null;
            }>(
              db,
              `WITH access_owners AS MATERIALIZED (${access.owners(1)})
               SELECT (SELECT array_agg(p.id::text ORDER BY p.created_at DESC, p.id DESC) ${from}) AS ids,
                      (SELECT count(*)::int ${from}) AS count,
                      (SELECT jsonb_agg(to_jsonb(d) || coalesce(to_jsonb(fact), '{}'))
                         FROM (SELECT p.id, p.owner_organisation_id, access.* ${from}) d ${access.facts('d', 1)}) AS facts`,
              access.parameters(context),
            );
            // (e) the facts read from the database explain exactly what the facts of the world explain
            for (const row of listed[0].facts ?? []) {
              const fromDatabase = access.explainRow(context, row);
              const fromWorld = explainAccess(factsFor(world, reader, row.id, purpose));
              f.check(
                JSON.stringify(fromDatabase) === JSON.stringify(fromWorld),
                () =>
                  `(e) ${reader.role} of ${reader.organisationId} explaining ${row.id} for ${purpose}: from the database ${JSON.stringify(fromDatabase)}, from the world ${JSON.stringify(fromWorld)}`,
              );
            }
            totals.listQueries++;
            const ids = listed[0].ids ?? [];
            const where = `(b) ${reader.role} of ${reader.organisationId} listing for ${purpose}`;
            const unauthorised = ids.filter((id) => !expectedIds.includes(id));
            f.check(unauthorised.length === 0, () => `UNAUTHORISED READ ${where}: listed ${unauthorised.join(', ')}`);
            f.check(
              JSON.stringify([...ids].sort()) === JSON.stringify([...expectedIds].sort()) &&
                listed[0].count === expectedIds.length,
              () => `${where}: oracle ${expectedIds.join(',')}, list ${ids.join(',')} (count ${listed[0].count})`,
            );
          }
        }

        // (d) the services the API calls, for one sampled reader and purpose
        await throughServices(world, scenario, f);

        totals.scenarios++;
        if (f.problems.length) {
          throw new Error(
            `${f.problems.length} disagreement(s) (seed ${SEED}):\n${f.problems.slice(0, 20).join('\n')}`,
          );
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: process.env.PERMISSION_MATRIX_SHRINK === 'false' },
    );
    // The generator must reach the interesting cases, or the agreement above says little.
    expect(totals.scenarios).toBeGreaterThanOrEqual(Math.min(RUNS, 100));
    console.info(
      `permission matrix (seed ${SEED}): ${JSON.stringify(totals)}, cross-organisation reads shown ${JSON.stringify(covered)}; 0 unauthorised reads, 0 disagreements`,
    );
    for (const [what, count] of Object.entries(covered)) expect([what, count > 0]).toEqual([what, true]);
    expect(covered.CONSENT + covered.LEGAL_BASIS + covered.BREAK_GLASS).toBeGreaterThan(RUNS);
  }, 300_000); // ~30 s on the embedded PostgreSQL 18, ~55 s on PostgreSQL 15, more with the suite beside it

  async function throughServices(world: World, scenario: Scenario, f: Findings): Promise<void> {
    const reader = readers(scenario)[scenario.probe.membership];
    const purpose = scenario.probe.purpose;
    const memberships = readers(scenario)
      .filter((r) => r.userId === reader.userId)
      .map((r) => ({ organisationId: r.organisationId, role: r.role as AppRole }));
    const actor = new Actor(reader.userId, memberships);
    const args = { purpose: purpose as never, asOrganisationId: reader.organisationId };
    const expectedFor = new Map(world.participants.map((p) => [p.id, expectedAccess(world, reader, p.id, purpose)]));
    const where = `(d) ${reader.role} of ${reader.organisationId} for ${purpose}`;
    const crossOrganisation = (id: string) =>
      world.participants.find((p) => p.id === id)!.owner !== reader.organisationId;

    const checkNode = (node: Record<string, any>, how: string) => {
      const expected = expectedFor.get(node.id as string)!;
      const shown = CATEGORIES.filter((c) => node[FIELD[c]] !== null);
      f.leak(shown, expected, `${where} ${how} ${node.id}`);
      f.check(
        JSON.stringify(shown) === JSON.stringify(CATEGORIES.filter((c) => expected.categories.includes(c))) &&
          JSON.stringify([...node.access.visibleCategories].sort()) === JSON.stringify(expected.categories) &&
          node.access.basis === expected.basis,
        () =>
          `${where} ${how} ${node.id}: fields ${shown.join(',')} basis ${node.access.basis}, oracle ${JSON.stringify(expected)}`,
      );
      for (const c of shown) {
        f.check(
          node[FIELD[c]].secret === `${node.id}/${c}`,
          () => `${where} ${how} ${node.id}: ${c} holds another row's data`,
        );
      }
      const facts = factsFor(world, reader, node.id as string, purpose);
      checkRedactions(facts, expected.categories, node.redactions, `${where} ${how} ${node.id}`, f);
    };

    // Every page of the list, `first` at a time.
    const expectedIds = world.participants
      .map((p, n) => ({ id: p.id, n }))
      .filter((p) => expectedFor.get(p.id)!.known)
      .sort((a, b) => a.n - b.n) // created n minutes ago: newest first
      .map((p) => p.id);
    const listedIds: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page++) {
      const connection = await participants.list(
        actor,
        { ...args, first: scenario.probe.first, after },
        { count: true, explain: true },
      );
      totals.serviceReads++;
      f.check(
        connection.totalCount === expectedIds.length,
        () => `${where} list: totalCount ${connection.totalCount}, oracle ${expectedIds.length}`,
      );
      for (const edge of connection.edges) {
        listedIds.push(edge.node.id);
        checkNode(edge.node as never, 'list');
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor ?? undefined;
    }
    f.check(
      JSON.stringify(listedIds) === JSON.stringify(expectedIds),
      () => `${where} list pages: ${listedIds.join(',')}, oracle ${expectedIds.join(',')}`,
    );

    // One access-log row per participant read across organisations, with what was disclosed.
    const logged = await db.query<{
      participant_id: string;
      categories: string[];
      basis: string;
      consent_ids: string[];
      purpose: string;
    }>(
      `SELECT participant_id::text, categories, basis, consent_ids::text[], purpose FROM access_log
        WHERE actor_user_id = $1 AND actor_organisation_id = $2 AND operation = 'participants'`,
      [reader.userId, reader.organisationId],
    );
    const crossIds = expectedIds.filter(crossOrganisation);
    f.check(
      JSON.stringify(logged.rows.map((r) => r.participant_id).sort()) === JSON.stringify([...crossIds].sort()),
      () =>
        `${where} list: logged ${logged.rows.map((r) => r.participant_id).join(',')}, read across organisations ${crossIds.join(',')}`,
    );
    for (const row of logged.rows) {
      const expected = expectedFor.get(row.participant_id)!;
      f.check(
        row.purpose === purpose &&
          row.basis === expected.basis &&
          JSON.stringify([...row.categories].sort()) === JSON.stringify(expected.categories) &&
          JSON.stringify([...row.consent_ids].sort()) === JSON.stringify(expected.consentIds),
        () => `${where} list: log row ${JSON.stringify(row)}, oracle ${JSON.stringify(expected)}`,
      );
    }

    // The batched read (a referral page's participants): every participant asked for at once, null for
    // those one may not know; the same decision and one log row per participant read across organisations.
    await db.query(`DELETE FROM access_log`);
    const everyId = world.participants.map((p) => p.id);
    const batch = await participants.getMany(actor, [...everyId, everyId[0]], args);
    totals.serviceReads++;
    f.check(batch.length === everyId.length + 1, () => `${where} getMany: ${batch.length} answers`);
    everyId.forEach((id, i) => {
      const node = batch[i];
      if (!expectedFor.get(id)!.known) {
        f.check(node === null, () => `UNAUTHORISED READ ${where} getMany ${id}: served, oracle says unknown`);
        return;
      }
      f.check(node?.id === id, () => `${where} getMany ${id}: ${node ? `answered ${node.id}` : 'null'}`);
      if (node) checkNode(node as never, 'getMany');
    });
    f.check(batch[everyId.length]?.id === batch[0]?.id, () => `${where} getMany: a repeated id answered differently`);
    const batchLogged = await db.query<{ participant_id: string; categories: string[]; basis: string }>(
      `SELECT participant_id::text, categories, basis FROM access_log
        WHERE actor_user_id = $1 AND actor_organisation_id = $2 AND operation = 'participants'`,
      [reader.userId, reader.organisationId],
    );
    f.check(
      JSON.stringify(batchLogged.rows.map((r) => r.participant_id).sort()) === JSON.stringify([...crossIds].sort()),
      () =>
        `${where} getMany: logged ${batchLogged.rows.map((r) => r.participant_id).join(',')}, read across organisations ${crossIds.join(',')}`,
    );
    for (const row of batchLogged.rows) {
      const expected = expectedFor.get(row.participant_id)!;
      f.check(
        row.basis === expected.basis &&
          JSON.stringify([...row.categories].sort()) === JSON.stringify(expected.categories),
        () => `${where} getMany: log row ${JSON.stringify(row)}, oracle ${JSON.stringify(expected)}`,
      );
    }

    // Single reads: the same decision; NOT_FOUND for a participant one may not know; one log row each.
    await db.query(`DELETE FROM access_log`);
    const singles = world.participants.filter((_, i) => scenario.probe.singles.includes(i));
    for (const p of singles) {
      const expected = expectedFor.get(p.id)!;
      totals.serviceReads++;
      try {
        const node = await participants.get(actor, p.id, args);
        f.check(expected.known, () => `UNAUTHORISED READ ${where} get ${p.id}: served, oracle says unknown`);
        checkNode(node as never, 'get');
        const explanation = await participants.explain(actor, p.id, args);
        f.check(
          JSON.stringify([...explanation.visibleCategories].sort()) === JSON.stringify(expected.categories),
          () => `${where} explain ${p.id}: ${JSON.stringify(explanation)}, oracle ${JSON.stringify(expected)}`,
        );
        checkRedactions(
          factsFor(world, reader, p.id, purpose),
          expected.categories,
          explanation.redactions,
          `${where} explain ${p.id}`,
          f,
        );
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        f.check(!expected.known, () => `${where} get ${p.id}: NOT_FOUND, oracle ${JSON.stringify(expected)}`);
      }
    }
    const single = await db.query<{ participant_id: string }>(
      `SELECT participant_id::text FROM access_log WHERE operation = 'participant'`,
    );
    const singleCrossIds = crossIds.filter((id) => singles.some((p) => p.id === id));
    f.check(
      JSON.stringify(single.rows.map((r) => r.participant_id).sort()) === JSON.stringify([...singleCrossIds].sort()),
      () =>
        `${where} get: logged ${single.rows.map((r) => r.participant_id).join(',')}, read across organisations ${singleCrossIds.join(',')}`,
    );
  }
});
