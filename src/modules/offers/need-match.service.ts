// Matching offers to needs. ONE scoring, in SQL (needOfferMatchSql), used wherever matches are
// shown; the readable reasons are derived from the same components it scores.
import { Database } from '../../db/database';
import { haversineColumnsSql } from '../shared/geo';
import { andVisibilitySql, VisibilityScope } from '../shared/visibility';
import { Offer, OfferKind } from './offer.entity';
import type { OfferService } from './offer.service';

export interface NeedMatch {
  offer: Offer;
  score: number;
  distanceKm: number | null;
  reasons: string[];
}

/** Offer kinds that can partly stand in for a need kind (an exact kind always scores highest). */
const RELATED_KINDS: Array<[string, string]> = [
  ['EQUIPMENT', 'TRANSPORT'],
  ['TRANSPORT', 'EQUIPMENT'],
  ['BOARD_POSITION', 'EXPERTISE'],
  ['BOARD_POSITION', 'HELPERS'],
  ['FUNDING', 'OTHER'],
  ['HELPERS', 'EXPERTISE'],
  ['EXPERTISE', 'HELPERS'],
  ['ROOM', 'EQUIPMENT'],
  ['OTHER', 'OTHER'],
];

const KIND_LABEL: Record<OfferKind, string> = {
  HELPERS: 'Helfende',
  EQUIPMENT: 'Ausrüstung',
  ROOM: 'Raum',
  EXPERTISE: 'Fachwissen',
  TRANSPORT: 'Transport',
  OTHER: 'Sonstiges',
};

/** Offers within this distance earn distance points, linearly fewer the farther they are. */
export const MATCH_RADIUS_KM = 50;

/**
 * Columns (over need `n` and offer `o`) of the match: the components and the score 0..1.
 * Weights: kind 0.40, shared tags 0.25 (three or more count fully), distance 0.20 (0 km full,
 * MATCH_RADIUS_KM none), availability 0.10 (half when no dates are known), quantity 0.05.
 */
export function needOfferMatchSql(
  n: string,
  o: string,
): { components: string; score: string; candidate: string } {
  const related = RELATED_KINDS.map(([a, b]) => `('${a}', '${b}')`).join(', ');
  const components = `
    CASE WHEN ${o}.kind::text = ${n}.kind::text THEN 1.0
         WHEN (${n}.kind::text, ${o}.kind::text) IN (${related}) THEN 0.5 ELSE 0 END AS kind_score,
    ARRAY(SELECT t FROM unnest(${n}.tags) t WHERE t = ANY(${o}.tags) ORDER BY t) AS shared_tags,
    ${haversineColumnsSql(n, o)} AS distance_km,
    (${n}.starts_at IS NOT NULL OR ${n}.ends_at IS NOT NULL OR ${n}.deadline IS NOT NULL
      OR ${o}.available_from IS NOT NULL OR ${o}.available_until IS NOT NULL) AS has_dates,
    (coalesce(${o}.available_from, '-infinity') <= coalesce(${n}.ends_at, ${n}.deadline, ${n}.starts_at, 'infinity')
      AND coalesce(${o}.available_until, 'infinity') >= coalesce(${n}.starts_at, now())) AS available,
    greatest(${n}.quantity - ${n}.pledged_quantity, 1) AS remaining`;
  const score = `round((
      0.40 * c.kind_score
    + 0.25 * least(cardinality(c.shared_tags), 3) / 3.0
    + 0.20 * CASE WHEN c.distance_km IS NULL THEN 0 ELSE greatest(0, 1 - c.distance_km / ${MATCH_RADIUS_KM}) END
    + 0.10 * CASE WHEN c.has_dates THEN 1 ELSE 0.5 END
    + 0.05 * CASE WHEN ${o}.quantity IS NULL THEN 0 ELSE least(${o}.quantity::numeric / c.remaining, 1) END
    )::numeric, 3)::float8`;
  const candidate = `(c.kind_score > 0 OR cardinality(c.shared_tags) > 0) AND c.available`;
  return { components, score, candidate };
}

function km(d: number): string {
  return `${d.toFixed(1).replace('.', ',')} km entfernt`;
}

/** Readable German reasons from the score's components. */
export function matchReasons(row: {
  kind: OfferKind;
  kind_score: number;
  shared_tags: string[];
  distance_km: number | null;
  has_dates: boolean;
  quantity: number | null;
  remaining: number;
}): string[] {
  const reasons: string[] = [];
  if (Number(row.kind_score) >= 1) reasons.push(`Passende Art: ${KIND_LABEL[row.kind]}`);
  else if (Number(row.kind_score) > 0) reasons.push(`Verwandte Art: ${KIND_LABEL[row.kind]}`);
  if (row.shared_tags.length > 0)
    reasons.push(`Gemeinsame Schlagworte: ${row.shared_tags.join(', ')}`);
  if (row.distance_km != null) reasons.push(km(Number(row.distance_km)));
  if (row.has_dates) reasons.push('Verfügbar im Zeitraum');
  if (row.quantity != null) {
    reasons.push(
      row.quantity >= row.remaining
        ? 'Menge reicht aus'
        : `Deckt ${row.quantity} von ${row.remaining}`,
    );
  }
  return reasons;
}

export class NeedMatchService {
  constructor(
    private readonly db: Database,
    private readonly offers: OfferService,
  ) {}

  /** Best matches for each need (in the order of `needIds`), offers the viewer may see only. */
  async forNeeds(
    scope: VisibilityScope,
    needIds: number[],
    first: number,
  ): Promise<Map<number, NeedMatch[]>> {
    const limit = Math.max(1, Math.min(first, 50));
    const { components, score, candidate } = needOfferMatchSql('n', 'o');
    const rows = await this.db.read(
      `SELECT n.id AS _need_id, m.*
         FROM need n
         CROSS JOIN LATERAL (
           SELECT ${this.offers.columns}, c.kind_score, c.shared_tags, c.distance_km, c.has_dates, c.remaining, ${score} AS _score
             FROM offer o
             CROSS JOIN LATERAL (SELECT ${components}) c
            WHERE o.active AND o.actor_id <> n.actor_id${andVisibilitySql(scope, 'o')} AND ${candidate}
            ORDER BY _score DESC, o.id
            LIMIT ${limit}
         ) m
        WHERE n.id = ANY($1::int[])
        ORDER BY n.id, m._score DESC, m.id`,
      [needIds],
    );
    const out = new Map<number, NeedMatch[]>(needIds.map((id) => [id, []]));
    for (const row of rows) {
      const offer = this.offers.hydrate(row);
      out.get(Number(row._need_id))?.push({
        offer,
        score: Number(row._score),
        distanceKm: row.distance_km == null ? null : Math.round(Number(row.distance_km) * 10) / 10,
        reasons: matchReasons({
          kind: offer.kind,
          kind_score: Number(row.kind_score),
          shared_tags: row.shared_tags as string[],
          distance_km: row.distance_km == null ? null : Number(row.distance_km),
          has_dates: row.has_dates as boolean,
          quantity: offer.quantity,
          remaining: Number(row.remaining),
        }),
      });
    }
    return out;
  }
}
