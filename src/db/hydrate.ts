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

/** The selectable columns of an entity as SQL (`n.id, n.title, ...`): never the search vectors. */
export function selectList<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  alias: string,
): string {
  return ds
    .getMetadata(target)
    .columns.filter((c) => c.isSelect)
    .map((c) => `${alias}.${c.databaseName}`)
    .join(', ');
}

/** The selectable column names without an alias (`id, title, ...`), for RETURNING. */
export function columnList<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
): string {
  return ds
    .getMetadata(target)
    .columns.filter((c) => c.isSelect)
    .map((c) => c.databaseName)
    .join(', ');
}

/** The selectable columns as a JSON object (`jsonb_build_object('id', a.id, ...)`), to join a row. */
export function jsonObjectOf<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  alias: string,
): string {
  return `jsonb_build_object(${ds
    .getMetadata(target)
    .columns.filter((c) => c.isSelect)
    .map((c) => `'${c.databaseName}', ${alias}.${c.databaseName}`)
    .join(', ')})`;
}
