// Accounts: who lists and sees them, and who may invite whom (nothing written when refused).
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { withPg } from '../needs/need-fixtures';

const LIST =
  '{ accounts(first: 50) { totalCount nodes { id email displayName role regions { name } actors { name } } } }';
const INVITE = `mutation($input: InviteAccountInput!) { inviteAccount(input: $input) { id email role } }`;

interface Listed {
  accounts: {
    totalCount: number;
    nodes: Array<{ id: string; email: string | null; displayName: string; role: string }>;
  };
}

describe('accounts', () => {
  let t: TestHub;
  let ids: { buesum: string; wesselburen: string; clubBuesum: string; clubWesselburen: string };
  let tokens: Record<'member' | 'coordinator' | 'admin', string>;

  const accountCount = () =>
    withPg(t, async (c) => (await c.query('SELECT count(*)::int AS n FROM account')).rows[0].n);

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    const demo = await demoIds(t);
    ids = {
      buesum: demo.region('Büsum'),
      wesselburen: demo.region('Wesselburen'),
      clubBuesum: demo.actor('Sportverein Büsum'),
      clubWesselburen: demo.actor('Stadt Wesselburen'),
    };
    const db = (gid: string) => Number(Buffer.from(gid, 'base64url').toString().split(':')[1]);
    await withPg(t, (c) =>
      c.query(
        `INSERT INTO account (email, display_name, role, actor_ids, region_ids) VALUES
         ('vorstand@sv-buesum.example.org', 'Vorstand SV', 'MEMBER', $1, '{}'),
         ('koordination@buesum.example.org', 'Koordination Büsum', 'COORDINATOR', '{}', $2),
         ('stadt@wesselburen.example.org', 'Stadt Wesselburen', 'MEMBER', $3, '{}'),
         ('admin@hub.example.org', 'Verwaltung', 'ADMIN', '{}', '{}')`,
        [[db(ids.clubBuesum)], [db(ids.buesum)], [db(ids.clubWesselburen)]],
      ),
    );
    tokens = {
      member: await t.token(Role.MEMBER, { actorIds: [ids.clubBuesum] }),
      coordinator: await t.token(Role.COORDINATOR, { regionIds: [ids.buesum] }),
      admin: await t.token(Role.ADMIN),
    };
  });
  afterAll(() => t.stop());

  describe('accounts()', () => {
    it('needs a sign-in, and is FORBIDDEN to members', async () => {
      expect((await t.gql(LIST)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await t.gql(LIST, {}, tokens.member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('shows a coordinator the accounts of its regions (and of actors there), with e-mails', async () => {
      const res = await t.gql<Listed>(LIST, {}, tokens.coordinator);
      expect(res.errors).toBeUndefined();
      const emails = res.data!.accounts.nodes.map((n) => n.email).sort();
      expect(emails).toEqual(['koordination@buesum.example.org', 'vorstand@sv-buesum.example.org']);
      expect(res.data!.accounts.totalCount).toBe(2);
    });

    it('shows an admin every account, newest first', async () => {
      const res = await t.gql<Listed>(LIST, {}, tokens.admin);
      expect(res.data!.accounts.nodes.map((n) => n.displayName)).toEqual([
        'Verwaltung',
        'Stadt Wesselburen',
        'Koordination Büsum',
        'Vorstand SV',
      ]);
    });

    it('node() shows an account to those who may see it, null to others', async () => {
      const all = await t.gql<Listed>(LIST, {}, tokens.admin);
      const wesselburen = all.data!.accounts.nodes.find(
        (n) => n.displayName === 'Stadt Wesselburen',
      )!;
      const q = 'query($id: ID!) { node(id: $id) { ... on Account { email } } }';
      expect((await t.gql(q, { id: wesselburen.id }, tokens.coordinator)).data).toEqual({
        node: null,
      });
      expect((await t.gql(q, { id: wesselburen.id }, tokens.admin)).data).toEqual({
        node: { email: 'stadt@wesselburen.example.org' },
      });
      expect((await t.gql(q, { id: wesselburen.id })).data).toEqual({ node: null });
    });
  });

  describe('inviteAccount', () => {
    const input = (over: Record<string, unknown>) => ({
      email: 'neu@example.org',
      displayName: 'Neue Person',
      role: 'MEMBER',
      actorIds: [ids.clubBuesum],
      ...over,
    });
    const refused = async (token: string | undefined, over: Record<string, unknown>) => {
      const before = await accountCount();
      const res = await t.gql(INVITE, { input: input(over) }, token);
      expect(await accountCount()).toBe(before);
      return res.errors?.[0].extensions?.code;
    };

    it('needs a sign-in; members may not invite', async () => {
      expect(await refused(undefined, {})).toBe('UNAUTHENTICATED');
      expect(await refused(tokens.member, {})).toBe('FORBIDDEN');
    });

    it('lets a coordinator invite only MEMBER and PILOT inside its regions', async () => {
      expect(
        await refused(tokens.coordinator, { role: 'COORDINATOR', regionIds: [ids.buesum] }),
      ).toBe('FORBIDDEN');
      expect(await refused(tokens.coordinator, { role: 'ADMIN', actorIds: [] })).toBe('FORBIDDEN');
      expect(await refused(tokens.coordinator, { actorIds: [ids.clubWesselburen] })).toBe(
        'FORBIDDEN',
      );
      expect(
        await refused(tokens.coordinator, {
          role: 'PILOT',
          actorIds: [],
          regionIds: [ids.wesselburen],
        }),
      ).toBe('FORBIDDEN');
    });

    it('refuses bad input with BAD_USER_INPUT, writing nothing', async () => {
      expect(await refused(tokens.admin, { email: 'kein-mail' })).toBe('BAD_USER_INPUT');
      expect(await refused(tokens.admin, { displayName: '   ' })).toBe('BAD_USER_INPUT');
      expect(await refused(tokens.admin, { role: 'PUBLIC' })).toBe('BAD_USER_INPUT');
      expect(await refused(tokens.admin, { actorIds: [] })).toBe('BAD_USER_INPUT');
      expect(await refused(tokens.admin, { role: 'COORDINATOR', actorIds: [] })).toBe(
        'BAD_USER_INPUT',
      );
      expect(await refused(tokens.admin, { actorIds: ['nope'] })).toBe('BAD_USER_INPUT');
    });

    it('refuses a second account for the same address in any case (CONFLICT)', async () => {
      expect(await refused(tokens.admin, { email: 'Vorstand@SV-Buesum.example.org' })).toBe(
        'CONFLICT',
      );
    });
  });
});
