// Open data over HTTP, for anyone and without a token (only what PUBLIC may see):
//   GET /hsds                        what this HSDS 3.0 API is
//   GET /hsds/organizations[/<id>]   actors (paged: page, per_page, modified_after)
//   GET /hsds/services[/<id>]        offers and office hours
//   GET /hsds/locations[/<id>]       contact points with their schedules
//   GET /open-data                   the ZIP of CSV files with datapackage.json
// Bad parameters answer 400 with a JSON body naming the parameter and code BAD_USER_INPUT.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitedError } from '../../graphql/errors';
import { RateLimiter, type RateLimitRule } from '../../server/rate-limit';
import { publicViewer } from '../../graphql/viewer';
import type { RouteDeps } from '../define-module';
import {
  hoursService,
  HSDS_VERSION,
  HsdsIds,
  HsdsPart,
  location,
  offerService,
  organization,
  organizationPhones,
  schedules,
} from './hsds.mapping';
import type { OpenDataService, PageRequest, Removal } from './open-data.service';
import { openDataZip } from './open-data.zip';

const MAX_PER_PAGE = 500;
const DEFAULT_PER_PAGE = 50;

/** The download reads every public row: 20 per address in 10 minutes, 2 at once per instance. */
export const openDataRule: RateLimitRule = { name: 'open-data', limit: 20, windowSeconds: 600 };
const MAX_CONCURRENT_DOWNLOADS = 2;

class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

function intParam(v: unknown, name: string, def: number, min: number, max: number): number {
  if (v === undefined || v === '') return def;
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ParameterError(name, `${name} must be a whole number from ${min} to ${max}`);
  }
  return n;
}

function pageRequest(q: Record<string, unknown>): PageRequest {
  const modified = q.modified_after;
  let modifiedAfter: Date | null = null;
  if (modified !== undefined && modified !== '') {
    const d =
      typeof modified === 'string' &&
      /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(modified)
        ? new Date(modified)
        : new Date(NaN);
    if (Number.isNaN(d.getTime())) {
      throw new ParameterError(
        'modified_after',
        'modified_after must be an ISO 8601 date or date-time',
      );
    }
    modifiedAfter = d;
  }
  return {
    page: intParam(q.page, 'page', 1, 1, 1_000_000),
    perPage: intParam(q.per_page, 'per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
    modifiedAfter,
  };
}

function badRequest(reply: FastifyReply, e: ParameterError) {
  return reply.code(400).send({
    errors: [{ message: e.message, extensions: { code: 'BAD_USER_INPUT', field: e.parameter } }],
  });
}

function notFound(reply: FastifyReply) {
  return reply
    .code(404)
    .send({ errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] });
}

