// Traversals of the cooperation graph: partners, neighbourhoods, regional networks and the
// shortest chain between two actors. Every step is ONE set-based statement over the
// (actor_id, status, cooperation_id) index of cooperation_participant, with the frontier passed
// as an array; depth and frontier size are bounded, so a query fails early with BAD_USER_INPUT
// instead of running into the statement timeout.
import { Database } from '../../db/database';
import { BadUserInputError, NotFoundError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { Viewer } from '../../graphql/viewer';
import { Actor } from '../actors/actor.entity';
import { ActorService } from '../actors/actor.service';
import {
  Cooperation,
  CooperationKind,
  CooperationStatus,
} from '../cooperations/cooperation.entity';
import { visibleStatuses } from '../cooperations/cooperation.permissions';
import { CooperationService } from '../cooperations/cooperation.service';
import { Connection, ConnectionArgs, paginate } from '../../graphql/pagination';
import { inRegionSql } from '../shared/region-path';
import { networkStats, NetworkStatsData } from './graph.stats';

export interface NetworkData {
  actors: Actor[];
  cooperations: Cooperation[];
  stats: NetworkStatsData;
  /** What the network was built from, for Network.isolatedActors. */
  scope: NetworkScope;
}

/** The actors of a network and the cooperations that connect them (statuses, kinds). */
export interface NetworkScope {
  actorIds: number[];
  statuses: CooperationStatus[];
  kinds?: CooperationKind[];
}

/** An actor reached from another, and in how many cooperation steps at the fewest. */
export interface PartnerStep {
  id: number;
  distance: number;
}

/** The most nodes one traversal step may start from. */
export const MAX_FRONTIER = 20_000;
/** The most actors a neighbourhood may hold. */
export const MAX_NEIGHBORHOOD = 5_000;

export function boundDepth(depth: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(depth) || depth < min || depth > max) {
    throw new BadUserInputError(`${field} must be between ${min} and ${max}`, field);
  }
  return depth;
}

function tooBroad(field: string): never {
  throw new BadUserInputError(
    `The traversal reaches too many actors (more than ${MAX_FRONTIER} in one step); lower ${field}`,
    field,
    { reason: 'TRAVERSAL_TOO_BROAD' },
  );
}

export class GraphService {
  constructor(
    private readonly db: Database,
    private readonly actors: ActorService,
    private readonly cooperations: CooperationService,
  ) {}

  /** One step: every (from, to) pair of actors sharing a cooperation of the given statuses. */
  private async step(
    frontier: number[],
    statuses: CooperationStatus[],
  ): Promise<Array<{ src: number; dst: number }>> {
    if (frontier.length === 0 || statuses.length === 0) return [];
    return this.db.read(
      `SELECT DISTINCT p1.actor_id AS src, p2.actor_id AS dst
         FROM cooperation_participant p1
         JOIN cooperation_participant p2 ON p2.cooperation_id = p1.cooperation_id AND p2.actor_id <> p1.actor_id
        WHERE p1.actor_id = ANY($1::int[]) AND p1.status = ANY($2::cooperation_status[])`,
      [frontier, statuses],
    );
  }

  /**
   * Distinct actors within `depth` steps of each owner (without the owner), each with its
   * distance (the fewest steps that reach it), for many owners at once: one statement per
   * level, whatever the number of owners.
   */
  async partnersOf(
    owners: number[],
    depth: number,
    statuses: CooperationStatus[],
  ): Promise<Map<number, PartnerStep[]>> {
    boundDepth(depth, 1, 3, 'depth');
    const found = new Map<number, Map<number, number>>(
      owners.map((o) => [o, new Map<number, number>()]),
    );
    let frontier = owners.map((o) => ({ owner: o, node: o }));
    for (let level = 0; level < depth && frontier.length > 0 && statuses.length > 0; level++) {
      if (frontier.length > MAX_FRONTIER) tooBroad('depth');
      const rows = await this.db.read<{ owner: number; dst: number }>(
        `SELECT DISTINCT f.owner, p2.actor_id AS dst
           FROM unnest($1::int[], $2::int[]) AS f(owner, node)
           JOIN cooperation_participant p1 ON p1.actor_id = f.node AND p1.status = ANY($3::cooperation_status[])
           JOIN cooperation_participant p2 ON p2.cooperation_id = p1.cooperation_id AND p2.actor_id <> p1.actor_id`,
        [frontier.map((f) => f.owner), frontier.map((f) => f.node), statuses],
      );
      frontier = [];
      for (const r of rows) {
        const seen = found.get(r.owner) as Map<number, number>;
        if (r.dst === r.owner || seen.has(r.dst)) continue;
        seen.set(r.dst, level + 1);
        frontier.push({ owner: r.owner, node: r.dst });
      }
    }
    return new Map(
      [...found].map(([o, s]) => [o, [...s].map(([id, distance]) => ({ id, distance }))]),
    );
  }

