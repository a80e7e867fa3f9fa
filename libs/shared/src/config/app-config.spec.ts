import { describe, expect, it } from '@jest/globals';
import {
  ConfigValidationError,
  DEVELOPMENT_JWT_SECRET,
  loadConfig,
  PRODUCTION_JWT_SECRET_LENGTH,
} from './app-config.js';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: undefined,
      dataDir: '.data',
      timeZone: 'Asia/Shanghai',
      seedDemo: true,
      jobsEnabled: true,
      gradePeriod: 'quarter',
      licenseNoLength: 12,
      backupDir: '.data/backups',
      backupKeep: 7,
    });
  });

  it('keeps backups beside the data unless told otherwise, and takes none in tests unless asked', () => {
    expect(loadConfig({ DATA_DIR: '/srv/tobacco' }).backupDir).toBe('/srv/tobacco/backups');
    expect(loadConfig({ BACKUP_DIR: '/mnt/backups' }).backupDir).toBe('/mnt/backups');
    expect(loadConfig({ NODE_ENV: 'test' }).backupKeep).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', BACKUP_KEEP: '3' }).backupKeep).toBe(3);
  });

  it('does not seed the demo by default when a database URL is given', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).seedDemo).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'PORT must be an integer from 0 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT', 'PORT must be an integer from 0 to 65535 (got "70000")'],
    [
      { DATABASE_URL: 'mysql://x/y' },
      'DATABASE_URL',
      'DATABASE_URL must be a postgres:// URL (got protocol "mysql:")',
    ],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL', 'DATABASE_URL must be a postgres:// URL'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [{ TZ: 'Mars/Olympus' }, 'TZ', 'TZ must be an IANA time zone such as Asia/Shanghai (got "Mars/Olympus")'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET', 'JWT_SECRET must be at least 16 characters long'],
    [
      { JWT_EXPIRES_IN: 'forever' },
      'JWT_EXPIRES_IN',
      'JWT_EXPIRES_IN must be a duration such as 3600, 30m, 8h or 7d (got "forever")',
    ],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD', 'ADMIN_PASSWORD must be at least 8 characters long'],
    [{ BACKUP_KEEP: '-1' }, 'BACKUP_KEEP', 'BACKUP_KEEP must be an integer from 0 to 1000 (got "-1")'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO', 'SEED_DEMO must be true or false (got "maybe")'],
    [{ GRADE_PERIOD: 'week' }, 'GRADE_PERIOD', 'GRADE_PERIOD must be one of month, quarter (got "week")'],
    [
      { LICENSE_NO_LENGTH: '5' },
      'LICENSE_NO_LENGTH',
      'LICENSE_NO_LENGTH must be an integer from 6 to 32 (got "5")',
    ],
  ])('rejects %j naming %s', (env, variable, message) => {
    let thrown: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigValidationError);
    expect((thrown as ConfigValidationError).variable).toBe(variable);
    expect((thrown as Error).message).toBe(`Invalid configuration: ${message}`);
  });

  it('refuses to run in production without a secret of its own', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      /JWT_SECRET/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-32-characters!!' }).jwtSecret,
    ).toBe('a-real-secret-of-32-characters!!');
    // 16 characters are enough to develop with, not for production's HS256 key (≥ 256 bits).
    expect(loadConfig({ JWT_SECRET: 'a'.repeat(16) }).jwtSecret).toBe('a'.repeat(16));
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-31-character-secret-is-short!' }),
    ).toThrow(
      'Invalid configuration: JWT_SECRET must be at least 32 characters long when NODE_ENV=production',
    );
  });

  it('reads CORS origins as a list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe(true);
  });

  it('lets any origin call when CORS_ORIGINS is unset, except in production, which allows none until named', () => {
    expect(loadConfig({}).corsOrigins).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).corsOrigins).toBe(true);
    const production = { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(PRODUCTION_JWT_SECRET_LENGTH) };
    expect(loadConfig(production).corsOrigins).toBe(false);
    expect(loadConfig({ ...production, CORS_ORIGINS: '*' }).corsOrigins).toBe(true);
  });
});
