import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';

const CREATE = `mutation Create($input: CreateRegionInput!) {
  createRegion(input: $input) { id name level parent { id } path { name } }
}`;

describe('regions', () => {
  let t: TestHub;
  let admin: string;

  beforeAll(async () => {
    t = await startTestHub();
    admin = await t.token(Role.ADMIN);
  });
  afterAll(() => t.stop());

  describe('createRegion', () => {
    it('refuses PUBLIC callers and coordinators', async () => {
      const anon = await t.gql(CREATE, { input: { name: 'Nowhere', level: 'STATE' } });
      expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const coord = await t.gql(
        CREATE,
        { input: { name: 'Nowhere', level: 'STATE' } },
        await t.token(Role.COORDINATOR),
      );
      expect(coord.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const list = await t.gql<{ regions: unknown[] }>('{ regions { id } }');
      expect(list.data?.regions).toHaveLength(0);
    });

    it('builds a tree and answers path, parent and children', async () => {
      const state = await t.gql<{ createRegion: { id: string } }>(
        CREATE,
        { input: { name: 'Schleswig-Holstein', level: 'STATE', officialKey: '01' } },
        admin,
      );
      const district = await t.gql<{ createRegion: { id: string } }>(
        CREATE,
        {
          input: { name: 'Dithmarschen', level: 'DISTRICT', parentId: state.data?.createRegion.id },
        },
        admin,
      );
      const town = await t.gql<{ createRegion: { id: string; path: { name: string }[] } }>(
        CREATE,
        {
          input: { name: 'Büsum', level: 'MUNICIPALITY', parentId: district.data?.createRegion.id },
        },
        admin,
      );
      expect(town.errors).toBeUndefined();
      expect(town.data?.createRegion.path.map((r) => r.name)).toEqual([
        'Schleswig-Holstein',
        'Dithmarschen',
        'Büsum',
      ]);
      const q = await t.gql<{ region: { children: { name: string }[] } }>(
        'query($id: ID!) { region(id: $id) { children { name } } }',
        { id: district.data?.createRegion.id },
      );
      expect(q.data?.region.children).toEqual([{ name: 'Büsum' }]);
    });

    it('refuses a parent of a lower level, naming the field, and writes nothing', async () => {
      const towns = await t.gql<{ regions: { id: string }[] }>(
        '{ regions(level: MUNICIPALITY) { id } }',
      );
      const res = await t.gql(
        CREATE,
        { input: { name: 'Kreis X', level: 'DISTRICT', parentId: towns.data?.regions[0].id } },
        admin,
      );
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'parentId',
      });
      const after = await t.gql<{ regions: unknown[] }>('{ regions(level: DISTRICT) { id } }');
      expect(after.data?.regions).toHaveLength(1);
    });

    it('refuses a name that is too short', async () => {
      const res = await t.gql(CREATE, { input: { name: 'X', level: 'STATE' } }, admin);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    });

    it('answers NOT_FOUND for an unknown parent', async () => {
      const res = await t.gql(
        CREATE,
        { input: { name: 'Amt Y', level: 'AMT', parentId: 'UmVnaW9uOjk5OTk5' } },
        admin,
      );
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });
});
