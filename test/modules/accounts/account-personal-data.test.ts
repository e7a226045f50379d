// An account's e-mail and name are personal data: they appear in no log line (every request
// logged at trace level), no /metrics output, no audit entry, no rate-limit key, and in no
// answer to callers who may not see the account.
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { withPg } from '../needs/need-fixtures';

const CANARY_EMAIL = 'kanarien.9c2e@example.org';
const CANARY_NAME = 'Kanarien Konto 9c2e';
const MARKER = /9c2e/i;

describe('account data canary', () => {
  let t: TestHub;
  const logLines: string[] = [];
  const othersSaw: string[] = [];
  let tokens: Record<'member' | 'coordinatorOther' | 'coordinator', string>;

  beforeAll(async () => {
    t = await startTestHub({
      seed: true,
      logStream: { write: (line: string) => void logLines.push(line) },
    });
    const ids = await demoIds(t);
    const club = Number(
      Buffer.from(ids.actor('Sportverein Büsum'), 'base64url').toString().split(':')[1],
    );
    await withPg(t, (c) =>
      c.query(
        `INSERT INTO account (email, display_name, role, actor_ids) VALUES ($1, $2, 'MEMBER', $3)`,
        [CANARY_EMAIL, CANARY_NAME, [club]],
      ),
    );
    tokens = {
      member: await t.token(Role.MEMBER, { actorIds: [ids.actor('Sportverein Büsum')] }),
      coordinatorOther: await t.token(Role.COORDINATOR, { regionIds: [ids.region('Wesselburen')] }),
      coordinator: await t.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] }),
    };
    // Requests that carry or touch the canary, by everyone.
    for (const token of [undefined, tokens.member, tokens.coordinatorOther]) {
      const list = await t.gql(
        '{ accounts(first: 50) { nodes { id email displayName } } }',
        {},
        token,
      );
      othersSaw.push(JSON.stringify(list));
    }
    await t.gql('mutation($e: String!) { requestSignIn(email: $e) }', { e: CANARY_EMAIL });
    await t.gql('mutation($e: String!) { requestSignIn(email: $e) }', { e: `x ${CANARY_EMAIL}` });
    await t.gql(
      'mutation($i: InviteAccountInput!) { inviteAccount(input: $i) { id } }',
      { i: { email: CANARY_EMAIL, displayName: CANARY_NAME, role: 'MEMBER', actorIds: [] } },
      tokens.coordinator,
    );
  }, 120_000);
  afterAll(() => t.stop());

  it('reaches the coordinator of its region (the check is not blind)', async () => {
    const res = await t.gql('{ accounts(first: 50) { nodes { email } } }', {}, tokens.coordinator);
    expect(JSON.stringify(res.data)).toMatch(MARKER);
  });

  it('is in no answer to callers who may not see the account', () => {
    expect(othersSaw.filter((b) => MARKER.test(b))).toEqual([]);
  });

  it('is in no log line, no /metrics output, no audit entry and no rate-limit key', async () => {
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.filter((l) => MARKER.test(l))).toEqual([]);
    expect(await (await fetch(`${t.hub.url}/metrics`)).text()).not.toMatch(MARKER);
    const stored = await withPg(t, async (c) => {
      const audit = await c.query('SELECT * FROM audit_entry');
      const buckets = await c.query('SELECT key FROM rate_limit_bucket');
      return JSON.stringify([audit.rows, buckets.rows]);
    });
    expect(stored).not.toMatch(MARKER);
  });
});
