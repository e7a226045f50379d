import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { openNeed } from '../needs/need-fixtures';

type Ids = Awaited<ReturnType<typeof demoIds>>;
const code = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  res.errors?.[0]?.extensions?.code;

const CREATE = `mutation($input: CreateOfferInput!) { createOffer(input: $input) { id kind title tags active visibility actor { name } region { name } } }`;
const MATCHES = `query($id: ID!, $first: Int) { need(id: $id) { matches(first: $first) { score distanceKm reasons offer { id title } } } }`;
const OFFERS = `query($filter: OfferFilter) { offers(filter: $filter, first: 50) { totalCount nodes { id title } } }`;

describe('offers and matching', () => {
  let t: TestHub;
  let ids: Ids;
  let heimat: string;
  let svBuesum: string;
  let member: string;

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    ids = await demoIds(t);
    heimat = ids.actor('Heimatverein Büsum');
    svBuesum = ids.actor('Sportverein Büsum');
    member = await t.token(Role.MEMBER, { actorIds: [heimat] });
  });
  afterAll(() => t.stop());

  const offer = (extra: Record<string, unknown> = {}) => ({
    actorId: heimat,
    kind: 'EQUIPMENT',
    title: 'Festzelt zum Ausleihen',
    tags: ['Zelt'],
    quantity: 2,
    ...extra,
  });

  describe('createOffer, updateOffer, withdrawOffer', () => {
    it('refuses PUBLIC and members of other actors', async () => {
      expect(code(await t.gql(CREATE, { input: offer() }))).toBe('UNAUTHENTICATED');
      const other = await t.token(Role.MEMBER, { actorIds: [svBuesum] });
      expect(code(await t.gql(CREATE, { input: offer() }, other))).toBe('FORBIDDEN');
    });

    it("creates, updates and withdraws an actor's offer; withdrawn offers leave the lists", async () => {
      const created = await t.gql<{
        createOffer: { id: string; tags: string[]; region: { name: string }; active: boolean };
      }>(CREATE, { input: offer({ title: 'Lastenrad Krabbenkutter' }) }, member);
      expect(created.data?.createOffer).toMatchObject({ tags: ['zelt'], active: true });
      const id = created.data!.createOffer.id;
      const updated = await t.gql<{ updateOffer: { title: string } }>(
        'mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { title } }',
        { id, input: { title: 'Lastenrad Krabbenkutter XL' } },
        member,
      );
      expect(updated.data?.updateOffer.title).toBe('Lastenrad Krabbenkutter XL');
      expect(
        (
          await t.gql<{ offers: { totalCount: number } }>(OFFERS, {
            filter: { text: 'Krabbenkutter' },
          })
        ).data?.offers.totalCount,
      ).toBe(1);
      const withdrawn = await t.gql<{ withdrawOffer: { active: boolean } }>(
        'mutation($id: ID!) { withdrawOffer(id: $id) { active } }',
        { id },
        member,
      );
      expect(withdrawn.data?.withdrawOffer.active).toBe(false);
      expect(
        (
          await t.gql<{ offers: { totalCount: number } }>(OFFERS, {
            filter: { text: 'Krabbenkutter' },
          })
        ).data?.offers.totalCount,
      ).toBe(0);
      const actorOffers = await t.gql<{ actor: { offers: { nodes: { id: string }[] } } }>(
        'query($id: ID!) { actor(id: $id) { offers(first: 100) { nodes { id } } } }',
        { id: heimat },
      );
      expect(actorOffers.data?.actor.offers.nodes.map((n) => n.id)).not.toContain(id);
    });

    it('hides NETWORK offers from PUBLIC in lists and node()', async () => {
      const created = await t.gql<{ createOffer: { id: string } }>(
        CREATE,
        { input: offer({ title: 'Internes Quallenzelt Angebot', visibility: 'NETWORK' }) },
        member,
      );
      const id = created.data!.createOffer.id;
      expect(
        (
          await t.gql<{ offers: { totalCount: number } }>(OFFERS, {
            filter: { text: 'Quallenzelt' },
          })
        ).data?.offers.totalCount,
      ).toBe(0);
      expect(
        (await t.gql<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', { id })).data
          ?.node,
      ).toBeNull();
      expect(
        (
          await t.gql<{ offers: { totalCount: number } }>(
            OFFERS,
            { filter: { text: 'Quallenzelt' } },
            member,
          )
        ).data?.offers.totalCount,
      ).toBe(1);
    });
  });

  describe('Need.matches', () => {
    it('ranks offers best first with German reasons, hiding NETWORK offers from PUBLIC', async () => {
      const need = await openNeed(t, svBuesum, {
        kind: 'EQUIPMENT',
        title: 'Zelte für das Hafenfest',
        quantity: 2,
        tags: ['zelt', 'hafenfest'],
        location: { latitude: 54.1333, longitude: 8.8667 },
        startsAt: '2031-07-01T08:00:00Z',
        endsAt: '2031-07-01T20:00:00Z',
      });
      const near = await t.gql<{ createOffer: { id: string } }>(
        CREATE,
        {
          input: offer({
            title: 'Zwei Faltzelte',
            tags: ['zelt', 'hafenfest'],
            location: { latitude: 54.16, longitude: 8.92 },
            availableFrom: '2031-06-01T00:00:00Z',
            availableUntil: '2031-08-01T00:00:00Z',
          }),
        },
        member,
      );
      const related = await t.gql<{ createOffer: { id: string } }>(
        CREATE,
        {
          input: offer({
            kind: 'TRANSPORT',
            title: 'Anhänger für Zeltstangen',
            tags: ['anhaenger'],
            quantity: 1,
            location: { latitude: 54.3, longitude: 9.1 },
          }),
        },
        member,
      );
      const hidden = await t.gql<{ createOffer: { id: string } }>(
        CREATE,
        {
          input: offer({
            title: 'Internes Zelt',
            tags: ['zelt', 'hafenfest'],
            visibility: 'NETWORK',
          }),
        },
        member,
      );
      const unavailable = await t.gql<{ createOffer: { id: string } }>(
        CREATE,
        {
          input: offer({
            title: 'Zelt nur im Winter',
            availableFrom: '2031-12-01T00:00:00Z',
            availableUntil: '2032-01-31T00:00:00Z',
          }),
        },
        member,
      );
      type M = {
        need: {
          matches: {
            score: number;
            distanceKm: number | null;
            reasons: string[];
            offer: { id: string };
          }[];
        };
      };
      const pub = await t.gql<M>(MATCHES, { id: need.id, first: 50 });
      const matchIds = pub.data!.need.matches.map((m) => m.offer.id);
      expect(matchIds).toContain(near.data!.createOffer.id);
      expect(matchIds).toContain(related.data!.createOffer.id);
      expect(matchIds).not.toContain(hidden.data!.createOffer.id);
      expect(matchIds).not.toContain(unavailable.data!.createOffer.id);
      const best = pub.data!.need.matches[0];
      expect(best.offer.id).toBe(near.data!.createOffer.id);
      expect(best.reasons).toEqual([
        'Passende Art: Ausrüstung',
        'Gemeinsame Schlagworte: hafenfest, zelt',
        expect.stringMatching(/^\d+,\d km entfernt$/),
        'Verfügbar im Zeitraum',
        'Menge reicht aus',
      ]);
      expect(best.distanceKm).toBeGreaterThan(3);
      expect(best.distanceKm).toBeLessThan(6);
      const scores = pub.data!.need.matches.map((m) => m.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      const rel = pub.data!.need.matches.find((m) => m.offer.id === related.data!.createOffer.id)!;
      expect(rel.reasons[0]).toBe('Verwandte Art: Transport');
      expect(rel.score).toBeLessThan(best.score);
      const partner = await t.gql<M>(MATCHES, { id: need.id, first: 50 }, member);
      expect(partner.data!.need.matches.map((m) => m.offer.id)).toContain(
        hidden.data!.createOffer.id,
      );
      const top1 = await t.gql<M>(MATCHES, { id: need.id, first: 1 });
      expect(top1.data!.need.matches).toHaveLength(1);
    });
  });
});
