// Who is calling. Built once per request (HTTP) or connection (WebSocket) from the bearer token.
export enum Role {
  PUBLIC = 'PUBLIC',
  MEMBER = 'MEMBER',
  NETWORKER = 'NETWORKER',
  COORDINATOR = 'COORDINATOR',
  ADMIN = 'ADMIN',
  /** An Ehrenamtslotse: answers the consultations assigned to them (token claim pilotId). */
  PILOT = 'PILOT',
}

export interface Viewer {
  role: Role;
  /** Subject of the token; null for PUBLIC. */
  sub: string | null;
  /** Actors a MEMBER edits (database ids). */
  actorIds: number[];
  /** Regions a COORDINATOR coordinates (database ids), each including everything below it. */
  regionIds: number[];
  /** Client address, for per-IP rate limits; never logged with personal data. */
  ip: string;
  /** When the token expires (epoch ms); open streams end then. Absent for PUBLIC. */
  expiresAt?: number;
  /** The account a hub session belongs to (database id); absent for minted and IdP tokens. */
  accountId?: number;
  /** The account's session generation when the session was issued; signOut moves it on. */
  sessionGeneration?: number;
  /** The pilot a PILOT acts as (database id), from the token claim pilotId. */
  pilotId?: number;
}

export function publicViewer(ip = 'unknown'): Viewer {
  return { role: Role.PUBLIC, sub: null, actorIds: [], regionIds: [], ip };
}

export const SYSTEM_VIEWER: Viewer = {
  role: Role.ADMIN,
  sub: 'system',
  actorIds: [],
  regionIds: [],
  ip: 'local',
};
