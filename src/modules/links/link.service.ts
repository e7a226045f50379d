// Links sent by e-mail: random tokens (only their sha256 is stored), single purpose, with an
// expiry, used at most once. Modules register a handler per kind; useLink marks the link used
// with one conditional UPDATE (unused and unexpired) and runs the handler in the same
// transaction, so two clicks at once act once, and a handler that answers ok:false (or fails)
// changes nothing, the link included.
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config/env';
import type { Database, Queryable, Transaction } from '../../db/database';
import type { Viewer } from '../../graphql/viewer';
import { ACTION_PREFIX, LinkAction } from './link-action';

export interface NewLink {
  action: `${LinkAction}`;
  kind: string;
  subjectType: string;
  subjectId: string;
  expiresAt: Date;
}

export interface UsableLink {
  id: string;
  action: LinkAction;
  kind: string;
  subjectType: string;
  subjectId: string;
}

export interface LinkOutcome {
  ok: boolean;
  /** A German sentence for the person who clicked. */
  message: string;
  subject?: { type: string; id: string } | null;
  /** Set by sign-in handlers (the accounts module resolves LinkResult.session from it). */
  session?: unknown;
}

export interface LinkUseResult extends LinkOutcome {
  action: LinkAction;
}

export type LinkHandler = (
  tx: Transaction,
  link: UsableLink,
  ctx: { viewer: Viewer; ip?: string },
) => Promise<LinkOutcome>;

export const LINK_MESSAGES = {
  invalid: 'Dieser Link ist ungültig. Bitte prüfen Sie, ob er vollständig kopiert wurde.',
  expired: 'Dieser Link ist abgelaufen.',
  used: 'Dieser Link wurde schon benutzt.',
} as const;

const TOKEN = /^([cwsa])-([A-Za-z0-9_-]{43})$/;
const ACTION_OF_PREFIX = new Map(
  Object.entries(ACTION_PREFIX).map(([a, p]) => [p, a as LinkAction]),
);

function sha256(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The token's rollback-with-an-answer: the handler said no, so nothing it wrote may stay. */
class Refused extends Error {
  constructor(readonly outcome: LinkOutcome) {
    super('link refused');
  }
}

export class LinkService {
  private readonly handlers = new Map<string, LinkHandler>();
  private baseUrl: string | undefined;

  constructor(
    private readonly db: Database,
    config: Config,
  ) {
    this.baseUrl = config.publicUrl;
  }

  /** Where links point when HUB_PUBLIC_URL is not set: the address the hub listens on. */
  useListeningUrl(url: string): void {
    this.baseUrl ??= url.replace(/\/+$/, '');
  }

  /** An address of this hub as people reach it from outside (HUB_PUBLIC_URL, else where it listens). */
  absoluteUrl(path: string): string {
    return `${this.baseUrl ?? 'http://localhost:4000'}${path}`;
  }

  registerHandler(kind: string, handler: LinkHandler): void {
    if (this.handlers.has(kind)) throw new Error(`a link handler for ${kind} is registered twice`);
    this.handlers.set(kind, handler);
  }

  /** A new link, written in the caller's transaction; the token exists only in the mail. */
  async create(q: Queryable, l: NewLink): Promise<{ token: string; url: string }> {
    const action = l.action as LinkAction;
    const token = `${ACTION_PREFIX[action]}-${randomBytes(32).toString('base64url')}`;
    await q.query(
      `INSERT INTO link (token_hash, action, kind, subject_type, subject_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [sha256(token), action, l.kind, l.subjectType, l.subjectId, l.expiresAt],
    );
    return { token, url: this.absoluteUrl(`/link/${token}`) };
  }

  /** Makes unused links of a subject unusable (e.g. the pledge was withdrawn another way). */
  async revoke(q: Queryable, kind: string, subjectId: string): Promise<void> {
    await q.query(
      `UPDATE link SET expires_at = least(expires_at, now())
        WHERE kind = $1 AND subject_id = $2 AND used_at IS NULL`,
      [kind, subjectId],
    );
  }

  /**
   * A link that is presented again and again rather than used once (a survey's answer link):
   * the link of `kind` this token names while it has not expired, whether or not useLink was
   * called on it; null for a malformed, unknown, expired or foreign token.
   */
  async find(q: Queryable, token: string, kind: string): Promise<UsableLink | null> {
    const m = TOKEN.exec(token.trim());
    if (!m) return null;
    const { rows } = await q.query<UsableLink>(
      `SELECT id::text AS id, action, kind, subject_type AS "subjectType", subject_id AS "subjectId"
         FROM link WHERE token_hash = $1 AND kind = $2 AND expires_at > now()`,
      [sha256(token.trim()), kind],
    );
    return rows[0] ?? null;
  }

  async use(token: string, ctx: { viewer: Viewer; ip?: string }): Promise<LinkUseResult> {
    const m = TOKEN.exec(token.trim());
    const action = (m && ACTION_OF_PREFIX.get(m[1])) ?? LinkAction.CONFIRM;
    if (!m) return { action, ok: false, message: LINK_MESSAGES.invalid, subject: null };
    const hash = sha256(token.trim());
    try {
      return await this.db.transaction(async (tx) => {
        const [link] = await tx.rows<UsableLink & { id: number }>(
          `UPDATE link SET used_at = now()
            WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
            RETURNING id::text AS id, action, kind, subject_type AS "subjectType",
                      subject_id AS "subjectId"`,
          [hash],
        );
        if (!link) throw new Refused(await this.whyNot(tx, hash));
        const handler = this.handlers.get(link.kind);
        if (!handler) throw new Refused({ ok: false, message: LINK_MESSAGES.invalid });
        const outcome = await handler(tx, link, ctx);
        if (!outcome.ok) throw new Refused(outcome);
        return { action: link.action, subject: null, ...outcome };
      });
    } catch (e) {
      if (e instanceof Refused) return { action, subject: null, ...e.outcome, ok: false };
      throw e;
    }
  }

  private async whyNot(tx: Transaction, hash: Buffer): Promise<LinkOutcome> {
    const [row] = await tx.rows<{ used: boolean }>(
      'SELECT used_at IS NOT NULL AS used FROM link WHERE token_hash = $1',
      [hash],
    );
    if (!row) return { ok: false, message: LINK_MESSAGES.invalid };
    return { ok: false, message: row.used ? LINK_MESSAGES.used : LINK_MESSAGES.expired };
  }

  /** Erases links that expired or were used more than 30 days ago (links.prune). */
  async prune(): Promise<number> {
    const rows = await this.db.query<{ id: number }>(
      `DELETE FROM link WHERE coalesce(used_at, expires_at) < now() - interval '30 days'
       RETURNING id`,
    );
    return rows.length;
  }
}
