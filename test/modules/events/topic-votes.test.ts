// voteTopic counts one vote per account ("one vote per actor or account", issue 16): every
// session of an account has the subject account:<id>, so two sessions of one account voting
// 100 times at once leave one vote, held by the unique index UQ_topic_vote; the others are
// CONFLICT. Another account still votes.
import { Client } from 'pg';
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { dbId } from '../needs/need-fixtures';

const V = `mutation($id: ID!) { voteTopic(id: $id) { votes } }`;

let t: TestHub;

beforeAll(async () => {
  t = await startTestHub({
    seed: true,
    env: { DB_CONNECT_TIMEOUT_MS: '30000', DB_STATEMENT_TIMEOUT_MS: '30000' },
  });
});
afterAll(() => t?.stop());

async function sessions(email: string, n: number): Promise<string[]> {
  const c = new Client({ connectionString: t.databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO account (email, display_name, role) VALUES ($1, 'Person', 'NETWORKER') RETURNING id`,
      [email],
    );
    const [found] = await t.hub.services.accounts.byIds([rows[0].id]);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      out.push((await t.hub.services.accounts.issueSession(found.account)).token);
    }
    return out;
  } finally {
    await c.end();
  }
}

it('takes one vote per account across its sessions, under 100 concurrent votes', async () => {
  const organizer = (await demoIds(t)).actor('Sportverein Büsum');
  const member = await t.token(Role.MEMBER, { actorIds: [organizer] });
  const startsAt = new Date(Date.now() + 10 * 24 * 3_600_000);
  const created = await t.gql<{ createEvent: { id: string } }>(
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        kind: 'STAMMTISCH',
        title: 'Stammtisch',
        organizerId: organizer,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      },
    },
    member,
  );
  const topic = await t.gql<{ proposeTopic: { id: string } }>(
    `mutation($input: ProposeTopicInput!) { proposeTopic(input: $input) { id } }`,
    { input: { eventId: created.data!.createEvent.id, title: 'Versicherung im Ehrenamt' } },
    member,
  );
  const id = topic.data!.proposeTopic.id;
  const [one, two] = await sessions('zwei-sitzungen@example.org', 2);
  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) => t.gql(V, { id }, i % 2 ? one : two)),
  );
  const ok = results.filter((r) => !r.errors);
  const codes = new Set(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code));
  expect(ok).toHaveLength(1);
  expect(codes).toEqual(new Set(['CONFLICT']));
  const [third] = await sessions('andere-person@example.org', 1);
  expect((await t.gql(V, { id }, third)).data).toEqual({ voteTopic: { votes: 2 } });
  const c = new Client({ connectionString: t.databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ votes: number; n: number }>(
      `SELECT p.votes, (SELECT count(*)::int FROM topic_vote v WHERE v.proposal_id = p.id) AS n
         FROM topic_proposal p WHERE p.id = $1`,
      [dbId(id)],
    );
    expect(rows[0]).toEqual({ votes: 2, n: 2 });
  } finally {
    await c.end();
  }
});
