import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';

const CREATE = `mutation($input: CreateCooperationInput!) {
  createCooperation(input: $input) { id status title startedOn participants { name } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateCooperationInput!) {
  updateCooperation(id: $id, input: $input) { id status title startedOn endedOn participants { name } }
}`;
const OF_ACTOR = `query($id: ID!, $status: CooperationStatus, $first: Int, $after: String) {
  actor(id: $id) { cooperations(status: $status, first: $first, after: $after) {
    totalCount nodes { id title status } pageInfo { hasNextPage hasPreviousPage endCursor } } }
}`;

type OfActor = {
  actor: {
    cooperations: {
      totalCount: number;
      nodes: { id: string; title: string; status: string }[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
    };
  };
};

describe('cooperations', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: string;
  const a = () => ids.actor('Jugendtreff Warwerort');
  const b = () => ids.actor('Jugendinitiative Hedwigenkoog');
  const c = () => ids.actor('Sportverein Wesselburen');
  const totalOf = async (id: string) =>
    (await t.gql<OfActor>(OF_ACTOR, { id }, admin)).data?.actor.cooperations.totalCount;

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    ids = await demoIds(t);
    admin = await t.token(Role.ADMIN);
  });
  afterAll(() => t.stop());

  describe('createCooperation', () => {
    const input = () => ({
      kind: 'SHARED_PROJECT',
      title: 'Gemeinsamer Jugendraum',
      participantIds: [a(), b()],
    });

    it('refuses PUBLIC, members of other actors and networkers outside the region', async () => {
      const before = await totalOf(a());
      expect((await t.gql(CREATE, { input: input() })).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      const member = await t.token(Role.MEMBER, { actorIds: [c()] });
      expect((await t.gql(CREATE, { input: input() }, member)).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      const networker = await t.token(Role.NETWORKER, { regionIds: [ids.region('Warwerort')] });
      expect(
        (await t.gql(CREATE, { input: input() }, networker)).errors?.[0].extensions?.code,
      ).toBe('FORBIDDEN');
      expect(await totalOf(a())).toBe(before);
    });

    it('lets a participant member propose one; PROPOSED stays hidden from PUBLIC', async () => {
      const member = await t.token(Role.MEMBER, { actorIds: [a()] });
      const res = await t.gql<{
        createCooperation: { id: string; status: string; participants: { name: string }[] };
      }>(CREATE, { input: input() }, member);
      expect(res.errors).toBeUndefined();
      expect(res.data?.createCooperation.status).toBe('PROPOSED');
      expect(res.data?.createCooperation.participants.map((p) => p.name).sort()).toEqual([
        'Jugendinitiative Hedwigenkoog',
        'Jugendtreff Warwerort',
      ]);
      const id = res.data?.createCooperation.id as string;
      const pub = await t.gql<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', {
        id,
      });
      expect(pub.data?.node).toBeNull();
      const signedIn = await t.gql<{ node: { id: string } }>(
        'query($id: ID!) { node(id: $id) { id } }',
        { id },
        member,
      );
      expect(signedIn.data?.node.id).toBe(id);
      const pubList = await t.gql<OfActor>(OF_ACTOR, { id: a(), status: 'PROPOSED' });
      expect(pubList.data?.actor.cooperations.nodes).toEqual([]);
      const memberList = await t.gql<OfActor>(OF_ACTOR, { id: a(), status: 'PROPOSED' }, member);
      expect(memberList.data?.actor.cooperations.nodes.map((n) => n.id)).toContain(id);
    });

    it('lets a networker of the whole Amt create an ACTIVE one', async () => {
      const networker = await t.token(Role.NETWORKER, {
        regionIds: [ids.region('Amt Büsum-Wesselburen')],
      });
      const res = await t.gql<{ createCooperation: { status: string } }>(
        CREATE,
        { input: { ...input(), status: 'ACTIVE', participantIds: [a(), c()] } },
        networker,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.createCooperation.status).toBe('ACTIVE');
    });

    it.each([
      ['a single participant', 'participantIds'],
      ['a one-letter title', 'title'],
    ])('refuses %s naming %s', async (what, field) => {
      const before = await totalOf(a());
      const p = field === 'participantIds' ? { participantIds: [a()] } : { title: 'X' };
      const res = await t.gql(CREATE, { input: { ...input(), ...p } }, admin);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await totalOf(a())).toBe(before);
    });

    it('refuses a repeated participant and answers NOT_FOUND for an unknown one', async () => {
      const dup = await t.gql(CREATE, { input: { ...input(), participantIds: [a(), a()] } }, admin);
      expect(dup.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'participantIds',
      });
      const unknown = await t.gql(
        CREATE,
        { input: { ...input(), participantIds: [a(), 'QWN0b3I6OTk5OTk5'] } },
        admin,
      );
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('updateCooperation', () => {
    let id: string;
    beforeAll(async () => {
      const res = await t.gql<{ createCooperation: { id: string } }>(
        CREATE,
        {
          input: {
            kind: 'PARTNERSHIP',
            title: 'Ferienprogramm',
            participantIds: [b(), c()],
            startedOn: '2024-05-01',
          },
        },
        admin,
      );
      id = res.data?.createCooperation.id as string;
    });

    it('refuses PUBLIC and non-participant members', async () => {
      expect(
        (await t.gql(UPDATE, { id, input: { title: 'Neu' } })).errors?.[0].extensions?.code,
      ).toBe('UNAUTHENTICATED');
      const member = await t.token(Role.MEMBER, { actorIds: [a()] });
      expect(
        (await t.gql(UPDATE, { id, input: { title: 'Neu' } }, member)).errors?.[0].extensions?.code,
      ).toBe('FORBIDDEN');
    });

    it('activates, ends and re-staffs it, keeping the participant status in sync', async () => {
      const act = await t.gql<{ updateCooperation: { status: string } }>(
        UPDATE,
        { id, input: { status: 'ACTIVE', participantIds: [a(), b(), c()] } },
        admin,
      );
      expect(act.errors).toBeUndefined();
      const active = await t.gql<OfActor>(OF_ACTOR, { id: a(), status: 'ACTIVE' });
      expect(active.data?.actor.cooperations.nodes.map((n) => n.id)).toContain(id);
      const ended = await t.gql<{
        updateCooperation: { status: string; endedOn: string; participants: unknown[] };
      }>(
        UPDATE,
        { id, input: { status: 'ENDED', endedOn: '2025-01-31', participantIds: [b(), c()] } },
        admin,
      );
      expect(ended.data?.updateCooperation).toMatchObject({
        status: 'ENDED',
        endedOn: '2025-01-31',
      });
      expect(ended.data?.updateCooperation.participants).toHaveLength(2);
      const endedList = await t.gql<OfActor>(OF_ACTOR, { id: b(), status: 'ENDED' });
      expect(endedList.data?.actor.cooperations.nodes.map((n) => n.id)).toContain(id);
      const activeList = await t.gql<OfActor>(OF_ACTOR, { id: b(), status: 'ACTIVE' });
      expect(activeList.data?.actor.cooperations.nodes.map((n) => n.id)).not.toContain(id);
    });

    it('refuses dates out of order and changes nothing', async () => {
      const res = await t.gql(
        UPDATE,
        { id, input: { endedOn: '2020-01-01', title: 'Geändert' } },
        admin,
      );
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'endedOn',
      });
      const node = await t.gql<{ node: { title: string } }>(
        'query($id: ID!) { node(id: $id) { ... on Cooperation { title } } }',
        { id },
      );
      expect(node.data?.node.title).toBe('Ferienprogramm');
    });

    it('answers NOT_FOUND for an unknown cooperation', async () => {
      const res = await t.gql(
        UPDATE,
        { id: 'Q29vcGVyYXRpb246OTk5OTk5', input: { title: 'Neu' } },
        admin,
      );
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('Actor.cooperations', () => {
    it('pages newest first with exact page info, and refuses bad arguments', async () => {
      const id = ids.actor('Sportverein Büsum');
      const all = (await t.gql<OfActor>(OF_ACTOR, { id, first: 100 })).data?.actor.cooperations;
      expect(all?.totalCount).toBe(all?.nodes.length);
      expect(all?.nodes.length).toBeGreaterThan(2);
      const p1 = (await t.gql<OfActor>(OF_ACTOR, { id, first: 2 })).data?.actor.cooperations;
      expect(p1?.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const p2 = (await t.gql<OfActor>(OF_ACTOR, { id, first: 100, after: p1?.pageInfo.endCursor }))
        .data?.actor.cooperations;
      expect([...(p1?.nodes ?? []), ...(p2?.nodes ?? [])].map((n) => n.id)).toEqual(
        all?.nodes.map((n) => n.id),
      );
      expect(p2?.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect((await t.gql(OF_ACTOR, { id, first: 0 })).errors?.[0].extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        (await t.gql(OF_ACTOR, { id, first: 5, after: 'xyz' })).errors?.[0].extensions?.code,
      ).toBe('BAD_USER_INPUT');
    });
  });
});
