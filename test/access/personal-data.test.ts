// Volunteers' names and e-mails stay where the access table puts them. Canary values are seeded
// through `volunteer`, then a broad set of operations runs against a hub whose every log line is
// captured: the canaries must show up in no log line, no /metrics output, no audit entry and no
// response to anyone but the need's editors, its region's coordinators and ADMINs (and the
// volunteer's own echo), no activity summary and no webhook payload. Erasure on request and the
// retention sweep anonymise, keeping quantities.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { dbId, openNeed, VOLUNTEER, withPg } from '../modules/needs/need-fixtures';
import { wsClient } from '../helpers/ws-client';

const CANARY_NAME = 'Kanarien Vogel 7f3a';
const CANARY_EMAIL = 'kanarien.7f3a@example.org';
const CANARY_MESSAGE = 'Kanarien Nachricht 7f3a, Telefon 0481 7f3a';
/** Every canary carries this marker; case-insensitive search finds any of them. */
const MARKER = /7f3a/i;

const PLEDGES = `pledges { id quantity volunteerName volunteerEmail note status }`;

let t: TestHub;
const logLines: string[] = [];
let ids: Awaited<ReturnType<typeof demoIds>>;
let needId: string;
let pledgeId: string;
const tokens: Record<string, string | undefined> = {};
/** Bodies POSTed to a webhook for every activity type of the canary's need's region. */
const webhookBodies: string[] = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    webhookBodies.push(body);
    res.statusCode = 204;
    res.end();
  });
});

/** Responses to callers who must not see the canaries, with what was asked. */
const othersSaw: Array<{ who: string; what: string; body: string }> = [];

