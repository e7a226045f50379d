// Audit entries name what they touched: each target id with its type and the name people know
// it by (an actor's name, a need's or cooperation's title), never a private person's data (a
// pledge, named by its volunteer, has none).
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { openNeed, VOLUNTEER } from '../needs/need-fixtures';

type Entry = {
  operation: string;
  targetIds: string[];
  targets: { id: string; type: string | null; name: string | null }[];
};
const LOG = `{ auditLog(first: 20) { nodes { operation targetIds targets { id type name } } } }`;

describe('AuditEntry.targets', () => {
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

  it('is for audit readers only, as the log', async () => {
    const res = await t.gql(LOG, {}, await t.token(Role.MEMBER));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('names actors, needs and cooperations; never the volunteer of a pledge', async () => {
    const actor = ids.actor('Sportverein Büsum');
    const need = await openNeed(t, actor, { title: 'Helfende für das Sommerfest' });
    const coop = await t.gql(
      'mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }',
      {
        input: {
          kind: 'PARTNERSHIP',
          title: 'Sommerfest gemeinsam',
          participantIds: [actor, ids.actor('Heimatverein Büsum')],
        },
      },
      admin,
    );
    expect(coop.errors).toBeUndefined();
    const pledge = await t.gql(VOLUNTEER, {
      input: {
        needId: need.id,
        name: 'Erika Mustermann',
        email: 'erika@example.org',
        quantity: 1,
        consent: true,
      },
    });
    expect(pledge.errors).toBeUndefined();

    const res = await t.gql<{ auditLog: { nodes: Entry[] } }>(LOG, {}, admin);
    expect(res.errors).toBeUndefined();
    const entries = res.data!.auditLog.nodes;
    const byOp = (op: string) => entries.find((e) => e.operation === op) as Entry;
    for (const e of entries) expect(e.targets.map((x) => x.id)).toEqual(e.targetIds);

    expect(byOp('openNeed').targets).toEqual(
      expect.arrayContaining([{ id: need.id, type: 'Need', name: 'Helfende für das Sommerfest' }]),
    );
    expect(byOp('createCooperation').targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Cooperation', name: 'Sommerfest gemeinsam' }),
      ]),
    );
    const volunteer = byOp('volunteer');
    expect(volunteer.targets).toEqual([
      expect.objectContaining({ type: 'Pledge', name: null }),
      { id: need.id, type: 'Need', name: 'Helfende für das Sommerfest' },
    ]);
    const text = JSON.stringify(res.data);
    expect(text).not.toContain('Erika');
    expect(text).not.toContain('erika@example.org');
  });
});
