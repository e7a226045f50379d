// GET /ical/contact-points/<id>.ics: the openings of one contact point, from a month back to a
// year ahead (at most 500), each with a UID that stays the same while its day and start do.
import type { ICalCalendar } from 'ical-generator';
import type { FastifyInstance } from 'fastify';
import { toGlobalId } from '../../graphql/global-id';
import type { RouteDeps } from '../define-module';
import {
  berlinTimes,
  feedId,
  feedNotFound,
  feedViewer,
  newCalendar,
  sendCalendar,
} from '../shared/ical-feed';
import { canSeeVisibility } from '../shared/visibility';
import { ContactPoint } from './contact-point.entity';
import type { ContactPointService } from './contact-point.service';
import { MAX_AHEAD_MS, MAX_OPENINGS } from './opening-rules';

const MONTH_MS = 31 * 24 * 3600 * 1000;

/** Adds the openings of a contact point to a calendar (also used by the region feed). */
export function addOpenings(
  cal: ICalCalendar,
  service: ContactPointService,
  cp: ContactPoint,
  now = new Date(),
): void {
  const from = new Date(now.getTime() - MONTH_MS);
  const until = new Date(from.getTime() + MAX_AHEAD_MS);
  for (const o of service.openings(cp, from, until, MAX_OPENINGS)) {
    cal.createEvent({
      id: `opening-${toGlobalId('ContactPoint', cp.id)}-${o.startsAt.toISOString()}@engagement-hub`,
      ...berlinTimes(o.startsAt, o.endsAt),
      summary: `Sprechstunde: ${cp.name}`,
      description: [cp.description, o.note].filter(Boolean).join('\n') || undefined,
      location: cp.address ?? undefined,
    });
  }
}

export function registerContactPointFeeds(
  app: FastifyInstance,
  { contactPoints }: { contactPoints: ContactPointService },
  deps: RouteDeps,
): void {
  app.get<{ Params: { file: string } }>('/ical/contact-points/:file', async (req, reply) => {
    const viewer = await feedViewer(deps, req, reply);
    if (!viewer) return reply;
    const id = feedId(req.params.file, 'ContactPoint');
    const [cp] = id == null ? [] : await contactPoints.byIds([id]);
    if (!cp || !canSeeVisibility(viewer, cp.visibility)) return feedNotFound(reply);
    const cal = newCalendar(cp.name);
    addOpenings(cal, contactPoints, cp);
    return sendCalendar(req, reply, cal, `sprechzeiten-${cp.id}`);
  });
}
