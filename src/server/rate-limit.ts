// Rate limits shared across instances: fixed windows counted in PostgreSQL, or in Redis when
// REDIS_URL is given. Ordinary requests are checked against the last known shared count plus
// this instance's own hits since then (flushed every second), so a read costs no round trip;
// strict limits (volunteering) are checked against the shared store before they proceed.
import Redis from 'ioredis';
import type { Database } from '../db/database';
import { DomainError, RateLimitedError } from '../graphql/errors';
import { Role, Viewer } from '../graphql/viewer';

export interface RateLimitRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export const RULES = {
  publicRequests: { name: 'req', limit: 600, windowSeconds: 60 },
  signedRequests: { name: 'req', limit: 3000, windowSeconds: 60 },
} satisfies Record<string, RateLimitRule>;

/** Volunteering is limited strictly: it stores personal data and sends nothing back to verify. */
export function volunteerRule(limit: number): RateLimitRule {
  return { name: 'volunteer', limit, windowSeconds: 600 };
}

/**
 * Volunteering counts two things per caller in the same 10 minutes: sign-ups that pass
 * validation (`accepted`, the limit people meet) and refused attempts (`refused`: a typo in the
 * e-mail, a missing tick, more than is missing), with a cap of their own against someone
 * probing or flooding. A village hall full of people on one address that mistypes now and then
 * does not use up its sign-ups.
 */
export function volunteerRules(
  limit: number,
  refusedLimit: number,
): { accepted: RateLimitRule; refused: RateLimitRule } {
  return {
    accepted: volunteerRule(limit),
    refused: { name: 'volunteer-refused', limit: refusedLimit, windowSeconds: 600 },
  };
}

/**
 * A private person's registerForEvent: the same limits as volunteering (it stores a name and
 * an address and mails it), counted in buckets of their own so that a village hall that
 * volunteers does not use up its registrations.
 */
export function registrationRules(
  limit: number,
  refusedLimit: number,
): { accepted: RateLimitRule; refused: RateLimitRule } {
  return {
    accepted: { name: 'register', limit, windowSeconds: 600 },
    refused: { name: 'register-refused', limit: refusedLimit, windowSeconds: 600 },
  };
}

export interface RateLimitStore {
  /** Adds hits to each bucket; returns the totals after adding, in the same order. */
  add(
    buckets: Array<{ key: string; windowStart: number; hits: number; ttlSeconds: number }>,
  ): Promise<number[]>;
  close(): Promise<void>;
}

export class PgRateLimitStore implements RateLimitStore {
  private lastPrune = 0;
  constructor(private readonly db: Database) {}

  async add(buckets: Array<{ key: string; windowStart: number; hits: number }>): Promise<number[]> {
    if (buckets.length === 0) return [];
    const rows = await this.db.query<{ key: string; ws: number; hits: number }>(
      `INSERT INTO rate_limit_bucket (key, window_start, hits)
       SELECT k, to_timestamp(w), h FROM unnest($1::text[], $2::bigint[], $3::int[]) AS t(k, w, h)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_bucket.hits + EXCLUDED.hits
       RETURNING key, extract(epoch FROM window_start)::bigint AS ws, hits`,
      [buckets.map((b) => b.key), buckets.map((b) => b.windowStart), buckets.map((b) => b.hits)],
    );
    const totals = new Map(rows.map((r) => [`${r.key}|${r.ws}`, r.hits]));
    if (Date.now() - this.lastPrune > 60_000) {
      this.lastPrune = Date.now();
      await this.db.query(
        `DELETE FROM rate_limit_bucket WHERE window_start < now() - interval '1 day'`,
      );
    }
    return buckets.map((b) => totals.get(`${b.key}|${b.windowStart}`) ?? b.hits);
  }

  async close(): Promise<void> {}
}

export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;
  constructor(url: string) {
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 2,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    this.redis.on('error', () => undefined); // reported through failed requests, not crashes
  }

  async add(
    buckets: Array<{ key: string; windowStart: number; hits: number; ttlSeconds: number }>,
  ): Promise<number[]> {
    if (buckets.length === 0) return [];
    await this.ready();
    const multi = this.redis.multi();
    for (const b of buckets) {
      const k = `hub:rl:${b.key}:${b.windowStart}`;
      multi.incrby(k, b.hits).expire(k, b.ttlSeconds);
    }
    const res = (await multi.exec()) ?? [];
    return buckets.map((_, i) => Number(res[i * 2]?.[1] ?? 0));
  }

  /**
   * Without an offline queue a command sent while connecting fails at once, so the first requests
   * after start (or a reconnect) wait for the connection, for a bounded time.
   */
  private ready(timeoutMs = 2000): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    // Concurrent callers (a burst of sign-ups right after start) share one wait.
    this.waiting ??= this.waitForReady(timeoutMs).finally(() => (this.waiting = null));
    return this.waiting;
  }

  private waiting: Promise<void> | null = null;

  private waitForReady(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (err?: Error) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        if (err) reject(err);
        else resolve();
      };
      const onReady = () => done();
      const timer = setTimeout(() => done(new Error('Redis is not reachable')), timeoutMs);
      this.redis.once('ready', onReady);
    });
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

