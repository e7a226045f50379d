// Configuration: one module reads the environment, checks it, and lists every problem at once.
import { ConfigError, loadConfig } from '../../src/config/env';
import { runCli } from '../helpers/cli-process';

describe('loadConfig', () => {
  it('lists every bad value, not just the first', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'abc',
        DB_POOL_SIZE: '0',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x@y/z',
        HUB_SEED_DEMO: 'maybe',
        HUB_JWT_SECRET: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(6);
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT="abc" must be a whole number from 0 to 65535',
        'DB_POOL_SIZE="0" must be a whole number from 1 to 500',
        expect.stringMatching(/^LOG_LEVEL="loud" must be one of fatal, error/),
        'DATABASE_URL must be a postgres: or postgresql: URL',
        'HUB_SEED_DEMO="maybe" must be true or false',
        'HUB_JWT_SECRET must be at least 32 characters long',
      ]),
    );
  });

  it('rejects ports out of range and non-integers', () => {
    for (const PORT of ['65536', '-1', '4000.5', '1e3']) {
      expect(() => loadConfig({ PORT })).toThrow(ConfigError);
    }
  });

  it('uses the defaults for an empty environment (embedded database, port 4000)', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      embeddedPgPort: 5433,
      logLevel: 'info',
      seedDemo: true,
      shutdownDrainMs: 1000,
    });
    expect(c.dataDir).toMatch(/\.data$/);
  });

  it('reads the values it is given', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://u:p@db:5432/hub',
      LOG_LEVEL: 'debug',
      HUB_SEED_DEMO: 'off',
      NODE_ENV: 'production',
      HUB_MAIL: 'off',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgres://u:p@db:5432/hub',
      logLevel: 'debug',
      seedDemo: false,
      nodeEnv: 'production',
      introspection: false,
    });
  });
});

describe('engagement-hub serve with a bad environment', () => {
  it('prints every problem and exits 1 without starting anything', async () => {
    const cli = runCli(['serve'], { PORT: 'abc', LOG_LEVEL: 'loud', HUB_EMBEDDED_PG_PORT: '0' });
    const { code } = await cli.exited;
    expect(code).toBe(1);
    const err = cli.stderr();
    expect(err).toMatch(/^Invalid configuration:/);
    expect(err).toContain('PORT="abc" must be a whole number from 0 to 65535');
    expect(err).toContain('LOG_LEVEL="loud" must be one of');
    expect(err).toContain('HUB_EMBEDDED_PG_PORT="0" must be a whole number from 1 to 65535');
    expect(err).not.toMatch(/\bat .*\.js:\d+/); // a message, not a stack trace
    expect(cli.stdout()).not.toMatch(/running/);
  });
});

describe('mail settings', () => {
  it('refuses production without SMTP_URL unless HUB_MAIL=off', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMTP_URL is required/);
    expect(loadConfig({ NODE_ENV: 'production', HUB_MAIL: 'off' }).mailEnabled).toBe(false);
    const c = loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.org:587' });
    expect(c.smtpUrl).toBe('smtp://mail.example.org:587');
    expect(loadConfig({}).smtpUrl).toBeUndefined();
  });

  it('checks SMTP_URL and MAIL_FROM', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://x', MAIL_FROM: 'kein Absender' })).toThrow(
      /SMTP_URL must be a smtp: or smtps: URL[\s\S]*MAIL_FROM must be an e-mail address/,
    );
    expect(loadConfig({ MAIL_FROM: 'Hub <hub@example.org>' }).mailFrom).toBe(
      'Hub <hub@example.org>',
    );
  });

  it('names the open-data licence, dl-de/by-2-0 unless told, and refuses one that is not an id', () => {
    expect(loadConfig({}).openDataLicense).toBe('dl-de/by-2-0');
    expect(loadConfig({ HUB_OPEN_DATA_LICENSE: 'cc-by-4.0' }).openDataLicense).toBe('cc-by-4.0');
    expect(() => loadConfig({ HUB_OPEN_DATA_LICENSE: 'meine <Lizenz>' })).toThrow(
      /HUB_OPEN_DATA_LICENSE must be a licence id/,
    );
  });
});
