// Pilot profiles: what createPilot and updatePilot accept, the link to a PILOT account (its
// sessions carry the claim pilotId and act as the pilot), Account.pilot, and which pilots are
// listed.
import { decodeJwt } from 'jose';
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { withPg } from '../needs/need-fixtures';
import {
  ask,
  ASSIGN,
  code,
  CREATE_PILOT,
  createPilot,
  must,
} from '../consultations/consultation-fixtures';

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');

describe('pilots', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: string;
  let coordinator: string;

  const account = (email: string, role: string) =>
    withPg(t, async (c) =>
      Number(
        (
          await c.query(
            `INSERT INTO account (email, display_name, role) VALUES ($1, 'Person', $2) RETURNING id`,
            [email, role],
          )
        ).rows[0].id,
      ),
    );
  const pilots = () =>
    withPg(t, async (c) => Number((await c.query('SELECT count(*) AS n FROM pilot')).rows[0].n));

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    ids = await demoIds(t);
    admin = await t.token(Role.ADMIN);
    coordinator = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] });
  }, 120_000);
  afterAll(() => t.stop());

  describe('createPilot', () => {
    const input = (extra: Record<string, unknown> = {}) => ({
      displayName: 'Dr. Jens Hansen',
      areas: ['TAX', 'ASSOCIATION_LAW'],
      regionIds: [ids.region('Büsum')],
      bio: 'Steuerberater im Ruhestand',
      ...extra,
    });

    it('refuses bad input by field, writing nothing', async () => {
      const before = await pilots();
      const member = await account('mitglied@example.org', 'MEMBER');
      for (const [extra, field, expected] of [
        [{ displayName: '   ' }, 'displayName', 'BAD_USER_INPUT'],
        [{ areas: [] }, 'areas', 'BAD_USER_INPUT'],
        [{ regionIds: [] }, 'regionIds', 'BAD_USER_INPUT'],
        [{ monthlyCapacity: 101 }, 'monthlyCapacity', 'BAD_USER_INPUT'],
        [{ monthlyCapacity: -1 }, 'monthlyCapacity', 'BAD_USER_INPUT'],
        [{ accountId: gid('Account', member) }, 'accountId', 'BAD_USER_INPUT'],
        [{ regionIds: [gid('Region', 999999)] }, undefined, 'NOT_FOUND'],
      ] as const) {
        const res = await t.gql(CREATE_PILOT, { input: input(extra) }, admin);
        expect([field, code(res)]).toEqual([field, expected]);
        if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
      }
      expect(await pilots()).toBe(before);
    });

    it('lets a coordinator create pilots only for regions it coordinates', async () => {
      const res = await t.gql(
        CREATE_PILOT,
        { input: input({ regionIds: [ids.region('Kreis Dithmarschen')] }) },
        coordinator,
      );
      expect(code(res)).toBe('FORBIDDEN');
      const ok = must(
        await t.gql<{ createPilot: { monthlyCapacity: number; regions: { name: string }[] } }>(
          CREATE_PILOT,
          { input: input() },
          coordinator,
        ),
      );
      expect(ok.createPilot).toMatchObject({ monthlyCapacity: 2, regions: [{ name: 'Büsum' }] });
    });

    it('links a PILOT account once; its session carries pilotId and acts as the pilot', async () => {
      const accountId = await account('lotse@example.org', 'PILOT');
      const pilotId = await createPilot(t, admin, {
        ...input(),
        accountId: gid('Account', accountId),
      });
      // A second pilot cannot take the same account.
      const again = await t.gql(
        CREATE_PILOT,
        { input: input({ accountId: gid('Account', accountId) }) },
        admin,
      );
      expect(code(again)).toBe('BAD_USER_INPUT');

      const [found] = await t.hub.services.accounts.byIds([accountId]);
      const session = await t.hub.services.accounts.issueSession(found.account);
      expect(decodeJwt(session.token).pilotId).toBe(pilotId);
      const me = must(
        await t.gql<{ node: { pilot: { id: string; displayName: string } | null } }>(
          `query($id: ID!) { node(id: $id) { ... on Account { pilot { id displayName } } } }`,
          { id: gid('Account', accountId) },
          session.token,
        ),
      );
      expect(me.node.pilot).toEqual({ id: pilotId, displayName: 'Dr. Jens Hansen' });

      // The session reads the consultations assigned to its pilot.
      const club = ids.actor('Sportverein Büsum');
      const member = await t.token(Role.MEMBER, { actorIds: [club] });
      const id = await ask(t, member, club, { area: 'TAX' });
      must(await t.gql(ASSIGN, { id, pilotId }, coordinator));
      const mine = must(
        await t.gql<{ consultations: { nodes: { id: string }[] } }>(
          `{ consultations(first: 10) { nodes { id } } }`,
          {},
          session.token,
        ),
      );
      expect(mine.consultations.nodes.map((n) => n.id)).toEqual([id]);
      const load = must(
        await t.gql<{ node: { openConsultationCount: number | null } }>(
          `query($id: ID!) { node(id: $id) { ... on Pilot { openConsultationCount } } }`,
          { id: pilotId },
          session.token,
        ),
      );
      expect(load.node.openConsultationCount).toBe(1);
    });
  });

  describe('updatePilot', () => {
    it('changes given fields; paused pilots are not listed and cannot be assigned', async () => {
      const id = await createPilot(t, admin, {
        displayName: 'Pause',
        areas: ['INSURANCE'],
        regionIds: [ids.region('Büsum')],
      });
      const elsewhere = await t.token(Role.COORDINATOR, {
        regionIds: [ids.region('Wesselburen')],
      });
      expect(
        code(
          await t.gql(
            `mutation($id: ID!) { updatePilot(id: $id, input: { active: false }) { id } }`,
            { id },
            elsewhere,
          ),
        ),
      ).toBe('FORBIDDEN');
      // Moving a pilot to a region the coordinator does not coordinate is refused too.
      expect(
        code(
          await t.gql(
            `mutation($id: ID!, $r: [ID!]) { updatePilot(id: $id, input: { regionIds: $r }) { id } }`,
            { id, r: [ids.region('Wesselburen')] },
            coordinator,
          ),
        ),
      ).toBe('FORBIDDEN');
      const updated = must(
        await t.gql<{ updatePilot: { active: boolean; monthlyCapacity: number; bio: string } }>(
          `mutation($id: ID!) { updatePilot(id: $id, input: { active: false, monthlyCapacity: 4, bio: "Versicherungen" }) { active monthlyCapacity bio } }`,
          { id },
          coordinator,
        ),
      );
      expect(updated.updatePilot).toEqual({
        active: false,
        monthlyCapacity: 4,
        bio: 'Versicherungen',
      });
      const listed = must(
        await t.gql<{ pilots: { id: string }[] }>(`{ pilots(areas: [INSURANCE]) { id } }`),
      );
      expect(listed.pilots.map((p) => p.id)).not.toContain(id);
      const club = ids.actor('Sportverein Büsum');
      const member = await t.token(Role.MEMBER, { actorIds: [club] });
      const c = await ask(t, member, club, { area: 'INSURANCE' });
      const res = await t.gql(ASSIGN, { id: c, pilotId: id }, coordinator);
      expect(code(res)).toBe('BAD_USER_INPUT');
    });

    it('lists active pilots serving a region or a part of it, by area', async () => {
      const kreis = await createPilot(t, admin, {
        displayName: 'Kreislotse',
        areas: ['FUNDING'],
        regionIds: [ids.region('Kreis Dithmarschen')],
      });
      const village = await createPilot(t, admin, {
        displayName: 'Dorflotse',
        areas: ['FUNDING'],
        regionIds: [ids.region('Wesselburen')],
      });
      const list = async (region: string) =>
        must(
          await t.gql<{ pilots: { id: string }[] }>(
            `query($r: ID) { pilots(areas: [FUNDING], regionId: $r) { id } }`,
            { r: ids.region(region) },
          ),
        ).pilots.map((p) => p.id);
      expect(await list('Büsum')).toEqual([kreis]);
      expect((await list('Wesselburen')).sort()).toEqual([kreis, village].sort());
      expect((await list('Amt Büsum-Wesselburen')).sort()).toEqual([kreis, village].sort());
    });
  });
});