async function asOther(who: string, what: string, query: string, vars: Record<string, unknown>) {
  const res = await t.gql(query, vars, tokens[who]);
  othersSaw.push({ who, what, body: JSON.stringify({ data: res.data, errors: res.errors }) });
  return res;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  t = await startTestHub({
    seed: true,
    env: { HUB_SWEEP_INTERVAL_MS: '86400000', HUB_WEBHOOK_ALLOW_PRIVATE: 'true' },
    logStream: { write: (line: string) => void logLines.push(line) },
  });
  ids = await demoIds(t);
  const own = ids.actor('Sportverein Büsum');
  tokens.PUBLIC = undefined;
  tokens.MEMBER_OTHER = await t.token(Role.MEMBER, {
    actorIds: [ids.actor('Sportverein Wesselburen')],
  });
  tokens.NETWORKER = await t.token(Role.NETWORKER, { regionIds: [ids.region('Büsum')] });
  tokens.COORDINATOR_OTHER = await t.token(Role.COORDINATOR, {
    regionIds: [ids.region('Wesselburen')],
  });
  tokens.MEMBER = await t.token(Role.MEMBER, { actorIds: [own] });
  tokens.COORDINATOR = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] });
  tokens.ADMIN = await t.token(Role.ADMIN);
  needId = (
    await openNeed(t, own, { title: 'Kuchenbuffet beim Hafenfest', quantity: 10, tags: ['fest'] })
  ).id;
  const types = (
    await t.gql<{ __type: { enumValues: { name: string }[] } }>(
      '{ __type(name: "ActivityType") { enumValues { name } } }',
    )
  ).data!.__type.enumValues.map((v) => v.name);
  const hook = await t.gql(
    `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }`,
    {
      input: {
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/kanarien`,
        regionId: ids.region('Schleswig-Holstein'),
        types,
      },
    },
    tokens.ADMIN,
  );
  expect(hook.errors).toBeUndefined();
}, 120_000);

afterAll(async () => {
  await t?.stop();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('canary personal data', () => {
  const others = ['PUBLIC', 'MEMBER_OTHER', 'NETWORKER', 'COORDINATOR_OTHER'];
  const subscribers: Array<{ who: string; events: string[]; dispose: () => void }> = [];

  beforeAll(async () => {
    // Live subscribers of every role that must not see the canary, and one that may.
    for (const who of [...others, 'COORDINATOR']) {
      const sub = { who, events: [] as string[], dispose: () => undefined as void };
      const before = t.hub.services.needEventHub.size;
      sub.dispose = wsClient(t.url, tokens[who]).subscribe(
        {
          query: `subscription($f: NeedFilter) { needEvents(filter: $f) { type need { id ${PLEDGES} } } }`,
          variables: { f: { actorId: ids.actor('Sportverein Büsum') } },
        },
        {
          next: (v) => void sub.events.push(JSON.stringify(v)),
          error: (e) => void sub.events.push(`error ${String(e)}`),
          complete: () => undefined,
        },
      );
      await waitFor('the subscription', async () => t.hub.services.needEventHub.size > before);
      subscribers.push(sub);
    }
    // The volunteer's own sign-up; its answer echoes what they typed, to them only.
    const res = await t.gql<{ volunteer: { id: string; volunteerName: string } }>(VOLUNTEER, {
      input: {
        needId,
        name: CANARY_NAME,
        email: CANARY_EMAIL,
        message: CANARY_MESSAGE,
        quantity: 2,
        consent: true,
      },
    });
    expect(res.data?.volunteer.volunteerName).toBe(CANARY_NAME);
    pledgeId = res.data!.volunteer.id;
    // The coordinator confirms: a second event, after the first.
    const confirmed = await t.gql(
      `mutation($id: ID!) { confirmPledge(id: $id) { id } }`,
      { id: pledgeId },
      tokens.COORDINATOR,
    );
    expect(confirmed.errors).toBeUndefined();
    await waitFor('every subscriber to get both events', async () =>
      subscribers.every((s) => s.events.length >= 2),
    );
    for (const s of subscribers) s.dispose();
  });

  it('reaches no other subscriber, and reaches the coordinator (the check is not blind)', () => {
    for (const s of subscribers.filter((x) => x.who !== 'COORDINATOR')) {
      expect(s.events.join('\n')).toMatch(/PLEDGED/);
      expect({ who: s.who, leaked: MARKER.test(s.events.join('\n')) }).toEqual({
        who: s.who,
        leaked: false,
      });
    }
    const coordinator = subscribers.find((x) => x.who === 'COORDINATOR')!;
    expect(coordinator.events.join('\n')).toContain(CANARY_EMAIL);
  });

  it('is in no response to callers outside the need, whatever they ask', async () => {
    const needQ = `query($id: ID!) { need(id: $id) { id pledgedQuantity ${PLEDGES} } }`;
    for (const who of others) {
      await asOther(who, 'need', needQ, { id: needId });
      await asOther(
        who,
        'needs',
        `query($a: ID!) { needs(filter: { actorId: $a }) { totalCount nodes { id ${PLEDGES} } } }`,
        { a: ids.actor('Sportverein Büsum') },
      );
      await asOther(
        who,
        'node',
        `query($id: ID!) { node(id: $id) { id ... on Pledge { volunteerName volunteerEmail note quantity } } }`,
        { id: pledgeId },
      );
      await asOther(
        who,
        'nodes',
        `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Pledge { volunteerName volunteerEmail note } ... on Need { ${PLEDGES} } } }`,
        { ids: [pledgeId, needId] },
      );
      for (const text of ['Kanarien', CANARY_EMAIL, '7f3a']) {
        await asOther(
          who,
          `search ${text}`,
          `query($q: String!) { search(text: $q) { __typename ... on Need { id ${PLEDGES} } } }`,
          { q: text },
        );
      }
      await asOther(
        who,
        'region needs',
        `query($r: ID!) { region(id: $r) { needs { nodes { id ${PLEDGES} } } } }`,
        { r: ids.region('Büsum') },
      );
      await asOther(who, 'eraseVolunteer', `mutation($e: String!) { eraseVolunteer(email: $e) }`, {
        e: CANARY_EMAIL,
      });
      await asOther(
        who,
        'auditLog',
        `{ auditLog(first: 100) { nodes { operation targetIds } } }`,
        {},
      );
    }
    expect(othersSaw.length).toBeGreaterThanOrEqual(40);
    // The need itself is visible to them: the check below looks at real answers, not refusals.
    expect(othersSaw.find((r) => r.who === 'PUBLIC' && r.what === 'need')?.body).toContain(
      '"pledgedQuantity":2',
    );
    expect(othersSaw.filter((r) => MARKER.test(r.body))).toEqual([]);
  });

  it("is shown to the need's editors, its region's coordinator and ADMIN", async () => {
    for (const who of ['MEMBER', 'COORDINATOR', 'ADMIN']) {
      const res = await t.gql<{ need: { pledges: { volunteerName: string | null }[] } }>(
        `query($id: ID!) { need(id: $id) { ${PLEDGES} } }`,
        { id: needId },
        tokens[who],
      );
      expect(res.data?.need.pledges.map((p) => p.volunteerName)).toContain(CANARY_NAME);
    }
  });

  it('is not echoed by a second sign-up with the same e-mail from someone else', async () => {
    const res = await t.gql<{ volunteer: { volunteerName: string; note: string | null } }>(
      VOLUNTEER,
      { input: { needId, name: 'Jemand Anderes', email: CANARY_EMAIL, consent: true } },
    );
    // They typed the e-mail themselves; the stored name and message must not come back.
    expect(res.data?.volunteer.volunteerName).toBe('Jemand Anderes');
    expect(JSON.stringify(res)).not.toMatch(/Kanarien Vogel|Kanarien Nachricht/);
  });

  it('is in no error answer to bad input that carries it', async () => {
    const bad = [
      { name: CANARY_NAME, email: 'kanarien.7f3a@@example', consent: true },
      { name: CANARY_NAME, email: CANARY_EMAIL, consent: false },
      { name: CANARY_NAME, email: `kanarien.7f3a${'x'.repeat(400)}@example.org`, consent: true },
    ];
    for (const input of bad) {
      const res = await t.gql(VOLUNTEER, { input: { needId, ...input } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).not.toMatch(MARKER);
    }
    const erase = await t.gql(
      `mutation($e: String!) { eraseVolunteer(email: $e) }`,
      { e: 'kanarien.7f3a@' },
      tokens.ADMIN,
    );
    expect(erase.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(erase.errors?.[0].message).not.toMatch(MARKER);
    // A malformed variable: graphql-js may name the value to its sender, never to the log.
    const typed = await t.gql(VOLUNTEER, {
      input: { needId, name: CANARY_NAME, email: CANARY_EMAIL, quantity: CANARY_EMAIL },
    });
    expect(typed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is in no activity (summary or data) and no webhook payload', async () => {
    // The sign-up is in the log and at the webhook (the check is not blind) ...
    await waitFor('the pledge at the webhook', async () =>
      webhookBodies.some((b) => b.includes('PLEDGE_MADE') && b.includes(needId)),
    );
    await t.runJobsUntilIdle();
    const rows = await withPg(t, async (c) => (await c.query('SELECT * FROM activity')).rows);
    expect(rows.some((r: { type: string }) => r.type === 'PLEDGE_MADE')).toBe(true);
    // ... as "Eine Privatperson", without the name, the e-mail or the message.
    expect(JSON.stringify(rows)).toContain('Privatperson');
    expect(JSON.stringify(rows)).not.toMatch(MARKER);
    expect(webhookBodies.filter((b) => MARKER.test(b))).toEqual([]);
    for (const who of ['PUBLIC', 'COORDINATOR', 'ADMIN']) {
      const res = await t.gql(
        `query($r: ID!) { activity(regionId: $r, first: 100) { nodes { type summary } } }`,
        { r: ids.region('Büsum') },
        tokens[who],
      );
      expect(JSON.stringify(res.data)).toContain('PLEDGE_MADE');
      expect(JSON.stringify(res)).not.toMatch(MARKER);
    }
  });

  it('is in no /metrics output', async () => {
    const res = await fetch(`${t.hub.url}/metrics`);
    const text = await res.text();
    expect(text).toContain('hub_');
    expect(text).not.toMatch(MARKER);
  });

  it('is in no audit entry; the entries name ids only', async () => {
    const rows = await withPg(t, async (c) => (await c.query('SELECT * FROM audit_entry')).rows);
    expect(rows.some((r: { operation: string }) => r.operation === 'volunteer')).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(MARKER);
    const res = await t.gql(
      `{ auditLog(first: 100) { nodes { operation targetIds subject } } }`,
      {},
      tokens.ADMIN,
    );
    expect(JSON.stringify(res.data)).toContain(pledgeId);
    expect(JSON.stringify(res.data)).not.toMatch(MARKER);
  });

  it('goes by mail only to its own address; no link, job or other mail carries it; the mailbox hides it', async () => {
    await t.runJobsUntilIdle();
    const { db } = t.hub.services;
    const mails = await db.query<{
      recipient: string;
      subject: string;
      text: string;
      html: string;
    }>('SELECT recipient, subject, text, html FROM mail_outbox');
    expect(mails.filter((m) => m.recipient === CANARY_EMAIL).length).toBeGreaterThan(0);
    // Not the name or the message, not even in the volunteer's own mail; no other mail at all.
    expect(mails.filter((m) => MARKER.test(m.subject + m.text + m.html))).toEqual([]);
    expect(mails.filter((m) => m.recipient !== CANARY_EMAIL && MARKER.test(m.recipient))).toEqual(
      [],
    );
    expect(JSON.stringify(await db.query('SELECT * FROM link'))).not.toMatch(MARKER);
    expect(JSON.stringify(await db.query('SELECT * FROM graphile_worker.jobs'))).not.toMatch(
      MARKER,
    );
    for (const who of ['PUBLIC', 'MEMBER_OTHER', 'NETWORKER']) {
      const token = tokens[who];
      const res = await fetch(`${t.hub.url}/mailbox`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      expect(res.status).toBeGreaterThanOrEqual(401);
      expect(await res.text()).not.toMatch(MARKER);
    }
    const admin = await fetch(`${t.hub.url}/mailbox`, {
      headers: { authorization: `Bearer ${tokens.ADMIN}` },
    });
    expect(await admin.text()).toContain(CANARY_EMAIL); // the check is not blind
  });

  it('is in no log line, though every request was logged at trace level', async () => {
    // A database error naming the value (as a unique violation's detail does) goes to the log
    // through the same path an unexpected resolver error takes.
    const dbError = await withPg(t, (c) =>
      c
        .query(
          `INSERT INTO pledge (need_id, volunteer_name, volunteer_email, quantity, status)
           VALUES ($1, $2, $3, 1, 'PENDING')`,
          [dbId(needId), CANARY_NAME, CANARY_EMAIL],
        )
        .then(
          () => null,
          (e: unknown) => e,
        ),
    );
    expect((dbError as { detail?: string }).detail).toMatch(MARKER);
    t.hub.log.error({ err: dbError, path: ['volunteer'] }, 'resolver error');
    expect(logLines.length).toBeGreaterThan(50);
    expect(logLines.join('')).toContain('"msg":"graphql"');
    expect(logLines.join('')).toContain('resolver error');
    expect(logLines.filter((l) => MARKER.test(l))).toEqual([]);
  });
});

describe('eraseVolunteer', () => {
  const email = 'loesch.mich@example.org';
  let erasable: string;

  beforeAll(async () => {
    erasable = (
      await openNeed(t, ids.actor('Sportverein Büsum'), { title: 'Zeltaufbau', quantity: 5 })
    ).id;
    const res = await t.gql(VOLUNTEER, {
      input: { needId: erasable, name: 'Lösch Mich', email, quantity: 3, consent: true },
    });
    expect(res.errors).toBeUndefined();
  });

  const pledgesOf = async (id: string) =>
    (
      await t.gql<{
        need: {
          pledgedQuantity: number;
          pledges: {
            volunteerName: string | null;
            volunteerEmail: string | null;
            quantity: number;
          }[];
        };
      }>(`query($id: ID!) { need(id: $id) { pledgedQuantity ${PLEDGES} } }`, { id }, tokens.ADMIN)
    ).data!.need;

  it('is FORBIDDEN for MEMBER and NETWORKER, and erases nothing then', async () => {
    for (const who of ['MEMBER', 'NETWORKER']) {
      const res = await t.gql(
        `mutation($e: String!) { eraseVolunteer(email: $e) }`,
        { e: email },
        tokens[who],
      );
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await pledgesOf(erasable)).pledges[0].volunteerEmail).toBe(email);
  });

  it('anonymises every pledge with the e-mail and keeps the quantities', async () => {
    const res = await t.gql<{ eraseVolunteer: number }>(
      `mutation($e: String!) { eraseVolunteer(email: $e) }`,
      { e: '  Loesch.Mich@Example.org ' },
      tokens.COORDINATOR,
    );
    expect(res.data?.eraseVolunteer).toBe(1);
    const after = await pledgesOf(erasable);
    expect(after.pledgedQuantity).toBe(3);
    expect(after.pledges).toEqual([
      expect.objectContaining({ volunteerName: null, volunteerEmail: null, quantity: 3 }),
    ]);
    const rows = await withPg(
      t,
      async (c) =>
        (await c.query('SELECT count(*)::int AS n FROM pledge WHERE volunteer_email = $1', [email]))
          .rows[0].n,
    );
    expect(rows).toBe(0);
  });
});

describe('the retention sweep', () => {
  it('anonymises contact data of needs that ended longer ago than the retention window only', async () => {
    const actor = ids.actor('Sportverein Büsum');
    const old = (await openNeed(t, actor, { title: 'Altes Fest', quantity: 4 })).id;
    const recent = (await openNeed(t, actor, { title: 'Neues Fest', quantity: 4 })).id;
    for (const [id, mail] of [
      [old, 'alt.fest@example.org'],
      [recent, 'neu.fest@example.org'],
    ]) {
      const res = await t.gql(VOLUNTEER, {
        input: { needId: id, name: 'Fest Gast', email: mail, quantity: 2, consent: true },
      });
      expect(res.errors).toBeUndefined();
      const closed = await t.gql(
        `mutation($id: ID!) { closeNeed(id: $id) { id } }`,
        { id },
        tokens.ADMIN,
      );
      expect(closed.errors).toBeUndefined();
    }
    // HUB_VOLUNTEER_RETENTION_DAYS defaults to 180: one need ended 181 days ago, one 179.
    await withPg(t, async (c) => {
      await c.query(`UPDATE need SET ended_at = now() - interval '181 days' WHERE id = $1`, [
        dbId(old),
      ]);
      await c.query(`UPDATE need SET ended_at = now() - interval '179 days' WHERE id = $1`, [
        dbId(recent),
      ]);
    });
    const result = await t.hub.services.needSweeper.run();
    expect(result.ran).toBe(true);
    expect(result.anonymisedPledges).toBe(1);
    const pledges = await withPg(
      t,
      async (c) =>
        (
          await c.query(
            'SELECT need_id, volunteer_name, volunteer_email, quantity FROM pledge WHERE need_id = ANY($1) ORDER BY need_id',
            [[dbId(old), dbId(recent)]],
          )
        ).rows,
    );
    expect(pledges).toEqual([
      { need_id: dbId(old), volunteer_name: null, volunteer_email: null, quantity: 2 },
      {
        need_id: dbId(recent),
        volunteer_name: 'Fest Gast',
        volunteer_email: 'neu.fest@example.org',
        quantity: 2,
      },
    ]);
  });
});
