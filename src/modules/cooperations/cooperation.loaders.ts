import { byIdLoader, byShape, groupedInKeyOrder, HubLoader } from '../../graphql/dataloader';
import { Actor } from '../actors/actor.entity';
import { CooperationStatus } from './cooperation.entity';
import { ActorCooperationPage, CooperationService } from './cooperation.service';

export interface ActorCooperationsKey {
  actorId: number;
  statuses: CooperationStatus[];
  size: number;
  afterId: number | null;
}

export interface ActorCooperationCountKey {
  actorId: number;
  statuses: CooperationStatus[];
}

export function createCooperationLoaders(cooperations: CooperationService) {
  return {
    cooperation: byIdLoader(
      (ids) => cooperations.byIds(ids),
      (c) => c.id,
    ),
    cooperationParticipants: new HubLoader<number, Actor[]>(async (ids) =>
      groupedInKeyOrder(
        ids,
        await cooperations.participantsOf([...ids]),
        (r) => r.cooperationId,
      ).map((rows) => rows.map((r) => r.actor)),
    ),
    actorCooperations: new HubLoader<ActorCooperationsKey, ActorCooperationPage, string>(
      async (keys) => {
        const results = new Map<ActorCooperationsKey, ActorCooperationPage>();
        for (const group of byShape(keys, 'actorId').values()) {
          const { statuses, size, afterId } = group[0];
          const pages = await cooperations.pagesForActors(
            group.map((k) => k.actorId),
            statuses,
            size,
            afterId,
          );
          for (const k of group) results.set(k, pages.get(k.actorId) as ActorCooperationPage);
        }
        return keys.map((k) => results.get(k) as ActorCooperationPage);
      },
      { cacheKeyFn: (k) => JSON.stringify(k), maxBatchSize: 1000 },
    ),
    actorCooperationCount: new HubLoader<ActorCooperationCountKey, number, string>(
      async (keys) => {
        const results = new Map<ActorCooperationCountKey, number>();
        for (const group of byShape(keys, 'actorId').values()) {
          const counts = await cooperations.countsForActors(
            group.map((k) => k.actorId),
            group[0].statuses,
          );
          for (const k of group) results.set(k, counts.get(k.actorId) ?? 0);
        }
        return keys.map((k) => results.get(k) as number);
      },
      { cacheKeyFn: (k) => JSON.stringify(k), maxBatchSize: 1000 },
    ),
  };
}
