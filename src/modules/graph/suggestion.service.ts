// Who should meet (cooperation suggestions) and who looks like a duplicate structure (overlaps).
// Both are one set-based statement each; JS only turns the figures into readable reasons.
import { Database } from '../../db/database';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Viewer } from '../../graphql/viewer';
import { Actor, ActorKind } from '../actors/actor.entity';
import { ActorService } from '../actors/actor.service';
import { CooperationStatus } from '../cooperations/cooperation.entity';
import { visibleStatuses } from '../cooperations/cooperation.permissions';
import { haversineSql, nearBox } from '../shared/geo';
import { inRegionSql } from '../shared/region-path';
import { DisjointSets } from './graph.stats';

export interface SuggestionData {
  actor: Actor;
  score: number;
  sharedTopics: string[];
  reasons: string[];
}

export interface OverlapData {
  actors: Actor[];
  sharedTopics: string[];
  score: number;
}

/** Kinds that complement each other, with the German reason shown to networkers. */
const COMPLEMENTS: Array<[ActorKind, ActorKind, string]> = [
  [ActorKind.SCHOOL, ActorKind.CLUB, 'Schule und Verein ergänzen sich'],
  [ActorKind.SCHOOL, ActorKind.FIRE_BRIGADE, 'Schule und Feuerwehr ergänzen sich (Nachwuchs)'],
  [ActorKind.SCHOOL, ActorKind.INITIATIVE, 'Schule und Initiative ergänzen sich'],
  [ActorKind.CLUB, ActorKind.COMPANY, 'Unternehmen können Vereine unterstützen'],
  [ActorKind.INITIATIVE, ActorKind.FOUNDATION, 'Stiftungen fördern Initiativen'],
  [ActorKind.CLUB, ActorKind.FOUNDATION, 'Stiftungen fördern Vereine'],
  [
    ActorKind.INITIATIVE,
    ActorKind.VOLUNTEER_AGENCY,
    'Freiwilligenagentur vermittelt Ehrenamtliche',
  ],
  [ActorKind.CLUB, ActorKind.VOLUNTEER_AGENCY, 'Freiwilligenagentur vermittelt Ehrenamtliche'],
];

/** Where the two actors are, in true sentences: the smallest unit they share, and the distance. */
export function placeReasons(r: {
  _muni?: unknown;
  _amt?: unknown;
  _district?: unknown;
  _km?: unknown;
}): string[] {
  const reasons: string[] = [];
  if (r._muni != null) reasons.push(`Gleiche Gemeinde: ${String(r._muni)}`);
  else if (r._amt != null) reasons.push(`Im selben Amt: ${String(r._amt)}`);
  else if (r._district != null) reasons.push(`Im selben Kreis: ${String(r._district)}`);
  if (r._muni == null && r._km != null && Number(r._km) <= NEAR_KM) {
    reasons.push(`In der Nähe (${Math.round(Number(r._km))} km)`);
  }
  return reasons;
}

function complementReason(a: ActorKind, b: ActorKind): string | null {
  const hit = COMPLEMENTS.find(([x, y]) => (x === a && y === b) || (x === b && y === a));
  return hit ? hit[2] : null;
}

const MONTH = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', month: 'long' });

/** "Beide beim Ehrenamtsstammtisch im März" (and how many more events they both attended). */
function metReason(title: string, at: Date, count: number): string {
  const more =
    count === 2
      ? ' und bei einer weiteren Veranstaltung'
      : count > 2
        ? ` und bei ${count - 1} weiteren Veranstaltungen`
        : '';
  return `Beide beim ${title} im ${MONTH.format(at)}${more}`;
}

/** Kind families for overlaps; kinds every municipality has by law or by design are left out. */
const FAMILY_SQL = `CASE a.kind
  WHEN 'SCHOOL' THEN 'school' WHEN 'CLUB' THEN 'club'
  WHEN 'INITIATIVE' THEN 'initiative' WHEN 'VOLUNTEER_AGENCY' THEN 'initiative' WHEN 'OTHER' THEN 'initiative'
  WHEN 'COMPANY' THEN 'funder' WHEN 'FOUNDATION' THEN 'funder'
  WHEN 'ADVISORY_BOARD' THEN 'board' WHEN 'RELIGIOUS_COMMUNITY' THEN 'religious' END`;

const NEAR_KM = 10;

/**
 * The municipality, Amt and district a region lies in (each the region itself or an ancestor;
 * null where the region lies above that level), as columns muni, amt, district of `alias`.
 */
