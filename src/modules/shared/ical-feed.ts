// iCalendar (RFC 5545) feeds with ical-generator: one calendar per answer, times in UTC (exact
// instants; ical-generator would write a TZID time in the server's own zone), stable UIDs, and
// an ETag so calendar apps that poll get 304 while nothing changed.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import ical, { ICalCalendar } from 'ical-generator';
import { UnauthenticatedError } from '../../graphql/errors';
import { decodeGlobalId } from '../../graphql/global-id';
import type { Viewer } from '../../graphql/viewer';
import type { RouteDeps } from '../define-module';

export const ICAL_PRODID = { company: 'engagement-hub', product: 'engagement-hub', language: 'DE' };

export function newCalendar(name: string): ICalCalendar {
  return ical({ name, prodId: ICAL_PRODID });
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
