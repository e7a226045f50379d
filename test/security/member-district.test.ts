// Issue 23.10: a MEMBER could open a need for its actor in any region of the state. The rule:
// a member places its actor's needs and offers within the actor's district (Kreis: the DISTRICT
// that contains the actor's region, with everything below it); where no district contains the
// actor's region (an actor at state level, a kreisfreie Stadt directly below the state), within
// the actor's own region and below. Coordinators place within the regions they coordinate,
// ADMINs anywhere. A refusal is FORBIDDEN and writes nothing.
import { Role } from '../../src/graphql/viewer';
import { tableFingerprint } from '../helpers/fingerprint';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { demoIds } from '../modules/actors/demo-ids';

type Who =
  'memberBuesum' | 'memberState' | 'memberKiel' | 'coordHusumMember' | 'coordKreis' | 'admin';
type Actor = 'buesum' | 'state' | 'kiel';
type Place =
  | 'default'
  | 'buesum'
  | 'hellschen'
  | 'wesselburen'
  | 'dithmarschen'
  | 'state'
  | 'nordfriesland'
  | 'husum'
  | 'kiel';

let t: TestHub;
let admin: string;
const regions = {} as Record<Exclude<Place, 'default'>, string>;
const actors = {} as Record<Actor, string>;
const tokens = {} as Record<Who, string>;

beforeAll(async () => {
  t = await startTestHub({ seed: true });
  admin = await t.token(Role.ADMIN);
  const ids = await demoIds(t);
  regions.buesum = ids.region('Büsum');
  regions.hellschen = ids.region('Hellschen');
  regions.wesselburen = ids.region('Wesselburen');
  regions.dithmarschen = ids.region('Kreis Dithmarschen');
  regions.state = ids.region('Schleswig-Holstein');
  const region = async (name: string, level: string, parentId: string) => {
    const res = await t.gql<{ createRegion: { id: string } }>(
      `mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }`,
      { i: { name, level, parentId } },
      admin,
    );
    return res.data!.createRegion.id;
  };
  regions.nordfriesland = await region('Kreis Nordfriesland', 'DISTRICT', regions.state);
  regions.husum = await region('Husum', 'MUNICIPALITY', regions.nordfriesland);
  // A kreisfreie Stadt: a municipality directly below the state, in no district.
  regions.kiel = await region('Kiel', 'MUNICIPALITY', regions.state);
  const actor = async (name: string, regionId: string) => {
    const res = await t.gql<{ createActor: { id: string } }>(
      `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`,
      { i: { kind: 'CLUB', name, regionId } },
      admin,
    );
    return res.data!.createActor.id;
  };
  actors.buesum = await actor('Kreisprobe Verein Büsum', regions.buesum);
  actors.state = await actor('Kreisprobe Landesverband', regions.state);
  actors.kiel = await actor('Kreisprobe Verein Kiel', regions.kiel);
  tokens.memberBuesum = await t.token(Role.MEMBER, { actorIds: [actors.buesum] });
  tokens.memberState = await t.token(Role.MEMBER, { actorIds: [actors.state] });
  tokens.memberKiel = await t.token(Role.MEMBER, { actorIds: [actors.kiel] });
  // A coordinator of Husum who is also a member of the club in Büsum.
  tokens.coordHusumMember = await t.token(Role.COORDINATOR, {
    regionIds: [regions.husum],
    actorIds: [actors.buesum],
  });
  tokens.coordKreis = await t.token(Role.COORDINATOR, { regionIds: [regions.dithmarschen] });
  tokens.admin = admin;
}, 120_000);
afterAll(() => t?.stop());

const A = 'allowed';
const F = 'FORBIDDEN';
const CASES: Array<[Who, Actor, Place, typeof A | typeof F]> = [
  ['memberBuesum', 'buesum', 'default', A],
  ['memberBuesum', 'buesum', 'buesum', A],
  ['memberBuesum', 'buesum', 'hellschen', A],
  ['memberBuesum', 'buesum', 'wesselburen', A],
  ['memberBuesum', 'buesum', 'dithmarschen', A],
  ['memberBuesum', 'buesum', 'state', F],
  ['memberBuesum', 'buesum', 'nordfriesland', F],
  ['memberBuesum', 'buesum', 'husum', F],
  ['memberBuesum', 'buesum', 'kiel', F],
  ['memberState', 'state', 'state', A],
  ['memberState', 'state', 'husum', A],
  ['memberState', 'state', 'buesum', A],
  ['memberKiel', 'kiel', 'kiel', A],
  ['memberKiel', 'kiel', 'dithmarschen', F],
  ['memberKiel', 'kiel', 'state', F],
  ['coordHusumMember', 'buesum', 'husum', A],
  ['coordHusumMember', 'buesum', 'wesselburen', A],
  ['coordHusumMember', 'buesum', 'kiel', F],
  ['coordHusumMember', 'kiel', 'husum', F],
  ['coordKreis', 'buesum', 'wesselburen', A],
  ['coordKreis', 'buesum', 'husum', F],
  ['admin', 'buesum', 'husum', A],
  ['admin', 'kiel', 'state', A],
];

const OPERATIONS = {
  openNeed: `mutation($i: OpenNeedInput!) { openNeed(input: $i) { id region { id } } }`,
  createOffer: `mutation($i: CreateOfferInput!) { createOffer(input: $i) { id region { id } } }`,
};
const ROWS = (Object.keys(OPERATIONS) as Array<keyof typeof OPERATIONS>).flatMap((op) =>
  CASES.map(([who, actor, place, expected]) => ({ op, who, actor, place, expected })),
);

let seq = 0;
it.each(ROWS)('$op by $who for the $actor actor in $place: $expected', async (row) => {
  const input: Record<string, unknown> = {
    actorId: actors[row.actor],
    kind: 'HELPERS',
    title: `Kreisprobe ${++seq}`,
  };
  if (row.place !== 'default') input.regionId = regions[row.place];
  const before = await tableFingerprint(t);
  const res = await t.gql<Record<string, { region: { id: string } }>>(
    OPERATIONS[row.op],
    { i: input },
    tokens[row.who],
  );
  if (row.expected === F) {
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await tableFingerprint(t)).toBe(before);
  } else {
    expect(res.errors).toBeUndefined();
    const placed = res.data![row.op].region.id;
    if (row.place !== 'default') expect(placed).toBe(regions[row.place]);
  }
});
