// One keyset pagination helper for every Relay connection. A feature hands in its filtered SQL
// (selecting its row columns plus sort keys aliased _k0.._kN, the last one unique) and gets a
// connection back. The page is one statement; totalCount and the "other side" of pageInfo come
// from one lazy aggregate statement that runs only when a client asks for them.
import { BadUserInputError } from './errors';
import type { Database } from '../db/database';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export type Direction = 'ASC' | 'DESC';
export type KeyValue = string | number;

export interface PageSource<T> {
  /** SELECT ... that yields the filtered rows with sort keys _k0.._kN (never null). */
  sql: string;
  /**
   * The same rows (with the sort keys) without joins that only decorate them, for counting;
   * defaults to sql.
   */
  countSql?: string;
  params: unknown[];
  directions: Direction[];
  hydrate: (row: Record<string, unknown>) => T;
  /** Sees each row of the page with its node (e.g. to prime loaders with joined columns). */
  onRow?: (row: Record<string, unknown>, node: T) => void;
}

export interface PageOptions {
  /**
   * The caller selected totalCount: count in the page's own statement (a scalar subquery)
   * instead of a second round trip.
   */
  withTotal?: boolean;
}

export interface PageInfo {
  hasNextPage: boolean | Promise<boolean>;
  hasPreviousPage: boolean | Promise<boolean>;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A getter: the count runs only when the field is selected. */
  readonly totalCount: Promise<number>;
}

export function encodeCursor(values: KeyValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, keyCount: number, field: string): KeyValue[] {
  try {
    if (cursor.length > 500) throw new Error('too long');
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === keyCount &&
      v.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))
    ) {
      return v as KeyValue[];
    }
  } catch {
    /* reported below */
  }
  throw new BadUserInputError(`${field} is not a valid cursor`, field);
}

/** Checks first/last and returns the page size and direction. */
export function pageWindow(args: ConnectionArgs): { size: number; backward: boolean } {
  const { first, last } = args;
  if (first != null && last != null) {
    throw new BadUserInputError('Pass either first or last, not both', 'first');
  }
  for (const [name, v] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (v != null && (!Number.isInteger(v) || v < 1 || v > MAX_PAGE_SIZE)) {
      throw new BadUserInputError(`${name} must be between 1 and ${MAX_PAGE_SIZE}`, name);
    }
  }
  if (last != null) return { size: last, backward: true };
  return { size: first ?? DEFAULT_PAGE_SIZE, backward: false };
}

/** SQL for "row comes strictly after `values` in this order". */
function afterCondition(directions: Direction[], firstParam: number): string {
  const ors: string[] = [];
  for (let i = 0; i < directions.length; i++) {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) ands.push(`q._k${j} = $${firstParam + j}`);
    ands.push(`q._k${i} ${directions[i] === 'ASC' ? '>' : '<'} $${firstParam + i}`);
    ors.push(`(${ands.join(' AND ')})`);
  }
  return `(${ors.join(' OR ')})`;
}

const flip = (d: Direction): Direction => (d === 'ASC' ? 'DESC' : 'ASC');

function rowKeys(row: Record<string, unknown>, n: number): KeyValue[] {
  const keys: KeyValue[] = [];
  for (let i = 0; i < n; i++) {
    const v = row[`_k${i}`];
    keys.push(typeof v === 'number' ? v : String(v));
  }
  return keys;
}

export async function paginate<T>(
  db: Database,
  source: PageSource<T>,
  args: ConnectionArgs,
  options: PageOptions = {},
): Promise<Connection<T>> {
  const { size, backward } = pageWindow(args);
  const n = source.directions.length;
  const after = args.after != null ? decodeCursor(args.after, n, 'after') : null;
  const before = args.before != null ? decodeCursor(args.before, n, 'before') : null;

  const params = [...source.params];
  const conditions: string[] = [];
  let afterCond: string | null = null;
  let beforeCond: string | null = null;
  if (after) {
    afterCond = afterCondition(source.directions, params.length + 1);
    params.push(...after);
    conditions.push(afterCond);
  }
  if (before) {
    beforeCond = afterCondition(source.directions.map(flip), params.length + 1);
    params.push(...before);
    conditions.push(beforeCond);
  }
  const order = (backward ? source.directions.map(flip) : source.directions)
    .map((d, i) => `q._k${i} ${d}`)
    .join(', ');
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  // The source's own parameters ($1..$k) serve the count subquery as well.
  const total = options.withTotal
    ? `, (SELECT count(*)::int FROM (${source.countSql ?? source.sql}) AS c) AS _total`
    : '';
  const rows = await db.read(
    `SELECT *${total} FROM (${source.sql}) AS q ${where} ORDER BY ${order} LIMIT ${size + 1}`,
    params,
  );
  const knownTotal = options.withTotal && rows.length > 0 ? Number(rows[0]._total) : null;
  const more = rows.length > size;
  const page = more ? rows.slice(0, size) : rows;
  if (backward) page.reverse();
  const edges = page.map((row) => {
    const node = source.hydrate(row);
    source.onRow?.(row, node);
    return { cursor: encodeCursor(rowKeys(row, n)), node };
  });

  // One aggregate answers totalCount and whether rows lie beyond the cursor we came from.
  let aggregate: Promise<{ total: number; beyond: boolean }> | null = null;
  const runAggregate = () => {
    if (!aggregate) {
      const aggParams = [...source.params];
      let beyond = 'false';
      const cursor = backward ? before : after;
      if (cursor) {
        const dirs = backward ? source.directions : source.directions.map(flip);
        // rows at or before the `after` cursor (or at or after `before`) lie on the other side
        beyond = `bool_or(NOT ${afterCondition(dirs.map(flip), aggParams.length + 1)})`;
        aggParams.push(...cursor);
      }
      aggregate = db
        .read<{ total: number; beyond: boolean | null }>(
          `SELECT count(*)::int AS total, ${beyond} AS beyond FROM (${source.countSql ?? source.sql}) AS q`,
          aggParams,
        )
        .then(([r]) => ({ total: r.total, beyond: r.beyond === true }));
    }
    return aggregate;
  };

  const pageInfo: PageInfo = {
    get hasNextPage() {
      return backward ? (before ? runAggregate().then((a) => a.beyond) : false) : more;
    },
    get hasPreviousPage() {
      return backward ? more : after ? runAggregate().then((a) => a.beyond) : false;
    },
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo,
    get totalCount() {
      return knownTotal !== null
        ? Promise.resolve(knownTotal)
        : runAggregate().then((a) => a.total);
    },
  };
}

