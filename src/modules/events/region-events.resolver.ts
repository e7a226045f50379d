import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { toGlobalId } from '../../graphql/global-id';
import { Region } from '../regions/region.entity';
import { RegionType } from '../regions/region.type';

/** Region.icalUrl: the region's calendar of events and office hours (an addition to the contract). */
@Resolver(() => RegionType)
export class RegionEventsFeedResolver {
  @FieldResolver(() => String, {
    description:
      'Absolute URL of an iCalendar (RFC 5545) feed of the events and office hours of this region and below.',
  })
  icalUrl(@Root() r: Region, @Ctx() ctx: HubContext): string {
    return ctx.services.links.absoluteUrl(`/ical/regions/${toGlobalId('Region', r.id)}.ics`);
  }
}
