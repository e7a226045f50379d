// ONE dynamic UPDATE: the changed properties of an entity (property names, checked against its
// TypeORM metadata, never SQL from a caller) become `SET col = $n`, plus updated_at, and the
// row comes back with its selectable columns (never the search vectors).
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Queryable } from '../../db/database';
import { columnList } from '../../db/hydrate';

/** The properties to change and their new values; undefined ones are left alone. */
export type Changes<T> = { [K in keyof T]?: T[K] | null };

export class UpdateBuilder<T extends ObjectLiteral> {
  private readonly table: string;
  private readonly columnOf: Map<string, string>;
  private readonly propertyOf: Map<string, string>;
  private readonly returning: string;

  constructor(ds: DataSource, target: EntityTarget<T>) {
    const meta = ds.getMetadata(target);
    this.table = meta.tableName;
    this.columnOf = new Map(meta.columns.map((c) => [c.propertyName, c.databaseName]));
    this.propertyOf = new Map(meta.columns.map((c) => [c.databaseName, c.propertyName]));
    this.returning = columnList(ds, target);
  }

  /**
   * Changes from a record keyed by column (what a validation such as actorColumns returns);
   * every key must be a column of the entity.
   */
  fromColumns(cols: Record<string, unknown>): Changes<T> {
    return Object.fromEntries(
      Object.entries(cols).map(([column, value]) => {
        const property = this.propertyOf.get(column);
        if (!property) throw new Error(`${this.table} has no column ${column}`);
        return [property, value];
      }),
    ) as Changes<T>;
  }

  /** The database column of a property; throws for anything that is not one (a bug, not input). */
  column(property: string): string {
    const column = this.columnOf.get(property);
    if (!column) throw new Error(`${this.table} has no property ${property}`);
    return column;
  }

  /**
   * Updates row `id` (and its updated_at) and returns the raw row. Callers have read and locked
   * the row first, so a missing one is a bug.
   */
  async update(q: Queryable, id: number, changes: Changes<T>): Promise<Record<string, unknown>> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined);
    const sets = entries.map(([property], i) => `${this.column(property)} = $${i + 2}`);
    const { rows } = await q.query(
      `UPDATE ${this.table} SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${this.returning}`,
      [id, ...entries.map(([, v]) => v)],
    );
    if (!rows[0]) throw new Error(`${this.table} ${id} vanished during its update`);
    return rows[0] as Record<string, unknown>;
  }
}
