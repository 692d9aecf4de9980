import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every setting the platform reads, validated once at boot. Nothing else in the
 * code base reads `process.env`: modules receive the typed `AppConfig`.
 */
const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');

export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  TRUST_PROXY: z.string().min(1).optional(),
  DATABASE_URL: postgresUrl.optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  SESSION_TTL_SECONDS: z.coerce.number().int().min(300).max(604_800).default(43_200),
  SESSION_IDLE_SECONDS: z.coerce.number().int().min(60).max(604_800).default(3600),
  ALLOWED_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'origins like https://console.example.org, comma-separated')),
    )
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO_DATA: booleanFlag.optional(),
  SEED_DEMO_CASEWORK: booleanFlag.optional(),
  RUN_WORKER: booleanFlag.optional(),
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(10).default(1000),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(5000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  REFERRAL_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(300),
  REFERRAL_DUE_SOON_HOURS: z.coerce.number().int().min(1).default(48),
  REFERRAL_ACCESS_DAYS_AFTER_CLOSE: z.coerce.number().int().min(0).max(365).default(30),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
  OUTBOX_REDELIVER_AFTER_SECONDS: z.coerce.number().int().min(1).default(300),
  OUTBOX_RECONCILE_EVERY_SECONDS: z.coerce.number().int().min(1).default(60),
  NOTIFICATION_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
  EXPIRY_REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(3600),
  CONSENT_EXPIRY_REMINDER_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  AGREEMENT_EXPIRY_REMINDER_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: booleanFlag.default(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).default(5),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(1000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: booleanFlag.default(false),
  QUEUE_LOCK_DURATION_MS: z.coerce.number().int().min(1000).default(10_000),
  QUEUE_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(5_000),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - only')
    .default('pp'),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface AppConfig {
  env: Environment['NODE_ENV'];
  isProduction: boolean;
  isDevelopment: boolean;
  http: {
    host: string;
    port: number;
    workerPort: number;
    /** Express `trust proxy`: which proxies may set X-Forwarded-For (client address for rate limits). */
    trustProxy?: string | number;
    /**
     * Origins besides the API's own whose pages may use the session cookie (checked against the
     * `Origin` of cookie-authenticated requests and websockets).
     */
    allowedOrigins: string[];
  };
  /** `undefined` means: start the embedded PostgreSQL. */
  databaseUrl?: string;
  /** `undefined` means: BullMQ runs on its PostgreSQL backend. */
  redisUrl?: string;
  dataDir: string;
  auth: {
    jwtSecret: string;
    tokenTtlSeconds: number;
    maxFailuresPerAccount: number;
    maxAttemptsPerAddress: number;
    windowSeconds: number;
    /** Browser sessions (the console's cookie): absolute lifetime and idle timeout. */
    session: { ttlSeconds: number; idleSeconds: number };
  };
  logLevel: Environment['LOG_LEVEL'];
  seedDemoData: boolean;
  /** The demo's participants, consents, referrals and notifications (with the demo data unless set apart). */
  seedDemoCasework: boolean;
  runWorkerInProcess: boolean;
  graphql: { maxDepth: number; maxAliases: number; maxTokens: number; maxCost: number };
  shutdownGraceMs: number;
  notifications: {
    /** Fallback poll of the outbox relay; NOTIFY wakes it at once. */
    relayPollMs: number;
    /** Dispatched but undelivered for this long: the reconciler dispatches again. */
    redeliverAfterSeconds: number;
    reconcileEverySeconds: number;
    concurrency: number;
    /** How often the worker looks for consents and agreements about to expire. */
    expiryReminderIntervalSeconds: number;
    /** A live consent ending within this many days is announced to its owner organisation, once. */
    consentExpiryReminderDays: number;
    /** An active agreement ending within this many days is announced to its parties, once. */
    agreementExpiryReminderDays: number;
  };
  /** `undefined` (no SMTP_HOST) means: e-mail is disabled, no e-mail deliveries are recorded. */
  mail?: {
    host: string;
    port: number;
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    secure: boolean;
    user?: string;
    password?: string;
    from: string;
  };
  webhooks: {
    /** Deliveries that failed for good in a row before an endpoint is disabled. */
    disableAfterFailures: number;
    /** Base delay of the exponential retry backoff. */
    retryBaseMs: number;
    timeoutMs: number;
    /**
     * Let webhooks reach loopback, private (RFC 1918, unique-local), link-local
     * and carrier-grade-NAT addresses: for receivers on this machine in
     * development and tests, or an on-premises receiver. Off, only public
     * addresses are; cloud metadata and other special addresses never are.
     */
    allowPrivateNetworks: boolean;
  };
  referrals: {
    sweepIntervalSeconds: number;
    dueSoonHours: number;
    /** How long a recipient keeps REFERRAL access after the referral closed. */
    accessDaysAfterClose: number;
  };
  /** Redis key prefix (QUEUE_PREFIX): keeps the queues of parallel test databases apart on a shared Redis. */
  queuePrefix: string;
  /**
   * BullMQ stalled-job detection for every worker. A job whose process died is
   * taken back once its lock (renewed every half `lockDurationMs`) has expired
   * and two stalled checks (every `stalledIntervalMs`, mark then sweep) have
   * seen it: within about max(lockDurationMs + stalledIntervalMs, boot + 2 ×
   * stalledIntervalMs) of the crash.
   */
  jobLocks: { lockDurationMs: number; stalledIntervalMs: number };
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Parses the environment; throws one error that names every bad variable. */
export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(cleaned);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  // Production's own requirements are checked on the raw values, so they are
  // reported together with any malformed variable, not one boot later.
  if (cleaned.NODE_ENV === 'production') {
    if (!cleaned.JWT_SECRET) problems.push('JWT_SECRET: required when NODE_ENV=production');
    if (!cleaned.DATABASE_URL) problems.push('DATABASE_URL: required when NODE_ENV=production');
    for (const flag of ['SEED_DEMO_DATA', 'SEED_DEMO_CASEWORK']) {
      if (cleaned[flag] === 'true' || cleaned[flag] === '1') {
        problems.push(`${flag}: demo data is never created in production`);
      }
    }
  }
  if (cleaned.SMTP_HOST && !cleaned.MAIL_FROM) problems.push('MAIL_FROM: required when SMTP_HOST is set');
  if (!parsed.success || problems.length > 0) throw new ConfigValidationError(problems);
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';

  const dataDir = resolve(env.DATA_DIR);
  return {
    env: env.NODE_ENV,
    isProduction,
    isDevelopment: env.NODE_ENV === 'development',
    http: {
      host: env.HOST,
      port: env.PORT,
      workerPort: env.WORKER_PORT,
      trustProxy: env.TRUST_PROXY && /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
      allowedOrigins: env.ALLOWED_ORIGINS ?? [],
    },
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    dataDir,
    auth: {
      jwtSecret: env.JWT_SECRET ?? localDevelopmentSecret(dataDir),
      tokenTtlSeconds: env.JWT_TTL_SECONDS,
      maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxAttemptsPerAddress: env.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
      windowSeconds: env.LOGIN_WINDOW_SECONDS,
      session: { ttlSeconds: env.SESSION_TTL_SECONDS, idleSeconds: env.SESSION_IDLE_SECONDS },
    },
    logLevel: env.LOG_LEVEL,
    seedDemoData: !isProduction && (env.SEED_DEMO_DATA ?? true),
    seedDemoCasework: !isProduction && (env.SEED_DEMO_DATA ?? true) && (env.SEED_DEMO_CASEWORK ?? true),
    runWorkerInProcess: env.RUN_WORKER ?? !env.DATABASE_URL,
    graphql: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxCost: env.GRAPHQL_MAX_COST,
    },
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    notifications: {
      relayPollMs: env.OUTBOX_POLL_MS,
      redeliverAfterSeconds: env.OUTBOX_REDELIVER_AFTER_SECONDS,
      reconcileEverySeconds: env.OUTBOX_RECONCILE_EVERY_SECONDS,
      concurrency: env.NOTIFICATION_CONCURRENCY,
      expiryReminderIntervalSeconds: env.EXPIRY_REMINDER_INTERVAL_SECONDS,
      consentExpiryReminderDays: env.CONSENT_EXPIRY_REMINDER_DAYS,
      agreementExpiryReminderDays: env.AGREEMENT_EXPIRY_REMINDER_DAYS,
    },
    mail: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: env.SMTP_PORT,
          secure: env.SMTP_SECURE,
          user: env.SMTP_USER,
          password: env.SMTP_PASSWORD,
          from: env.MAIL_FROM!,
        }
      : undefined,
    webhooks: {
      disableAfterFailures: env.WEBHOOK_DISABLE_AFTER_FAILURES,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      allowPrivateNetworks: env.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    },
    referrals: {
      sweepIntervalSeconds: env.REFERRAL_SWEEP_INTERVAL_SECONDS,
      dueSoonHours: env.REFERRAL_DUE_SOON_HOURS,
      accessDaysAfterClose: env.REFERRAL_ACCESS_DAYS_AFTER_CLOSE,
    },
    queuePrefix: env.QUEUE_PREFIX,
    jobLocks: { lockDurationMs: env.QUEUE_LOCK_DURATION_MS, stalledIntervalMs: env.QUEUE_STALLED_INTERVAL_MS },
    ...overrides,
  };
}

/**
 * Outside production a missing JWT_SECRET is generated once and kept in the
 * data directory, so tokens survive restarts without anyone editing a .env.
 */
function localDevelopmentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
