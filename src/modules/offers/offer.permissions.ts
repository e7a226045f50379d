// Offers follow the needs' rules: NETWORK offers only for signed-in partners; the actor's editors
// (own actor, coordinated region, ADMIN) create, change and withdraw them.
import { ForbiddenError } from '../../graphql/errors';
import { Viewer } from '../../graphql/viewer';
import { ActorHome, canEditActor, canPlaceForActor } from '../actors/actor.permissions';

export { canSeeVisibility as canSeeOffer } from '../shared/visibility';

export function canEditOffer(viewer: Viewer, actorId: number, regionPathIds: number[]): boolean {
  return canEditActor(viewer, actorId, regionPathIds);
}

export function assertCanEditOffer(viewer: Viewer, actorId: number, regionPathIds: number[]): void {
  if (!canEditOffer(viewer, actorId, regionPathIds))
    throw new ForbiddenError('You may not change offers of this actor');
}

/** Creating an offer of an actor in a region: the same placement rule as opening a need. */
export function canCreateOfferIn(
  viewer: Viewer,
  actor: ActorHome,
  regionPathIds: number[],
): boolean {
  return canPlaceForActor(viewer, actor, regionPathIds);
}

export function assertCanCreateOfferIn(
  viewer: Viewer,
  actor: ActorHome,
  regionPathIds: number[],
): void {
  if (canCreateOfferIn(viewer, actor, regionPathIds)) return;
  if (!canEditOffer(viewer, actor.actorId, actor.regionPathIds))
    throw new ForbiddenError('You may not change offers of this actor');
  throw new ForbiddenError("Offers of this actor may only lie within the actor's district");
}
