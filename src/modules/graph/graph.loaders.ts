import { HubLoader } from '../../graphql/dataloader';
import { CooperationStatus } from '../cooperations/cooperation.entity';
import { GraphService, PartnerStep } from './graph.service';

export interface PartnersKey {
  actorId: number;
  depth: number;
  statuses: CooperationStatus[];
}

export function createGraphLoaders(graph: GraphService) {
  return {
    /**
     * Partners (id and steps away) of many actors per (depth, statuses): one statement per
     * level.
     */
    partners: new HubLoader<PartnersKey, PartnerStep[], string>(
      async (keys) => {
        const groups = new Map<string, PartnersKey[]>();
        for (const k of keys) {
          const shape = `${k.depth}|${k.statuses.join(',')}`;
          groups.set(shape, [...(groups.get(shape) ?? []), k]);
        }
        const results = new Map<PartnersKey, PartnerStep[]>();
        for (const group of groups.values()) {
          const found = await graph.partnersOf(
            [...new Set(group.map((k) => k.actorId))],
            group[0].depth,
            group[0].statuses,
          );
          for (const k of group) results.set(k, found.get(k.actorId) ?? []);
        }
        return keys.map((k) => results.get(k) as PartnerStep[]);
      },
      { cacheKeyFn: (k) => JSON.stringify(k), maxBatchSize: 1000 },
    ),
  };
}