const unitsSql = (alias: string, path: string) => `LEFT JOIN LATERAL (
    SELECT max(u.id) FILTER (WHERE u.level = 'MUNICIPALITY') AS muni,
           max(u.id) FILTER (WHERE u.level = 'AMT') AS amt,
           max(u.id) FILTER (WHERE u.level = 'DISTRICT') AS district
      FROM region u WHERE u.id = ANY(string_to_array(trim(both '/' from ${path}), '/')::int[])
  ) ${alias} ON true`;

/** The cooperations a viewer may know of that rule a pair out: ACTIVE, and PROPOSED if visible. */
function linkingStatuses(viewer: Viewer): CooperationStatus[] {
  return visibleStatuses(viewer).filter(
    (st) => st === CooperationStatus.ACTIVE || st === CooperationStatus.PROPOSED,
  );
}
/** Minimum score of a suggestion, so a lone "same Amt" never makes one. */
const MIN_SCORE = 2;
/** Minimum topic similarity (Jaccard) for an overlap. */
const MIN_JACCARD = 0.5;

export class SuggestionService {
  constructor(
    private readonly db: Database,
    private readonly actors: ActorService,
  ) {}

  /**
   * Candidates share a topic, a municipality or neighbourhood (same parent region, or within
   * 10 km), or an ACTIVE partner. Anyone already in an ACTIVE cooperation with the actor is never
   * suggested, nor anyone in a PROPOSED one for callers who may see PROPOSED cooperations; for
   * the others a hidden PROPOSED cooperation changes nothing, so it cannot be inferred.
   * Reasons are true of the pair: "Gleiche Gemeinde" only when both lie in the same
   * municipality, "Im selben Amt" when they share the Amt (also for actors at Amt level); there
   * is no data on which municipalities border each other, so none is called a neighbour.
   */
  async suggestions(viewer: Viewer, actorId: number, first: number): Promise<SuggestionData[]> {
    if (!Number.isInteger(first) || first < 1 || first > 50) {
      throw new BadUserInputError('first must be between 1 and 50', 'first');
    }
    const [me] = await this.actors.byIds([actorId]);
    if (!me) throw new NotFoundError('Actor', toGlobalId('Actor', actorId));
    const complementPairs = COMPLEMENTS.flatMap(([x, y]) => [
      `('${x}','${y}')`,
      `('${y}','${x}')`,
    ]).join(',');
    const { dLat, dLon } = nearBox(me.latitude ?? 0, NEAR_KM);
    const rows = await this.db.read(
      `WITH me AS (
         SELECT a.id, a.kind, a.topics, a.latitude, a.longitude, a.region_id, r.parent_id,
                mu.muni, mu.amt, mu.district
           FROM actor a JOIN region r ON r.id = a.region_id ${unitsSql('mu', 'r.path')}
          WHERE a.id = $1),
       linked AS (
         SELECT DISTINCT p2.actor_id FROM cooperation_participant p1
           JOIN cooperation_participant p2 ON p2.cooperation_id = p1.cooperation_id
          WHERE p1.actor_id = $1 AND p1.status = ANY($7::cooperation_status[])),
       partners AS (
         SELECT DISTINCT p2.actor_id FROM cooperation_participant p1
           JOIN cooperation_participant p2 ON p2.cooperation_id = p1.cooperation_id AND p2.actor_id <> $1
          WHERE p1.actor_id = $1 AND p1.status = 'ACTIVE'),
       common AS (
         SELECT p4.actor_id AS cand, array_agg(DISTINCT pt.actor_id) AS via
           FROM partners pt
           JOIN cooperation_participant p3 ON p3.actor_id = pt.actor_id AND p3.status = 'ACTIVE'
           JOIN cooperation_participant p4 ON p4.cooperation_id = p3.cooperation_id AND p4.actor_id <> pt.actor_id
          GROUP BY p4.actor_id),
       -- Attendance is a network signal: actors that took part in the same PUBLIC events (the
       -- organizer marked both ATTENDED). Only public events, so the reason names nothing hidden.
       met AS (
         SELECT r2.actor_id AS cand, count(DISTINCT e.id) AS n,
                (array_agg(e.title ORDER BY e.starts_at DESC))[1] AS title,
                max(e.starts_at) AS starts_at
           FROM event_registration r1
           JOIN event e ON e.id = r1.event_id AND e.visibility = 'PUBLIC'
           JOIN event_registration r2 ON r2.event_id = r1.event_id AND r2.status = 'ATTENDED'
                AND r2.actor_id IS NOT NULL AND r2.actor_id <> $1
          WHERE r1.actor_id = $1 AND r1.status = 'ATTENDED'
          GROUP BY r2.actor_id),
       cands AS (
         SELECT a.id FROM actor a, me WHERE a.topics && me.topics
         UNION SELECT a.id FROM actor a, me WHERE a.region_id IN (
           SELECT r.id FROM region r WHERE r.id = me.region_id OR r.id = me.parent_id
              OR r.parent_id = me.region_id OR r.parent_id = me.parent_id)
         UNION SELECT a.id FROM actor a, me
          WHERE a.latitude BETWEEN me.latitude - $2::float8 AND me.latitude + $2::float8
            AND a.longitude BETWEEN me.longitude - $3::float8 AND me.longitude + $3::float8
         UNION SELECT cand FROM common
         UNION SELECT cand FROM met),
       scored AS (
         SELECT a.id,
           ARRAY(SELECT t FROM unnest(me.topics) t WHERE t = ANY(a.topics)) AS shared,
           cu.muni, cu.amt, cu.district,
           coalesce(cu.muni = me.muni, false) AS same_muni,
           coalesce(cu.amt = me.amt, false) AS same_amt,
           coalesce(cu.district = me.district, false) AS same_district,
           CASE WHEN a.latitude IS NULL OR me.latitude IS NULL THEN NULL
                ELSE ${haversineSql('a', 4, 5)} END AS km,
           coalesce(c.via, '{}') AS via,
           (me.kind::text, a.kind::text) IN (${complementPairs}) AS complement,
           coalesce(m.n, 0) AS met_n, m.title AS met_title, m.starts_at AS met_at
         FROM cands JOIN actor a ON a.id = cands.id JOIN region r ON r.id = a.region_id CROSS JOIN me
         ${unitsSql('cu', 'r.path')}
         LEFT JOIN common c ON c.cand = a.id
         LEFT JOIN met m ON m.cand = a.id
         WHERE a.id <> $1 AND a.id NOT IN (SELECT actor_id FROM linked)),
       ranked AS (
         SELECT s.*, least(cardinality(s.shared), 3) * 1.0
           + CASE WHEN s.same_muni THEN 2 WHEN s.same_amt OR s.km <= ${NEAR_KM} THEN 1 ELSE 0 END
           + least(cardinality(s.via), 3) * 1.5
           + CASE WHEN s.complement THEN 1 ELSE 0 END
           + least(s.met_n, 2) * 1.5 AS score
         FROM scored s)
       SELECT ${this.actors.columns}, k.shared AS _shared, k.km AS _km,
              CASE WHEN k.same_muni THEN (SELECT name FROM region WHERE id = k.muni) END AS _muni,
              CASE WHEN k.same_amt THEN (SELECT name FROM region WHERE id = k.amt) END AS _amt,
              CASE WHEN k.same_district THEN (SELECT name FROM region WHERE id = k.district) END AS _district,
              k.score AS _score, k.met_n AS _met_n, k.met_title AS _met_title, k.met_at AS _met_at, ARRAY(SELECT v.name FROM actor v WHERE v.id = ANY(k.via) ORDER BY v.name LIMIT 3) AS _via
         FROM ranked k JOIN actor a ON a.id = k.id
        WHERE k.score >= ${MIN_SCORE}
        ORDER BY k.score DESC, a.name, a.id LIMIT $6`,
      [actorId, dLat, dLon, me.latitude, me.longitude, first, linkingStatuses(viewer)],
    );
    return rows.map((r) => {
      const actor = this.actors.hydrate(r);
      const shared = r._shared as string[];
      const reasons: string[] = [];
      reasons.push(...placeReasons(r));
      if (shared.length > 0) reasons.push(`Gemeinsame Themen: ${shared.join(', ')}`);
      for (const name of r._via as string[]) reasons.push(`Gemeinsamer Partner: ${name}`);
      const complement = complementReason(me.kind, actor.kind);
      if (complement) reasons.push(complement);
      const met = Number(r._met_n);
      if (met > 0) reasons.push(metReason(String(r._met_title), r._met_at as Date, met));
      return { actor, score: Number(r._score), sharedTopics: shared, reasons };
    });
  }