/**
 * The window of a connection that is loaded in one batch for many parents (Actor.needs,
 * Actor.cooperations): ordered by id descending, so a cursor is an id; either direction.
 */
export interface IdWindow {
  size: number;
  afterId: number | null;
  beforeId: number | null;
  /** `last`/`before`: the rows nearest `before` are read first, then put back in order. */
  backward: boolean;
}

function idCursor(cursor: string | null | undefined, field: 'after' | 'before'): number | null {
  if (cursor == null) return null;
  const [id] = decodeCursor(cursor, 1, field);
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    throw new BadUserInputError(`${field} is not a valid cursor`, field);
  }
  return id;
}

/** Checks first/after/last/before of a batched connection. */
export function idWindow(args: ConnectionArgs): IdWindow {
  const { size, backward } = pageWindow(args);
  return {
    size,
    afterId: idCursor(args.after, 'after'),
    beforeId: idCursor(args.before, 'before'),
    backward,
  };
}

/**
 * SQL of one owner's page in a batched statement, for an id column (`n.id`) and the positions
 * of the window's parameters (`idWindowParams`): the rows of the page, their order, and the
 * rows on the other side of the cursor we came from (the `_beyond` flag of ownerPages).
 */
export function idWindowSql(w: IdWindow, firstParam: number) {
  const after = `$${firstParam}::int`;
  const before = `$${firstParam + 1}::int`;
  return {
    inPage: (id: string) =>
      `(${after} IS NULL OR ${id} < ${after}) AND (${before} IS NULL OR ${id} > ${before})`,
    order: (id: string) => `${id} ${w.backward ? 'ASC' : 'DESC'}`,
    /** Null when there is no cursor to look beyond: the flag is then false. */
    beyond: (id: string): string | null => {
      if (w.backward) return w.beforeId == null ? null : `${id} <= ${before}`;
      return w.afterId == null ? null : `${id} >= ${after}`;
    },
  };
}

/** The parameters idWindowSql refers to, in its order. */
export const idWindowParams = (w: IdWindow): unknown[] => [w.afterId, w.beforeId];

/** One parent's page from a batched load. */
export interface OwnerPage<T> {
  nodes: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/**
 * Splits the rows of a batched page query (`_owner`, `_beyond`: rows lie beyond the cursor, row
 * columns; each owner's rows in the window's order, one more than the page) per parent.
 */
export function ownerPages<T>(
  owners: number[],
  rows: Record<string, unknown>[],
  w: Pick<IdWindow, 'size' | 'backward'>,
  hydrate: (row: Record<string, unknown>) => T,
): Map<number, OwnerPage<T>> {
  const pages = new Map<number, { nodes: T[]; more: boolean; beyond: boolean }>();
  for (const id of owners) pages.set(id, { nodes: [], more: false, beyond: false });
  for (const r of rows) {
    const page = pages.get(r._owner as number) as { nodes: T[]; more: boolean; beyond: boolean };
    page.beyond = r._beyond === true;
    if (r.id == null) continue;
    if (page.nodes.length === w.size) page.more = true;
    else page.nodes.push(hydrate(r));
  }
  const result = new Map<number, OwnerPage<T>>();
  for (const [owner, { nodes, more, beyond }] of pages) {
    result.set(
      owner,
      w.backward
        ? { nodes: nodes.reverse(), hasNextPage: beyond, hasPreviousPage: more }
        : { nodes, hasNextPage: more, hasPreviousPage: beyond },
    );
  }
  return result;
}

/** A connection from a batched page of nodes with numeric ids; the count loads only if asked. */
export function connectionFromPage<T extends { id: number }>(
  page: OwnerPage<T>,
  total: () => Promise<number>,
): Connection<T> {
  const edges = page.nodes.map((node) => ({ cursor: encodeCursor([node.id]), node }));
  return {
    edges,
    nodes: page.nodes,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      return total();
    },
  };
}
