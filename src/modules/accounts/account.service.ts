// Accounts: invitations, sign-in by e-mail link, sessions and their end. Rules live here; the
// resolvers only read arguments. Sessions are the hub's own HS256 tokens with the claims every
// transport already checks, plus the account and its session generation (session-generations.ts).
import { createHash } from 'node:crypto';
import type { Config } from '../../config/env';
import type { Database, Queryable, Transaction } from '../../db/database';
import { makeHydrator, selectList } from '../../db/hydrate';
import { Authenticator, pilotGlobalId } from '../../graphql/auth';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Connection, ConnectionArgs, paginate } from '../../graphql/pagination';
import { Role, Viewer } from '../../graphql/viewer';
import type { AuditService } from '../audit/audit.service';
import { isEmail, normalizeEmail } from '../shared/email';
import { pathIds } from '../shared/region-path';
import { boundedText } from '../shared/text';
import type { AccountLinks, AccountMail } from './account-mailer';
import { Account, AccountRole } from './account.entity';
import { invitationMail, signInMail } from './account.mails';
import { assertCanInviteAccount, assertCanListAccounts } from './account.permissions';
import { ACCOUNT_SESSIONS_CHANNEL, SessionGenerations } from './session-generations';

/** The link kind of sign-in and invitation links (one handler for both). */
export const SIGN_IN_LINK_KIND = 'accounts.sign-in';
export const SIGN_IN_LINK_MINUTES = 15;
export const INVITATION_LINK_DAYS = 7;

export interface Session {
  token: string;
  expiresAt: Date;
  account: Account;
}

export interface InviteData {
  email: string;
  displayName: string;
  role: AccountRole;
  actorIds: number[];
  regionIds: number[];
}

export const DEMO_COORDINATOR_EMAIL = 'demo-koordination@amt-buesum-wesselburen.example.org';

/**
 * Sign-in links open the workspace (/app) with the link's token in the fragment (never sent to
 * a server, so never in a log): the workspace uses it and keeps the session.
 */
