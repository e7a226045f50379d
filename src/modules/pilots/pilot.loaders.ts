import { byIdLoader, HubLoader, inKeyOrder } from '../../graphql/dataloader';
import { Pilot } from './pilot.entity';
import { PilotService } from './pilot.service';

/** Pilot profiles are public: no viewer in the keys. */
export function createPilotLoaders(pilots: PilotService) {
  return {
    byId: byIdLoader(
      (ids) => pilots.byIds(ids),
      (p) => p.id,
    ),
    byAccountId: new HubLoader<number, Pilot | null>(async (ids) =>
      inKeyOrder(ids, await pilots.byAccountIds([...ids]), (r) => r.accountId).map(
        (r) => r?.pilot ?? null,
      ),
    ),
  };
}
