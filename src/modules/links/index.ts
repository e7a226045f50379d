// Links sent by e-mail: random single-purpose tokens (stored as sha256 only) with an expiry,
// used once through `useLink` or the /link/<token> page; modules register a handler per kind.
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { Link } from './link.entity';
import { LinkResolver } from './link.resolver';
import { registerLinkRoutes } from './link.routes';
import { LinkService } from './link.service';

export const linksModule = defineModule({
  name: 'links',
  entities: [Link],
  resolvers: [LinkResolver],
  services: ({ db, config }: HubInfra) => ({ links: new LinkService(db, config) }),
  tasks: ({ links }) => ({
    'links.prune': async (_payload, { log }) => {
      const erased = await links.prune();
      if (erased) log.info({ erased }, 'old links erased');
    },
  }),
  schedules: [{ task: 'links.prune', pattern: '27 3 * * *' }],
  routes: (app, { links }, deps) => registerLinkRoutes(app, links, deps),
});

/** What the links module adds to ctx.services, for the factories of modules after it. */
export type LinksServices = ServicesOf<typeof linksModule>;
export { LinkAction } from './link-action';
export type { LinkHandler, LinkOutcome, UsableLink } from './link.service';
