// Bearer tokens: HS256 with a shared secret, or RS256/ES256 against an identity provider's JWKS.
// No header means PUBLIC; a header that does not verify is UNAUTHENTICATED, never PUBLIC.
// Every token must expire (`exp`), and the actors it names must exist and be older than it: a
// token minted for an actor id that did not exist yet would otherwise gain that actor once it
// is created.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRemoteJWKSet, jwtVerify, JWTPayload, SignJWT } from 'jose';
import { Config } from '../config/env';
import { DomainError, UnauthenticatedError } from './errors';
import { decodeGlobalId } from './global-id';
import { publicViewer, Role, Viewer } from './viewer';

const SIGNED_ROLES = new Set<string>([Role.MEMBER, Role.NETWORKER, Role.COORDINATOR, Role.ADMIN]);

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
  ) {
    this.secret = resolveJwtSecret(config);
    if (config.jwksUrl) this.jwks = createRemoteJWKSet(new URL(config.jwksUrl));
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
    let payload: JWTPayload;
    try {
      payload = this.jwks
        ? (await jwtVerify(m[1], this.jwks, { algorithms: ['RS256', 'ES256'] })).payload
        : (await jwtVerify(m[1], this.secret, { algorithms: ['HS256'] })).payload;
    } catch (e) {
      const expired = (e as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new UnauthenticatedError(expired ? 'The token has expired' : 'The token is not valid');
    }
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
    await this.checkActors(actorIds, payload.iat);
    return {
      role: role as Role,
      sub: payload.sub,
      actorIds,
      regionIds: idList(payload.regionIds, 'Region'),
      ip,
      expiresAt: payload.exp * 1000,
    };
  }

  /** Issues an HS256 token (the `token` command and tests). */
  async sign(claims: {
    sub: string;
    role: Role;
    actorIds?: string[];
    regionIds?: string[];
    ttl?: string;
  }): Promise<string> {
    return new SignJWT({
      role: claims.role,
      actorIds: claims.actorIds ?? [],
      regionIds: claims.regionIds ?? [],
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuedAt()
      .setExpirationTime(claims.ttl ?? '8h')
      .sign(this.secret);
  }
}