  /**
   * Groups of actors in the region that look like duplicate structures: the same kind family,
   * the same area (the nearest Amt, district or state above or at their region), topics with a
   * Jaccard similarity >= 0.5, and no ACTIVE cooperation between them (nor a PROPOSED one the
   * viewer may see: a hidden one must not change the answer). Pairs come from a join on
   * (area, family, topic), so only actors sharing a topic are ever compared.
   */
  async overlaps(viewer: Viewer, regionId: number, first: number): Promise<OverlapData[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) {
      throw new BadUserInputError('first must be between 1 and 100', 'first');
    }
    const [region] = await this.db.read('SELECT id FROM region WHERE id = $1', [regionId]);
    if (!region) throw new NotFoundError('Region', toGlobalId('Region', regionId));
    const rows = await this.db.read<{ a: number; b: number; shared: string[]; jaccard: number }>(
      `WITH ra AS (
         SELECT a.id, a.topics, ${FAMILY_SQL} AS fam,
           (SELECT anc.id FROM unnest(string_to_array(trim(both '/' from r.path), '/')::int[]) WITH ORDINALITY x(aid, ord)
              JOIN region anc ON anc.id = x.aid
             WHERE anc.level IN ('STATE', 'DISTRICT', 'AMT') ORDER BY x.ord DESC LIMIT 1) AS area
           FROM actor a JOIN region r ON r.id = a.region_id
          WHERE ${inRegionSql('a.region_id', 1)} AND cardinality(a.topics) > 0),
       t AS (SELECT id, area, fam, unnest(topics) AS topic FROM ra WHERE fam IS NOT NULL),
       pairs AS (
         SELECT t1.id AS a, t2.id AS b, array_agg(t1.topic ORDER BY t1.topic) AS shared, count(*) AS n
           FROM t t1 JOIN t t2 ON t2.area = t1.area AND t2.fam = t1.fam AND t2.topic = t1.topic AND t2.id > t1.id
          GROUP BY t1.id, t2.id)
       SELECT p.a, p.b, p.shared,
              p.n::float8 / (cardinality(x.topics) + cardinality(y.topics) - p.n) AS jaccard
         FROM pairs p JOIN ra x ON x.id = p.a JOIN ra y ON y.id = p.b
        WHERE p.n::float8 / (cardinality(x.topics) + cardinality(y.topics) - p.n) >= ${MIN_JACCARD}
          AND NOT EXISTS (
            SELECT 1 FROM cooperation_participant c1
              JOIN cooperation_participant c2 ON c2.cooperation_id = c1.cooperation_id AND c2.actor_id = p.b
             WHERE c1.actor_id = p.a AND c1.status = ANY($2::cooperation_status[]))
        ORDER BY jaccard DESC, p.a, p.b LIMIT 5000`,
      [regionId, linkingStatuses(viewer)],
    );
    // Pairs that share an actor form one group (connected components of the "looks alike" pairs).
    const ids = [...new Set(rows.flatMap((r) => [r.a, r.b]))];
    const index = new Map(ids.map((id, i) => [id, i]));
    const sets = new DisjointSets(ids.length);
    for (const r of rows) sets.union(index.get(r.a) as number, index.get(r.b) as number);
    const groups = new Map<
      number,
      { members: Set<number>; scores: number[]; shared: string[] | null }
    >();
    for (const r of rows) {
      const root = sets.find(index.get(r.a) as number);
      const g = groups.get(root) ?? { members: new Set<number>(), scores: [], shared: null };
      g.members.add(r.a).add(r.b);
      g.scores.push(Number(r.jaccard));
      g.shared = g.shared ? g.shared.filter((t) => r.shared.includes(t)) : [...r.shared];
      groups.set(root, g);
    }
    const ranked = [...groups.values()]
      .map((g) => ({ ...g, score: g.scores.reduce((s, v) => s + v, 0) / g.scores.length }))
      .sort((x, y) => y.score - x.score || y.members.size - x.members.size)
      .slice(0, first);
    const actors = new Map(
      (await this.actors.byIds(ranked.flatMap((g) => [...g.members]))).map((a) => [a.id, a]),
    );
    return ranked.map((g) => ({
      actors: [...g.members]
        .map((id) => actors.get(id) as Actor)
        .sort((a, b) => a.name.localeCompare(b.name, 'de')),
      sharedTopics: g.shared ?? [],
      score: Math.round(g.score * 1000) / 1000,
    }));
  }
}
