// The hub as a Federation 2 subgraph behind a real gateway (Hive Gateway runtime), composed with
// @theguild/federation-composition together with a small campaigns subgraph written for the test.
import fs from 'node:fs';
import path from 'node:path';
import { printHubSubgraphSchema } from '../../src/graphql/build-subgraph';
import { toGlobalId } from '../../src/graphql/global-id';
import { Role } from '../../src/graphql/viewer';
import { SUBGRAPH_SECRET_HEADER } from '../../src/server/subgraph-server';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed, withPg } from '../modules/needs/need-fixtures';
import { CAMPAIGNS_SDL, CampaignsService, startCampaignsSubgraph } from './campaigns-subgraph';
import {
  composeSupergraph,
  Gateway,
  hubSubgraphSdl,
  post,
  startGateway,
  viaGateway as gatewayQuery,
} from './gateway-kit';

const SECRET = 'gateway-only-secret-0123456789';

describe('the hub as a federation subgraph', () => {
  let t: TestHub;
  let campaigns: CampaignsService;
  let gateway: Gateway;
  let subgraphUrl: string;
  let member: string;
  const ids: Record<string, string> = {};

  const viaGateway = <T>(query: string, token?: string) => gatewayQuery<T>(gateway, query, token);
  const subgraph = <T>(query: string, variables: Record<string, unknown> = {}, headers = {}) =>
    post<T>(fetch, subgraphUrl, query, variables, headers);
  const entities = (representations: unknown[], token?: string) =>
    subgraph<{ _entities: Array<Record<string, unknown> | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
         __typename ... on Actor { id name } ... on Need { id title visibility }
         ... on Cooperation { id status } ... on Region { id name } } }`,
      { r: representations },
      {
        [SUBGRAPH_SECRET_HEADER]: SECRET,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    );

  beforeAll(async () => {
    t = await startTestHub({ seed: true, env: { HUB_SUBGRAPH_SECRET: SECRET } });
    subgraphUrl = `${t.hub.url}/subgraph`;
    const demo = await demoIds(t);
    ids.svBuesum = demo.actor('Sportverein Büsum');
    ids.school = demo.actor('Grundschule Büsum');
    ids.publicNeed = (await openNeed(t, ids.svBuesum, { title: 'Trikots für die Jugend' })).id;
    ids.networkNeed = (
      await openNeed(t, ids.svBuesum, { title: 'Interner Kassenwart', visibility: 'NETWORK' })
    ).id;
    const coops = await withPg(
      t,
      async (pg) =>
        (
          await pg.query<{ id: number; status: string }>(
            `SELECT DISTINCT ON (status) id, status FROM cooperation ORDER BY status, id`,
          )
        ).rows,
    );
    ids.proposed = toGlobalId('Cooperation', coops.find((c) => c.status === 'PROPOSED')!.id);
    ids.active = toGlobalId('Cooperation', coops.find((c) => c.status === 'ACTIVE')!.id);
    member = await t.token(Role.MEMBER, { actorIds: [ids.svBuesum] });

    campaigns = await startCampaignsSubgraph([
      {
        id: 'c1',
        title: 'Neue Trikots',
        goalEuro: 1200,
        actorId: ids.svBuesum,
        needId: ids.publicNeed,
        cooperationId: ids.active,
      },
      {
        id: 'c2',
        title: 'Vereinskasse',
        goalEuro: 500,
        actorId: ids.svBuesum,
        needId: ids.networkNeed,
        cooperationId: ids.proposed,
      },
      { id: 'c3', title: 'Schulgarten', goalEuro: 800, actorId: ids.school },
    ]);

    gateway = startGateway(
      composeSupergraph([
        { name: 'hub', sdl: await hubSubgraphSdl(subgraphUrl, SECRET), url: subgraphUrl },
        { name: 'campaigns', sdl: CAMPAIGNS_SDL, url: campaigns.url },
      ]),
      SECRET,
    );
  });

  afterAll(async () => {
    await gateway?.dispose();
    await campaigns?.stop();
    await t?.stop();
  });

  describe('/subgraph', () => {
    it('refuses requests without the gateway secret, or with a wrong one, before running them', async () => {
      for (const headers of [{}, { [SUBGRAPH_SECRET_HEADER]: 'not-the-secret-at-all' }]) {
        const res = await subgraph<never>('{ _service { sdl } }', {}, headers);
        expect(res.status).toBe(403);
        expect(res.data).toBeUndefined();
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('keeps hidden entities null for PUBLIC: NETWORK needs and PROPOSED cooperations', async () => {
      const res = await entities([
        { __typename: 'Need', id: ids.networkNeed },
        { __typename: 'Cooperation', id: ids.proposed },
        { __typename: 'Need', id: ids.publicNeed },
      ]);
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([
        null,
        null,
        {
          __typename: 'Need',
          id: ids.publicNeed,
          title: 'Trikots für die Jugend',
          visibility: 'PUBLIC',
        },
      ]);
    });

    it('resolves the same references for a MEMBER, as node() does', async () => {
      const res = await entities(
        [
          { __typename: 'Need', id: ids.networkNeed },
          { __typename: 'Cooperation', id: ids.proposed },
        ],
        member,
      );
      expect(res.data!._entities).toEqual([
        {
          __typename: 'Need',
          id: ids.networkNeed,
          title: 'Interner Kassenwart',
          visibility: 'NETWORK',
        },
        { __typename: 'Cooperation', id: ids.proposed, status: 'PROPOSED' },
      ]);
      const node = await t.gql<{ node: { id: string } | null }>(
        'query($id: ID!) { node(id: $id) { id } }',
        { id: ids.networkNeed },
      );
      expect(node.data!.node).toBeNull();
    });

    it('resolves actors by their concrete type and through the Actor interface', async () => {
      const res = await entities([
        { __typename: 'Club', id: ids.svBuesum },
        { __typename: 'Actor', id: ids.school },
        // A Club's id asked for as a School, an id of another type, garbage: all null.
        { __typename: 'School', id: ids.svBuesum },
        { __typename: 'Region', id: ids.svBuesum },
        { __typename: 'Need', id: 'not-an-id' },
        { __typename: 'Need', id: 42 },
      ]);
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([
        { __typename: 'Club', id: ids.svBuesum, name: 'Sportverein Büsum' },
        { __typename: 'School', id: ids.school, name: 'Grundschule Büsum' },
        null,
        null,
        null,
        null,
      ]);
    });

    it('answers _service { sdl } with the committed schema/subgraph.graphql', async () => {
      const res = await subgraph<{ _service: { sdl: string } }>(
        '{ _service { sdl } }',
        {},
        {
          [SUBGRAPH_SECRET_HEADER]: SECRET,
        },
      );
      const sdl = res.data!._service.sdl;
      expect(sdl.trimEnd() + '\n').toBe(await printHubSubgraphSchema());
      const committed = fs.readFileSync(
        path.join(__dirname, '../../schema/subgraph.graphql'),
        'utf8',
      );
      expect(committed).toBe(sdl.trimEnd() + '\n');
      for (const entity of ['Region', 'Actor', 'Club', 'School', 'Need', 'Offer', 'Cooperation']) {
        expect(sdl).toMatch(new RegExp(`(type|interface) ${entity} [^{]*@key\\(fields: "id"\\)`));
      }
    });
  });

  describe('through the gateway', () => {
    it('shows a PUBLIC caller no NETWORK need and no PROPOSED cooperation referenced elsewhere', async () => {
      const res = await viaGateway<{
        campaigns: Array<{
          title: string;
          need: { title: string } | null;
          cooperation: { status: string } | null;
        }>;
      }>('{ campaigns { title need { title visibility } cooperation { status } } }');
      // The hub answers null for the hidden entities; the gateway then nulls the nullable field
      // and reports the missing non-null field, as federation gateways do. Nothing of them shows.
      expect(res.errors?.map((e) => e.path?.join('.')).sort()).toEqual([
        'campaigns.1.cooperation.status',
        'campaigns.1.need.title',
      ]);
      expect(JSON.stringify(res)).not.toContain('Kassenwart');
      const needs = await viaGateway<{ needs: { nodes: Array<{ title: string }> } }>(
        '{ needs(first: 100) { nodes { title } } }',
      );
      const titles = needs.data!.needs.nodes.map((n) => n.title);
      expect(titles).toContain('Trikots für die Jugend');
      expect(titles).not.toContain('Interner Kassenwart');
      expect(res.data!.campaigns).toEqual([
        {
          title: 'Neue Trikots',
          need: { title: 'Trikots für die Jugend', visibility: 'PUBLIC' },
          cooperation: { status: 'ACTIVE' },
        },
        { title: 'Vereinskasse', need: null, cooperation: null },
        { title: 'Schulgarten', need: null, cooperation: null },
      ]);
    });

    it('shows a MEMBER the NETWORK need and the PROPOSED cooperation (the token reaches the hub)', async () => {
      const res = await viaGateway<{
        campaigns: Array<{
          title: string;
          need: { title: string } | null;
          cooperation: { status: string } | null;
        }>;
      }>('{ campaigns { title need { title } cooperation { status } } }', member);
      expect(res.errors).toBeUndefined();
      expect(res.data!.campaigns[1]).toEqual({
        title: 'Vereinskasse',
        need: { title: 'Interner Kassenwart' },
        cooperation: { status: 'PROPOSED' },
      });
    });

    it('starts in the hub and continues in campaigns: actors { name campaigns { title } }', async () => {
      const before = campaigns.actorLookups;
      const res = await viaGateway<{
        actors: {
          nodes: Array<{ __typename: string; name: string; campaigns: Array<{ title: string }> }>;
        };
      }>('{ actors(first: 100) { nodes { __typename name campaigns { title goalEuro } } } }');
      expect(res.errors).toBeUndefined();
      const byName = new Map(res.data!.actors.nodes.map((a) => [a.name, a]));
      expect(byName.get('Sportverein Büsum')).toEqual({
        __typename: 'Club',
        name: 'Sportverein Büsum',
        campaigns: [
          { title: 'Neue Trikots', goalEuro: 1200 },
          { title: 'Vereinskasse', goalEuro: 500 },
        ],
      });
      expect(byName.get('Grundschule Büsum')?.campaigns).toEqual([
        { title: 'Schulgarten', goalEuro: 800 },
      ]);
      expect(byName.get('Sportverein Wesselburen')?.campaigns).toEqual([]);
      expect(campaigns.actorLookups - before).toBe(res.data!.actors.nodes.length);
    });

    it('starts in campaigns and continues in the hub: campaigns { title actor { name region { name } } }', async () => {
      const res = await viaGateway<{
        campaigns: Array<{
          title: string;
          actor: { __typename: string; name: string; region: { name: string } };
        }>;
      }>('{ campaigns { title actor { __typename name kind region { name } } } }');
      expect(res.errors).toBeUndefined();
      expect(res.data!.campaigns).toEqual([
        {
          title: 'Neue Trikots',
          actor: {
            __typename: 'Club',
            name: 'Sportverein Büsum',
            kind: 'CLUB',
            region: { name: 'Büsum' },
          },
        },
        {
          title: 'Vereinskasse',
          actor: {
            __typename: 'Club',
            name: 'Sportverein Büsum',
            kind: 'CLUB',
            region: { name: 'Büsum' },
          },
        },
        {
          title: 'Schulgarten',
          actor: {
            __typename: 'School',
            name: 'Grundschule Büsum',
            kind: 'SCHOOL',
            region: { name: 'Büsum' },
          },
        },
      ]);
    });

    it('goes round trip: campaigns -> hub -> campaigns', async () => {
      const res = await viaGateway<{
        campaigns: Array<{ actor: { name: string; campaigns: Array<{ title: string }> } }>;
      }>('{ campaigns { title actor { name ... on Club { memberCount } campaigns { title } } } }');
      expect(res.errors).toBeUndefined();
      expect(res.data!.campaigns[2]).toMatchObject({
        actor: { name: 'Grundschule Büsum', campaigns: [{ title: 'Schulgarten' }] },
      });
    });
  });
});
