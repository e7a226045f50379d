// Issue 11.5: a deadline or end in the past is refused when a need is opened or when an update
// sets it (BAD_USER_INPUT, nothing written); a need already past may keep its dates through an
// update that does not change them.
import { Role } from '../../../src/graphql/viewer';
import { tableFingerprint } from '../../helpers/fingerprint';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { dbId, OPEN, openNeed, withPg } from './need-fixtures';

const UPDATE = `mutation($id: ID!, $input: UpdateNeedInput!) {
  updateNeed(id: $id, input: $input) { id description deadline endsAt status }
}`;
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe('deadline and endsAt of needs', () => {
  let t: TestHub;
  let admin: string;
  let actorId: string;

  beforeAll(async () => {
    // No sweep while the test runs: a need past its deadline stays OPEN until the test says so.
    t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
    admin = await t.token(Role.ADMIN);
    actorId = (await demoIds(t)).actor('Sportverein Büsum');
  });
  afterAll(() => t?.stop());

  describe('openNeed', () => {
    it.each([
      ['deadline', { deadline: hoursFromNow(-0.01) }],
      ['deadline', { deadline: '2020-01-01T00:00:00Z' }],
      ['endsAt', { endsAt: hoursFromNow(-1) }],
      ['endsAt', { startsAt: hoursFromNow(-3), endsAt: hoursFromNow(-2) }],
    ])('refuses %s in the past, writing nothing', async (field, dates) => {
      const before = await tableFingerprint(t);
      const res = await t.gql(
        OPEN,
        { input: { actorId, kind: 'HELPERS', title: 'Zu spät', ...dates } },
        admin,
      );
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await tableFingerprint(t)).toBe(before);
    });

    it('accepts dates in the future, and a start in the past with an end ahead', async () => {
      const res = await t.gql<{ openNeed: { status: string } }>(
        OPEN,
        {
          input: {
            actorId,
            kind: 'HELPERS',
            title: 'Laufende Aktion',
            startsAt: hoursFromNow(-2),
            endsAt: hoursFromNow(48),
            deadline: hoursFromNow(24),
          },
        },
        admin,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.openNeed.status).toBe('OPEN');
    });
  });

  describe('updateNeed', () => {
    it.each(['deadline', 'endsAt'])('refuses moving %s into the past', async (field) => {
      const need = await openNeed(t, actorId, {
        deadline: hoursFromNow(24),
        endsAt: hoursFromNow(48),
      });
      const before = await tableFingerprint(t);
      const res = await t.gql(UPDATE, { id: need.id, input: { [field]: hoursFromNow(-1) } }, admin);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await tableFingerprint(t)).toBe(before);
    });

    it('lets a need already past keep its dates, and move them ahead', async () => {
      const need = await openNeed(t, actorId, {
        deadline: hoursFromNow(24),
        endsAt: hoursFromNow(48),
      });
      const [row] = await withPg(
        t,
        async (c) =>
          (
            await c.query<{ deadline: Date; ends_at: Date }>(
              `UPDATE need SET deadline = now() - interval '2 days', ends_at = now() - interval '1 day'
              WHERE id = $1 RETURNING deadline, ends_at`,
              [dbId(need.id)],
            )
          ).rows,
      );
      // Left out: unchanged.
      const untouched = await t.gql<{ updateNeed: { description: string } }>(
        UPDATE,
        { id: need.id, input: { description: 'Nachtrag' } },
        admin,
      );
      expect(untouched.errors).toBeUndefined();
      // Sent again as stored (a form that sends every field): unchanged, so allowed.
      const resent = await t.gql<{ updateNeed: { deadline: string; endsAt: string } }>(
        UPDATE,
        {
          id: need.id,
          input: {
            description: 'Nachtrag 2',
            deadline: row.deadline.toISOString(),
            endsAt: row.ends_at.toISOString(),
          },
        },
        admin,
      );
      expect(resent.errors).toBeUndefined();
      expect(new Date(resent.data!.updateNeed.deadline).getTime()).toBe(row.deadline.getTime());
      // A different past value is a change, and refused.
      const other = await t.gql(
        UPDATE,
        {
          id: need.id,
          input: { deadline: new Date(row.deadline.getTime() - 60_000).toISOString() },
        },
        admin,
      );
      expect(other.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'deadline',
      });
      // Moving them ahead is fine.
      const ahead = await t.gql(
        UPDATE,
        { id: need.id, input: { deadline: hoursFromNow(24), endsAt: hoursFromNow(48) } },
        admin,
      );
      expect(ahead.errors).toBeUndefined();
    });

    it('clears a deadline with null', async () => {
      const need = await openNeed(t, actorId, { deadline: hoursFromNow(24) });
      const res = await t.gql<{ updateNeed: { deadline: string | null } }>(
        UPDATE,
        { id: need.id, input: { deadline: null } },
        admin,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateNeed.deadline).toBeNull();
    });
  });
});
