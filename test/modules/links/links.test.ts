// Links sent by e-mail: only the token's sha256 is stored; a link acts once, for its purpose,
// until it expires; garbage, expired and used tokens answer ok:false in German and change
// nothing; two clicks at once act once; useLink is limited per IP; /link/<token> works without
// JavaScript (GET asks, the form's POST acts).
import { createHash } from 'node:crypto';
import type { Transaction } from '../../../src/db/database';
import { startTestHub, TestHub } from '../../helpers/test-hub';

let t: TestHub;
let handled: Array<{ subjectId: string; action: string }>;

const USE = `mutation($token: String!) { useLink(token: $token) { action ok message subject { id } } }`;
interface UseLink {
  useLink: { action: string; ok: boolean; message: string; subject: { id: string } | null };
}

beforeAll(async () => {
  t = await startTestHub({ env: { HUB_VOLUNTEER_RATE_LIMIT: '100000' } });
  // A handler like a module's: it writes in the link's transaction, refuses subject "no".
  t.hub.services.links.registerHandler('test', async (tx: Transaction, link) => {
    if (link.subjectId === 'no') {
      await tx.query(`CREATE TABLE should_not_stay (id int)`);
      return { ok: false, message: 'Das geht nicht mehr.' };
    }
    await tx.query('SELECT pg_sleep(0.05)');
    handled.push({ subjectId: link.subjectId, action: link.action });
    return { ok: true, message: 'Ihre Anmeldung ist bestätigt.', subject: null };
  });
});
afterAll(() => t?.stop());
beforeEach(async () => {
  handled = [];
  await t.hub.services.db.query(`DELETE FROM rate_limit_bucket`);
});

const create = (
  subjectId: string,
  expiresAt = new Date(Date.now() + 3_600_000),
  action = 'CONFIRM',
) =>
  t.hub.services.db.transaction((tx) =>
    t.hub.services.links.create(tx, {
      action: action as 'CONFIRM',
      kind: 'test',
      subjectType: 'Pledge',
      subjectId,
      expiresAt,
    }),
  );

describe('links', () => {
  it('stores only the sha256 of a random token and points at /link/<token>', async () => {
    const a = await create('1');
    const b = await create('1');
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^c-[A-Za-z0-9_-]{43}$/);
    expect(a.url).toBe(`${t.hub.url}/link/${a.token}`);
    const rows = await t.hub.services.db.query<{ token_hash: Buffer }>(
      'SELECT token_hash FROM link',
    );
    const hashes = rows.map((r) => r.token_hash.toString('hex'));
    expect(hashes).toContain(createHash('sha256').update(a.token).digest('hex'));
    const dump = JSON.stringify(await t.hub.services.db.query('SELECT * FROM link'));
    expect(dump).not.toContain(a.token.slice(2));
  });

  it('acts once; a second use, an expired and a garbage token answer ok:false in German', async () => {
    const { token } = await create('7');
    const first = await t.gql<UseLink>(USE, { token });
    expect(first.data!.useLink).toEqual({
      action: 'CONFIRM',
      ok: true,
      message: 'Ihre Anmeldung ist bestätigt.',
      subject: null,
    });
    const again = await t.gql<UseLink>(USE, { token });
    expect(again.data!.useLink).toMatchObject({
      ok: false,
      message: 'Dieser Link wurde schon benutzt.',
    });

    const expired = await create('8', new Date(Date.now() - 1000), 'WITHDRAW');
    expect((await t.gql<UseLink>(USE, { token: expired.token })).data!.useLink).toMatchObject({
      action: 'WITHDRAW',
      ok: false,
      message: 'Dieser Link ist abgelaufen.',
    });
    for (const garbage of ['', 'x', 'c-' + 'A'.repeat(43), "c-'; DROP TABLE link; --", '\u0000']) {
      const r = await t.gql<UseLink>(USE, { token: garbage });
      expect(r.errors).toBeUndefined();
      expect(r.data!.useLink).toMatchObject({
        ok: false,
        message: expect.stringMatching(/ungültig/),
      });
    }
    expect(handled).toEqual([{ subjectId: '7', action: 'CONFIRM' }]);
    const [{ unused }] = await t.hub.services.db.query<{ unused: number }>(
      `SELECT count(*)::int AS unused FROM link WHERE subject_id = '8' AND used_at IS NULL`,
    );
    expect(unused).toBe(1);
  });

  it('changes nothing, the link included, when the handler refuses', async () => {
    const { token } = await create('no');
    const r = await t.gql<UseLink>(USE, { token });
    expect(r.data!.useLink).toMatchObject({ ok: false, message: 'Das geht nicht mehr.' });
    const [{ exists }] = await t.hub.services.db.query<{ exists: boolean }>(
      `SELECT to_regclass('should_not_stay') IS NOT NULL AS exists`,
    );
    expect(exists).toBe(false);
    const [{ used }] = await t.hub.services.db.query<{ used: boolean }>(
      `SELECT used_at IS NOT NULL AS used FROM link WHERE subject_id = 'no'`,
    );
    expect(used).toBe(false);
  });

  it('acts once when the same link is used 20 times at once', async () => {
    const { token } = await create('race');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.hub.services.links.use(token, { viewer: viewerOf() })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(handled.filter((h) => h.subjectId === 'race')).toHaveLength(1);
  });

  it('limits useLink to 30 per IP in 10 minutes (429, RATE_LIMITED)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await t.gql(USE, { token: 'garbage' })).status);
    expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true);
    const last = await t.gql(USE, { token: 'garbage' });
    expect(last.status).toBe(429);
    expect(last.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('/link/<token>: opening asks and changes nothing, the button acts and says so in German', async () => {
    const { token, url } = await create('page');
    const opened = await fetch(url);
    expect(opened.status).toBe(200);
    const ask = await opened.text();
    expect(ask).toContain('<html lang="de">');
    expect(ask).toContain(`<form method="post" action="/link/${token}">`);
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
    expect(handled).toEqual([]);

    const post = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      });
    const done = await post();
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Ihre Anmeldung ist bestätigt.');
    const twice = await post();
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('Dieser Link wurde schon benutzt.');
    expect(handled).toEqual([{ subjectId: 'page', action: 'CONFIRM' }]);

    const escaped = await fetch(`${t.hub.url}/link/%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
    expect(await escaped.text()).not.toContain('<script>');
  });
});

function viewerOf() {
  return { role: 'PUBLIC', sub: null, actorIds: [], regionIds: [], ip: '10.0.0.1' } as never;
}
