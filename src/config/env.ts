// The only reader of process.env. Every setting is parsed and checked once at start;
// a bad value is reported together with every other problem, so one run shows them all.
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  /** External PostgreSQL; when absent the hub starts an embedded one under dataDir. */
  databaseUrl: string | undefined;
  databaseReplicaUrls: string[];
  dataDir: string;
  embeddedPgPort: number;
  logLevel: LogLevel;
  dbPoolSize: number;
  statementTimeoutMs: number;
  /** How long a request waits for a pooled connection before failing. */
  dbConnectTimeoutMs: number;
  /** How long one request (or one subscription event's execution) may take before it is cancelled. */
  requestTimeoutMs: number;
  seedDemo: boolean;
  /** After SIGTERM, how long /readyz answers 503 before connections drain (load balancers notice). */
  shutdownDrainMs: number;
  /** How long in-flight HTTP requests may take to finish before their connections are closed. */
  shutdownTimeoutMs: number;
  eventRetentionDays: number;
  /** How long activities stay in the log (Query.activity, resuming Subscription.activity). */
  activityRetentionDays: number;
  /** Webhooks may be delivered to loopback and private addresses (tests, closed networks). */
  webhookAllowPrivate: boolean;
  volunteerRetentionDays: number;
  introspection: boolean;
  jwtSecret: string | undefined;
  jwksUrl: string | undefined;
  wsAllowedOrigins: string[] | 'any';
  redisUrl: string | undefined;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (rate limits per IP):
   * false (default: the socket's address), true (any), a hop count, or addresses/CIDRs.
   */
  trustProxy: boolean | number | string;
  publicOperations: 'any' | 'trusted';
  /** Jobs one instance runs at once (mail, sweeps, reminders). */
  jobConcurrency: number;
  /** How often an instance looks for jobs that became due (new jobs are picked up at once). */
  jobPollIntervalMs: number;
  /**
   * Volunteer sign-ups that pass validation allowed per caller (IP for PUBLIC) in 10 minutes,
   * across instances (README "Rate limits" argues the default).
   */
  volunteerRateLimit: number;
  /** Refused volunteer attempts (bad input, no consent, too many, ...) per caller in 10 minutes. */
  volunteerRefusedLimit: number;
  /**
   * When set, /subgraph (the federation subgraph, whose `_entities` takes any id) answers only
   * requests with header `x-hub-subgraph-secret` equal to it: only the gateway should reach it.
   */
  subgraphSecret: string | undefined;
  /**
   * Lifetime of the shared response cache for PUBLIC queries (widgets); 0 turns it off (the default
   * outside production). An answer is never older than this; need events clear the cache earlier.
   */
  publicCacheTtlMs: number;
  /** Count every SQL statement and expose hub_db_statements_total at /metrics (benchmarks). */
  countStatements: boolean;
  /** SMTP server mails are sent through (smtp:// or smtps://); without it mails stay in /mailbox. */
  smtpUrl: string | undefined;
  /** The From of every mail. */
  mailFrom: string;
  /** HUB_MAIL=off: no mail is written or sent at all (production without SMTP, on purpose). */
  mailEnabled: boolean;
  /** How long sent, failed and kept mails stay in the outbox before they are erased. */
  mailRetentionDays: number;
  /** Licence of the open-data download (a Data Package licence id, e.g. dl-de/by-2-0). */
  openDataLicense: string;
  /** The address people reach the hub at (links in mails); default http://localhost:<PORT>. */
  publicUrl: string | undefined;
  /** `bench`: the benchmark's database (default postgres://postgres@127.0.0.1:5432/hub_bench). */
  benchDatabaseUrl: string | undefined;
  /** How long a session from a sign-in link (or OpenID Connect) lasts, in seconds. */
  sessionTtlSeconds: number;
  /** requestSignIn calls allowed per e-mail address in 10 minutes. */
  signInRateLimit: number;
  /** requestSignIn calls allowed per client address in 10 minutes. */
  signInIpRateLimit: number;
  /** OpenID Connect sign-in for the browser clients: all three settings or none. */
  oidc: { issuer: string; clientId: string; clientSecret: string } | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      this.problems.push(
        `${name}=${JSON.stringify(v)} must be a whole number from ${min} to ${max}`,
      );
      return fallback;
    }
    return Number(v);
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.raw(name)?.toLowerCase();
    if (v === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    this.problems.push(`${name}=${JSON.stringify(v)} must be true or false`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(v)) {
      this.problems.push(`${name}=${JSON.stringify(v)} must be one of ${allowed.join(', ')}`);
      return fallback;
    }
    return v as T;
  }

  url(name: string, protocols: string[]): string | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) throw new Error('protocol');
      return v;
    } catch {
      this.problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
      return undefined;
    }
  }

  /** A lifetime: "12h", "30m", "7d", "90s" or whole seconds. */
  duration(name: string, fallbackSeconds: number, minSeconds: number, maxSeconds: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallbackSeconds;
    const m = /^(\d+) ?([smhd]?)$/i.exec(v);
    const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m?.[2].toLowerCase() ?? ''] ?? 1;
    const seconds = m ? Number(m[1]) * unit : NaN;
    if (!(seconds >= minSeconds && seconds <= maxSeconds)) {
      this.problems.push(
        `${name}=${JSON.stringify(v)} must be a lifetime like 30m, 12h or 7d, from ${minSeconds} s to ${maxSeconds / 86400} days`,
      );
      return fallbackSeconds;
    }
    return seconds;
  }

  urlList(name: string, protocols: string[]): string[] {
    const v = this.raw(name);
    if (v === undefined) return [];
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .filter((s) => {
        try {
          if (protocols.includes(new URL(s).protocol)) return true;
        } catch {
          /* reported below */
        }
        this.problems.push(
          `${name} contains ${JSON.stringify(s)}, not a ${protocols.join(' or ')} URL`,
        );
        return false;
      });
  }
}