/** HSDS Page (total_items, total_pages, page_number, size, first_page, last_page, empty). */
function hsdsPage(
  p: PageRequest,
  total: number,
  contents: unknown[],
  removed?: Array<{ id: string; removed_at: string }>,
) {
  const totalPages = Math.max(1, Math.ceil(total / p.perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: p.page,
    size: contents.length,
    first_page: p.page === 1,
    last_page: p.page >= totalPages,
    empty: contents.length === 0,
    contents,
    ...(removed ? { removed } : {}),
  };
}

export function registerOpenDataRoutes(
  app: FastifyInstance,
  service: OpenDataService,
  deps: RouteDeps,
): void {
  const config = service.config;
  const ids = new HsdsIds(config.publicUrl);
  const json = (reply: FastifyReply) =>
    reply.header('cache-control', 'public, max-age=60').header('access-control-allow-origin', '*');

  /**
   * Tombstones for incremental sync: with modified_after, the first page also lists what left
   * the public record since then (deleted, or made visible to the network only), so an importer
   * removes it.
   */
  const removed = async (
    p: PageRequest,
    types: Array<Removal['subject_type']>,
    toIds: (r: Removal) => string[],
  ) => {
    if (!p.modifiedAfter || p.page !== 1) return undefined;
    const rows = await service.removals(types, p.modifiedAfter);
    return rows.flatMap((r) =>
      toIds(r).map((id) => ({ id, removed_at: r.removed_at.toISOString() })),
    );
  };

  const guarded =
    <Q>(
      handler: (
        req: FastifyRequest<{ Querystring: Q; Params: { id?: string } }>,
        reply: FastifyReply,
      ) => Promise<unknown>,
    ) =>
    async (
      req: FastifyRequest<{ Querystring: Q; Params: { id?: string } }>,
      reply: FastifyReply,
    ) => {
      try {
        return await handler(req, reply);
      } catch (e) {
        if (e instanceof ParameterError) return badRequest(reply, e);
        throw e;
      }
    };

  type Q = Record<string, unknown>;

  app.get('/hsds', async (_req, reply) =>
    json(reply).send({
      version: HSDS_VERSION,
      profile: 'https://docs.openreferral.org/en/3.0/',
      description:
        'Öffentliche Akteure, Angebote, Sprechzeiten und Anlaufstellen des Engagement-Hubs als HSDS 3.0',
      publisher: { name: 'Engagement-Hub' },
    }),
  );

  app.get(
    '/hsds/organizations',
    guarded<Q>(async (req, reply) => {
      const p = pageRequest(req.query);
      const [{ rows, total }, gone] = await Promise.all([
        service.organizations(p),
        removed(p, ['Actor'], (r) => [ids.organization(r.subject_id)]),
      ]);
      return json(reply).send(
        hsdsPage(
          p,
          total,
          rows.map((a) => organization(ids, a)),
          gone,
        ),
      );
    }),
  );

  app.get(
    '/hsds/organizations/:id',
    guarded<Q>(async (req, reply) => {
      const id = ids.parse(req.params.id ?? '', HsdsPart.ORGANIZATION);
      const found = id == null ? null : await service.organization(id);
      if (!found) return notFound(reply);
      return json(reply).send({
        ...organization(ids, found.actor),
        phones: organizationPhones(ids, found.actor),
        services: [
          ...found.offers.map((o) => offerService(ids, o)),
          ...found.hours
            .filter((c) => c.hours.length > 0)
            .map((c) => ({
              ...hoursService(ids, c),
              schedules: schedules(ids, c, { service: true, location: true }),
            })),
        ],
        locations: found.hours.map((c) => ({
          ...location(ids, c),
          schedules: schedules(ids, c, { service: true, location: true }),
        })),
      });
    }),
  );

  app.get(
    '/hsds/services',
    guarded<Q>(async (req, reply) => {
      const p = pageRequest(req.query);
      const [{ rows, total }, gone] = await Promise.all([
        service.services(p),
        removed(p, ['Offer', 'ContactPoint'], (r) =>
          r.subject_type === 'Offer'
            ? [ids.offerService(r.subject_id)]
            : [ids.hoursService(r.subject_id)],
        ),
      ]);
      const contents = rows.map((r) =>
        r.offer
          ? offerService(ids, r.offer)
          : {
              ...hoursService(ids, r.hours!),
              schedules: schedules(ids, r.hours!, { service: true, location: true }),
            },
      );
      return json(reply).send(hsdsPage(p, total, contents, gone));
    }),
  );

  app.get(
    '/hsds/services/:id',
    guarded<Q>(async (req, reply) => {
      const raw = req.params.id ?? '';
      const offerId = ids.parse(raw, HsdsPart.OFFER_SERVICE);
      const pointId = ids.parse(raw, HsdsPart.HOURS_SERVICE);
      if (offerId != null) {
        const o = await service.offer(offerId);
        return o ? json(reply).send(offerService(ids, o)) : notFound(reply);
      }
      const c = pointId == null ? null : await service.contactPoint(pointId);
      if (!c || c.hosted_by_id == null || c.hours.length === 0) return notFound(reply);
      return json(reply).send({
        ...hoursService(ids, c),
        schedules: schedules(ids, c, { service: true, location: true }),
        locations: [location(ids, c)],
      });
    }),
  );

  app.get(
    '/hsds/locations',
    guarded<Q>(async (req, reply) => {
      const p = pageRequest(req.query);
      const [{ rows, total }, gone] = await Promise.all([
        service.locations(p),
        removed(p, ['ContactPoint'], (r) => [ids.location(r.subject_id)]),
      ]);
      const contents = rows.map((c) => ({
        ...location(ids, c),
        schedules: schedules(ids, c, { service: c.hosted_by_id != null, location: true }),
      }));
      return json(reply).send(hsdsPage(p, total, contents, gone));
    }),
  );

  app.get(
    '/hsds/locations/:id',
    guarded<Q>(async (req, reply) => {
      const id = ids.parse(req.params.id ?? '', HsdsPart.LOCATION);
      const c = id == null ? null : await service.contactPoint(id);
      if (!c) return notFound(reply);
      return json(reply).send({
        ...location(ids, c),
        schedules: schedules(ids, c, { service: c.hosted_by_id != null, location: true }),
      });
    }),
  );

  let downloads = 0;
  app.get('/open-data', async (req, reply) => {
    try {
      await deps.rateLimiter.checkStrict(openDataRule, RateLimiter.ipKey(publicViewer(req.ip)));
    } catch (e) {
      if (!(e instanceof RateLimitedError)) throw e;
      return reply
        .code(429)
        .header('retry-after', String(e.retryAfterSeconds))
        .type('text/plain; charset=utf-8')
        .send('Zu viele Downloads von hier. Bitte warten Sie einige Minuten.');
    }
    if (downloads >= MAX_CONCURRENT_DOWNLOADS) {
      return reply
        .code(503)
        .header('retry-after', '30')
        .type('text/plain; charset=utf-8')
        .send('Gerade laufen schon andere Downloads. Bitte versuchen Sie es gleich noch einmal.');
    }
    downloads++;
    const now = new Date();
    const body = openDataZip(service, config.openDataLicense, now);
    let done = false;
    const finish = () => {
      if (!done) downloads--;
      done = true;
    };
    body.once('end', finish);
    body.once('error', (e: Error) => {
      finish();
      // The download breaks off (no valid ZIP); say why, without any row's content.
      req.log.warn({ reason: e.message.slice(0, 200) }, 'open-data download failed');
    });
    body.once('close', finish);
    const day = now.toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/zip')
      .header(
        'content-disposition',
        `attachment; filename="engagement-hub-offene-daten-${day}.zip"`,
      )
      .header('cache-control', 'no-store')
      .header('access-control-allow-origin', '*')
      .send(body);
  });
}
