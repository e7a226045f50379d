// Looks up global ids of the seeded demo data by name.
import { TestHub } from '../../helpers/test-hub';

export async function demoIds(
  t: TestHub,
): Promise<{ actor: (name: string) => string; region: (name: string) => string }> {
  const actors = new Map<string, string>();
  let after: string | null = null;
  for (;;) {
    const res: {
      data?: {
        actors: {
          nodes: { id: string; name: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } | null;
    } = await t.gql(
      'query($after: String) { actors(first: 100, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }',
      {
        after,
      },
    );
    for (const a of res.data?.actors.nodes ?? []) actors.set(a.name, a.id);
    if (!res.data?.actors.pageInfo.hasNextPage) break;
    after = res.data.actors.pageInfo.endCursor;
  }
  const regions = await t.gql<{ regions: { id: string; name: string }[] }>(
    '{ regions { id name } }',
  );
  const regionMap = new Map((regions.data?.regions ?? []).map((r) => [r.name, r.id]));
  const get = (m: Map<string, string>, kind: string) => (name: string) => {
    const id = m.get(name);
    if (!id) throw new Error(`no demo ${kind} named ${name}`);
    return id;
  };
  return { actor: get(actors, 'actor'), region: get(regionMap, 'region') };
}
