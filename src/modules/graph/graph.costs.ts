// What graph fields cost, from figures measured on the data: a partners list is not a page of
// 20 but everyone within `depth` steps, which grows with the average degree of the cooperation
// graph. The figures are read from cooperation_participant (and actor, region) at start and
// refreshed every few minutes; the operation limits multiply each traversal's selection by the
// fan-out they predict, so `partners(depth: 3) { partners(depth: 3) { ... } }` is priced as what
// it reaches, not as 10 x 10.
import type { Database } from '../../db/database';
import { parseGlobalId } from '../../graphql/global-id';
import type { FieldCost } from '../../graphql/operation-limits';
import { MAX_FRONTIER, MAX_NEIGHBORHOOD } from './graph.service';

export interface GraphFigures {
  /** Actors in the hub. */
  actors: number;
  /** Partners per actor with at least one cooperation (any status): the first step's fan-out. */
  meanDegree: number;
  /**
   * Further partners per partner reached (E[k²]/E[k] - 1, the mean excess degree): one reaches
   * well-connected actors more often than their share, so steps after the first grow by this,
   * not by the plain average.
   */
  excessDegree: number;
  /** Participants per cooperation (Cooperation.participants, a list without paging). */
  meanParticipants: number;
  /** Actors in each region and every region below it. */
  actorsBelow: ReadonlyMap<number, number>;
  /** When they were measured (epoch ms); 0 for the defaults before the first measurement. */
  measuredAt: number;
}

/**
 * Before the first measurement (or when it fails) the hub assumes a dense graph: a cost limit
 * that starts lenient would let the expensive queries through exactly when nothing is known.
 */
export const ASSUMED_FIGURES: GraphFigures = {
  actors: MAX_FRONTIER,
  meanDegree: 10,
  excessDegree: 10,
  meanParticipants: 10,
  actorsBelow: new Map(),
  measuredAt: 0,
};

/** How often the figures are measured again. */
export const FIGURES_REFRESH_MS = 5 * 60_000;

export class GraphCostFigures {
  private current: GraphFigures = ASSUMED_FIGURES;
  private refreshing: Promise<GraphFigures> | null = null;

  constructor(private readonly db: Database) {}

  get figures(): GraphFigures {
    return this.current;
  }

  /**
   * Measures the figures again (two aggregate statements). A degree counts an actor's
   * participations times the other participants of each cooperation: an upper bound of its
   * distinct partners that needs no self-join of the participant table.
   */
  refresh(): Promise<GraphFigures> {
    return (this.refreshing ??= (async () => {
      try {
        const [deg] = await this.db.read<{
          actors: number;
          mean: number;
          mean_sq: number;
          size: number;
        }>(
          `WITH sizes AS (
             SELECT cooperation_id, count(*) AS n FROM cooperation_participant GROUP BY cooperation_id),
           deg AS (
             SELECT p.actor_id, sum(s.n - 1)::float8 AS k
               FROM cooperation_participant p JOIN sizes s USING (cooperation_id)
              GROUP BY p.actor_id)
           SELECT (SELECT count(*) FROM actor)::int AS actors,
                  coalesce(avg(k), 0)::float8 AS mean, coalesce(avg(k * k), 0)::float8 AS mean_sq,
                  (SELECT coalesce(avg(n), 0)::float8 FROM sizes) AS size
             FROM deg WHERE k > 0`,
        );
        const below = await this.db.read<{ id: number; n: number }>(
          `WITH per AS (SELECT region_id, count(*) AS n FROM actor GROUP BY region_id)
           SELECT x.aid AS id, sum(per.n)::int AS n
             FROM per JOIN region r ON r.id = per.region_id
            CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from r.path), '/')::int[]) AS x(aid)
            GROUP BY x.aid`,
        );
        const mean = Number(deg?.mean ?? 0);
        this.current = {
          actors: Number(deg?.actors ?? 0),
          meanDegree: mean,
          excessDegree: mean > 0 ? Number(deg.mean_sq) / mean - 1 : 0,
          meanParticipants: Number(deg?.size ?? 0),
          actorsBelow: new Map(below.map((r) => [r.id, r.n])),
          measuredAt: Date.now(),
        };
        return this.current;
      } finally {
        this.refreshing = null;
      }
    })());
  }

  /**
   * Actors reached within `depth` steps (the start not counted): the first step reaches the
   * mean degree, every further one multiplies by the excess degree; never more than the actors
   * there are, nor than the traversal's cap. Degrees count at least 1, so figures measured on
   * an empty graph do not make a traversal free until the next measurement.
   */
  reach(depth: number, cap: number): number {
    const f = this.current;
    const d = Math.max(1, Math.min(Number.isInteger(depth) ? depth : 1, 6));
    const first = Math.max(1, f.meanDegree);
    const grow = Math.max(1, f.excessDegree);
    let reached = 0;
    let level = first;
    for (let i = 0; i < d; i++) {
      reached += level;
      level *= grow;
    }
    return Math.ceil(Math.min(reached, cap, Math.max(1, f.actors - 1)));
  }

  /** Actors in a region and below it; every actor when the region is not (yet) known. */
  actorsIn(regionId: unknown): number {
    let id: number | null = null;
    try {
      id = typeof regionId === 'string' ? parseGlobalId(regionId, 'Region', 'regionId') : null;
    } catch {
      id = null; // the resolver refuses the id itself
    }
    const f = this.current;
    return (id !== null ? f.actorsBelow.get(id) : undefined) ?? Math.max(f.actors, 1);
  }

  /** Cooperations among n actors, by the mean degree (each joins two of them). */
  cooperationsAmong(n: number): number {
    return Math.ceil((n * Math.max(1, this.current.meanDegree)) / 2);
  }

  /** The cost of every graph field by its fan-out (see FieldCost), by coordinate. */
  fieldCosts(): Record<string, FieldCost> {
    const depthOf = (args: Record<string, unknown>, name: string, fallback: number) =>
      typeof args[name] === 'number' ? (args[name] as number) : fallback;
    return {
      'Actor.partners': {
        traversal: true,
        items: (args) => this.reach(depthOf(args, 'depth', 1), MAX_FRONTIER),
      },
      // The same partners with their distance (steps and km), nearest first; depth 2 by default.
      'Actor.partnersWithDistance': {
        traversal: true,
        items: (args) => this.reach(depthOf(args, 'depth', 2), MAX_FRONTIER),
      },
      'Query.neighborhood': {
        traversal: true,
        items: () => 1,
        work: (args) => this.reach(depthOf(args, 'depth', 2), MAX_NEIGHBORHOOD),
        lists: (args) => {
          const actors = 1 + this.reach(depthOf(args, 'depth', 2), MAX_NEIGHBORHOOD);
          return { actors, cooperations: this.cooperationsAmong(actors) };
        },
      },
      'Query.cooperationPath': {
        traversal: true,
        // the chain: at most maxDepth steps, both ends included
        items: (args) => depthOf(args, 'maxDepth', 6) + 1,
        // a bidirectional search meets in the middle: two searches of half the depth
        work: (args) => 2 * this.reach(Math.ceil(depthOf(args, 'maxDepth', 6) / 2), MAX_FRONTIER),
      },
      // Not a traversal, but a list without paging whose length the data knows.
      'Cooperation.participants': {
        items: () => Math.max(2, this.current.meanParticipants),
      },
      // A region's network is a listing of its actors, not a traversal: it costs its size.
      'Query.network': {
        items: () => 1,
        lists: (args) => {
          const actors = this.actorsIn(args.regionId);
          return { actors, cooperations: this.cooperationsAmong(actors) };
        },
      },
    };
  }
}
