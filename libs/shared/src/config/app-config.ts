import { isTimeZone } from '#libs/kernel';

/** Typed, validated configuration. Built once from the environment by `loadConfig`. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Unset: an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** How long a request waits for a pooled database connection before it answers 503 DATABASE_UNAVAILABLE. */
  databasePoolWaitMs: number;
  /** The built console (`npm run build:web`), served at `/` when present. */
  webDir: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  adminPassword: string | undefined;
  demoPassword: string;
  /** Load the demo county into an empty database at start (default: only with the embedded database). */
  seedDemo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The business runs on this time zone; months, order days and cutoffs are computed in it. */
  timeZone: string;
  /** true: any origin; false: no cross-origin access (production's default); else these origins. */
  corsOrigins: string[] | boolean;
  bodyLimitBytes: number;
  jobsEnabled: boolean;
  /** How long a retailer grade stays locked: a change takes effect when the next period starts. */
  gradePeriod: 'month' | 'quarter';
  /** Digits in a monopoly retail licence number 专卖许可证号 (12 in most provinces). */
  licenseNoLength: number;
  /** A typed delivery arrival further than this from the recorded time makes the stop 补录. */
  deliveryStatementToleranceMinutes: number;
  /** A door code entered offline keeps the phone's time when the completion arrives within this bound. */
  deliveryOfflineBoundMinutes: number;
  /** Where the nightly backup writes its folders. */
  backupDir: string;
  /** How many nightly backups are kept; 0 turns the nightly backup off. */
  backupKeep: number;
}

export class ConfigValidationError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
  ) {
    super(`Invalid configuration: ${variable} must be ${expected}`);
  }
}

/** The development fallback secret; refused in production. */
/** Unset, any origin may call in development and tests; production allows none until origins are named. */
function corsOrigins(setting: string | undefined, nodeEnv: string): string[] | boolean {
  if (!setting) return nodeEnv !== 'production';
  if (setting === '*') return true;
  return setting.split(',').map((origin) => origin.trim());
}

export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me';

/** The shortest secret production accepts: 32 characters, 256 bits for HS256 even as plain ASCII. */
export const PRODUCTION_JWT_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;
const GRADE_PERIODS = ['month', 'quarter'] as const;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigValidationError(name, `one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigValidationError(name, `an integer from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigValidationError(name, `true or false (got "${raw}")`);
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigValidationError('DATABASE_URL', 'a postgres:// URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigValidationError('DATABASE_URL', `a postgres:// URL (got protocol "${url.protocol}")`);
  }
  return raw;
}

function timeZone(env: Env): string {
  const zone = env.TZ || 'Asia/Shanghai';
  if (!isTimeZone(zone)) {
    throw new ConfigValidationError('TZ', `an IANA time zone such as Asia/Shanghai (got "${zone}")`);
  }
  return zone;
}

/** Validates the environment; throws `ConfigValidationError` naming the first bad variable. */
export function loadConfig(env: Env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'development');
  const jwtSecret = env.JWT_SECRET || undefined;
  if (nodeEnv === 'production' && (!jwtSecret || jwtSecret === DEVELOPMENT_JWT_SECRET)) {
    throw new ConfigValidationError('JWT_SECRET', 'set to a secret of its own when NODE_ENV=production');
  }
  if (jwtSecret !== undefined && jwtSecret.length < 16) {
    throw new ConfigValidationError('JWT_SECRET', 'at least 16 characters long');
  }
  // Tokens are signed with HS256, whose key must be at least 256 bits (RFC 7518 §3.2).
  if (
    nodeEnv === 'production' &&
    jwtSecret !== undefined &&
    jwtSecret.length < PRODUCTION_JWT_SECRET_LENGTH
  ) {
    throw new ConfigValidationError(
      'JWT_SECRET',
      `at least ${PRODUCTION_JWT_SECRET_LENGTH} characters long when NODE_ENV=production`,
    );
  }
  const jwtExpiresIn = env.JWT_EXPIRES_IN || '8h';
  if (!/^\d+[smhd]?$/.test(jwtExpiresIn)) {
    throw new ConfigValidationError(
      'JWT_EXPIRES_IN',
      `a duration such as 3600, 30m, 8h or 7d (got "${jwtExpiresIn}")`,
    );
  }
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigValidationError('ADMIN_PASSWORD', 'at least 8 characters long');
  }
  const demoPassword = env.DEMO_PASSWORD || 'Demo@2026';
  if (demoPassword.length < 8) {
    throw new ConfigValidationError('DEMO_PASSWORD', 'at least 8 characters long');
  }
  const url = databaseUrl(env);
  const cors = env.CORS_ORIGINS;
  const dataDir = env.DATA_DIR || '.data';
  return {
    nodeEnv,
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: url,
    dataDir,
    // Production fails fast; a test run shares two cores with the whole suite, so it waits longer.
    databasePoolWaitMs: integer(
      env,
      'DATABASE_POOL_WAIT_MS',
      nodeEnv === 'test' ? 30_000 : 3_000,
      100,
      600_000,
    ),
    webDir: env.WEB_DIR || 'dist/web',
    jwtSecret: jwtSecret ?? DEVELOPMENT_JWT_SECRET,
    jwtExpiresIn,
    adminPassword,
    demoPassword,
    seedDemo: boolean(env, 'SEED_DEMO', url === undefined),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    timeZone: timeZone(env),
    corsOrigins: corsOrigins(cors, nodeEnv),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    jobsEnabled: boolean(env, 'JOBS_ENABLED', nodeEnv !== 'test'),
    gradePeriod: oneOf(env, 'GRADE_PERIOD', GRADE_PERIODS, 'quarter'),
    // The database refuses licence numbers outside 6–32 digits (ck_retailers_license_no).
    licenseNoLength: integer(env, 'LICENSE_NO_LENGTH', 12, 6, 32),
    deliveryStatementToleranceMinutes: integer(env, 'DELIVERY_STATEMENT_TOLERANCE_MINUTES', 15, 0, 1440),
    deliveryOfflineBoundMinutes: integer(env, 'DELIVERY_OFFLINE_BOUND_MINUTES', 720, 0, 2880),
    backupDir: env.BACKUP_DIR || `${dataDir}/backups`,
    // Off in tests unless asked: a simulated month would otherwise write a backup a night.
    backupKeep: integer(env, 'BACKUP_KEEP', nodeEnv === 'test' ? 0 : 7, 0, 1000),
  };
}