  /** Builds a network of the given actors with the cooperations among them. */
  private async networkOf(
    actors: Actor[],
    statuses: CooperationStatus[],
    kinds?: CooperationKind[],
  ): Promise<NetworkData> {
    const ids = actors.map((a) => a.id);
    const coopRows =
      statuses.length === 0 || ids.length < 2
        ? []
        : await this.db.read(
            `SELECT c.*, m.members AS _members FROM cooperation c
               JOIN (SELECT p.cooperation_id, array_agg(p.actor_id) AS members
                       FROM cooperation_participant p
                      WHERE p.actor_id = ANY($1::int[]) AND p.status = ANY($2::cooperation_status[])
                      GROUP BY p.cooperation_id HAVING count(*) >= 2) m ON m.cooperation_id = c.id
              WHERE $3::cooperation_kind[] IS NULL OR c.kind = ANY($3::cooperation_kind[])
              ORDER BY c.id`,
            [ids, statuses, kinds && kinds.length > 0 ? kinds : null],
          );
    const cooperations = coopRows.map(this.cooperations.hydrate);
    const stats = networkStats(
      ids,
      cooperations.length,
      coopRows.map((r) => r._members as number[]),
    );
    return { actors, cooperations, stats, scope: { actorIds: ids, statuses, kinds } };
  }

  /**
   * The actors of a network that take part in none of its cooperations (as
   * stats.isolatedActorCount counts them), by name in German order, paged.
   */
  isolatedActors(scope: NetworkScope, args: ConnectionArgs): Promise<Connection<Actor>> {
    return paginate(
      this.db,
      {
        sql: `SELECT ${this.actors.columns}, a.name COLLATE hub_german AS _k0, a.id AS _k1
                FROM actor a
               WHERE a.id = ANY($1::int[])
                 AND NOT EXISTS (
                   SELECT 1 FROM cooperation_participant p1
                     JOIN cooperation_participant p2 ON p2.cooperation_id = p1.cooperation_id
                          AND p2.actor_id <> p1.actor_id AND p2.actor_id = ANY($1::int[])
                          AND p2.status = ANY($2::cooperation_status[])
                     JOIN cooperation c ON c.id = p1.cooperation_id
                    WHERE p1.actor_id = a.id AND p1.status = ANY($2::cooperation_status[])
                      AND ($3::cooperation_kind[] IS NULL OR c.kind = ANY($3::cooperation_kind[])))`,
        params: [
          scope.actorIds,
          scope.statuses,
          scope.kinds && scope.kinds.length > 0 ? scope.kinds : null,
        ],
        directions: ['ASC', 'ASC'],
        hydrate: this.actors.hydrate,
      },
      args,
    );
  }

  /**
   * Actors of a region (with every region below it) and the cooperations among them: those of
   * status `wanted` the viewer may read (PROPOSED ones only for partners).
   */
  async network(
    viewer: Viewer,
    regionId: number,
    wanted: CooperationStatus,
    kinds?: CooperationKind[],
  ): Promise<NetworkData> {
    const statuses = visibleStatuses(viewer, wanted);
    const [region] = await this.db.read('SELECT id FROM region WHERE id = $1', [regionId]);
    if (!region) throw new NotFoundError('Region', toGlobalId('Region', regionId));
    const rows = await this.db.read(
      `SELECT ${this.actors.columns} FROM actor a WHERE ${inRegionSql('a.region_id', 1)} ORDER BY a.name, a.id`,
      [regionId],
    );
    return this.networkOf(rows.map(this.actors.hydrate), statuses, kinds);
  }

