import { AsyncResource } from 'node:async_hooks';
import DataLoader from 'dataloader';
import { readRouting } from '../db/database';

/**
 * A DataLoader whose batches run in the async context the loader was created in, so a set of
 * loaders created for a mutation or a subscription event (see createLoaders) keeps reading from
 * the primary whichever resolver triggers the batch.
 */
export class HubLoader<K, V, C = K> extends DataLoader<K, V, C> {
  constructor(batch: DataLoader.BatchLoadFn<K, V>, options: DataLoader.Options<K, V, C> = {}) {
    if (readRouting.getStore() === undefined) {
      super(batch, options); // the usual case: nothing to carry along
      return;
    }
    const schedule = AsyncResource.bind((callback: () => void) => process.nextTick(callback));
    super(AsyncResource.bind(batch), { batchScheduleFn: schedule, ...options });
  }
}

/** Orders rows to match the keys a batch function received; missing keys get null. */
export function inKeyOrder<K, R>(
  keys: readonly K[],
  rows: R[],
  keyOf: (row: R) => K,
): (R | null)[] {
  const byKey = new Map<K, R>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((k) => byKey.get(k) ?? null);
}

/** Groups rows per key, in key order; a key with no rows gets an empty list. */
export function groupedInKeyOrder<K, R>(
  keys: readonly K[],
  rows: R[],
  keyOf: (row: R) => K,
): R[][] {
  const byKey = new Map<K, R[]>();
  for (const k of keys) byKey.set(k, []);
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((k) => byKey.get(k) ?? []);
}

/** A loader by primary key that yields null for ids that do not exist. */
export function byIdLoader<R>(fetch: (ids: number[]) => Promise<R[]>, idOf: (r: R) => number) {
  return new HubLoader<number, R | null>(
    async (ids) => inKeyOrder(ids, await fetch([...ids]), idOf),
    {
      maxBatchSize: 1000,
    },
  );
}

/** Groups keys that share everything but the owner id, so each group is one statement. */
export function byShape<K extends object>(
  keys: readonly K[],
  ownerField: keyof K,
): Map<string, K[]> {
  const groups = new Map<string, K[]>();
  for (const k of keys) {
    const shape = JSON.stringify({ ...k, [ownerField]: 0 });
    const list = groups.get(shape);
    if (list) list.push(k);
    else groups.set(shape, [k]);
  }
  return groups;
}

/**
 * A loader of per-owner results (pages, counts) whose keys carry the query's shape: keys of one
 * shape are answered by one call with all their owners.
 */
export function ownerLoader<K extends Record<string, unknown> & { ownerId: number }, V>(
  load: (ownerIds: number[], shape: K) => Promise<Map<number, V>>,
  fallback: V,
) {
  return new HubLoader<K, V, string>(
    async (keys) => {
      const results = new Map<K, V>();
      for (const group of byShape(keys, 'ownerId').values()) {
        const values = await load(
          group.map((k) => k.ownerId),
          group[0],
        );
        for (const k of group) results.set(k, values.get(k.ownerId) ?? fallback);
      }
      return keys.map((k) => results.get(k) as V);
    },
    { cacheKeyFn: (k) => JSON.stringify(k), maxBatchSize: 1000 },
  );
}
