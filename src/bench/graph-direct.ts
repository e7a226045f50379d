// W4's baseline: the same statements the hub's graph service sends, run directly through pg in
// this process (no HTTP, no GraphQL): partners level by level, the bidirectional shortest-path
// search, and a municipality's network figures.
import type { Pool } from 'pg';
import { networkStats } from '../modules/graph/graph.stats';

export async function partnersDirect(pool: Pool, actorId: number, depth: number): Promise<number> {
  const seen = new Set<number>([actorId]);
  let frontier = [actorId];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const { rows } = await pool.query<{ owner: number; dst: number }>(
      `SELECT DISTINCT f.owner, p2.actor_id AS dst
         FROM unnest($1::int[], $2::int[]) AS f(owner, node)
         JOIN cooperation_participant p1 ON p1.actor_id = f.node AND p1.status = ANY($3::cooperation_status[])
         JOIN cooperation_participant p2 ON p2.cooperation_id = p1.cooperation_id AND p2.actor_id <> p1.actor_id`,
      [frontier.map(() => actorId), frontier, ['ACTIVE']],
    );
    frontier = [];
    for (const r of rows) {
      if (seen.has(r.dst)) continue;
      seen.add(r.dst);
      frontier.push(r.dst);
    }
  }
  seen.delete(actorId);
  const { rows } = await pool.query('SELECT * FROM actor WHERE id = ANY($1::int[])', [[...seen]]);
  return rows.length;
}

async function step(pool: Pool, frontier: number[]): Promise<Array<{ src: number; dst: number }>> {
  const { rows } = await pool.query(
    `SELECT DISTINCT p1.actor_id AS src, p2.actor_id AS dst
       FROM cooperation_participant p1
       JOIN cooperation_participant p2 ON p2.cooperation_id = p1.cooperation_id AND p2.actor_id <> p1.actor_id
      WHERE p1.actor_id = ANY($1::int[]) AND p1.status = ANY($2::cooperation_status[])`,
    [frontier, ['ACTIVE']],
  );
  return rows;
}

export async function pathDirect(
  pool: Pool,
  fromId: number,
  toId: number,
  maxDepth: number,
): Promise<number> {
  await pool.query('SELECT * FROM actor WHERE id = ANY($1::int[])', [[fromId, toId]]);
  if (fromId === toId) return 1;
  const fwd = new Map<number, number>([[fromId, fromId]]);
  const bwd = new Map<number, number>([[toId, toId]]);
  let ff = [fromId];
  let bf = [toId];
  for (let steps = 0; steps < maxDepth && ff.length > 0 && bf.length > 0; steps++) {
    const forward = ff.length <= bf.length;
    const mine = forward ? fwd : bwd;
    const other = forward ? bwd : fwd;
    const next: number[] = [];
    let meet: number | null = null;
    for (const { src, dst } of await step(pool, forward ? ff : bf)) {
      if (mine.has(dst)) continue;
      mine.set(dst, src);
      next.push(dst);
      if (meet === null && other.has(dst)) meet = dst;
    }
    if (meet !== null) {
      let len = 1;
      for (let n = meet; n !== fromId; n = fwd.get(n) as number) len++;
      for (let n = meet; n !== toId; n = bwd.get(n) as number) len++;
      await pool.query('SELECT * FROM actor WHERE id = ANY($1::int[])', [[fromId, toId]]);
      return len;
    }
    if (forward) ff = next;
    else bf = next;
  }
  return 0;
}

export async function networkDirect(pool: Pool, regionId: number): Promise<number> {
  await pool.query('SELECT id FROM region WHERE id = $1', [regionId]);
  const { rows: actors } = await pool.query<{ id: number }>(
    `SELECT a.* FROM actor a WHERE a.region_id IN (SELECT sub.id FROM region sub WHERE sub.path LIKE (SELECT r.path FROM region r WHERE r.id = $1) || '%') ORDER BY a.name, a.id`,
    [regionId],
  );
  const ids = actors.map((a) => a.id);
  const { rows } = await pool.query<{ _members: number[] }>(
    `SELECT c.*, m.members AS _members FROM cooperation c
       JOIN (SELECT p.cooperation_id, array_agg(p.actor_id) AS members
               FROM cooperation_participant p
              WHERE p.actor_id = ANY($1::int[]) AND p.status = ANY($2::cooperation_status[])
              GROUP BY p.cooperation_id HAVING count(*) >= 2) m ON m.cooperation_id = c.id
      ORDER BY c.id`,
    [ids, ['ACTIVE']],
  );
  return networkStats(
    ids,
    rows.length,
    rows.map((r) => r._members),
  ).componentCount;
}
