// Reads for the open-data formats: HSDS pages (one statement for the rows with their total, one
// for removals), and the download's tables streamed with a cursor inside one read-only snapshot.
import { Readable } from 'node:stream';
import { Client, type ClientConfig } from 'pg';
import QueryStream from 'pg-query-stream';
import type { Config } from '../../config/env';
import type { Database } from '../../db/database';

/** The longest a download's snapshot may read. */
const DOWNLOAD_TIMEOUT_MS = 15 * 60 * 1000;

export interface PageRequest {
  page: number;
  perPage: number;
  modifiedAfter: Date | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = Record<string, any>;

export interface PageRows {
  rows: Row[];
  total: number;
}

/** What a removal (tombstone) names: the row that left the public record, and when. */
export interface Removal {
  subject_type: 'Actor' | 'Offer' | 'ContactPoint';
  subject_id: number;
  removed_at: Date;
}

const ORGANIZATIONS = `SELECT a.id, a.name, a.description, a.contact_email, a.contact_phone, a.website,
                              a.hosted_by_id, a.updated_at
                         FROM actor a`;

const OFFERS = `SELECT o.id, o.actor_id, o.title, o.description, o.active, o.updated_at
                  FROM offer o WHERE o.visibility = 'PUBLIC'`;

const CONTACT_POINTS = `SELECT c.id, c.kind, c.name, c.description, c.address, c.latitude, c.longitude,
                               c.hosted_by_id, c.hours, c.updated_at
                          FROM contact_point c WHERE c.visibility = 'PUBLIC'`;

/** A page of a statement's rows in id order, with the total (one statement). */
async function page(db: Database, base: string, alias: string, p: PageRequest): Promise<PageRows> {
  const where = p.modifiedAfter
    ? `${base.includes(' WHERE ') ? 'AND' : 'WHERE'} ${alias}.updated_at >= $3`
    : '';
  const params: unknown[] = [p.perPage, (p.page - 1) * p.perPage];
  if (p.modifiedAfter) params.push(p.modifiedAfter);
  const rows = await db.read<Row & { _total: string }>(
    `SELECT x.*, count(*) OVER () AS _total
       FROM (${base} ${where}) x
      ORDER BY x.id LIMIT $1 OFFSET $2`,
    params,
  );
  // Past the last page the window count is gone with the rows: count alone.
  const total = rows.length
    ? Number(rows[0]._total)
    : Number(
        (
          await db.read<{ n: string }>(
            `SELECT count(*) AS n FROM (${base} ${where.replace('$3', '$1')}) x`,
            p.modifiedAfter ? [p.modifiedAfter] : [],
          )
        )[0].n,
      );
  for (const r of rows) delete (r as Row)._total;
  return { rows, total };
}

export class OpenDataService {
  constructor(
    private readonly db: Database,
    readonly config: Config,
  ) {}

  organizations(p: PageRequest): Promise<PageRows> {
    return page(this.db, ORGANIZATIONS, 'a', p);
  }

  async organization(id: number): Promise<{ actor: Row; offers: Row[]; hours: Row[] } | null> {
    const [actor] = await this.db.read(`${ORGANIZATIONS} WHERE a.id = $1`, [id]);
    if (!actor) return null;
    const [offers, hours] = await Promise.all([
      this.db.read(`${OFFERS} AND o.actor_id = $1 ORDER BY o.id`, [id]),
      this.db.read(`${CONTACT_POINTS} AND c.hosted_by_id = $1 ORDER BY c.id`, [id]),
    ]);
    return { actor, offers, hours };
  }

  /**
   * Services: the PUBLIC offers, then the office hours of PUBLIC contact points with a host, as
   * one list in (kind, id) order.
   */
  async services(
    p: PageRequest,
  ): Promise<{ rows: Array<{ offer?: Row; hours?: Row }>; total: number }> {
    const since = p.modifiedAfter ? 'AND updated_at >= $3' : '';
    const params: unknown[] = [p.perPage, (p.page - 1) * p.perPage];
    if (p.modifiedAfter) params.push(p.modifiedAfter);
    const rows = await this.db.read<{ kind: number; id: number; _total: string }>(
      `SELECT kind, id, count(*) OVER () AS _total FROM (
         SELECT 1 AS kind, id, updated_at FROM offer WHERE visibility = 'PUBLIC'
         UNION ALL
         SELECT 2, id, updated_at FROM contact_point
          WHERE visibility = 'PUBLIC' AND hosted_by_id IS NOT NULL AND hours <> '[]'::jsonb
       ) s WHERE true ${since}
       ORDER BY kind, id LIMIT $1 OFFSET $2`,
      params,
    );
    const offerIds = rows.filter((r) => r.kind === 1).map((r) => r.id);
    const pointIds = rows.filter((r) => r.kind === 2).map((r) => r.id);
    const [offers, points] = await Promise.all([
      offerIds.length ? this.db.read(`${OFFERS} AND o.id = ANY($1)`, [offerIds]) : [],
      pointIds.length ? this.db.read(`${CONTACT_POINTS} AND c.id = ANY($1)`, [pointIds]) : [],
    ]);
    const byOffer = new Map(offers.map((o) => [o.id as number, o]));
    const byPoint = new Map(points.map((c) => [c.id as number, c]));
    let total = rows.length ? Number(rows[0]._total) : 0;
    if (!rows.length && p.page > 1) total = (await this.services({ ...p, page: 1 })).total;
    return {
      rows: rows
        .map((r) => (r.kind === 1 ? { offer: byOffer.get(r.id) } : { hours: byPoint.get(r.id) }))
        .filter((r) => r.offer || r.hours),
      total,
    };
  }

  async offer(id: number): Promise<Row | null> {
    const [o] = await this.db.read(`${OFFERS} AND o.id = $1`, [id]);
    return o ?? null;
  }

  locations(p: PageRequest): Promise<PageRows> {
    return page(this.db, CONTACT_POINTS, 'c', p);
  }

  async contactPoint(id: number): Promise<Row | null> {
    const [c] = await this.db.read(`${CONTACT_POINTS} AND c.id = $1`, [id]);
    return c ?? null;
  }

  /** Rows that left the public record since a time (deleted, or no longer PUBLIC). */
  removals(types: Array<Removal['subject_type']>, since: Date): Promise<Removal[]> {
    return this.db.read<Removal>(
      `SELECT subject_type, subject_id, removed_at FROM open_data_removal
        WHERE subject_type = ANY($1) AND removed_at >= $2
        ORDER BY removed_at, subject_type, subject_id LIMIT 100000`,
      [types, since],
    );
  }

  /**
   * Runs fn with a connection in one read-only REPEATABLE READ transaction, so every file of a
   * download comes from the same moment; the connection is released when fn settles.
   */
  async snapshot<T>(fn: (stream: (sql: string) => Readable) => Promise<T>): Promise<T> {
    // A connection of its own, not one of the request pool: the pool's client-side query_timeout
    // and statement_timeout are meant for requests, and a cursor counts as one statement until
    // its last row. The routes allow two downloads at once per instance.
    const options = (this.db.primary as unknown as { options: ClientConfig }).options;
    const client = new Client({
      ...options,
      query_timeout: undefined,
      statement_timeout: DOWNLOAD_TIMEOUT_MS,
      application_name: 'engagement-hub-open-data',
    });
    await client.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await fn((sql) => client.query(new QueryStream(sql, [], { batchSize: 500 })));
      await client.query('COMMIT');
      return result;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
