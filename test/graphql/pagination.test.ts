// The one keyset pagination helper, on a table of its own: two sort keys (score DESC with ties,
// id ASC), pages forward and backward, exact pageInfo, totalCount, and bad arguments.
import { BadUserInputError } from '../../src/graphql/errors';
import { Connection, ConnectionArgs, encodeCursor, paginate } from '../../src/graphql/pagination';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';

interface Item {
  id: number;
  score: number;
}

// 25 items; scores repeat (5 per score) so the unique id decides inside a tie.
const ITEMS: Item[] = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, score: (i % 5) * 10 }));
const ORDERED = [...ITEMS].sort((a, b) => b.score - a.score || a.id - b.id).map((i) => i.id);

describe('paginate', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.query('CREATE TABLE page_item (id int PRIMARY KEY, score int NOT NULL)');
    await t.db.query(
      `INSERT INTO page_item (id, score) SELECT * FROM unnest($1::int[], $2::int[])`,
      [ITEMS.map((i) => i.id), ITEMS.map((i) => i.score)],
    );
  });
  afterAll(() => t.drop());

  const page = (args: ConnectionArgs, where = 'true', params: unknown[] = []) =>
    paginate<Item>(
      t.db,
      {
        sql: `SELECT id, score, score AS _k0, id AS _k1 FROM page_item WHERE ${where}`,
        params,
        directions: ['DESC', 'ASC'],
        hydrate: (r) => ({ id: Number(r.id), score: Number(r.score) }),
      },
      args,
    );

  const ids = (c: Connection<Item>) => c.nodes.map((n) => n.id);
  const info = async (c: Connection<Item>) => ({
    hasNextPage: await c.pageInfo.hasNextPage,
    hasPreviousPage: await c.pageInfo.hasPreviousPage,
    totalCount: await c.totalCount,
  });

  describe('bad arguments', () => {
    it.each([
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ first: -1 }, 'first'],
      [{ last: 0 }, 'last'],
      [{ last: 101 }, 'last'],
      [{ first: 2.5 }, 'first'],
      [{ first: 5, last: 5 }, 'first'],
      [{ first: 5, after: 'not-a-cursor' }, 'after'],
      [{ last: 5, before: encodeCursor([1]) }, 'before'], // wrong number of keys
      [{ first: 5, after: encodeCursor([{} as never, 1]) }, 'after'],
      [{ first: 5, after: Buffer.from('[1, 2').toString('base64url') }, 'after'],
    ])('%j is BAD_USER_INPUT on %s', async (args, field) => {
      const err = await page(args as ConnectionArgs).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BadUserInputError);
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field } });
    });

    it('accepts the bounds 1 and 100', async () => {
      expect(ids(await page({ first: 1 }))).toEqual(ORDERED.slice(0, 1));
      expect(ids(await page({ first: 100 }))).toEqual(ORDERED);
      expect(ids(await page({ last: 100 }))).toEqual(ORDERED);
    });
  });

  describe('forward (first/after)', () => {
    it('walks every row once in a stable order with exact pageInfo', async () => {
      const seen: number[] = [];
      let after: string | null = null;
      for (let n = 0; n < 10; n++) {
        const c = await page({ first: 7, after });
        seen.push(...ids(c));
        const i = await info(c);
        expect(i.totalCount).toBe(25);
        expect(i.hasPreviousPage).toBe(after !== null);
        expect(i.hasNextPage).toBe(seen.length < 25);
        expect(c.pageInfo.startCursor).toBe(c.edges[0].cursor);
        expect(c.pageInfo.endCursor).toBe(c.edges[c.edges.length - 1].cursor);
        if (!i.hasNextPage) break;
        after = c.pageInfo.endCursor;
      }
      expect(seen).toEqual(ORDERED);
    });

    it('has no next page when the page ends exactly at the last row', async () => {
      const c = await page({ first: 5, after: encodeCursor([10, ORDERED[19]]) });
      expect(ids(c)).toEqual(ORDERED.slice(20));
      expect(await info(c)).toEqual({ hasNextPage: false, hasPreviousPage: true, totalCount: 25 });
    });

    it('uses 20 when no size is given', async () => {
      const c = await page({});
      expect(ids(c)).toEqual(ORDERED.slice(0, 20));
      expect(await info(c)).toEqual({ hasNextPage: true, hasPreviousPage: false, totalCount: 25 });
    });
  });

  describe('backward (last/before)', () => {
    it('returns the last rows in forward order', async () => {
      const c = await page({ last: 4 });
      expect(ids(c)).toEqual(ORDERED.slice(21));
      expect(await info(c)).toEqual({ hasNextPage: false, hasPreviousPage: true, totalCount: 25 });
    });

    it('walks back from a cursor to the start', async () => {
      const seen: number[] = [];
      let before: string | null = null;
      for (let n = 0; n < 10; n++) {
        const c = await page({ last: 6, before });
        seen.unshift(...ids(c));
        const i = await info(c);
        expect(i.hasNextPage).toBe(before !== null);
        expect(i.hasPreviousPage).toBe(seen.length < 25);
        if (!i.hasPreviousPage) break;
        before = c.pageInfo.startCursor;
      }
      expect(seen).toEqual(ORDERED);
    });

    it('combines after and before into a window', async () => {
      const after = encodeCursor([40, ORDERED[2]]);
      const before = encodeCursor([20, ORDERED[14]]);
      expect(ids(await page({ first: 100, after, before }))).toEqual(ORDERED.slice(3, 14));
      const last = await page({ last: 3, after, before });
      expect(ids(last)).toEqual(ORDERED.slice(11, 14));
      expect(await last.pageInfo.hasNextPage).toBe(true);
      expect(await last.pageInfo.hasPreviousPage).toBe(true);
    });
  });

  describe('edges', () => {
    it('answers an empty filter with an empty page', async () => {
      const c = await page({ first: 5 }, 'score > $1', [1000]);
      expect(c.edges).toEqual([]);
      expect(c.pageInfo.startCursor).toBeNull();
      expect(c.pageInfo.endCursor).toBeNull();
      expect(await info(c)).toEqual({ hasNextPage: false, hasPreviousPage: false, totalCount: 0 });
    });

    it('keeps the feature parameters apart from the cursor parameters', async () => {
      const c = await page(
        { first: 2, after: encodeCursor([40, ORDERED[0]]) },
        'score >= $1',
        [30],
      );
      expect(ids(c)).toEqual(ORDERED.slice(1, 3));
      expect(await c.totalCount).toBe(10);
    });

    it('answers the near side of pageInfo from the page query alone (no promise)', async () => {
      const c = await page({ first: 3 });
      // hasNextPage and hasPreviousPage of a first page come from the page query itself
      expect(c.pageInfo.hasNextPage).toBe(true);
      expect(c.pageInfo.hasPreviousPage).toBe(false);
    });
  });
});
