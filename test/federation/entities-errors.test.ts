// `_entities` takes `_Any`: a gateway (or anyone with the secret) may send representations of
// any shape. A malformed one is the caller's mistake, reported for that item alone.
import { SUBGRAPH_SECRET_HEADER } from '../../src/server/subgraph-server';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { demoIds } from '../modules/actors/demo-ids';
import { post } from './gateway-kit';

const SECRET = 'gateway-only-secret-0123456789';

describe('_entities with malformed representations', () => {
  let t: TestHub;
  const logLines: string[] = [];
  const ids: Record<string, string> = {};

  const entities = (representations: unknown[]) =>
    post<{ _entities: Array<Record<string, unknown> | null> }>(
      fetch,
      `${t.hub.url}/subgraph`,
      `query($r: [_Any!]!) { _entities(representations: $r) {
         __typename ... on Actor { name } ... on Region { name } } }`,
      { r: representations },
      { [SUBGRAPH_SECRET_HEADER]: SECRET },
    );

  beforeAll(async () => {
    t = await startTestHub({
      seed: true,
      env: { HUB_SUBGRAPH_SECRET: SECRET },
      logStream: { write: (line: string) => void logLines.push(line) },
    });
    const demo = await demoIds(t);
    ids.club = demo.actor('Sportverein Büsum');
    ids.region = demo.region('Büsum');
  });

  afterAll(async () => {
    await t?.stop();
  });

  /** The errors of a response, checked for the shape every one must have. */
  function itemErrors(res: Awaited<ReturnType<typeof entities>>): Map<number, string> {
    const byIndex = new Map<number, string>();
    for (const e of res.errors ?? []) {
      const index = e.extensions?.index as number;
      expect(e).toMatchObject({
        path: ['_entities', index],
        extensions: { code: 'BAD_USER_INPUT', index },
        message: expect.stringMatching(new RegExp(`^representations\\[${String(index)}\\] `)),
      });
      byIndex.set(index, e.message);
    }
    return byIndex;
  }

  // A response carries at most five errors (MAX_ERRORS_PER_RESPONSE): two batches.
  it('gives each bad item its own BAD_USER_INPUT error with its index; the good ones resolve', async () => {
    const logged = logLines.length;
    const res = await entities([
      { __typename: 'Club', id: ids.club },
      'Club:1', // not an object
      { id: ids.club }, // no __typename
      { __typename: 'Verein', id: ids.club }, // no such type
      { __typename: 'PageInfo', id: ids.club }, // a value type, not an entity
      { __typename: 'Node', id: ids.club }, // the Relay interface, not an entity
      { __typename: 'Region', id: ids.region },
    ]);
    expect(res.status).toBe(200);
    expect(res.data!._entities).toEqual([
      { __typename: 'Club', name: 'Sportverein Büsum' },
      null,
      null,
      null,
      null,
      null,
      { __typename: 'Region', name: 'Büsum' },
    ]);
    const errors = itemErrors(res);
    expect([...errors.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(errors.get(1)).toContain('is not an object');
    expect(errors.get(2)).toContain('has no __typename');
    expect(errors.get(3)).toContain('names "Verein", which is not an entity of this subgraph');
    expect(errors.get(3)).toMatch(/entities: .*Region.*Actor.*Need/);
    expect(errors.get(4)).toContain('names "PageInfo"');
    expect(errors.get(5)).toContain('names "Node"');
    // A caller's mistake is no server error: nothing at level error, no stack in the log.
    const after = logLines.slice(logged).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(after.length).toBeGreaterThan(0); // the request's own log line
    expect(after.filter((l) => Number(l.level) >= 50)).toEqual([]);
    expect(after.map((l) => JSON.stringify(l)).join('\n')).not.toMatch(/"stack"|\bat .+\.js:\d+/);
  });

  it('reports a missing id, a list and a __typename that is no string; a bad id stays null', async () => {
    const res = await entities([
      { __typename: 'Region' }, // no id
      [{ __typename: 'Club', id: ids.club }], // a list, not an object
      { __typename: 7, id: ids.club },
      // Well-formed but naming nothing: null without an error, as node() answers.
      { __typename: 'Club', id: 'not-a-global-id' },
      { __typename: 'Actor', id: ids.club },
    ]);
    expect(res.data!._entities).toEqual([
      null,
      null,
      null,
      null,
      { __typename: 'Club', name: 'Sportverein Büsum' },
    ]);
    const errors = itemErrors(res);
    expect([...errors.keys()]).toEqual([0, 1, 2]);
    expect(errors.get(0)).toContain('has no id');
    expect(errors.get(1)).toContain('is not an object');
    expect(errors.get(2)).toContain('has a __typename that is not a string');
  });

  it('answers a batch of only bad items with only errors, never a 500', async () => {
    const res = await entities([{ __typename: 'Query' }, 42]);
    expect(res.status).toBe(200);
    expect(res.data!._entities).toEqual([null, null]);
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.index])).toEqual([
      ['BAD_USER_INPUT', 0],
      ['BAD_USER_INPUT', 1],
    ]);
  });
});
