// GET /events/<region id>: a small public HTML page with the upcoming PUBLIC events of a region
// and every region below it, for people and for search engines. The events are written as
// schema.org JSON-LD (Event with startDate/endDate on the Berlin clock with offset, a Place as
// location, eventStatus, seats as remainingAttendeeCapacity) from the same builder the widget
// uses; the list is plain HTML inside an <engagement-needs view="events"> element, so it reads
// without JavaScript and becomes the live widget with registration where scripts run.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eventJsonLd, jsonLdText, type LdEvent } from '../../clients/shared/json-ld';
import { decodeGlobalId, toGlobalId } from '../../graphql/global-id';
import { publicViewer } from '../../graphql/viewer';
import { escapeHtml as esc } from '../shared/html';
import type { ActorsServices } from '../actors';
import type { ContactPointsServices } from '../contact-points';
import type { LinksServices } from '../links';
import type { RegionsServices } from '../regions';
import { canSeeVisibility } from '../shared/visibility';
import { EventStatus, HubEvent } from './event.entity';
import type { EventService } from './event.service';

/** What the page reads: this module's events and what the other manifests export. */
export type EventPageServices = { events: EventService } & Pick<ActorsServices, 'actors'> &
  Pick<ContactPointsServices, 'contactPoints'> &
  Pick<RegionsServices, 'regions'> &
  Pick<LinksServices, 'links'>;

const MAX_EVENTS = 100;

const dayFmt = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFmt = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
});

function whenHtml(e: HubEvent): string {
  const start = `${dayFmt.format(e.startsAt)}, ${timeFmt.format(e.startsAt)}`;
  const sameDay = dayFmt.format(e.startsAt) === dayFmt.format(e.endsAt);
  const end = sameDay
    ? timeFmt.format(e.endsAt)
    : `${dayFmt.format(e.endsAt)}, ${timeFmt.format(e.endsAt)}`;
  return `<time datetime="${e.startsAt.toISOString()}">${esc(start)}</time> bis <time datetime="${e.endsAt.toISOString()}">${esc(end)}</time> Uhr`;
}

function seatsText(e: LdEvent): string {
  if (e.status === EventStatus.CANCELLED) return 'Abgesagt';
  if (e.capacity == null) return 'Ohne Platzbegrenzung';
  const left = Math.max(0, e.remainingSeats ?? 0);
  if (left === 0) return 'Ausgebucht – Warteliste möglich';
  return left === 1
    ? `Noch 1 Platz von ${e.capacity} frei`
    : `Noch ${left} von ${e.capacity} Plätzen frei`;
}

/** The page's events with names resolved, as the PUBLIC viewer may see them. */
async function pageEvents(
  s: EventPageServices,
  viewer: ReturnType<typeof publicViewer>,
  regionId: number,
) {
  const now = Date.now();
  const events = (await s.events.forFeed(viewer, { regionId }))
    .filter((e) => e.endsAt.getTime() > now)
    .slice(0, MAX_EVENTS);
  const [actors, regions, points] = await Promise.all([
    s.actors.byIds([...new Set(events.map((e) => e.organizerId))]),
    s.regions.byIds([...new Set(events.map((e) => e.regionId))]),
    s.contactPoints.byIds([
      ...new Set(events.flatMap((e) => (e.contactPointId != null ? [e.contactPointId] : []))),
    ]),
  ]);
  const actor = new Map(actors.map((a) => [a.id, a]));
  const region = new Map(regions.map((r) => [r.id, r]));
  const point = new Map(
    points.filter((p) => canSeeVisibility(viewer, p.visibility)).map((p) => [p.id, p]),
  );
  return events.map((e) => {
    const cp = e.contactPointId != null ? point.get(e.contactPointId) : undefined;
    const ld: LdEvent = {
      id: toGlobalId('Event', e.id),
      title: e.title,
      description: e.description,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      status: e.status,
      venue: e.venue,
      capacity: e.capacity,
      remainingSeats: e.capacity == null ? null : Math.max(0, e.capacity - e.registeredSeats),
      location:
        e.latitude != null && e.longitude != null
          ? { latitude: e.latitude, longitude: e.longitude }
          : null,
      region: { name: region.get(e.regionId)?.name ?? '' },
      organizer: { name: actor.get(e.organizerId)?.name ?? '' },
      contactPoint: cp ? { name: cp.name, address: cp.address } : null,
    };
    return { event: e, ld };
  });
}

