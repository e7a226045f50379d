// GET /ical/events/<id>.ics (one event) and /ical/regions/<id>.ics (every visible event and
// opening in a region and below it). Cancelled events stay in the feeds as STATUS:CANCELLED,
// so calendars that subscribed remove them instead of keeping a stale date.
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import type { FastifyInstance } from 'fastify';
import { toGlobalId } from '../../graphql/global-id';
import { addOpenings } from '../contact-points/contact-point.feed';
import type { ContactPointService } from '../contact-points/contact-point.service';
import type { RouteDeps } from '../define-module';
import {
  berlinTimes,
  feedId,
  feedNotFound,
  feedViewer,
  newCalendar,
  sendCalendar,
} from '../shared/ical-feed';
import { EventStatus, HubEvent } from './event.entity';
import type { EventService } from './event.service';

export function addEvent(cal: ICalCalendar, e: HubEvent): void {
  cal.createEvent({
    id: `event-${toGlobalId('Event', e.id)}@engagement-hub`,
    ...berlinTimes(e.startsAt, e.endsAt),
    summary: e.title,
    description: e.description ?? undefined,
    location: e.venue ?? undefined,
    status:
      e.status === EventStatus.CANCELLED ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    lastModified: e.updatedAt,
    categories: e.topics.map((name) => ({ name })),
  });
}

export function registerEventFeeds(
  app: FastifyInstance,
  s: { events: EventService; contactPoints: ContactPointService },
  deps: RouteDeps,
): void {
  app.get<{ Params: { file: string } }>('/ical/events/:file', async (req, reply) => {
    const viewer = await feedViewer(deps, req, reply);
    if (!viewer) return reply;
    const id = feedId(req.params.file, 'Event');
    const [e] = id == null ? [] : await s.events.forFeed(viewer, { ids: [id] });
    if (!e) return feedNotFound(reply);
    const cal = newCalendar(e.title);
    addEvent(cal, e);
    return sendCalendar(req, reply, cal, `veranstaltung-${e.id}`);
  });
  app.get<{ Params: { file: string } }>('/ical/regions/:file', async (req, reply) => {
    const viewer = await feedViewer(deps, req, reply);
    if (!viewer) return reply;
    const id = feedId(req.params.file, 'Region');
    if (id == null) return feedNotFound(reply);
    const [events, points] = await Promise.all([
      s.events.forFeed(viewer, { regionId: id }),
      s.contactPoints.inRegion(viewer, id),
    ]);
    const cal = newCalendar('Termine und Sprechzeiten');
    for (const e of events) addEvent(cal, e);
    for (const cp of points) addOpenings(cal, s.contactPoints, cp);
    return sendCalendar(req, reply, cal, `region-${id}`);
  });
}
