// iCalendar (RFC 5545) feeds with ical-generator: one calendar per answer, times as wall clock
// in Europe/Berlin with TZID and a VTIMEZONE, stable UIDs, and an ETag so calendar apps that poll
// get 304 while nothing changed.
//
// ical-generator writes a native Date with a TZID in the *server's* zone, so the Berlin wall
// clock is computed here and handed over as a string without offset, which it writes as is. The
// calendar's own zone stays null: with one set it would also write DTSTAMP and LAST-MODIFIED as
// floating server-local times instead of UTC. The VTIMEZONE comes from timezones-ical-library
// (the IANA rules as RFC 5545 components, kept up to date with each tzdata release).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import ical, { ICalCalendar } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { UnauthenticatedError } from '../../graphql/errors';
import { decodeGlobalId } from '../../graphql/global-id';
import type { Viewer } from '../../graphql/viewer';
import type { RouteDeps } from '../define-module';
import { berlinWallClock, HUB_TIME_ZONE } from './berlin-time';

export const ICAL_PRODID = { company: 'engagement-hub', product: 'engagement-hub', language: 'DE' };

/** The VTIMEZONE component of a zone, or null when the library does not know it. */
export function vtimezone(tz: string): string | null {
  const block = tzlib_get_ical_block(tz);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

export function newCalendar(name: string): ICalCalendar {
  // name null: no zone of its own; the generator adds a VTIMEZONE for each zone an event uses.
  return ical({ name, prodId: ICAL_PRODID, timezone: { name: null, generator: vtimezone } });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "YYYY-MM-DDTHH:MM:SS" on the Berlin wall clock. */
function berlinLocal(at: Date): string {
  const w = berlinWallClock(at);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

const HOUR_MS = 3600 * 1000;

/** Whether the Berlin wall clock of an instant names no other instant (an hour either side). */
function berlinUnambiguous(at: Date): boolean {
  const local = berlinLocal(at);
  return (
    berlinLocal(new Date(at.getTime() - HOUR_MS)) !== local &&
    berlinLocal(new Date(at.getTime() + HOUR_MS)) !== local
  );
}

/**
 * Start, end and zone of a VEVENT as TZID=Europe/Berlin wall-clock times. A wall-clock time in
 * the hour that October's change repeats names two instants; RFC 5545 (3.3.5) reads it as the
 * first, but readers differ (ical.js takes the second), so such an event keeps exact UTC times.
 */
export function berlinTimes(
  start: Date,
  end: Date,
): { start: string | Date; end: string | Date; timezone: string | null } {
  if (!berlinUnambiguous(start) || !berlinUnambiguous(end)) return { start, end, timezone: null };
  return { start: berlinLocal(start), end: berlinLocal(end), timezone: HUB_TIME_ZONE };
}

/**
 * The caller of a feed request by the same bearer token rules as /graphql (PUBLIC without one);
 * null after answering 401 for a bad or ended token.
 */
export async function feedViewer(
  deps: RouteDeps,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<Viewer | null> {
  try {
    return await deps.viewerFor(req.headers.authorization, req.ip);
  } catch (e) {
    if (e instanceof UnauthenticatedError) {
      reply.code(401).send(e.message);
      return null;
    }
    throw e;
  }
}

/** The database id of a feed path segment "<global id>.ics" of the given type, else null. */
export function feedId(segment: string, type: string): number | null {
  const m = /^([A-Za-z0-9_-]{1,100})\.ics$/.exec(segment);
  const decoded = m ? decodeGlobalId(m[1]) : null;
  return decoded && decoded.type === type ? decoded.id : null;
}

/** Sends a calendar with ETag and caching headers; 304 when the client has this version. */
export function sendCalendar(
  req: FastifyRequest,
  reply: FastifyReply,
  cal: ICalCalendar,
  filename: string,
): FastifyReply {
  // DTSTAMP changes on every rendering; the ETag is over everything else.
  const body = cal.toString();
  const etag = `"${createHash('sha256')
    .update(body.replace(/^DTSTAMP:.*$/gm, ''))
    .digest('base64url')
    .slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', 'public, max-age=300');
  if (req.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${filename}.ics"`)
    .send(body);
}

/** 404 in German plain text. */
export function feedNotFound(reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .header('content-type', 'text/plain; charset=utf-8')
    .send('Diesen Kalender gibt es nicht.');
}
