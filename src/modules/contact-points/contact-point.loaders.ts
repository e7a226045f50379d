import { byIdLoader } from '../../graphql/dataloader';
import { ContactPointService } from './contact-point.service';

/** Raw rows by id: callers apply the visibility rule. */
export function createContactPointLoaders(contactPoints: ContactPointService) {
  return {
    byId: byIdLoader(
      (ids) => contactPoints.byIds(ids),
      (c) => c.id,
    ),
  };
}
