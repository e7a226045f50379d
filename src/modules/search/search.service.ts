// One ranked list over actors, needs and offers for the `search` query. Actors come from the
// actor module's own ranked search; needs and offers use the same match and score
// (shared/text-search: German full text plus trigram word similarity of the title), so the
// ranks are comparable and the lists merge by rank.
import type { Database } from '../../db/database';
import { Viewer } from '../../graphql/viewer';
import { Actor } from '../actors/actor.entity';
import type { ActorService } from '../actors/actor.service';
import { Need } from '../needs/need.entity';
import type { NeedService } from '../needs/need.service';
import { Offer } from '../offers/offer.entity';
import type { OfferService } from '../offers/offer.service';
import { inRegionSql } from '../shared/region-path';
import { searchText } from '../shared/text';
import { textMatchSql } from '../shared/text-search';
import { andVisibilitySql } from '../shared/visibility';

/**
 * A later module's records in the same ranked list (the knowledge base): it registers a source
 * that returns its hits with ranks on the same scale (shared/text-search's score), and the
 * GraphQL type of its hits with registerSearchResultType (search.resolver.ts).
 */
export interface SearchSource {
  /** Orders equal ranks after actors (0), needs (1) and offers (2). */
  typeOrder: number;
  search(
    viewer: Viewer,
    text: string,
    regionId: number | undefined,
    limit: number,
  ): Promise<Array<{ hit: { id: number }; rank: number }>>;
}

export type SearchHit = Actor | Need | Offer | { id: number };

export class SearchService {
  private readonly sources: SearchSource[] = [];

  constructor(
    private readonly db: Database,
    private readonly actors: ActorService,
    private readonly needs: NeedService,
    private readonly offers: OfferService,
  ) {}

  registerSource(source: SearchSource): void {
    this.sources.push(source);
  }

  async search(
    viewer: Viewer,
    text: string,
    regionId: number | undefined,
    first: number,
  ): Promise<SearchHit[]> {
    const t = searchText(text, 'text');
    if (!t) return [];
    const limit = Math.max(1, Math.min(first, 100));
    const params: unknown[] = [limit];
    if (regionId != null) params.push(regionId);
    const region = (alias: string) =>
      regionId == null ? '' : `AND ${inRegionSql(`${alias}.region_id`, 2)}`;
    const needMatch = textMatchSql('n', t, params);
    const offerMatch = textMatchSql('o', t, params);
    if (!needMatch || !offerMatch) return [];
    const [actorHits, rows, ...sourceHits] = await Promise.all([
      this.actors.searchRanked(viewer, t, regionId, limit),
      this.db.read(
        `SELECT * FROM (
           (SELECT 'need' AS _t, n.id AS _id, ${needMatch.score}::float8 AS _rank
              FROM need n
             WHERE n.status <> 'DRAFT' AND ${needMatch.where}${andVisibilitySql(viewer, 'n')} ${region('n')}
             ORDER BY _rank DESC, n.id LIMIT $1)
           UNION ALL
           (SELECT 'offer', o.id, ${offerMatch.score}::float8
              FROM offer o
             WHERE o.active AND ${offerMatch.where}${andVisibilitySql(viewer, 'o')} ${region('o')}
             ORDER BY 3 DESC, o.id LIMIT $1)
         ) hits`,
        params,
      ),
      ...this.sources.map((src) => src.search(viewer, t, regionId, limit)),
    ]);
    const needIds = rows.filter((r) => r._t === 'need').map((r) => Number(r._id));
    const offerIds = rows.filter((r) => r._t === 'offer').map((r) => Number(r._id));
    const [needs, offers] = await Promise.all([
      this.needs.byIds(needIds),
      this.offers.byIds(offerIds),
    ]);
    const needById = new Map(needs.map((n) => [n.id, n]));
    const offerById = new Map(offers.map((o) => [o.id, o]));
    const ranked: Array<{ hit: SearchHit; rank: number; order: number }> = actorHits.map(
      (h, i) => ({
        hit: h.actor,
        rank: h.rank,
        order: i,
      }),
    );
    for (const r of rows) {
      const hit = r._t === 'need' ? needById.get(Number(r._id)) : offerById.get(Number(r._id));
      if (hit) ranked.push({ hit, rank: Number(r._rank), order: Number(r._id) });
    }
    const orderOf = new Map<object, number>();
    sourceHits.forEach((hits, i) => {
      for (const h of hits) {
        orderOf.set(h.hit, this.sources[i].typeOrder);
        ranked.push({ hit: h.hit, rank: h.rank, order: h.hit.id });
      }
    });
    // Best rank first; ties in a stable order (type, then id).
    const typeOrder = (h: SearchHit) =>
      h instanceof Need ? 1 : h instanceof Offer ? 2 : (orderOf.get(h) ?? 0);
    ranked.sort(
      (a, b) => b.rank - a.rank || typeOrder(a.hit) - typeOrder(b.hit) || a.hit.id - b.hit.id,
    );
    return ranked.slice(0, limit).map((r) => r.hit);
  }
}
