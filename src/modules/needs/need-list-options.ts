import type { GraphQLResolveInfo } from 'graphql';
import type { HubContext } from '../../graphql/context';
import { selects } from '../../graphql/selection';
import type { ListOptions } from './need.service';

/**
 * How a need list serves this request in as few statements as possible: its count only when
 * selected (in the page's statement), and each need's actor and region joined into the page and
 * primed into this request's loaders.
 */
export function needListOptions(ctx: HubContext, info: GraphQLResolveInfo): ListOptions {
  return {
    withTotal: selects(info, 'totalCount'),
    prime: {
      actor: (a) => void ctx.loaders.actors.byId.prime(a.id, a),
      region: (r) => void ctx.loaders.regions.byId.prime(r.id, r),
    },
  };
}
