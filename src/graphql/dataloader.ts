import DataLoader from 'dataloader';

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
  return new DataLoader<number, R | null>(
    async (ids) => inKeyOrder(ids, await fetch([...ids]), idOf),
    {
      maxBatchSize: 1000,
    },
  );
}
