// Contact points (Anlaufstellen): the central office and the office hours in the villages, with
// RRULE hours in Europe/Berlin, exceptions, openings and an iCalendar feed.
import type { AuditServices } from '../audit';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { canSeeVisibility } from '../shared/visibility';
import { ContactPoint } from './contact-point.entity';
import { createContactPointLoaders } from './contact-point.loaders';
import { assertCanEditContactPoint, canEditContactPoint } from './contact-point.permissions';
import { ContactPointResolver, OpeningResolver } from './contact-point.resolver';
import { ContactPointService } from './contact-point.service';
import { registerContactPointFeeds } from './contact-point.feed';

export const contactPointsModule = defineModule({
  name: 'contactPoints',
  entities: [ContactPoint],
  resolvers: [ContactPointResolver, OpeningResolver],
  nodeTypes: [
    {
      name: 'ContactPoint',
      fetch: async (ctx, id): Promise<object | null> => {
        const cp = await ctx.loaders.contactPoints.byId.load(id);
        return cp && canSeeVisibility(ctx.viewer, cp.visibility) ? cp : null;
      },
    },
  ],
  services: ({ db, audit }: HubInfra & AuditServices) => ({
    contactPoints: new ContactPointService(db, audit),
  }),
  loaders: ({ contactPoints }) => createContactPointLoaders(contactPoints),
  routes: (app, services, deps) => registerContactPointFeeds(app, services, deps),
  permissions: { canEditContactPoint, assertCanEditContactPoint },
});

/** What the contact-points module adds to ctx.services, for the modules after it. */
export type ContactPointsServices = ServicesOf<typeof contactPointsModule>;
