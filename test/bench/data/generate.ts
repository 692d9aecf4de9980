import { Client } from 'pg';
import { Role } from '@app/authz';
import {
  BENCH_ORGANISATIONS,
  BENCH_PASSWORD,
  BenchOrganisation,
  FORWARD_TO,
  OWNERS,
  benchUuid,
  caseworkerEmail,
} from './organisations';
import type { BenchUser } from '../figure';

/**
 * The bench data, generated with set-based SQL (INSERT … SELECT over
 * generate_series), deterministic: row n of a table gets the same id and
 * values in every run, from a hash of n (`pg_temp.h`). A database can be grown
 * from one size to a larger one by generating the rows in between.
 */

export type Scale = 'small' | 'medium' | 'large';

/** Referrals per scale; participants are half as many (about two referrals each). */
export const REFERRALS: Record<Scale, number> = { small: 10_000, medium: 100_000, large: 1_000_000 };

export interface Size {
  referrals: number;
  participants: number;
}

export const sizeOf = (scale: Scale): Size => ({ referrals: REFERRALS[scale], participants: REFERRALS[scale] / 2 });

/** Rows per statement: keeps the temporary tables and each statement's memory moderate. */
const REFERRAL_CHUNK = 250_000;

const STATUS_PATHS: Record<string, string[]> = {
  DRAFT: ['DRAFT'],
  SENT: ['DRAFT', 'SENT'],
  ACCEPTED: ['DRAFT', 'SENT', 'ACCEPTED'],
  DECLINED: ['DRAFT', 'SENT', 'DECLINED'],
  IN_PROGRESS: ['DRAFT', 'SENT', 'ACCEPTED', 'IN_PROGRESS'],
  COMPLETED: ['DRAFT', 'SENT', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED'],
  DROPPED_OUT: ['DRAFT', 'SENT', 'ACCEPTED', 'IN_PROGRESS', 'DROPPED_OUT'],
  CANCELLED: ['DRAFT', 'SENT', 'CANCELLED'],
  EXPIRED: ['DRAFT', 'SENT', 'EXPIRED'],
  FORWARDED: ['DRAFT', 'SENT', 'ACCEPTED', 'FORWARDED'],
};

/** Percent of referrals in each status (cumulative buckets of h % 100). */
const STATUS_SHARE: [string, number][] = [
  ['DRAFT', 5],
  ['SENT', 25],
  ['ACCEPTED', 15],
  ['IN_PROGRESS', 20],
  ['COMPLETED', 15],
  ['DECLINED', 8],
  ['DROPPED_OUT', 4],
  ['CANCELLED', 3],
  ['EXPIRED', 3],
  ['FORWARDED', 2],
];

/** The outbox event type of the step that reached each status (as ReferralsService writes them). */
const EVENT_OF_STATUS: Record<string, string> = {
  SENT: 'referral.send',
  ACCEPTED: 'referral.accept',
  DECLINED: 'referral.decline',
  IN_PROGRESS: 'referral.start',
  COMPLETED: 'referral.complete',
  DROPPED_OUT: 'referral.drop_out',
  CANCELLED: 'referral.cancel',
  EXPIRED: 'referral.expire',
  FORWARDED: 'referral.forward',
};

/** Steps the recipient takes (the sender takes the others; EXPIRED is the system's). */
const RECIPIENT_STEPS = ['ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'DROPPED_OUT', 'FORWARDED'];

/** Categories a participant's data holds, with the percent of participants that have each. */
const CATEGORY_SHARE: [string, number][] = [
  ['IDENTITY', 100],
  ['CONTACT', 100],
  ['ADDRESS', 90],
  ['EMPLOYMENT', 80],
  ['EDUCATION', 70],
  ['BENEFITS', 40],
  ['FAMILY', 30],
  ['HOUSING', 20],
  ['HEALTH', 20],
  ['ADDICTION', 5],
  ['CRIMINAL_RECORD', 3],
];

/** What the bilateral agreements share (HOUSING and the art. 9/10 categories but HEALTH stay outside). */
const AGREEMENT_CATEGORIES = [
  'IDENTITY',
  'CONTACT',
  'ADDRESS',
  'EMPLOYMENT',
  'EDUCATION',
  'BENEFITS',
  'FAMILY',
  'HEALTH',
];

const FIRST_NAMES = [
  'Anna', 'Maria', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Krystyna', 'Elżbieta', 'Zofia',
  'Jan', 'Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Paweł', 'Marcin', 'Michał', 'Grzegorz', 'Józef',
]; // prettier-ignore
const LAST_NAMES = [
  'Nowak', 'Wójcik', 'Kowalczyk', 'Woźniak', 'Mazur', 'Krawczyk', 'Kaczmarek', 'Zając', 'Król', 'Wieczorek',
  'Wróbel', 'Dudek', 'Stępień', 'Pawlak', 'Walczak', 'Sikora', 'Baran', 'Michalak', 'Szewczyk', 'Pietrzak',
  'Jabłońska', 'Majewski', 'Olszewska', 'Jaworski', 'Malinowska', 'Adamczyk', 'Górski', 'Nowicka', 'Witkowski', 'Rutkowska',
]; // prettier-ignore
const STREETS = [
  'Jagiellońska',
  'Piłsudskiego',
  'Sowińskiego',
  'Kościuszki',
  'Warszawska',
  'Zegrzyńska',
  'Polna',
  'Leśna',
];
const REASONS = [
  'Długotrwale bezrobotny, potrzebuje reintegracji zawodowej',
  'Zagrożenie wykluczeniem społecznym, brak doświadczenia zawodowego',
  'Po zakończonej terapii uzależnień, gotowość do podjęcia zatrudnienia',
  'Osoba bezdomna w programie wychodzenia z bezdomności',
  'Orzeczony stopień niepełnosprawności, potrzebne wsparcie trenera pracy',
  'Po opuszczeniu zakładu karnego, wsparcie w powrocie na rynek pracy',
  'Samotny rodzic, potrzebne szkolenie zawodowe',
];
const REASON_CATEGORIES = [
  'LONG_TERM_UNEMPLOYMENT',
  'SOCIAL_EXCLUSION_RISK',
  'ADDICTION_RECOVERY',
  'HOMELESSNESS',
  'DISABILITY',
  'AFTER_PRISON',
  'OTHER',
];

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[]) => `ARRAY[${values.map(literal).join(', ')}]::text[]`;

/** The runner's view of the set-up: who exists, by key. */
export interface BenchDirectory {
  organisations: Record<string, string>;
  users: BenchUser[];
  partnershipId: string;
}

export function benchDirectory(): BenchDirectory {
  const organisations = Object.fromEntries(BENCH_ORGANISATIONS.map((o) => [o.key, benchUuid(`organisation:${o.key}`)]));
  return { organisations, users: benchUsers(organisations), partnershipId: benchUuid('partnership') };
}

function benchUsers(organisations: Record<string, string>): BenchUser[] {
  const user = (email: string, key: string, role: Role): BenchUser => ({
    email,
    userId: benchUuid(`user:${email}`),
    organisationId: organisations[key],
    role,
  });
  const users: BenchUser[] = [user('admin@bench.local', 'starostwo', Role.PLATFORM_ADMIN)];
  for (const o of BENCH_ORGANISATIONS) {
    if (o.key !== 'starostwo') users.push(user(`${o.key}.admin@bench.local`, o.key, Role.PARTNER_ADMIN));
    if (o.coordinator) users.push(user(`${o.key}.coordinator@bench.local`, o.key, Role.COORDINATOR));
    for (let n = 1; n <= o.caseworkers; n++) users.push(user(caseworkerEmail(o.key, n), o.key, Role.CASEWORKER));
  }
  users.push(user('pup.auditor@bench.local', 'pup', Role.AUDITOR));
  return users;
}

/** Session settings for loading: no waiting for WAL flushes, roomy sorts, and no per-row FK triggers if allowed. */
export async function prepareSession(db: Client): Promise<{ foreignKeyChecks: boolean }> {
  await db.query(`SET synchronous_commit = off`);
  await db.query(`SET work_mem = '64MB'`);
  await db.query(`SET maintenance_work_mem = '256MB'`);
  let foreignKeyChecks = true;
  try {
    // The generated rows reference each other by construction; skipping the RI triggers (superusers only)
    // makes loading several times faster. Tables, constraints and indexes stay as the migrations made them.
    await db.query(`SET session_replication_role = replica`);
    foreignKeyChecks = false;
  } catch {
    // not a superuser: keep the checks
  }
  await db.query(`
    CREATE OR REPLACE FUNCTION pg_temp.h(n bigint, salt integer) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT hashint8(n * 64 + salt) & 2147483647 $$`);
  await db.query(`
    CREATE OR REPLACE FUNCTION pg_temp.id(name text) RETURNS uuid
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT overlay(overlay(md5(name) placing '4' from 13) placing '8' from 17)::uuid $$`);
  await lookupTables(db);
  return { foreignKeyChecks };
}

/** Small lookup tables the set-based statements join: owner by bucket, recipient by (owner, bucket), statuses. */
async function lookupTables(db: Client): Promise<void> {
  const byKey = new Map(BENCH_ORGANISATIONS.map((o) => [o.key, o]));
  const buckets = (shares: [string, number][]) => {
    const rows: [number, string][] = [];
    let bucket = 0;
    for (const [key, share] of shares) for (let i = 0; i < share; i++) rows.push([bucket++, key]);
    if (bucket !== 100) throw new Error(`shares add up to ${bucket}, not 100`);
    return rows;
  };
  const org = (key: string): BenchOrganisation => byKey.get(key) ?? fail(`unknown organisation ${key}`);

  await db.query(`DROP TABLE IF EXISTS pg_temp.bench_owner, pg_temp.bench_recipient, pg_temp.bench_path,
                                       pg_temp.bench_status, pg_temp.bench_category`);
  await db.query(
    `CREATE TEMP TABLE bench_owner (bucket integer PRIMARY KEY, key text, caseworkers integer, city text, postal_code text)`,
  );
  await db.query(
    `INSERT INTO bench_owner SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS r(bucket integer, key text, caseworkers integer, city text, postal_code text)`,
    [
      JSON.stringify(
        buckets(OWNERS.map((o) => [o.key, o.share])).map(([bucket, key]) => ({
          bucket,
          key,
          caseworkers: org(key).caseworkers,
          city: org(key).city,
          postal_code: org(key).postalCode,
        })),
      ),
    ],
  );
  await db.query(
    `CREATE TEMP TABLE bench_recipient (owner text, bucket integer, key text, services integer, caseworkers integer,
                                        PRIMARY KEY (owner, bucket))`,
  );
  await db.query(
    `INSERT INTO bench_recipient SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS r(owner text, bucket integer, key text, services integer, caseworkers integer)`,
    [
      JSON.stringify(
        OWNERS.flatMap((o) =>
          buckets(o.recipients).map(([bucket, key]) => ({
            owner: o.key,
            bucket,
            key,
            services: org(key).services.length,
            caseworkers: org(key).caseworkers,
          })),
        ),
      ),
    ],
  );
  await db.query(`CREATE TEMP TABLE bench_path (status text PRIMARY KEY, steps text[])`);
  await db.query(
    `INSERT INTO bench_path SELECT key, ARRAY(SELECT jsonb_array_elements_text(value)) FROM jsonb_each($1::jsonb)`,
    [JSON.stringify(STATUS_PATHS)],
  );
  await db.query(`CREATE TEMP TABLE bench_status (bucket integer PRIMARY KEY, status text)`);
  await db.query(
    `INSERT INTO bench_status SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(bucket integer, status text)`,
    [JSON.stringify(buckets(STATUS_SHARE).map(([bucket, status]) => ({ bucket, status })))],
  );
  await db.query(`CREATE TEMP TABLE bench_category (category text PRIMARY KEY, salt integer, share integer)`);
  await db.query(
    `INSERT INTO bench_category SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(category text, salt integer, share integer)`,
    [JSON.stringify(CATEGORY_SHARE.map(([category, share], i) => ({ category, salt: 20 + i, share })))],
  );
  await db.query(`ANALYZE bench_owner, bench_recipient, bench_path, bench_status, bench_category`);
}

/**
 * Organisations, services, users and memberships, the partnership, and the
 * agreements: ACTIVE bilateral ones for every pair that refers people, one
 * partnership-wide for reporting, one TERMINATED and one PROPOSED.
 */
export async function createSetup(db: Client, passwordHash: string): Promise<BenchDirectory> {
  const directory = benchDirectory();
  const orgId = (key: string) => directory.organisations[key];
  await db.query(
    `INSERT INTO organisations (id, kind, name, short_name, email, street, postal_code, city, county, voivodeship, parent_organisation_id)
     SELECT id, kind, name, short_name, email, street, postal_code, city, 'legionowski', 'mazowieckie', parent
       FROM jsonb_to_recordset($1::jsonb)
         AS r(id uuid, kind text, name text, short_name text, email text, street text, postal_code text, city text, parent uuid)`,
    [
      JSON.stringify(
        BENCH_ORGANISATIONS.map((o) => ({
          id: orgId(o.key),
          kind: o.kind,
          name: o.name,
          short_name: o.shortName,
          email: `sekretariat@${o.key}.bench.local`,
          street: `ul. ${STREETS[o.key.length % STREETS.length]} ${o.name.length}`,
          postal_code: o.postalCode,
          city: o.city,
          parent: o.parent ? orgId(o.parent) : null,
        })),
      ),
    ],
  );
  await db.query(
    `INSERT INTO organisation_services (id, organisation_id, name, description, capacity)
     SELECT id, organisation_id, name, name, capacity FROM jsonb_to_recordset($1::jsonb)
         AS r(id uuid, organisation_id uuid, name text, capacity integer)`,
    [
      JSON.stringify(
        BENCH_ORGANISATIONS.flatMap((o) =>
          o.services.map((s, i) => ({
            id: benchUuid(`service:${o.key}:${i}`),
            organisation_id: orgId(o.key),
            name: s.name,
            capacity: s.capacity,
          })),
        ),
      ),
    ],
  );
  await db.query(
    `INSERT INTO users (id, email, display_name, password_hash)
     SELECT id, email, display_name, $2 FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, email text, display_name text)`,
    [
      JSON.stringify(
        directory.users.map((u, i) => ({
          id: u.userId,
          email: u.email,
          display_name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]}`,
        })),
      ),
      passwordHash,
    ],
  );
  await db.query(
    `INSERT INTO memberships (user_id, organisation_id, role)
     SELECT user_id, organisation_id, role FROM jsonb_to_recordset($1::jsonb) AS r(user_id uuid, organisation_id uuid, role text)`,
    [
      JSON.stringify(
        directory.users.map((u) => ({ user_id: u.userId, organisation_id: u.organisationId, role: u.role })),
      ),
    ],
  );

  await db.query(`INSERT INTO partnerships (id, name, description, lead_organisation_id) VALUES ($1, $2, $3, $4)`, [
    directory.partnershipId,
    'Partnerstwo przeciw wykluczeniu społecznemu (bench)',
    'Partnerstwo instytucjonalne na rzecz reintegracji społeczno-zawodowej mieszkańców powiatu legionowskiego.',
    orgId('cis'),
  ]);
  await db.query(`INSERT INTO partnership_members (partnership_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [
    directory.partnershipId,
    BENCH_ORGANISATIONS.filter((o) => o.key !== 'starostwo').map((o) => orgId(o.key)),
  ]);

  // Every pair that refers (owner → recipient) or forwards (recipient → CIS, CIS → cooperative).
  const pairs = new Map<string, [string, string]>();
  const addPair = (a: string, b: string) => pairs.set([a, b].sort().join('|'), [a, b]);
  for (const owner of OWNERS) {
    for (const [recipient] of owner.recipients) {
      addPair(owner.key, recipient);
      addPair(recipient, recipient === 'cis' ? FORWARD_TO.fromCis : FORWARD_TO.otherwise);
    }
  }
  const admin = (key: string) => benchUuid(`user:${key}.admin@bench.local`);
  const agreements = [...pairs.values()].map(([a, b], i) => ({
    id: benchUuid(`agreement:${a}:${b}`),
    title: `Porozumienie ${a} – ${b}`,
    partnership_id: null,
    status: 'ACTIVE',
    purposes: ['REFERRAL', 'REINTEGRATION_SUPPORT', 'EMPLOYMENT_MEDIATION'],
    data_categories: AGREEMENT_CATEGORIES,
    response_time_days: i % 2 ? 14 : 21,
    proposer: a,
    approver: b,
    parties: [orgId(a), orgId(b)],
  }));
  agreements.push(
    {
      id: benchUuid('agreement:partnership-reporting'),
      title: 'Porozumienie partnerskie o sprawozdawczości',
      partnership_id: directory.partnershipId as unknown as null,
      status: 'ACTIVE',
      purposes: ['REPORTING'],
      data_categories: ['IDENTITY'],
      response_time_days: 30,
      proposer: 'cis',
      approver: 'cis',
      parties: [],
    },
    {
      id: benchUuid('agreement:terminated'),
      title: 'Porozumienie PUP – PIG (rozwiązane)',
      partnership_id: null,
      status: 'TERMINATED',
      purposes: ['EMPLOYMENT_MEDIATION'],
      data_categories: ['IDENTITY', 'CONTACT', 'EDUCATION'],
      response_time_days: 14,
      proposer: 'pup',
      approver: 'pig',
      parties: [orgId('pup'), orgId('pig')],
    },
    {
      id: benchUuid('agreement:proposed'),
      title: 'Porozumienie MFRES – PCIS (projekt)',
      partnership_id: null,
      status: 'PROPOSED',
      purposes: ['REINTEGRATION_SUPPORT'],
      data_categories: ['IDENTITY', 'CONTACT'],
      response_time_days: 14,
      proposer: 'mfres',
      approver: 'cis',
      parties: [orgId('mfres'), orgId('cis')],
    },
  );
  await db.query(
    `INSERT INTO data_sharing_agreements (id, title, partnership_id, status, purposes, data_categories, valid_from, valid_until,
                                          response_time_days, proposed_by_organisation_id, proposed_by_user_id,
                                          approved_by_user_id, approved_at, terminated_by_user_id, terminated_at, termination_reason)
     SELECT a.id, a.title, a.partnership_id, a.status, a.purposes, a.data_categories, current_date - 800, current_date + 730,
            a.response_time_days, a.proposer_org, a.proposer_user,
            CASE WHEN a.status <> 'PROPOSED' THEN a.approver_user END, CASE WHEN a.status <> 'PROPOSED' THEN now() - interval '800 days' END,
            CASE WHEN a.status = 'TERMINATED' THEN a.proposer_user END, CASE WHEN a.status = 'TERMINATED' THEN now() - interval '100 days' END,
            CASE WHEN a.status = 'TERMINATED' THEN 'Zakończenie współpracy' END
       FROM jsonb_to_recordset($1::jsonb) AS a(id uuid, title text, partnership_id uuid, status text, purposes text[],
            data_categories text[], response_time_days integer, proposer_org uuid, proposer_user uuid, approver_user uuid)`,
    [
      JSON.stringify(
        agreements.map((a) => ({
          ...a,
          proposer_org: orgId(a.proposer),
          proposer_user: admin(a.proposer),
          approver_user: admin(a.approver),
        })),
      ),
    ],
  );
  await db.query(
    `INSERT INTO agreement_parties (agreement_id, organisation_id)
     SELECT a.id, unnest(a.parties) FROM jsonb_to_recordset($1::jsonb) AS a(id uuid, parties uuid[])`,
    [JSON.stringify(agreements.map((a) => ({ id: a.id, parties: a.parties })))],
  );
  return directory;
}

/**
 * Adds participants [from.participants, to.participants) with their data and
 * consents, then referrals [from.referrals, to.referrals) with their history
 * and (delivered) outbox events; `epoch` is the generation's "now", so rows are
 * the same whenever they are generated.
 */
export async function generateRows(
  db: Client,
  from: Size,
  to: Size,
  epoch: Date,
  log: (message: string) => void,
): Promise<void> {
  const { partnershipId } = benchDirectory();
  if (to.participants > from.participants) {
    const started = Date.now();
    await generateParticipants(db, from.participants, to.participants, epoch, partnershipId);
    log(`  participants ${from.participants}–${to.participants} with data and consents in ${Date.now() - started} ms`);
  }
  for (let lo = from.referrals; lo < to.referrals; lo += REFERRAL_CHUNK) {
    const hi = Math.min(to.referrals, lo + REFERRAL_CHUNK);
    const started = Date.now();
    await generateReferrals(db, lo, hi, to.participants, epoch);
    log(`  referrals ${lo}–${hi} with history and outbox in ${Date.now() - started} ms`);
  }
}

/**
 * Participant n: owned by an organisation picked by hash (OWNERS' shares),
 * referred to a recipient picked by hash (that owner's recipients); registered
 * within the 760 days before the epoch.
 */
const participantColumns = (n: string) => `
  pg_temp.id('participant:' || ${n}) AS id, o.key AS owner_key, pg_temp.id('organisation:' || o.key) AS owner_id,
  rc.key AS to_key, pg_temp.id('organisation:' || rc.key) AS to_id, rc.services AS to_services, rc.caseworkers AS to_caseworkers,
  pg_temp.id('user:' || o.key || '.caseworker' || (1 + pg_temp.h(${n}, 7) % o.caseworkers) || '@bench.local') AS caseworker_id,
  $1::timestamptz - make_interval(secs => pg_temp.h(${n}, 6) % (760 * 86400)) AS created_at,
  o.city, o.postal_code`;
const participantJoins = (n: string) => `
  JOIN bench_owner o ON o.bucket = pg_temp.h(${n}, 1) % 100
  JOIN bench_recipient rc ON rc.owner = o.key AND rc.bucket = pg_temp.h(${n}, 3) % 100`;

async function generateParticipants(db: Client, lo: number, hi: number, epoch: Date, partnershipId: string) {
  await db.query(`DROP TABLE IF EXISTS pg_temp.bench_p`);
  await db.query(
    `CREATE TEMP TABLE bench_p AS
     SELECT n, ${participantColumns('n')}
       FROM generate_series($2::bigint, $3::bigint - 1) n ${participantJoins('n')}`,
    [epoch, lo, hi],
  );
  await db.query(
    `INSERT INTO participants (id, owner_organisation_id, registered_by_user_id, created_at, updated_at)
     SELECT id, owner_id, caseworker_id, created_at, created_at FROM bench_p`,
  );
  const first = textArray(FIRST_NAMES);
  const last = textArray(LAST_NAMES);
  const streets = textArray(STREETS);
  await db.query(
    `INSERT INTO participant_data (participant_id, owner_organisation_id, category, data, updated_at, updated_by_user_id)
     SELECT p.id, p.owner_id, c.category,
            CASE c.category
              WHEN 'IDENTITY' THEN jsonb_build_object(
                'firstName', (${first})[1 + pg_temp.h(p.n, 40) % ${FIRST_NAMES.length}],
                'lastName', (${last})[1 + pg_temp.h(p.n, 41) % ${LAST_NAMES.length}],
                'dateOfBirth', (date '1960-01-01' + pg_temp.h(p.n, 42) % (40 * 365))::text,
                'pesel', lpad(p.n::text, 11, '0'))
              WHEN 'CONTACT' THEN jsonb_build_object(
                'phone', '+48 5' || lpad((pg_temp.h(p.n, 43) % 100000000)::text, 8, '0'),
                'email', 'uczestnik' || p.n || '@example.pl')
              WHEN 'ADDRESS' THEN jsonb_build_object(
                'street', 'ul. ' || (${streets})[1 + pg_temp.h(p.n, 44) % ${STREETS.length}] || ' ' || (1 + pg_temp.h(p.n, 45) % 120),
                'postalCode', p.postal_code, 'city', p.city, 'commune', p.city)
              WHEN 'EMPLOYMENT' THEN jsonb_build_object(
                'registeredUnemployedSince', (p.created_at::date - pg_temp.h(p.n, 46) % 1500)::text,
                'monthsUnemployed', pg_temp.h(p.n, 47) % 60,
                'workHistory', jsonb_build_array('pomocnik magazyniera', 'sprzedawca'))
              WHEN 'EDUCATION' THEN jsonb_build_object(
                'level', (ARRAY['podstawowe','gimnazjalne','zasadnicze zawodowe','średnie'])[1 + pg_temp.h(p.n, 48) % 4],
                'skills', jsonb_build_array('prawo jazdy kat. B'), 'certificates', '[]'::jsonb)
              WHEN 'BENEFITS' THEN jsonb_build_object('benefits', jsonb_build_array('zasiłek okresowy'), 'notes', null)
              WHEN 'FAMILY' THEN jsonb_build_object('householdSize', 1 + pg_temp.h(p.n, 49) % 5, 'dependants', pg_temp.h(p.n, 50) % 3, 'notes', null)
              WHEN 'HOUSING' THEN jsonb_build_object('situation', 'mieszkanie socjalne', 'notes', null)
              WHEN 'HEALTH' THEN jsonb_build_object(
                'disabilityDegree', (ARRAY['NONE','LIGHT','MODERATE','SEVERE'])[1 + pg_temp.h(p.n, 51) % 4],
                'disabilityCertificateValidUntil', (current_date + 365)::text, 'notes', null)
              WHEN 'ADDICTION' THEN jsonb_build_object('inTreatment', true, 'notes', 'terapia w poradni')
              ELSE jsonb_build_object('releasedOn', (p.created_at::date - 30)::text, 'notes', null)
            END,
            p.created_at, p.caseworker_id
       FROM bench_p p JOIN bench_category c ON pg_temp.h(p.n, c.salt) % 100 < c.share`,
  );

  // One consent for REFERRAL to the recipient (70 %) or the partnership (30 %); 8 % withdrawn, 5 % expired,
  // 20 % adding HEALTH, 10 % HOUSING (beyond the agreements). 30 % also consent to an employer for mediation;
  // 10 % have an older, withdrawn consent for special categories.
  await db.query(
    `INSERT INTO consents (id, participant_id, granted_to_organisation_id, granted_to_partnership_id, purposes, data_categories,
                           valid_from, valid_until, evidence_method, evidence_document_hash, collected_by_user_id,
                           recorded_by_organisation_id, created_at, withdrawn_at, withdrawn_by_user_id, withdrawal_reason)
     SELECT pg_temp.id('consent:' || p.n),
            p.id,
            CASE WHEN pg_temp.h(p.n, 11) % 100 < 70 THEN p.to_id END,
            CASE WHEN pg_temp.h(p.n, 11) % 100 >= 70 THEN $1::uuid END,
            ARRAY['REFERRAL', 'REINTEGRATION_SUPPORT'],
            ARRAY['IDENTITY', 'CONTACT', 'ADDRESS', 'EMPLOYMENT', 'EDUCATION', 'BENEFITS']
              || CASE WHEN pg_temp.h(p.n, 14) % 100 < 20 THEN ARRAY['HEALTH'] ELSE '{}' END
              || CASE WHEN pg_temp.h(p.n, 15) % 100 < 10 THEN ARRAY['HOUSING'] ELSE '{}' END,
            p.created_at::date,
            CASE WHEN pg_temp.h(p.n, 12) % 100 BETWEEN 8 AND 12
                   THEN greatest(p.created_at::date, current_date - 1 - pg_temp.h(p.n, 16) % 300)
                 WHEN pg_temp.h(p.n, 17) % 100 < 30 THEN current_date + 365 + pg_temp.h(p.n, 18) % 365 END,
            CASE WHEN pg_temp.h(p.n, 19) % 10 < 7 THEN 'PAPER_SIGNATURE' WHEN pg_temp.h(p.n, 19) % 10 < 9 THEN 'ELECTRONIC'
                 ELSE 'WITNESSED_VERBAL' END,
            CASE WHEN pg_temp.h(p.n, 19) % 10 < 9 THEN encode(sha256(convert_to('consent:' || p.n, 'UTF8')), 'hex') END,
            p.caseworker_id, p.owner_id, p.created_at,
            CASE WHEN pg_temp.h(p.n, 12) % 100 < 8 THEN p.created_at + ($2::timestamptz - p.created_at) / 2 END,
            CASE WHEN pg_temp.h(p.n, 12) % 100 < 8 THEN p.caseworker_id END,
            CASE WHEN pg_temp.h(p.n, 12) % 100 < 8 THEN 'Uczestnik wycofał zgodę' END
       FROM bench_p p
     UNION ALL
     SELECT pg_temp.id('consent-mediation:' || p.n), p.id,
            pg_temp.id('organisation:' || (ARRAY['cooperative','employer-piekarnia','employer-remonty'])[1 + pg_temp.h(p.n, 30) % 3]),
            NULL, ARRAY['EMPLOYMENT_MEDIATION'], ARRAY['IDENTITY', 'CONTACT', 'EDUCATION'],
            p.created_at::date, NULL, 'ELECTRONIC', NULL, p.caseworker_id, p.owner_id, p.created_at, NULL, NULL, NULL
       FROM bench_p p WHERE pg_temp.h(p.n, 31) % 100 < 30
     UNION ALL
     SELECT pg_temp.id('consent-special:' || p.n), p.id, p.to_id, NULL, ARRAY['REFERRAL'], ARRAY['HEALTH', 'ADDICTION'],
            p.created_at::date, NULL, 'PAPER_SIGNATURE', NULL, p.caseworker_id, p.owner_id, p.created_at,
            p.created_at + interval '1 day', p.caseworker_id, NULL
       FROM bench_p p WHERE pg_temp.h(p.n, 32) % 100 < 10`,
    [partnershipId, epoch],
  );
  await db.query(`DROP TABLE bench_p`);
}

/**
 * Referral n: of participant h(n) mod `participants`, from its owner to its
 * recipient, created between the participant's registration and the epoch,
 * in a status by hash (STATUS_SHARE) with the history that led there, spread
 * evenly up to the epoch. A FORWARDED referral gets its child (SENT or
 * ACCEPTED) from its recipient onwards.
 */
async function generateReferrals(db: Client, lo: number, hi: number, participants: number, epoch: Date) {
  const reasons = textArray(REASONS);
  const categories = textArray(REASON_CATEGORIES);
  await db.query(`DROP TABLE IF EXISTS pg_temp.bench_r`);
  await db.query(
    `CREATE TEMP TABLE bench_r AS
     WITH base AS (
       SELECT r.n, x.pn, ${participantColumns('x.pn')}, st.status
         FROM generate_series($2::bigint, $3::bigint - 1) r(n)
        CROSS JOIN LATERAL (SELECT pg_temp.h(r.n, 2)::bigint % $4 AS pn) x
        ${participantJoins('x.pn')}
         JOIN bench_status st ON st.bucket = pg_temp.h(r.n, 5) % 100
     ), timed AS (
       SELECT b.*, b.created_at + make_interval(secs => pg_temp.h(b.n, 4)
                    % greatest(1, extract(epoch FROM $1::timestamptz - b.created_at)::bigint)) AS referral_at
         FROM base b
     )
     SELECT t.n, pg_temp.id('referral:' || t.n) AS id, NULL::uuid AS parent_id, pg_temp.id('participant:' || t.pn) AS participant_id,
            t.owner_id AS from_id, t.caseworker_id AS from_user_id, t.to_key, t.to_id,
            pg_temp.id('user:' || t.to_key || '.caseworker' || (1 + pg_temp.h(t.n, 8) % t.to_caseworkers) || '@bench.local') AS to_user_id,
            CASE WHEN t.to_services > 0 AND pg_temp.h(t.n, 9) % 2 = 0
                 THEN pg_temp.id('service:' || t.to_key || ':' || pg_temp.h(t.n, 10) % t.to_services) END AS to_service_id,
            t.status, p.steps, t.referral_at AS created_at, ($1::timestamptz - t.referral_at) / 5 AS gap
       FROM timed t JOIN bench_path p ON p.status = t.status`,
    [epoch, lo, hi, participants],
  );
  // Children of the forwarded ones, from their recipient onwards, created when the parent was forwarded.
  await db.query(
    `INSERT INTO bench_r
     SELECT f.n, pg_temp.id('referral-child:' || f.n), f.id, f.participant_id, f.to_id, f.to_user_id, c.key,
            pg_temp.id('organisation:' || c.key),
            pg_temp.id('user:' || c.key || '.caseworker1@bench.local'), NULL, c.status, p.steps, f.created_at + 3 * f.gap,
            ($1::timestamptz - (f.created_at + 3 * f.gap)) / 5
       FROM bench_r f
      CROSS JOIN LATERAL (SELECT CASE WHEN f.to_key = 'cis' THEN $2 ELSE $3 END AS key,
                                 CASE WHEN pg_temp.h(f.n, 33) % 2 = 0 THEN 'SENT' ELSE 'ACCEPTED' END AS status) c
       JOIN bench_path p ON p.status = c.status
      WHERE f.status = 'FORWARDED'`,
    [epoch, FORWARD_TO.fromCis, FORWARD_TO.otherwise],
  );
  await db.query(
    `INSERT INTO referrals (id, parent_referral_id, participant_id, from_organisation_id, from_user_id, to_organisation_id,
                           to_service_id, reason_category, reason, priority, status, response_due_on, outcome, sent_at,
                           closed_at, created_at, updated_at, version)
     SELECT r.id, r.parent_id, r.participant_id, r.from_id, r.from_user_id, r.to_id, r.to_service_id,
            (${categories})[1 + pg_temp.h(r.n, 34) % ${REASON_CATEGORIES.length}],
            (${reasons})[1 + pg_temp.h(r.n, 35) % ${REASONS.length}],
            CASE WHEN pg_temp.h(r.n, 36) % 100 < 70 THEN 'NORMAL' WHEN pg_temp.h(r.n, 36) % 100 < 85 THEN 'HIGH'
                 WHEN pg_temp.h(r.n, 36) % 100 < 95 THEN 'LOW' ELSE 'URGENT' END,
            r.status,
            CASE WHEN r.status <> 'DRAFT' THEN (r.created_at + r.gap)::date + 14 END,
            CASE WHEN r.status = 'COMPLETED' THEN (ARRAY['EMPLOYED_OPEN_MARKET','SOCIAL_COOPERATIVE','TRAINING_COMPLETED','CONTINUES_SUPPORT'])[1 + pg_temp.h(r.n, 37) % 4] END,
            CASE WHEN r.status <> 'DRAFT' THEN r.created_at + r.gap END,
            CASE WHEN r.status IN ('DECLINED','COMPLETED','DROPPED_OUT','CANCELLED','EXPIRED','FORWARDED')
                 THEN r.created_at + (cardinality(r.steps) - 1) * r.gap END,
            r.created_at, r.created_at + (cardinality(r.steps) - 1) * r.gap, cardinality(r.steps)
       FROM bench_r r`,
  );
  // What the referrals_parent_sender trigger does on a normal insert (triggers are off while loading).
  await db.query(
    `UPDATE referrals c SET parent_from_organisation_id = p.from_organisation_id
       FROM referrals p
      WHERE p.id = c.parent_referral_id AND c.parent_referral_id IS NOT NULL AND c.parent_from_organisation_id IS NULL`,
  );
  await db.query(
    `INSERT INTO referral_history (referral_id, occurred_at, actor_user_id, actor_organisation_id, from_status, to_status,
                                   reason_code, outcome, note)
     SELECT r.id, r.created_at + (s.k - 1) * r.gap,
            CASE WHEN s.status = 'EXPIRED' THEN NULL WHEN s.status = ANY ($1::text[]) THEN r.to_user_id ELSE r.from_user_id END,
            CASE WHEN s.status = 'EXPIRED' THEN NULL WHEN s.status = ANY ($1::text[]) THEN r.to_id ELSE r.from_id END,
            r.steps[s.k - 1], s.status,
            CASE s.status WHEN 'DECLINED' THEN 'NO_CAPACITY' WHEN 'DROPPED_OUT' THEN 'STOPPED_ATTENDING'
                          WHEN 'CANCELLED' THEN 'PARTICIPANT_MOVED' END,
            CASE WHEN s.status = 'COMPLETED' THEN 'TRAINING_COMPLETED' END,
            CASE WHEN r.parent_id IS NOT NULL AND s.k = 2 THEN 'forwarded from ' || r.parent_id END
       FROM bench_r r CROSS JOIN LATERAL unnest(r.steps) WITH ORDINALITY AS s(status, k)
      ORDER BY r.created_at, s.k`,
    [RECIPIENT_STEPS],
  );
  await db.query(
    `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, created_at, dispatched_at, delivered_at, attempts)
     SELECT e.event_type, 'referral', r.id,
            jsonb_build_object('referralId', r.id, 'fromOrganisationId', r.from_id, 'toOrganisationId', r.to_id,
                               'status', s.status, 'actorOrganisationId', CASE WHEN s.status = ANY ($1::text[]) THEN r.to_id ELSE r.from_id END,
                               'reasonCode', null, 'outcome', null, 'childReferralId', null, 'parentReferralId', r.parent_id),
            r.created_at + (s.k - 1) * r.gap,
            r.created_at + (s.k - 1) * r.gap + interval '1 second',
            r.created_at + (s.k - 1) * r.gap + interval '2 seconds', 1
       FROM bench_r r CROSS JOIN LATERAL unnest(r.steps) WITH ORDINALITY AS s(status, k)
       JOIN jsonb_each_text($2::jsonb) AS e(status, event_type) ON e.status = s.status`,
    [RECIPIENT_STEPS, JSON.stringify(EVENT_OF_STATUS)],
  );
  await db.query(`DROP TABLE bench_r`);
}

/** Statistics (and the visibility map) as a database that has been running a while would have them. */
export async function analyse(db: Client): Promise<void> {
  await db.query(
    `VACUUM (ANALYZE) organisations, users, memberships, participants, participant_data, consents, referrals, referral_history, outbox`,
  );
}

/** Participants owned by PUP whose live consent for REFERRAL reaches CIS (the write figures refer them). */
export async function referableParticipants(db: Client, limit = 2000): Promise<string[]> {
  const { organisations } = benchDirectory();
  const { rows } = await db.query<{ id: string }>(
    `SELECT p.id FROM participants p
      WHERE p.owner_organisation_id = $1
        AND EXISTS (SELECT 1 FROM consents_in_force(p.id, $2, 'REFERRAL', current_date) c
                     WHERE 'IDENTITY' = ANY (c.data_categories))
      ORDER BY p.created_at DESC LIMIT $3`,
    [organisations.pup, organisations.cis, limit],
  );
  return rows.map((r) => r.id);
}

export async function rowCounts(db: Client): Promise<Record<string, number>> {
  const tables = [
    'organisations',
    'users',
    'participants',
    'participant_data',
    'consents',
    'referrals',
    'referral_history',
    'outbox',
    'access_log',
  ];
  const { rows } = await db.query<Record<string, string>>(
    `SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`,
  );
  return Object.fromEntries(tables.map((t) => [t, Number(rows[0][t])]));
}

export { BENCH_PASSWORD };

function fail(message: string): never {
  throw new Error(message);
}
