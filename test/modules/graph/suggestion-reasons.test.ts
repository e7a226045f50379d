// cooperationSuggestions gives reasons that are true of the two actors: "Gleiche Gemeinde" only
// for the same municipality (villages included), "Im selben Amt" for the same Amt (actors at Amt
// level too), "Im selben Kreis" for the same district, never "Nachbargemeinde" (the hub knows no
// borders). Table-driven over pairs of regions in a small tree of its own.
import { Client } from 'pg';
import { toGlobalId } from '../../../src/graphql/global-id';
import { startTestHub, TestHub } from '../../helpers/test-hub';

// name, level, parent
const TREE: Array<[string, string, string | null]> = [
  ['Land', 'STATE', null],
  ['Kreis Eins', 'DISTRICT', 'Land'],
  ['Kreis Zwei', 'DISTRICT', 'Land'],
  ['Amt Eins', 'AMT', 'Kreis Eins'],
  ['Amt Zwei', 'AMT', 'Kreis Eins'],
  ['Amt Drei', 'AMT', 'Kreis Zwei'],
  ['Nordhusen', 'MUNICIPALITY', 'Amt Eins'],
  ['Südhusen', 'MUNICIPALITY', 'Amt Eins'],
  ['Osterkoog', 'MUNICIPALITY', 'Amt Zwei'],
  ['Westerkoog', 'MUNICIPALITY', 'Amt Drei'],
  ['Nordhusen-Hof', 'VILLAGE', 'Nordhusen'],
  ['Nordhusen-Deich', 'VILLAGE', 'Nordhusen'],
];

// the two actors' regions, and the place reason expected (null: none)
const CASES: Array<[string, string, string | null]> = [
  ['Nordhusen', 'Nordhusen', 'Gleiche Gemeinde: Nordhusen'],
  ['Nordhusen-Hof', 'Nordhusen-Deich', 'Gleiche Gemeinde: Nordhusen'],
  ['Nordhusen-Hof', 'Nordhusen', 'Gleiche Gemeinde: Nordhusen'],
  ['Nordhusen', 'Südhusen', 'Im selben Amt: Amt Eins'],
  ['Nordhusen-Hof', 'Südhusen', 'Im selben Amt: Amt Eins'],
  ['Amt Eins', 'Nordhusen', 'Im selben Amt: Amt Eins'],
  ['Nordhusen', 'Amt Eins', 'Im selben Amt: Amt Eins'],
  ['Amt Eins', 'Amt Eins', 'Im selben Amt: Amt Eins'],
  ['Nordhusen', 'Osterkoog', 'Im selben Kreis: Kreis Eins'],
  ['Kreis Eins', 'Nordhusen', 'Im selben Kreis: Kreis Eins'],
  ['Amt Eins', 'Amt Zwei', 'Im selben Kreis: Kreis Eins'],
  ['Nordhusen', 'Westerkoog', null],
  ['Land', 'Nordhusen', null],
];

const PLACE = /^(Gleiche Gemeinde|Im selben|In der Nähe|Nachbargemeinde)/;

describe('cooperationSuggestions reasons', () => {
  let t: TestHub;
  const actorIds: Array<[string, string]> = [];

  beforeAll(async () => {
    t = await startTestHub();
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    const regionIds = new Map<string, number>();
    for (const [name, level, parent] of TREE) {
      const parentId = parent ? regionIds.get(parent) : null;
      const { rows } = await db.query(
        `INSERT INTO region (name, level, parent_id, path) VALUES ($1, $2, $3, '/') RETURNING id`,
        [name, level, parentId],
      );
      const id = rows[0].id as number;
      regionIds.set(name, id);
      await db.query(
        `UPDATE region SET path = coalesce((SELECT path FROM region WHERE id = $2), '/') || $1 || '/' WHERE id = $1`,
        [id, parentId],
      );
    }
    // Each pair shares two topics of its own (so every pair is suggested whatever its place);
    // no coordinates, so distance plays no part.
    for (const [i, [ra, rb]] of CASES.entries()) {
      const ids: string[] = [];
      for (const [side, region] of [
        ['A', ra],
        ['B', rb],
      ]) {
        const { rows } = await db.query(
          `INSERT INTO actor (kind, name, region_id, topics) VALUES ('CLUB', $1, $2, $3) RETURNING id`,
          [`Fall ${i} ${side}`, regionIds.get(region), [`thema${i}a`, `thema${i}b`]],
        );
        ids.push(toGlobalId('Actor', rows[0].id as number));
      }
      actorIds.push([ids[0], ids[1]]);
    }
    await db.end();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.each(CASES.map((c, i) => [i, ...c] as const))(
    'case %i: %s and %s',
    async (i, _ra, _rb, expected) => {
      const res = await t.gql<{
        cooperationSuggestions: { actor: { id: string }; reasons: string[] }[];
      }>(
        'query($id: ID!) { cooperationSuggestions(actorId: $id, first: 50) { actor { id } reasons } }',
        { id: actorIds[i][0] },
      );
      expect(res.errors).toBeUndefined();
      const hit = res.data!.cooperationSuggestions.find((s) => s.actor.id === actorIds[i][1]);
      expect(hit).toBeDefined();
      const place = hit!.reasons.filter((r) => PLACE.test(r));
      expect(place).toEqual(expected ? [expected] : []);
      // every suggestion of the table says nothing untrue about neighbours
      for (const s of res.data!.cooperationSuggestions) {
        expect(s.reasons).not.toContain('Nachbargemeinde');
      }
    },
  );
});
