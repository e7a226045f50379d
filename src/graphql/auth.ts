// Bearer tokens: HS256 with a shared secret (the hub's own sessions and minted tokens), or
// RS256/ES256 against an identity provider's JWKS; the header's alg picks which.
// No header means PUBLIC; a header that does not verify is UNAUTHENTICATED, never PUBLIC.
// Every token must expire (`exp`), and the actors it names must exist and be older than it: a
// token minted for an actor id that did not exist yet would otherwise gain that actor once it
// is created.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, JWTPayload, SignJWT } from 'jose';
import { Config } from '../config/env';
import { DomainError, UnauthenticatedError } from './errors';
import { decodeGlobalId } from './global-id';
import { publicViewer, Role, Viewer } from './viewer';

const SIGNED_ROLES = new Set<string>([
  Role.MEMBER,
  Role.NETWORKER,
  Role.COORDINATOR,
  Role.ADMIN,
  Role.PILOT,
]);

/**
 * Checks a signed-in viewer after its token verified, without a database round trip on the hot
 * path (the accounts module refuses ended sessions from a per-account generation cache), and
 * announces sessions that end so open connections can close.
 */
export interface SessionGuard {
  /** Throws UnauthenticatedError when the viewer's session has ended. */
  check(viewer: Viewer): void | Promise<void>;
  /** Called with a test for viewers whose sessions just ended; returns an unsubscribe. */
  onRevoked(listener: (ended: (viewer: Viewer) => boolean) => void): () => void;
}

/** The pilot id claim: the global id "Pilot:<n>" (the pilots module registers the node type). */
export function pilotGlobalId(id: number): string {
  return Buffer.from(`Pilot:${id}`, 'utf8').toString('base64url');
}

function pilotClaim(claim: unknown): number | undefined {
  if (claim === undefined || claim === null) return undefined;
  const raw = typeof claim === 'string' ? Buffer.from(claim, 'base64url').toString('utf8') : '';
  const m = /^Pilot:(\d{1,10})$/.exec(raw);
  if (!m) throw new UnauthenticatedError('Token names an invalid Pilot id');
  return Number(m[1]);
}

/** The account claims of a hub session: both or neither. */
function sessionClaims(payload: JWTPayload): { accountId?: number; sessionGeneration?: number } {
  const { accountId, sgen } = payload;
  if (accountId === undefined && sgen === undefined) return {};
  const d = typeof accountId === 'string' ? decodeGlobalId(accountId) : null;
  if (!d || d.type !== 'Account' || typeof sgen !== 'number' || !Number.isSafeInteger(sgen)) {
    throw new UnauthenticatedError('The token names an invalid session');
  }
  return { accountId: d.id, sessionGeneration: sgen };
}

/** The HS256 secret: HUB_JWT_SECRET, or one generated once and kept in the data directory. */
export function resolveJwtSecret(config: Config): Uint8Array {
  if (config.jwtSecret) return new TextEncoder().encode(config.jwtSecret);
  const file = path.join(config.dataDir, 'jwt-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), {
      mode: 0o600,
      flag: 'wx',
    });
  }
  return new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim());
}

function idList(claim: unknown, type: 'Actor' | 'Region'): number[] {
  if (claim === undefined) return [];
  if (!Array.isArray(claim))
    throw new UnauthenticatedError(`Token claim for ${type} ids must be a list`);
  return claim.map((gid) => {
    const d = typeof gid === 'string' ? decodeGlobalId(gid) : null;
    if (!d || d.type !== type) throw new UnauthenticatedError(`Token names an invalid ${type} id`);
    return d.id;
  });
}

/** When each of the given actors was created; the ones that do not exist are absent. */
export type ActorCreationTimes = (ids: number[]) => Promise<Map<number, Date>>;

/** Clocks of an identity provider and the database may differ by this much. */
const CLOCK_SKEW_MS = 60_000;
/** Creation times are immutable: kept for this many actors. */
const MAX_CACHED_ACTORS = 10_000;

export class Authenticator {
  private readonly secret: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  private readonly actorCreated = new Map<number, number>();
  private readonly lookups = new Map<number, Promise<void>>();

  /** Without `actorCreationTimes` (the `token` command) actor ids are not looked up. */
  constructor(
    config: Config,
    private readonly actorCreationTimes?: ActorCreationTimes,
    private readonly guards: readonly SessionGuard[] = [],
  ) {
    this.secret = resolveJwtSecret(config);
    if (config.jwksUrl) this.jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  }

  /** Listens for ended sessions (signOut, a disabled account); returns an unsubscribe. */
  onRevoked(listener: (ended: (viewer: Viewer) => boolean) => void): () => void {
    const offs = this.guards.map((g) => g.onRevoked(listener));
    return () => offs.forEach((off) => off());
  }

