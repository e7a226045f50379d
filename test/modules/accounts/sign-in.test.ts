// Sign-in by e-mail link through a real SMTP server: requestSignIn is always true and does the
// same database work for an unknown address (nothing stays); a known one gets a German mail with
// a single-use link that expires after 15 minutes; useLink turns it into a session. Invitations
// mail a sign-in link too.
import { Role } from '../../../src/graphql/viewer';
import { startSmtpSink, SmtpSink } from '../../helpers/smtp-sink';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { withPg } from '../needs/need-fixtures';

const REQUEST = 'mutation($e: String!) { requestSignIn(email: $e) }';
const USE = `mutation($t: String!) { useLink(token: $t) {
  action ok message session { token expiresAt account { email displayName role lastSignInAt } } } }`;

interface Used {
  useLink: {
    action: string;
    ok: boolean;
    message: string;
    session: null | {
      token: string;
      expiresAt: string;
      account: { email: string; displayName: string; role: string; lastSignInAt: string | null };
    };
  };
}

const linkToken = (text: string) => /#link=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('sign-in by e-mail link', () => {
  let sink: SmtpSink;
  let t: TestHub;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestHub({
      env: {
        SMTP_URL: sink.url,
        MAIL_FROM: 'Hub <hub@example.org>',
        HUB_SIGN_IN_RATE_LIMIT: '1000',
        HUB_SIGN_IN_IP_RATE_LIMIT: '1000',
      },
    });
    await withPg(t, (c) =>
      c.query(
        `INSERT INTO account (email, display_name, role) VALUES ('anke@example.org', 'Anke Petersen', 'ADMIN')`,
      ),
    );
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.stop();
  });

  const counts = () =>
    withPg(t, async (c) => {
      const r = await c.query(
        `SELECT (SELECT count(*) FROM mail_outbox)::int AS mails, (SELECT count(*) FROM link)::int AS links`,
      );
      return r.rows[0] as { mails: number; links: number };
    });

  it('mails a known address (any case) a single-use link that signs in', async () => {
    const res = await t.gql(REQUEST, { e: ' Anke@Example.ORG ' });
    expect(res.data).toEqual({ requestSignIn: true });
    await t.runJobsUntilIdle();
    const [mail] = await sink.waitForMails(1);
    expect(mail.subject).toBe('Ihr Anmeldelink');
    expect(mail.text).toContain('15 Minuten');
    expect(sink.recipients[0]).toEqual(['anke@example.org']);
    const token = linkToken(mail.text ?? '')!;
    expect(token).toBeDefined();
    expect(mail.html).toContain(`/app#link=${token}`);

    const used = await t.gql<Used>(USE, { t: token });
    expect(used.errors).toBeUndefined();
    const { session, ok, action } = used.data!.useLink;
    expect([ok, action]).toEqual([true, 'SIGN_IN']);
    expect(session!.account).toMatchObject({ email: 'anke@example.org', role: 'ADMIN' });
    expect(session!.account.lastSignInAt).not.toBeNull();
    const hours = (Date.parse(session!.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    const viewer = await t.gql<{ viewer: { role: string } }>(
      '{ viewer { role } }',
      {},
      session!.token,
    );
    expect(viewer.data?.viewer.role).toBe('ADMIN');

    // Single use.
    const again = await t.gql<Used>(USE, { t: token });
    expect(again.data!.useLink.ok).toBe(false);
    expect(again.data!.useLink.session).toBeNull();
  });

  it('answers true for an unknown address, sends nothing and keeps nothing', async () => {
    const before = await counts();
    const res = await t.gql(REQUEST, { e: 'niemand@example.org' });
    expect(res.data).toEqual({ requestSignIn: true });
    await t.runJobsUntilIdle();
    expect(await counts()).toEqual(before);
  });

  it('refuses a malformed address with BAD_USER_INPUT', async () => {
    const res = await t.gql(REQUEST, { e: 'kein-mail' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('runs the same statements for a known and an unknown address, in comparable time', async () => {
    // Structurally equal: the statements one request sends (hub_db_statements_total; background
    // work only adds, so the fewest seen over several requests is the request's own). Counted on
    // a second hub without SMTP_URL, so no mail job runs beside the request for a known address.
    const counted = await startTestHub({
      databaseUrl: t.databaseUrl,
      env: {
        HUB_COUNT_STATEMENTS: 'true',
        HUB_SIGN_IN_RATE_LIMIT: '1000',
        HUB_SIGN_IN_IP_RATE_LIMIT: '1000',
      },
    });
    const statements = async () => {
      const text = await (await fetch(`${counted.hub.url}/metrics`)).text();
      return Number(/^hub_db_statements_total (\d+)/m.exec(text)?.[1]);
    };
    const cost = async (e: string) => {
      const before = await statements();
      await counted.gql(REQUEST, { e });
      return (await statements()) - before;
    };
    const fewest = async (make: (i: number) => string) => {
      let min = Infinity;
      for (let i = 0; i < 6; i++) min = Math.min(min, await cost(make(i)));
      return min;
    };
    const knownCost = await fewest(() => 'anke@example.org');
    const unknownCost = await fewest((i) => `unbekannt-s${i}@example.org`);
    await counted.stop();
    expect(knownCost).toBeGreaterThan(3);
    expect(knownCost).toBe(unknownCost);

    // And the time, as distributions: interleaved, medians within a factor of two.
    const known: number[] = [];
    const unknown: number[] = [];
    const time = async (e: string) => {
      const at = performance.now();
      await t.gql(REQUEST, { e });
      return performance.now() - at;
    };
    for (let i = 0; i < 30; i++) {
      known.push(await time('anke@example.org'));
      unknown.push(await time(`unbekannt${i}@example.org`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = median(known) / median(unknown);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('expires a link after 15 minutes', async () => {
    sink.mails.length = 0;
    sink.recipients.length = 0;
    await t.gql(REQUEST, { e: 'anke@example.org' });
    await t.runJobsUntilIdle();
    const [mail] = await sink.waitForMails(1);
    const token = linkToken(mail.text ?? '')!;
    const expires = await withPg(t, async (c) => {
      await c.query(
        `UPDATE link SET expires_at = now() - interval '1 second' WHERE kind = 'accounts.sign-in' AND used_at IS NULL`,
      );
      return (await c.query(`SELECT count(*)::int AS n FROM link WHERE kind = 'accounts.sign-in'`))
        .rows[0].n;
    });
    expect(expires).toBeGreaterThan(0);
    const used = await t.gql<Used>(USE, { t: token });
    expect(used.data!.useLink).toMatchObject({ ok: false, session: null });
  });

  it('an invitation mails a sign-in link to the new account', async () => {
    sink.mails.length = 0;
    sink.recipients.length = 0;
    const admin = await t.token(Role.ADMIN);
    const res = await t.gql(
      `mutation($i: InviteAccountInput!) { inviteAccount(input: $i) { email role lastSignInAt } }`,
      { i: { email: 'Neu@Example.org', displayName: 'Neue Verwaltung', role: 'ADMIN' } },
      admin,
    );
    expect(res.data).toEqual({
      inviteAccount: { email: 'neu@example.org', role: 'ADMIN', lastSignInAt: null },
    });
    await t.runJobsUntilIdle();
    const [mail] = await sink.waitForMails(1);
    expect(mail.subject).toBe('Einladung zum Engagement-Hub');
    expect(mail.text).toContain('7 Tage');
    const used = await t.gql<Used>(USE, { t: linkToken(mail.text ?? '')! });
    expect(used.data!.useLink.session!.account.displayName).toBe('Neue Verwaltung');
  });
});
