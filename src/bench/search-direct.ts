// W9's baseline: the statements the hub's search sends for a PUBLIC caller (shared/text-search
// builds both), run directly through pg in this process: the ranked actors, the ranked needs and
// offers, then those needs and offers by id.
import type { Pool } from 'pg';
import { publicViewer } from '../graphql/viewer';
import { textMatchSql } from '../modules/shared/text-search';
import { andVisibilitySql } from '../modules/shared/visibility';

/** The ranked-actor and ranked-needs-and-offers statements of one search, with parameters. */
export function searchStatements(text: string, limit: number) {
  const viewer = publicViewer();
  const actorParams: unknown[] = [limit];
  const actor = textMatchSql('a', text, actorParams);
  const params: unknown[] = [limit];
  const need = textMatchSql('n', text, params);
  const offer = textMatchSql('o', text, params);
  if (!actor || !need || !offer) return null;
  return {
    actors: {
      text: `SELECT a.*, ${actor.score}::float8 AS _rank FROM actor a WHERE ${actor.where}
              ORDER BY _rank DESC, a.id LIMIT $1`,
      values: actorParams,
    },
    needsAndOffers: {
      text: `SELECT * FROM (
           (SELECT 'need' AS _t, n.id AS _id, ${need.score}::float8 AS _rank FROM need n
             WHERE ${need.where}${andVisibilitySql(viewer, 'n')} ORDER BY _rank DESC, n.id LIMIT $1)
           UNION ALL
           (SELECT 'offer', o.id, ${offer.score}::float8 FROM offer o
             WHERE o.active AND ${offer.where}${andVisibilitySql(viewer, 'o')} ORDER BY 3 DESC, o.id LIMIT $1)
         ) hits`,
      values: params,
    },
  };
}

export async function searchDirect(pool: Pool, text: string, limit = 20): Promise<number> {
  const s = searchStatements(text, limit);
  if (!s) return 0;
  const [actors, hits] = await Promise.all([
    pool.query(s.actors.text, s.actors.values),
    pool.query<{ _t: string; _id: number }>(s.needsAndOffers.text, s.needsAndOffers.values),
  ]);
  const ids = (t: string) => hits.rows.filter((r) => r._t === t).map((r) => r._id);
  const [needs, offers] = await Promise.all([
    pool.query('SELECT * FROM need WHERE id = ANY($1::int[])', [ids('need')]),
    pool.query('SELECT * FROM offer WHERE id = ANY($1::int[])', [ids('offer')]),
  ]);
  return Math.min(limit, actors.rows.length + needs.rows.length + offers.rows.length);
}