function page(
  regionName: string,
  regionGid: string,
  url: string,
  icalUrl: string,
  items: Awaited<ReturnType<typeof pageEvents>>,
): string {
  const jsonLd = items.map((i) => eventJsonLd(i.ld, url));
  const list = items.length
    ? `<ul class="events">${items
        .map(({ event: e, ld }) => {
          const where = [
            ld.venue ?? ld.contactPoint?.name,
            ld.contactPoint?.address,
            ld.region.name,
          ]
            .filter(Boolean)
            .join(', ');
          return `<li id="${esc(ld.id)}"${e.status === EventStatus.CANCELLED ? ' class="cancelled"' : ''}>
<h2>${esc(e.title)}</h2>
<p class="seats">${esc(seatsText(ld))}</p>
<p>${whenHtml(e)}</p>
<p>Wo: ${esc(where)}</p>
<p>Veranstalter: ${esc(ld.organizer.name)}</p>
${e.description ? `<p>${esc(e.description)}</p>` : ''}
<p><a href="${esc(`/ical/events/${ld.id}.ics`)}">In den Kalender übernehmen (iCalendar)</a></p>
</li>`;
        })
        .join('\n')}</ul>`
    : '<p>Im Moment sind hier keine Termine geplant.</p>';
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="canonical" href="${esc(url)}">
<link rel="alternate" type="text/calendar" href="${esc(icalUrl)}" title="Alle Termine als Kalender">
<title>Termine in ${esc(regionName)} · Engagement-Hub</title>
<meta name="description" content="Stammtische, Workshops und Informationsabende in ${esc(regionName)}.">
<script type="application/ld+json">${jsonLdText(jsonLd)}</script>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2933; background: #f3f5f8; line-height: 1.45; }
  header, main { max-width: 48rem; margin: 0 auto; padding: 1rem 1.25rem; }
  h1 { font-size: 1.5rem; margin: .5rem 0 .25rem; }
  ul.events { list-style: none; padding: 0; display: grid; gap: .75rem; }
  ul.events li { background: #fff; border: 1px solid #cbd5e1; border-left: 4px solid #0b6e4f; border-radius: 8px; padding: .75rem 1rem; }
  ul.events li.cancelled { border-left-color: #b42318; }
  ul.events h2 { font-size: 1.1rem; margin: 0 0 .25rem; }
  ul.events p { margin: .2rem 0; }
  .seats { font-weight: 700; color: #0b6e4f; }
  .cancelled .seats { color: #b42318; }
  a { color: #005ca9; }
  a:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
</style>
</head>
<body>
<header>
  <h1>Termine in ${esc(regionName)}</h1>
  <p>Stammtische, Workshops und Informationsabende des Netzwerks. Alle Termine als Kalender zum Abonnieren:
    <a href="${esc(icalUrl)}">iCalendar-Feed</a>.</p>
</header>
<main>
<engagement-needs view="events" region="${esc(regionGid)}" limit="50">
${list}
</engagement-needs>
</main>
<script src="/widget.js" defer></script>
</body>
</html>
`;
}

function sendHtml(req: FastifyRequest, reply: FastifyReply, status: number, html: string) {
  const host = req.headers.host ?? '';
  return reply
    .code(status)
    .header(
      'content-security-policy',
      `default-src 'self'; connect-src 'self' ws://${host} wss://${host}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    )
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'public, max-age=60')
    .type('text/html; charset=utf-8')
    .send(html);
}

function notFound(req: FastifyRequest, reply: FastifyReply) {
  return sendHtml(
    req,
    reply,
    404,
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Nicht gefunden · Engagement-Hub</title></head>' +
      '<body><main><h1>Diese Region gibt es nicht</h1><p>Bitte prüfen Sie die Adresse.</p></main></body></html>',
  );
}

export function registerEventPage(app: FastifyInstance, s: EventPageServices): void {
  app.get<{ Params: { region: string } }>('/events/:region', async (req, reply) => {
    // A public page: always what PUBLIC sees, whatever a browser sends along.
    const viewer = publicViewer(req.ip);
    const decoded = /^[A-Za-z0-9_-]{1,100}$/.test(req.params.region)
      ? decodeGlobalId(req.params.region)
      : null;
    if (!decoded || decoded.type !== 'Region') return notFound(req, reply);
    const [region] = await s.regions.byIds([decoded.id]);
    if (!region) return notFound(req, reply);
    const gid = toGlobalId('Region', region.id);
    const items = await pageEvents(s, viewer, region.id);
    return sendHtml(
      req,
      reply,
      200,
      page(
        region.name,
        gid,
        s.links.absoluteUrl(`/events/${gid}`),
        s.links.absoluteUrl(`/ical/regions/${gid}.ics`),
        items,
      ),
    );
  });
}
