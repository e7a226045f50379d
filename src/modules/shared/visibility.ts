// THE visibility rule of records that carry one (needs, offers, and whatever comes next):
// PUBLIC callers see only PUBLIC records; everyone signed in sees NETWORK records too.
// One predicate for rows in memory, one SQL fragment for lists, counts and searches.
import { Role, Viewer } from '../../graphql/viewer';

export enum Visibility {
  PUBLIC = 'PUBLIC',
  NETWORK = 'NETWORK',
}

/**
 * The only viewer fact visibility depends on. Loaders put it in their keys (so a batch of one
 * shape serves every caller who sees the same), services take it where no viewer is at hand.
 */
export interface VisibilityScope {
  publicOnly: boolean;
}

export function visibilityScope(viewer: Pick<Viewer, 'role'>): VisibilityScope {
  return { publicOnly: viewer.role === Role.PUBLIC };
}

const scopeOf = (who: Pick<Viewer, 'role'> | VisibilityScope): VisibilityScope =>
  'publicOnly' in who ? who : visibilityScope(who);

/** NETWORK records are for signed-in partners only; PUBLIC ones for everyone. */
export function canSeeVisibility(
  who: Pick<Viewer, 'role'> | VisibilityScope,
  visibility: Visibility | string,
): boolean {
  return visibility === Visibility.PUBLIC || !scopeOf(who).publicOnly;
}

/** SQL condition with the meaning of canSeeVisibility over `alias`; null when everything is visible. */
export function visibilitySql(
  who: Pick<Viewer, 'role'> | VisibilityScope,
  alias: string,
): string | null {
  return scopeOf(who).publicOnly ? `${alias}.visibility = 'PUBLIC'` : null;
}

/** visibilitySql as an `AND ...` suffix ('' when everything is visible). */
export function andVisibilitySql(
  who: Pick<Viewer, 'role'> | VisibilityScope,
  alias: string,
): string {
  const sql = visibilitySql(who, alias);
  return sql ? ` AND ${sql}` : '';
}
