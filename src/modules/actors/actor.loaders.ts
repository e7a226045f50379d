import { byIdLoader } from '../../graphql/dataloader';
import { ActorService } from './actor.service';

export function createActorLoaders(actors: ActorService) {
  return {
    byId: byIdLoader(
      (ids) => actors.byIds(ids),
      (a) => a.id,
    ),
  };
}