export function signInUrl(linkUrl: string): string {
  return linkUrl.replace(/\/link\/([^/?#]+)$/, '/app#link=$1');
}

/** A hashed bucket key: the rate-limit table never holds an address. */
export function addressKey(email: string): string {
  return `addr:${createHash('sha256').update(normalizeEmail(email)).digest('base64url').slice(0, 32)}`;
}

export class AccountService {
  private readonly hydrate;
  private readonly columns: string;
  private readonly signer: Authenticator;

  constructor(
    private readonly db: Database,
    readonly config: Config,
    private readonly audit: AuditService,
    readonly sessions: SessionGenerations,
    private readonly links: AccountLinks,
    private readonly mail: AccountMail,
  ) {
    this.hydrate = makeHydrator(db.dataSource, Account);
    this.columns = selectList(db.dataSource, Account, 'a');
    this.signer = new Authenticator(config);
    links.registerHandler(SIGN_IN_LINK_KIND, (tx, link) => this.useSignInLink(tx, link.subjectId));
  }

  /**
   * With each account, the region paths of the regions it coordinates and of its actors'
   * regions: what decides which coordinators see it.
   */
  async byIds(ids: number[]): Promise<Array<{ account: Account; scope: number[][] }>> {
    const rows = await this.db.read(
      `SELECT ${this.columns}, ${this.scopeSql('a')} AS scope_paths FROM account a WHERE a.id = ANY($1)`,
      [ids],
    );
    return rows.map((r) => ({
      account: this.hydrate(r),
      scope: (r.scope_paths as string[]).map(pathIds),
    }));
  }

  private scopeSql(alias: string): string {
    return `ARRAY(SELECT r.path FROM region r WHERE r.id = ANY(${alias}.region_ids)
      OR r.id IN (SELECT x.region_id FROM actor x WHERE x.id = ANY(${alias}.actor_ids)))`;
  }

  /**
   * Where a mail about something a signed-in person made goes (a webhook that was switched
   * off): the account behind a session subject (`account:<id>`) while it is enabled; else (a
   * minted or IdP token, a disabled or erased account) the enabled COORDINATOR accounts of the
   * region or a region above it (`regionPathIds`). Addresses only, for the mail outbox.
   */
  async ownerAddresses(q: Queryable, sub: string, regionPathIds: number[]): Promise<string[]> {
    const m = /^account:(\d+)$/.exec(sub);
    const { rows } = await q.query<{ email: string }>(
      `WITH creator AS (SELECT email FROM account WHERE id = $1 AND NOT disabled)
       SELECT email FROM creator
       UNION ALL
       SELECT email FROM account
        WHERE NOT EXISTS (SELECT 1 FROM creator) AND NOT disabled AND role = 'COORDINATOR'
          AND region_ids && $2::int[]
       ORDER BY email`,
      [m ? Number(m[1]) : null, regionPathIds],
    );
    return rows.map((r) => r.email);
  }

  async byEmail(email: string): Promise<Account | null> {
    const rows = await this.db.query(`SELECT ${this.columns} FROM account a WHERE a.email = $1`, [
      normalizeEmail(email),
    ]);
    return rows[0] ? this.hydrate(rows[0]) : null;
  }

  /** ADMINs: every account; COORDINATORs: accounts of their regions or of actors there. Newest first. */
  async list(viewer: Viewer, args: ConnectionArgs): Promise<Connection<Account>> {
    assertCanListAccounts(viewer);
    const params: unknown[] = [];
    let where = '';
    if (viewer.role !== Role.ADMIN) {
      params.push(viewer.regionIds);
      where = `WHERE EXISTS (SELECT 1 FROM unnest(${this.scopeSql('a')}) AS s(path)
        WHERE s.path LIKE ANY (SELECT c.path || '%' FROM region c WHERE c.id = ANY($1)))`;
    }
    return paginate(
      this.db,
      {
        sql: `SELECT ${this.columns}, a.id AS _k0 FROM account a ${where}`,
        params,
        directions: ['DESC'],
        hydrate: this.hydrate,
      },
      args,
    );
  }

  /** Checks an invitation's input; BAD_USER_INPUT before anything is read or written. */
  private checkInvite(data: InviteData): InviteData {
    const email = normalizeEmail(data.email);
    if (!isEmail(email)) throw new BadUserInputError('email is not an e-mail address', 'email');
    const displayName = boundedText(data.displayName, 'displayName', 1, 200) as string;
    if (data.role === AccountRole.COORDINATOR && data.regionIds.length === 0) {
      throw new BadUserInputError('A COORDINATOR needs the regions it coordinates', 'regionIds');
    }
    if (data.role === AccountRole.MEMBER && data.actorIds.length === 0) {
      throw new BadUserInputError('A MEMBER needs the actors it acts for', 'actorIds');
    }
    return { ...data, email, displayName };
  }

  /**
   * Creates the account and mails it a sign-in link (valid for INVITATION_LINK_DAYS), in one
   * transaction: a refused invitation writes nothing. Returns the link too (the CLI prints it).
   */
  async invite(viewer: Viewer, input: InviteData): Promise<{ account: Account; url: string }> {
    const data = this.checkInvite(input);
    const actors = await this.db.query<{ id: number; path: string }>(
      'SELECT x.id, r.path FROM actor x JOIN region r ON r.id = x.region_id WHERE x.id = ANY($1)',
      [data.actorIds],
    );
    const regions = await this.db.query<{ id: number; path: string }>(
      'SELECT id, path FROM region WHERE id = ANY($1)',
      [data.regionIds],
    );
    // Permission first: a coordinator learns nothing about ids outside its regions.
    assertCanInviteAccount(viewer, {
      role: data.role,
      actorRegionPaths: actors.map((a) => pathIds(a.path)),
      regionPaths: regions.map((r) => pathIds(r.path)),
    });
    const missingActor = data.actorIds.find((id) => !actors.some((a) => a.id === id));
    if (missingActor !== undefined)
      throw new NotFoundError('Actor', toGlobalId('Actor', missingActor));
    const missingRegion = data.regionIds.find((id) => !regions.some((r) => r.id === id));
    if (missingRegion !== undefined)
      throw new NotFoundError('Region', toGlobalId('Region', missingRegion));
    return this.db.transaction(async (tx) => {
      const rows = await tx.rows(
        `INSERT INTO account (email, display_name, role, actor_ids, region_ids)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING RETURNING *`,
        [data.email, data.displayName, data.role, data.actorIds, data.regionIds],
      );
      if (rows.length === 0)
        throw new ConflictError('There is already an account with this e-mail');
      const account = this.hydrate(rows[0]);
      const link = await this.links.create(tx, {
        action: 'SIGN_IN',
        kind: SIGN_IN_LINK_KIND,
        subjectType: 'Account',
        subjectId: String(account.id),
        expiresAt: new Date(Date.now() + INVITATION_LINK_DAYS * 86400_000),
      });
      await this.mail.enqueue(tx, {
        to: account.email,
        kind: 'account-invitation',
        ...invitationMail({
          url: signInUrl(link.url),
          days: INVITATION_LINK_DAYS,
          role: account.role,
        }),
      });
      await this.audit.record(tx, viewer, {
        operation: 'inviteAccount',
        targetIds: [toGlobalId('Account', account.id)],
        regionId: data.regionIds[0] ?? null,
      });
      return { account, url: signInUrl(link.url) };
    });
  }

  /**
   * Mails a sign-in link when the address has an active account. Whether it has one or not, the
   * same statements run: the lookup, then the link and the outbox row inside a savepoint, which
   * is kept for an account and rolled back otherwise. So the answer and its timing tell nothing.
   */
  async requestSignIn(email: string): Promise<true> {
    const address = normalizeEmail(email);
    if (!isEmail(address)) throw new BadUserInputError('email is not an e-mail address', 'email');
    await this.db.transaction(async (tx) => {
      const [row] = await tx.rows<{ id: number; disabled: boolean }>(
        'SELECT id, disabled FROM account WHERE email = $1',
        [address],
      );
      const real = row !== undefined && !row.disabled;
      await tx.query('SAVEPOINT sign_in');
      const link = await this.links.create(tx, {
        action: 'SIGN_IN',
        kind: SIGN_IN_LINK_KIND,
        subjectType: 'Account',
        subjectId: String(row?.id ?? 0),
        expiresAt: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
      });
      await this.mail.enqueue(tx, {
        to: address,
        kind: 'account-sign-in',
        ...signInMail({ url: signInUrl(link.url), minutes: SIGN_IN_LINK_MINUTES }),
      });
      await tx.query(real ? 'RELEASE SAVEPOINT sign_in' : 'ROLLBACK TO SAVEPOINT sign_in');
    });
    return true;
  }

  /**
   * The embedded default with demo data: a demo coordinator of the first Amt (created once) and
   * a fresh sign-in link for it, for the start banner. Empty when there is no Amt.
   */
  async demoSignIn(): Promise<{ email: string; url: string } | null> {
    const email = DEMO_COORDINATOR_EMAIL;
    return this.db.transaction(async (tx) => {
      const [amt] = await tx.rows<{ id: number }>(
        `SELECT id FROM region WHERE level = 'AMT' ORDER BY id LIMIT 1`,
      );
      if (!amt) return null;
      await tx.query(
        `INSERT INTO account (email, display_name, role, region_ids)
         VALUES ($1, 'Demo-Koordination', 'COORDINATOR', $2) ON CONFLICT (email) DO NOTHING`,
        [email, [amt.id]],
      );
      const [account] = await tx.rows<{ id: number }>(
        'SELECT id FROM account WHERE email = $1 AND NOT disabled',
        [email],
      );
      if (!account) return null;
      const link = await this.links.create(tx, {
        action: 'SIGN_IN',
        kind: SIGN_IN_LINK_KIND,
        subjectType: 'Account',
        subjectId: String(account.id),
        expiresAt: new Date(Date.now() + 86400_000),
      });
      return { email, url: signInUrl(link.url) };
    });
  }

  /** The SIGN_IN link handler: a session for an active account. */
  private async useSignInLink(
    tx: Transaction,
    subjectId: string,
  ): Promise<{
    ok: boolean;
    message: string;
    subject?: { type: string; id: string };
    session?: Session;
  }> {
    const rows = await tx.rows(
      `UPDATE account SET last_sign_in_at = now() WHERE id = $1 AND NOT disabled RETURNING *`,
      [Number(subjectId)],
    );
    if (rows.length === 0) {
      return { ok: false, message: 'Dieses Konto gibt es nicht mehr oder es ist gesperrt.' };
    }
    const account = this.hydrate(rows[0]);
    return {
      ok: true,
      message: `Willkommen, ${account.displayName}. Sie sind angemeldet.`,
      subject: { type: 'Account', id: String(account.id) },
      session: await this.issueSession(account),
    };
  }

  /** A session token for the account, valid for HUB_SESSION_TTL. */
  async issueSession(account: Account): Promise<Session> {
    const exp = Math.floor(Date.now() / 1000) + this.config.sessionTtlSeconds;
    const token = await this.signer.sign({
      sub: `account:${account.id}`,
      role: account.role as unknown as Role,
      actorIds: account.actorIds.map((id) => toGlobalId('Actor', id)),
      regionIds: account.regionIds.map((id) => toGlobalId('Region', id)),
      pilotId: account.pilotId != null ? pilotGlobalId(account.pilotId) : undefined,
      accountId: toGlobalId('Account', account.id),
      sessionGeneration: account.sessionGeneration,
      ttl: exp,
    });
    return { token, expiresAt: new Date(exp * 1000), account };
  }

  /** Signs an account in by a verified e-mail (OpenID Connect); null when it has none or is disabled. */
  async signInVerifiedEmail(email: string): Promise<Session | null> {
    const rows = await this.db.query(
      `UPDATE account SET last_sign_in_at = now() WHERE email = $1 AND NOT disabled RETURNING *`,
      [normalizeEmail(email)],
    );
    return rows[0] ? this.issueSession(this.hydrate(rows[0])) : null;
  }

  /** Ends every session of the caller's account; false for a token that belongs to no account. */
  async signOut(viewer: Viewer): Promise<boolean> {
    if (viewer.accountId === undefined) return false;
    await this.endSessions(this.db, 'id = $1', [viewer.accountId]);
    return true;
  }

  /** Disables an account (CLI): its sessions end, no new ones are issued. */
  async disable(email: string): Promise<Account> {
    const [account] = await this.endSessions(this.db, 'email = $1', [normalizeEmail(email)], true);
    if (!account) throw new NotFoundError('Account with this e-mail');
    return account;
  }

  private async endSessions(
    db: Database,
    where: string,
    params: unknown[],
    disable = false,
  ): Promise<Account[]> {
    const accounts = await db.transaction(async (tx) => {
      const rows = await tx.rows(
        `UPDATE account SET session_generation = session_generation + 1
           ${disable ? ', disabled = true' : ''} WHERE ${where} RETURNING *`,
        params,
      );
      await notifyGenerations(tx, rows as Array<{ id: number; session_generation: number }>);
      return rows.map(this.hydrate);
    });
    for (const a of accounts) this.sessions.learn(a.id, a.sessionGeneration);
    return accounts;
  }
}

/** Announces new generations to every instance when the transaction commits. */
async function notifyGenerations(
  q: Queryable,
  rows: Array<{ id: number; session_generation: number }>,
): Promise<void> {
  for (const r of rows) {
    await q.query(`SELECT pg_notify($1, $2)`, [
      ACCOUNT_SESSIONS_CHANNEL,
      `${r.id}:${r.session_generation}`,
    ]);
  }
}
