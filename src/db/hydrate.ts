// Turns raw snake_case rows into entity instances using TypeORM's metadata, so services can read
// with hand-written SQL and still hand typed entities to resolvers.
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

export type Hydrator<T> = (row: Record<string, unknown>) => T;

export function makeHydrator<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
): Hydrator<T> {
  const meta = ds.getMetadata(target);
  const cols = meta.columns
    .filter((c) => c.isSelect)
    .map((c) => [c.propertyName, c.databaseName] as const);
  const ctor = meta.target as new () => T;
  return (row) => {
    const e = new ctor() as Record<string, unknown>;
    for (const [prop, column] of cols) {
      if (column in row) e[prop] = row[column];
    }
    return e as T;
  };
}