  /** The actor, everyone within `depth` steps, and the cooperations among them (as network()). */
  async neighborhood(
    viewer: Viewer,
    actorId: number,
    depth: number,
    wanted: CooperationStatus,
  ): Promise<NetworkData> {
    const statuses = visibleStatuses(viewer, wanted);
    boundDepth(depth, 1, 4, 'depth');
    const [start] = await this.actors.byIds([actorId]);
    if (!start) throw new NotFoundError('Actor', toGlobalId('Actor', actorId));
    const seen = new Set<number>([actorId]);
    let frontier = [actorId];
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      if (frontier.length > MAX_FRONTIER) tooBroad('depth');
      const next: number[] = [];
      for (const { dst } of await this.step(frontier, statuses)) {
        if (!seen.has(dst)) {
          seen.add(dst);
          next.push(dst);
        }
      }
      if (seen.size > MAX_NEIGHBORHOOD) {
        throw new BadUserInputError(
          `The neighbourhood holds more than ${MAX_NEIGHBORHOOD} actors; lower depth`,
          'depth',
          { reason: 'TRAVERSAL_TOO_BROAD' },
        );
      }
      frontier = next;
    }
    const others = await this.actors.byIds([...seen].filter((id) => id !== actorId));
    others.sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id - b.id);
    return this.networkOf([start, ...others], statuses);
  }

  /**
   * Shortest chain of ACTIVE cooperations from one actor to another, both ends included; null
   * when there is none within maxDepth steps. Bidirectional breadth-first search: each round
   * expands the smaller frontier by one whole level (one statement), so the first level at which
   * the two searches meet gives a shortest chain.
   */
  async cooperationPath(
    _viewer: Viewer,
    fromId: number,
    toId: number,
    maxDepth: number,
  ): Promise<number[] | null> {
    boundDepth(maxDepth, 1, 6, 'maxDepth');
    const ends = await this.actors.byIds([fromId, toId]);
    if (!ends.some((a) => a.id === fromId))
      throw new NotFoundError('Actor', toGlobalId('Actor', fromId));
    if (!ends.some((a) => a.id === toId))
      throw new NotFoundError('Actor', toGlobalId('Actor', toId));
    if (fromId === toId) return [fromId];
    const statuses = [CooperationStatus.ACTIVE];
    // parent maps: node -> the node it was reached from (the start maps to itself)
    const fwd = new Map<number, number>([[fromId, fromId]]);
    const bwd = new Map<number, number>([[toId, toId]]);
    let fwdFrontier = [fromId];
    let bwdFrontier = [toId];
    let steps = 0;
    while (steps < maxDepth && fwdFrontier.length > 0 && bwdFrontier.length > 0) {
      const forward = fwdFrontier.length <= bwdFrontier.length;
      const frontier = forward ? fwdFrontier : bwdFrontier;
      if (frontier.length > MAX_FRONTIER) tooBroad('maxDepth');
      const mine = forward ? fwd : bwd;
      const other = forward ? bwd : fwd;
      const next: number[] = [];
      let meet: number | null = null;
      for (const { src, dst } of await this.step(frontier, statuses)) {
        if (mine.has(dst)) continue;
        mine.set(dst, src);
        next.push(dst);
        if (meet === null && other.has(dst)) meet = dst;
      }
      steps++;
      if (meet !== null) {
        const path: number[] = [];
        for (let n = meet; ; n = fwd.get(n) as number) {
          path.unshift(n);
          if (n === fromId) break;
        }
        for (let n = meet; n !== toId;) {
          n = bwd.get(n) as number;
          path.push(n);
        }
        return path;
      }
      if (forward) fwdFrontier = next;
      else bwdFrontier = next;
    }
    return null;
  }
}
