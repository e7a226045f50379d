// Who may invite whom, and who sees an account. Pure predicates over the viewer and the
// region paths of what is involved (ancestor ids, the region itself last).
import { ForbiddenError } from '../../graphql/errors';
import { Role, Viewer } from '../../graphql/viewer';
import { coordinatesRegion } from '../actors/actor.permissions';
import { AccountRole } from './account.entity';

/** The roles a coordinator may hand out: members of actors and pilots, never more than itself. */
const COORDINATOR_INVITES = new Set<AccountRole>([AccountRole.MEMBER, AccountRole.PILOT]);

export interface InviteScope {
  role: AccountRole;
  /** Region paths of the actors the account will act for. */
  actorRegionPaths: number[][];
  /** Region paths of the regions the account will coordinate. */
  regionPaths: number[][];
}

/**
 * ADMINs invite any role. COORDINATORs invite MEMBERs and PILOTs whose actors and regions all lie
 * in regions they coordinate; nobody else invites.
 */
export function canInviteAccount(viewer: Viewer, scope: InviteScope): boolean {
  if (viewer.role === Role.ADMIN) return true;
  if (viewer.role !== Role.COORDINATOR || !COORDINATOR_INVITES.has(scope.role)) return false;
  return [...scope.actorRegionPaths, ...scope.regionPaths].every((p) =>
    coordinatesRegion(viewer, p),
  );
}

export function assertCanInviteAccount(viewer: Viewer, scope: InviteScope): void {
  if (!canInviteAccount(viewer, scope)) {
    throw new ForbiddenError(
      'Administrators invite any role; coordinators invite members and pilots for actors and regions they coordinate',
    );
  }
}

/** Who lists accounts: ADMINs all, COORDINATORs those in their regions. */
export function canListAccounts(viewer: Viewer): boolean {
  return viewer.role === Role.ADMIN || viewer.role === Role.COORDINATOR;
}

export function assertCanListAccounts(viewer: Viewer): void {
  if (!canListAccounts(viewer)) {
    throw new ForbiddenError('Only coordinators and administrators list accounts');
  }
}

/**
 * An account is seen (and its e-mail) by itself, by ADMINs, and by coordinators of a region the
 * account coordinates or one of its actors lies in (`paths`: those regions' paths).
 */
export function canSeeAccount(viewer: Viewer, accountId: number, paths: number[][]): boolean {
  if (viewer.accountId === accountId || viewer.role === Role.ADMIN) return true;
  return paths.some((p) => coordinatesRegion(viewer, p));
}