function parseTrustProxy(r: Reader): boolean | number | string {
  const v = r.raw('HUB_TRUST_PROXY');
  if (v === undefined || /^(false|0|no|off)$/i.test(v)) return false;
  if (/^(true|yes|on)$/i.test(v)) return true;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  if (/^[0-9a-f.:/,\s]+$/i.test(v)) return v;
  r.problems.push(
    `HUB_TRUST_PROXY=${JSON.stringify(v)} must be true, false, a hop count or a list of proxy addresses`,
  );
  return false;
}

function readOidc(r: Reader): Config['oidc'] {
  const issuer = r.url('HUB_OIDC_ISSUER', ['https:', 'http:']);
  const clientId = r.raw('HUB_OIDC_CLIENT_ID');
  const clientSecret = r.raw('HUB_OIDC_CLIENT_SECRET');
  const given = [r.raw('HUB_OIDC_ISSUER'), clientId, clientSecret].filter(Boolean).length;
  if (given === 0) return undefined;
  if (given < 3 || !issuer) {
    if (given < 3)
      r.problems.push(
        'HUB_OIDC_ISSUER, HUB_OIDC_CLIENT_ID and HUB_OIDC_CLIENT_SECRET go together: set all three or none',
      );
    return undefined;
  }
  return { issuer, clientId: clientId!, clientSecret: clientSecret! };
}

/** MAIL_FROM: an address, optionally with a display name: `Engagement-Hub <hub@example.org>`. */
function openDataLicense(r: Reader): string {
  const v = r.raw('HUB_OPEN_DATA_LICENSE');
  if (v === undefined) return 'dl-de/by-2-0';
  if (!/^[A-Za-z0-9][A-Za-z0-9./+-]{0,99}$/.test(v)) {
    r.problems.push('HUB_OPEN_DATA_LICENSE must be a licence id such as dl-de/by-2-0 or cc-by-4.0');
  }
  return v;
}

function mailFrom(r: Reader): string {
  const v = r.raw('MAIL_FROM');
  if (v === undefined) return 'Engagement-Hub <noreply@localhost>';
  if (!/^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(v)) {
    r.problems.push('MAIL_FROM must be an e-mail address, optionally as "Name <address>"');
  }
  return v;
}

