/**
 * The contract between the bench runner (test/bench/run.ts) and the modules
 * that measure one group of figures each (test/bench/figures/*.ts).
 *
 * Every figure is measured against a baseline taken by the same script, on the
 * same machine, in the same run: the ratio is what we track, not the absolute.
 */

/** One row of the printed table and of docs/benchmarks.md. */
export interface Figure {
  /** e.g. "write throughput". */
  name: string;
  /** How the figure is measured, one line, e.g. "createReferral + sendReferral over HTTP, 16 clients". */
  how: string;
  /** The measured value, formatted with its unit, e.g. "1,480 req/s" or "p50 4.1 ms, p99 9.8 ms". */
  value: string;
  /** The baseline, formatted with its unit; "—" where the figure has none. */
  baseline: string;
  /** The ratio as the target states it (e.g. 0.62, or "p99 2.1×"); null where the figure has none. */
  ratio: string | null;
  /** The target, e.g. "≥ 0.5", "p99 ≤ 3×". */
  target: string;
  /** Whether the target is met. */
  met: boolean;
  /** Anything the reader needs: the cause of a miss, the mechanism (e.g. the relay's wake-up), caveats. */
  note?: string;
}

/** A generated account; every one has the password `BenchContext.password`. */
export interface BenchUser {
  email: string;
  userId: string;
  organisationId: string;
  /** CASEWORKER, COORDINATOR, PARTNER_ADMIN, AUDITOR or PLATFORM_ADMIN (`Role`); one membership each. */
  role: string;
}

/** What the runner hands each figure module. */
export interface BenchContext {
  scale: 'small' | 'medium' | 'large';
  /** 'redis' when REDIS_URL is set, else BullMQ's PostgreSQL backend. */
  backing: 'redis' | 'postgres';
  /** The bench database (already migrated and filled with the scale's data). */
  databaseUrl: string;
  redisUrl?: string;
  /** The running API (Nest app, HTTP adapter listening) the HTTP figures target. */
  apiUrl: string;
  /** Prints progress on stderr, so stdout stays the table. */
  log: (message: string) => void;

  // ---- added with the runner ----

  /**
   * BullMQ's key prefix of this run (on Redis, keys are `<queuePrefix>:<queue>:…`);
   * the API process uses it, and the runner deletes those keys at the end.
   */
  queuePrefix: string;
  /**
   * The environment the API process was started with (database, Redis, JWT
   * secret, queue prefix, RUN_WORKER=false, …): start a worker with the same
   * to work on the same queues (`node <buildRoot>/apps/worker/src/main.js`;
   * set WORKER_PORT to a free port, the default 3001 may be taken).
   */
  apiEnvironment: Readonly<Record<string, string>>;
  /** Where this run's build lives: `<buildRoot>/apps/...`, `<buildRoot>/libs/...`, `<buildRoot>/test/bench/...`. */
  buildRoot: string;
  /** Seconds each load test (autocannon) runs at this scale, warm-up not included. */
  loadSeconds: number;

  /** The password of every generated account. */
  password: string;
  /** Organisation ids by key (test/bench/data/organisations.ts): 'pup', 'cis', 'mops-legionowo', … */
  organisations: Readonly<Record<string, string>>;
  /** The sender side: a caseworker of the county labour office (PUP), which owns its participants. */
  senderCaseworker: BenchUser;
  /** The partner side: a caseworker of the social integration centre (CIS), PUP's main recipient. */
  partnerCaseworker: BenchUser;
  /** Every generated account. */
  users: readonly BenchUser[];
  /**
   * Participants owned by PUP with a live consent for REFERRAL that reaches
   * CIS under an active agreement: createReferral(send: true) from the sender
   * caseworker to CIS passes the consent gate for each of them.
   */
  referableParticipantIds: readonly string[];

  /** An access token of the account (the `login` mutation; cached per e-mail). */
  login: (email: string) => Promise<string>;
  /** One GraphQL request over HTTP; throws on a transport error or a GraphQL error. */
  graphql: <T = any>(query: string, variables?: Record<string, unknown>, token?: string) => Promise<T>;
  /**
   * Every SQL statement the API process sends on its TypeORM pool while `work`
   * runs (run nothing else against the API meanwhile), and each one's round
   * trip as the app saw it (call to result), in milliseconds.
   */
  countStatements: <T>(work: () => Promise<T>) => Promise<{ result: T; statements: string[]; durationsMs: number[] }>;
  /**
   * Adds rows until the database holds the chosen scale (a no-op at `small`, and
   * after the first call). The read figures call it once, after measuring at
   * small scale, for the growth figure; the runner calls it before any later group.
   */
  grow: () => Promise<void>;
  /**
   * Hands the bench-only `inMemoryReferrals` query (test/bench/api) the page it
   * serves from memory: the `referrals` connection of a real response, as JSON.
   */
  setInMemoryReferralPage: (page: unknown) => Promise<void>;
  /** Row counts of the main tables now. */
  rowCounts: () => Promise<Record<string, number>>;

  // ---- added with the write figures ----

  /**
   * The API child process's pid, if the runner passes it: the write figures
   * read its CPU time (/proc, Linux) to show the API's CPU per referral.
   */
  apiPid?: number;
}

/** A module of figures: measures and returns its rows; must clean up what it started. */
export type FigureGroup = (context: BenchContext) => Promise<Figure[]>;
