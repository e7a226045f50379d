// Offers follow the needs' rules: NETWORK offers only for signed-in partners; the actor's editors
// (own actor, coordinated region, ADMIN) create, change and withdraw them.
import { ForbiddenError } from '../../graphql/errors';
import { Viewer } from '../../graphql/viewer';
import { canEditActor } from '../actors/actor.permissions';

export { canSeeVisibility as canSeeOffer } from '../shared/visibility';

export function canEditOffer(viewer: Viewer, actorId: number, regionPathIds: number[]): boolean {
  return canEditActor(viewer, actorId, regionPathIds);
}

export function assertCanEditOffer(viewer: Viewer, actorId: number, regionPathIds: number[]): void {
  if (!canEditOffer(viewer, actorId, regionPathIds))
    throw new ForbiddenError('You may not change offers of this actor');
}