export function loadConfig(env: Env = process.env): Config {
  const r = new Reader(env);
  const nodeEnv = r.oneOf<NodeEnv>(
    'NODE_ENV',
    ['development', 'production', 'test'],
    'development',
  );
  const pg = ['postgres:', 'postgresql:'];
  const origins = r.raw('HUB_WS_ORIGINS');
  const jwtSecret = r.raw('HUB_JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    r.problems.push('HUB_JWT_SECRET must be at least 32 characters long');
  }
  const subgraphSecret = r.raw('HUB_SUBGRAPH_SECRET');
  if (subgraphSecret !== undefined && subgraphSecret.length < 16) {
    r.problems.push('HUB_SUBGRAPH_SECRET must be at least 16 characters long');
  }
  const config: Config = {
    nodeEnv,
    port: r.int('PORT', 4000, 0, 65535),
    host: r.raw('HOST') ?? '0.0.0.0',
    databaseUrl: r.url('DATABASE_URL', pg),
    databaseReplicaUrls: r.urlList('DATABASE_REPLICA_URLS', pg),
    dataDir: path.resolve(r.raw('HUB_DATA_DIR') ?? '.data'),
    embeddedPgPort: r.int('HUB_EMBEDDED_PG_PORT', 5433, 1, 65535),
    logLevel: r.oneOf<LogLevel>(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'info',
    ),
    dbPoolSize: r.int('DB_POOL_SIZE', 20, 1, 500),
    statementTimeoutMs: r.int('DB_STATEMENT_TIMEOUT_MS', 5000, 100, 600000),
    dbConnectTimeoutMs: r.int('DB_CONNECT_TIMEOUT_MS', 3000, 100, 60000),
    requestTimeoutMs: r.int('HUB_REQUEST_TIMEOUT_MS', 10000, 50, 600000),
    seedDemo: r.bool('HUB_SEED_DEMO', true),
    shutdownDrainMs: r.int('HUB_SHUTDOWN_DRAIN_MS', 1000, 0, 30000),
    shutdownTimeoutMs: r.int('HUB_SHUTDOWN_TIMEOUT_MS', 5000, 0, 60000),
    eventRetentionDays: r.int('HUB_EVENT_RETENTION_DAYS', 7, 1, 3650),
    activityRetentionDays: r.int('HUB_ACTIVITY_RETENTION_DAYS', 90, 1, 3650),
    webhookAllowPrivate: r.bool('HUB_WEBHOOK_ALLOW_PRIVATE', false),
    volunteerRetentionDays: r.int('HUB_VOLUNTEER_RETENTION_DAYS', 180, 1, 36500),
    introspection: r.bool('HUB_INTROSPECTION', nodeEnv !== 'production'),
    jwtSecret,
    jwksUrl: r.url('HUB_JWKS_URL', ['https:', 'http:']),
    wsAllowedOrigins:
      origins === undefined || origins === '*'
        ? 'any'
        : origins
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    redisUrl: r.url('REDIS_URL', ['redis:', 'rediss:']),
    trustProxy: parseTrustProxy(r),
    publicOperations: r.oneOf('HUB_PUBLIC_OPERATIONS', ['any', 'trusted'] as const, 'any'),
    jobConcurrency: r.int('HUB_JOB_CONCURRENCY', 4, 1, 100),
    jobPollIntervalMs: r.int('HUB_JOB_POLL_INTERVAL_MS', 2000, 100, 600000),
    volunteerRateLimit: r.int('HUB_VOLUNTEER_RATE_LIMIT', 120, 1, 1000000),
    volunteerRefusedLimit: r.int('HUB_VOLUNTEER_REFUSED_LIMIT', 300, 1, 1000000),
    subgraphSecret,
    // On by default in production only: elsewhere (tests, development) a PUBLIC read right after
    // a write must see it, and the event that clears the cache arrives a few ms after the commit.
    publicCacheTtlMs: r.int(
      'HUB_PUBLIC_CACHE_TTL_MS',
      nodeEnv === 'production' ? 1000 : 0,
      0,
      60000,
    ),
    countStatements: r.bool('HUB_COUNT_STATEMENTS', false),
    benchDatabaseUrl: r.url('BENCH_DATABASE_URL', pg),
    sessionTtlSeconds: r.duration('HUB_SESSION_TTL', 12 * 3600, 60, 30 * 86400),
    signInRateLimit: r.int('HUB_SIGN_IN_RATE_LIMIT', 5, 1, 1000000),
    signInIpRateLimit: r.int('HUB_SIGN_IN_IP_RATE_LIMIT', 20, 1, 1000000),
    oidc: readOidc(r),
    smtpUrl: r.url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: mailFrom(r),
    mailEnabled: r.oneOf('HUB_MAIL', ['on', 'off'] as const, 'on') === 'on',
    mailRetentionDays: r.int('HUB_MAIL_RETENTION_DAYS', 30, 1, 3650),
    openDataLicense: openDataLicense(r),
    publicUrl: r.url('HUB_PUBLIC_URL', ['https:', 'http:'])?.replace(/\/+$/, ''),
  };
  if (config.nodeEnv === 'production' && config.mailEnabled && !config.smtpUrl) {
    r.problems.push(
      'SMTP_URL is required in production (mails would never be sent); set HUB_MAIL=off to run without mail on purpose',
    );
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}