  /** The provider's tokens with HUB_JWKS_URL; the hub's own HS256 tokens (sessions, minted). */
  private async verify(token: string): Promise<JWTPayload> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new UnauthenticatedError('The token is not valid');
    }
    const jwks = alg !== 'HS256' ? this.jwks : undefined;
    let payload: JWTPayload;
    try {
      payload = jwks
        ? (await jwtVerify(token, jwks, { algorithms: ['RS256', 'ES256'] })).payload
        : (await jwtVerify(token, this.secret, { algorithms: ['HS256'] })).payload;
    } catch (e) {
      const expired = (e as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new UnauthenticatedError(expired ? 'The token has expired' : 'The token is not valid');
    }
    // With an identity provider, the only HS256 tokens are the hub's own account sessions
    // (checked against their account's session generation); minted ones are refused.
    if (this.jwks && !jwks && payload.accountId === undefined) {
      throw new UnauthenticatedError('The token is not valid');
    }
    return payload;
  }

  /** Refuses actor ids that do not exist, or that were created after the token was issued. */
  private async checkActors(ids: number[], issuedAt: number | undefined): Promise<void> {
    if (!this.actorCreationTimes || ids.length === 0) return;
    await this.learnActors(ids.filter((id) => !this.actorCreated.has(id)));
    for (const id of ids) {
      const created = this.actorCreated.get(id);
      if (created === undefined) {
        throw new UnauthenticatedError('The token names an actor that does not exist');
      }
      if (issuedAt !== undefined && created > issuedAt * 1000 + CLOCK_SKEW_MS) {
        throw new UnauthenticatedError('The token names an actor created after it was issued');
      }
    }
  }

  /**
   * Looks the ids up once, however many requests ask at the same moment (200 concurrent requests
   * with a new token must not take 200 pooled connections for the same row).
   */
  private async learnActors(ids: number[]): Promise<void> {
    const waits = ids.map((id) => this.lookups.get(id)).filter((p) => p !== undefined);
    const fresh = ids.filter((id) => !this.lookups.has(id));
    if (fresh.length > 0) {
      const lookup = this.lookUp(fresh).finally(() => {
        for (const id of fresh) this.lookups.delete(id);
      });
      for (const id of fresh) this.lookups.set(id, lookup);
      waits.push(lookup);
    }
    await Promise.all(waits);
  }

  private async lookUp(ids: number[]): Promise<void> {
    let found: Map<number, Date>;
    try {
      found = await this.actorCreationTimes!(ids);
    } catch {
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        'The database is not reachable right now; try again shortly',
      );
    }
    for (const [id, at] of found) {
      if (this.actorCreated.size >= MAX_CACHED_ACTORS) {
        this.actorCreated.delete(this.actorCreated.keys().next().value as number);
      }
      this.actorCreated.set(id, at.getTime());
    }
  }

  /** Resolves the Authorization header value (or a connection param) to a viewer. */
  async viewerFor(authorization: string | undefined | null, ip: string): Promise<Viewer> {
    if (authorization == null || authorization === '') return publicViewer(ip);
    const m = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(authorization.trim());
    if (!m) throw new UnauthenticatedError('Authorization must be "Bearer <token>"');
    const payload = await this.verify(m[1]);
    // A token without an expiry would be valid forever, also on a connection held open.
    if (typeof payload.exp !== 'number') {
      throw new UnauthenticatedError('The token carries no expiry (exp)');
    }
    const role = payload.role;
    if (typeof role !== 'string' || !SIGNED_ROLES.has(role)) {
      throw new UnauthenticatedError('The token carries no valid role');
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      throw new UnauthenticatedError('The token carries no subject');
    }
    const actorIds = idList(payload.actorIds, 'Actor');
    const viewer: Viewer = {
      role: role as Role,
      sub: payload.sub,
      actorIds,
      regionIds: idList(payload.regionIds, 'Region'),
      ip,
      expiresAt: payload.exp * 1000,
      ...sessionClaims(payload),
    };
    const pilotId = pilotClaim(payload.pilotId);
    if (pilotId !== undefined) viewer.pilotId = pilotId;
    if (viewer.role === Role.PILOT && viewer.pilotId === undefined) {
      throw new UnauthenticatedError('A PILOT token needs the claim pilotId');
    }
    // Ended sessions are refused before anything is looked up.
    for (const guard of this.guards) await guard.check(viewer);
    await this.checkActors(actorIds, payload.iat);
    return viewer;
  }

  /**
   * Issues an HS256 token (the `token` command, tests, and the hub's sessions, which add their
   * account and its session generation). `ttl` is a lifetime ("8h") or an expiry in epoch seconds.
   */
  async sign(claims: {
    sub: string;
    role: Role;
    actorIds?: string[];
    regionIds?: string[];
    pilotId?: string;
    accountId?: string;
    sessionGeneration?: number;
    ttl?: string | number;
  }): Promise<string> {
    return new SignJWT({
      role: claims.role,
      actorIds: claims.actorIds ?? [],
      regionIds: claims.regionIds ?? [],
      ...(claims.pilotId ? { pilotId: claims.pilotId } : {}),
      ...(claims.accountId ? { accountId: claims.accountId, sgen: claims.sessionGeneration } : {}),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime(claims.ttl ?? '8h')
      .sign(this.secret);
  }
}