interface Counter {
  key: string;
  windowStart: number;
  ttlSeconds: number;
  known: number;
  pending: number;
}

export class RateLimiter {
  private readonly counters = new Map<string, Counter>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: RateLimitStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The bucket key of a caller: per IP for PUBLIC, per token subject otherwise. */
  /** Per address, signed in or not (links: the token is the caller's only proof). */
  static ipKey(viewer: Viewer): string {
    return `ip:${viewer.ip}`;
  }

  static callerKey(viewer: Viewer): string {
    return viewer.role === Role.PUBLIC ? `ip:${viewer.ip}` : `sub:${viewer.sub}`;
  }

  private window(rule: RateLimitRule): { start: number; retryAfter: number } {
    const nowS = Math.floor(this.now() / 1000);
    const start = nowS - (nowS % rule.windowSeconds);
    return { start, retryAfter: Math.max(1, start + rule.windowSeconds - nowS) };
  }

  /** Ordinary requests: no round trip; refuses when the shared count is known to be over. */
  check(rule: RateLimitRule, caller: string): void {
    const { start, retryAfter } = this.window(rule);
    const id = `${rule.name}:${caller}|${start}`;
    let c = this.counters.get(id);
    if (!c) {
      c = {
        key: `${rule.name}:${caller}`,
        windowStart: start,
        ttlSeconds: rule.windowSeconds * 2,
        known: 0,
        pending: 0,
      };
      this.counters.set(id, c);
    }
    if (c.known + c.pending >= rule.limit) throw new RateLimitedError(retryAfter);
    c.pending++;
  }

  /** Strict limits: counted in the shared store before the request proceeds. */
  async checkStrict(rule: RateLimitRule, caller: string): Promise<void> {
    const { start, retryAfter } = this.window(rule);
    const [total] = await this.store.add([
      {
        key: `${rule.name}:${caller}`,
        windowStart: start,
        hits: 1,
        ttlSeconds: rule.windowSeconds * 2,
      },
    ]);
    if (total > rule.limit) throw new RateLimitedError(retryAfter);
  }

  private bucket(rule: RateLimitRule, caller: string, hits: number) {
    return {
      key: `${rule.name}:${caller}`,
      windowStart: this.window(rule).start,
      hits,
      ttlSeconds: rule.windowSeconds * 2,
    };
  }

  /**
   * A strict limit that counts only attempts that pass: the attempt takes a slot of `accepted`
   * in the shared store before `run` proceeds (so concurrent attempts on any instance never
   * exceed it), and gives it back when `run` fails with a domain error (bad input, not found, a
   * conflict), counting one `refused` instead. Refused attempts, those over `accepted`
   * included, have their own cap; past it every attempt is refused until the window ends. An
   * unexpected failure (the database) gives the slot back and counts nothing.
   */
  async attempt<T>(
    rules: { accepted: RateLimitRule; refused: RateLimitRule },
    caller: string,
    run: () => Promise<T>,
  ): Promise<T> {
    // The buckets of this moment's windows, so that what is given back lands where it was taken.
    const slot = this.bucket(rules.accepted, caller, 1);
    const refusedBucket = this.bucket(rules.refused, caller, 0);
    const giveBack = { ...slot, hits: -1 };
    const countRefused = { ...refusedBucket, hits: 1 };
    const [taken, refusedSoFar] = await this.store.add([slot, refusedBucket]);
    if (refusedSoFar >= rules.refused.limit) {
      await this.settle([giveBack]);
      throw new RateLimitedError(this.window(rules.refused).retryAfter);
    }
    if (taken > rules.accepted.limit) {
      await this.settle([giveBack, countRefused]);
      throw new RateLimitedError(this.window(rules.accepted).retryAfter);
    }
    try {
      return await run();
    } catch (e) {
      await this.settle(e instanceof DomainError ? [giveBack, countRefused] : [giveBack]);
      throw e;
    }
  }

  /** Corrections after an attempt; if the store fails now the count stays high (the safe side). */
  private async settle(
    buckets: Array<{ key: string; windowStart: number; hits: number; ttlSeconds: number }>,
  ): Promise<void> {
    try {
      await this.store.add(buckets);
    } catch {
      // nothing to do: the window ends in at most 10 minutes
    }
  }

  /** Sends this instance's hits to the shared store and learns the shared totals. */
  async flush(): Promise<void> {
    const nowS = Math.floor(this.now() / 1000);
    const batch: Counter[] = [];
    for (const [id, c] of this.counters) {
      if (c.windowStart + c.ttlSeconds < nowS) this.counters.delete(id);
      else if (c.pending > 0) batch.push(c);
    }
    if (batch.length === 0) return;
    const sent = batch.map((c) => c.pending);
    batch.forEach((c) => (c.pending = 0));
    try {
      const totals = await this.store.add(
        batch.map((c, i) => ({
          key: c.key,
          windowStart: c.windowStart,
          hits: sent[i],
          ttlSeconds: c.ttlSeconds,
        })),
      );
      batch.forEach((c, i) => (c.known = Math.max(c.known, totals[i] - c.pending)));
    } catch {
      batch.forEach((c, i) => (c.pending += sent[i])); // try again next time
    }
  }

  start(intervalMs = 1000): void {
    this.timer ??= setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
    await this.store.close();
  }
}
