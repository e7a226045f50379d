import { byIdLoader, groupedInKeyOrder, HubLoader, ownerLoader } from '../../graphql/dataloader';
import type { IdWindow, OwnerPage } from '../../graphql/pagination';
import { Actor } from '../actors/actor.entity';
import { Cooperation, CooperationStatus } from './cooperation.entity';
import { CooperationService } from './cooperation.service';

export interface ActorCooperationCountKey extends Record<string, unknown> {
  ownerId: number;
  statuses: CooperationStatus[];
}

export interface ActorCooperationsKey extends ActorCooperationCountKey, IdWindow {}

export function createCooperationLoaders(cooperations: CooperationService) {
  return {
    byId: byIdLoader(
      (ids) => cooperations.byIds(ids),
      (c) => c.id,
    ),
    participants: new HubLoader<number, Actor[]>(async (ids) =>
      groupedInKeyOrder(
        ids,
        await cooperations.participantsOf([...ids]),
        (r) => r.cooperationId,
      ).map((rows) => rows.map((r) => r.actor)),
    ),
    /** Actor.cooperations pages of many actors in one statement per query shape. */
    ofActor: ownerLoader<ActorCooperationsKey, OwnerPage<Cooperation>>(
      (actorIds, k) => cooperations.pagesForActors(actorIds, k.statuses, k),
      { nodes: [], hasNextPage: false, hasPreviousPage: false },
    ),
    countOfActor: ownerLoader<ActorCooperationCountKey, number>(
      (actorIds, k) => cooperations.countsForActors(actorIds, k.statuses),
      0,
    ),
  };
}
