// Figures of a cooperation network computed from its actors and its cooperating pairs.

export interface NetworkStatsData {
  actorCount: number;
  cooperationCount: number;
  componentCount: number;
  isolatedActorCount: number;
  density: number;
}

/** Union-find over dense indexes, with path halving. */
export class DisjointSets {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    this.parent[ra] = rb;
    return true;
  }
}

/**
 * `memberships` lists, per cooperation, its participants that belong to the network. A pair
 * of actors cooperates when some cooperation holds both; density is cooperating pairs over
 * possible pairs. An actor without a cooperation inside the network is isolated and a
 * component of its own.
 */
export function networkStats(
  actorIds: number[],
  cooperationCount: number,
  memberships: number[][],
): NetworkStatsData {
  const index = new Map<number, number>();
  actorIds.forEach((id, i) => index.set(id, i));
  const sets = new DisjointSets(actorIds.length);
  const linked = new Uint8Array(actorIds.length);
  const pairs = new Set<number>();
  let components = actorIds.length;
  for (const members of memberships) {
    const idx = members.map((m) => index.get(m)).filter((i): i is number => i !== undefined);
    if (idx.length < 2) continue;
    for (let i = 0; i < idx.length; i++) {
      linked[idx[i]] = 1;
      for (let j = i + 1; j < idx.length; j++) {
        const [a, b] = idx[i] < idx[j] ? [idx[i], idx[j]] : [idx[j], idx[i]];
        pairs.add(a * actorIds.length + b);
      }
      if (i > 0 && sets.union(idx[0], idx[i])) components--;
    }
  }
  const n = actorIds.length;
  const isolated = linked.reduce((s, v) => s + (v ? 0 : 1), 0);
  return {
    actorCount: n,
    cooperationCount,
    componentCount: components,
    isolatedActorCount: isolated,
    density: n < 2 ? 0 : pairs.size / ((n * (n - 1)) / 2),
  };
}
