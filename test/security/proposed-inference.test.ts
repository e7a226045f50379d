// Issue 23.6: what a caller may not see must not change what it is shown. A PROPOSED
// cooperation is hidden from PUBLIC callers; creating one must change neither their
// cooperationSuggestions nor their overlaps, while signed-in callers (who see it) no longer get
// the pair suggested or grouped.
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { demoIds } from '../modules/actors/demo-ids';

const SUGGESTIONS = `query($id: ID!) { cooperationSuggestions(actorId: $id, first: 50) {
  actor { name } score sharedTopics reasons } }`;
const OVERLAPS = `query($id: ID!) { overlaps(regionId: $id, first: 100) { actors { name } sharedTopics score } }`;

describe('hidden PROPOSED cooperations cannot be inferred', () => {
  let t: TestHub;
  let admin: string;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    admin = await t.token(Role.ADMIN);
    ids = await demoIds(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const propose = async (a: string, b: string) => {
    const res = await t.gql(
      'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id status } }',
      {
        input: {
          kind: 'PARTNERSHIP',
          title: 'Noch geheim',
          status: 'PROPOSED',
          participantIds: [a, b],
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
  };

  it('cooperationSuggestions: PUBLIC answers stay the same, signed-in ones drop the pair', async () => {
    const me = ids.actor('Besuchsdienst „Zeit schenken“ Büsum');
    const other = 'Seniorenbesuchsdienst Wesselburen';
    const before = await t.gql<{ cooperationSuggestions: { actor: { name: string } }[] }>(
      SUGGESTIONS,
      { id: me },
    );
    expect(before.errors).toBeUndefined();
    expect(before.data!.cooperationSuggestions.map((s) => s.actor.name)).toContain(other);

    await propose(me, ids.actor(other));

    const after = await t.gql(SUGGESTIONS, { id: me });
    expect(after.data).toEqual(before.data);
    const signedIn = await t.gql<{ cooperationSuggestions: { actor: { name: string } }[] }>(
      SUGGESTIONS,
      { id: me },
      admin,
    );
    expect(signedIn.data!.cooperationSuggestions.map((s) => s.actor.name)).not.toContain(other);
  });

  it('overlaps: PUBLIC answers stay the same, signed-in ones no longer group the pair', async () => {
    const region = ids.region('Amt Büsum-Wesselburen');
    const [a, b] = ['Jugendtreff Warwerort', 'Jugendinitiative Hedwigenkoog'];
    type Overlaps = { overlaps: { actors: { name: string }[] }[] };
    const together = (r: Overlaps) =>
      r.overlaps.some(
        (g) => g.actors.some((x) => x.name === a) && g.actors.some((x) => x.name === b),
      );
    const before = await t.gql<Overlaps>(OVERLAPS, { id: region });
    expect(before.errors).toBeUndefined();
    expect(together(before.data!)).toBe(true);

    await propose(ids.actor(a), ids.actor(b));

    const after = await t.gql<Overlaps>(OVERLAPS, { id: region });
    expect(after.data).toEqual(before.data);
    const signedIn = await t.gql<Overlaps>(OVERLAPS, { id: region }, admin);
    expect(together(signedIn.data!)).toBe(false);
  });
});
