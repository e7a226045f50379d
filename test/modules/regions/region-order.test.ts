// `regions` and `Region.children` are sorted by name as German readers expect: Ä with A, Ö with
// O, Ü with U (ICU German where the server has it; the machine's PostgreSQL and the embedded one
// both do), never after Z as in the C locale the embedded server is initialised with.
import { Client } from 'pg';
import { startTestHub, TestHub } from '../../helpers/test-hub';

const NAMES = [
  'Zeltdorf',
  'Übersee',
  'Ahrensdorf',
  'Ältenkoog',
  'Bünsdorf',
  'Boren',
  'Öhe',
  'Ostrohe',
];
const GERMAN = [
  'Ahrensdorf',
  'Ältenkoog',
  'Boren',
  'Bünsdorf',
  'Öhe',
  'Ostrohe',
  'Übersee',
  'Zeltdorf',
];

describe('regions in German order', () => {
  let t: TestHub;
  let db: Client;
  let stateId: string;

  beforeAll(async () => {
    t = await startTestHub();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    const { rows } = await db.query(
      `INSERT INTO region (name, level, path) VALUES ('Land', 'STATE', '/') RETURNING id`,
    );
    const state = rows[0].id as number;
    await db.query(`UPDATE region SET path = '/' || id || '/' WHERE id = $1`, [state]);
    for (const name of NAMES) {
      await db.query(
        `INSERT INTO region (name, level, parent_id, path) VALUES ($1, 'DISTRICT', $2, '/')`,
        [name, state],
      );
    }
    await db.query(`UPDATE region SET path = '/' || $1 || '/' || id || '/' WHERE parent_id = $1`, [
      state,
    ]);
    stateId = Buffer.from(`Region:${state}`).toString('base64url');
  });
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it('uses ICU German collation on this server', async () => {
    const { rows } = await db.query(
      `SELECT collprovider FROM pg_collation WHERE collname = 'hub_german'`,
    );
    expect(rows).toEqual([{ collprovider: 'i' }]);
  });

  it('sorts regions(), regions(level), regions(parentId) and children by name, Ä with A', async () => {
    const all = await t.gql<{ regions: { name: string }[] }>('{ regions { name } }');
    expect(all.data!.regions.map((r) => r.name)).toEqual([
      ...GERMAN.slice(0, 4),
      'Land',
      ...GERMAN.slice(4),
    ]);
    const districts = await t.gql<{ regions: { name: string }[] }>(
      '{ regions(level: DISTRICT) { name } }',
    );
    expect(districts.data!.regions.map((r) => r.name)).toEqual(GERMAN);
    const below = await t.gql<{ regions: { name: string }[] }>(
      'query($id: ID!) { regions(parentId: $id) { name } }',
      { id: stateId },
    );
    expect(below.data!.regions.map((r) => r.name)).toEqual(GERMAN);
    const children = await t.gql<{ region: { children: { name: string }[] } }>(
      'query($id: ID!) { region(id: $id) { children { name } } }',
      { id: stateId },
    );
    expect(children.data!.region.children.map((r) => r.name)).toEqual(GERMAN);
  });
});
