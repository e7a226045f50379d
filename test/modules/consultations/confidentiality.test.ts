// The canary: a consultation's subject, question and replies appear nowhere but in answers to
// its three parties (the asking actor's members, the assigned pilot, the region's
// coordinators). Everyone else, ADMINs included, finds nothing on any path: lists and counts,
// node/nodes, search, the activity feed, federation `_entities`, webhook payloads; and no mail
// (not even the parties' own: mails carry a link), log line, metric, audit entry, activity
// row or job payload holds it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '../../../src/graphql/viewer';
import { SUBGRAPH_SECRET_HEADER } from '../../../src/server/subgraph-server';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { waitFor } from '../../helpers/wait-for';
import { wsClient } from '../../helpers/ws-client';
import { demoIds } from '../actors/demo-ids';
import { openNeed, withPg } from '../needs/need-fixtures';
import { ask, ASSIGN, code, createPilot, must, pilotToken, REPLY } from './consultation-fixtures';

const SECRET = 'gateway-only-secret-0123456789';
const CANARIES = [
  'Kanarienbetreff7f3a',
  'Kanarienfrage51cq',
  'Kanariennachtrag88d',
  'Kanarienantwort0x2',
];

// PUBLIC may not ask for the list at all (UNAUTHENTICATED); the other paths it may read.
const LIST = `consultations(first: 100) { totalCount nodes { id subject question messages { body } } }`;
const READ = `query($id: ID!, $text: String!, $region: ID!) {
  LIST
  node(id: $id) { ... on Consultation { id subject question messages { body } } }
  nodes(ids: [$id]) { ... on Consultation { id question } }
  search(text: $text, first: 20) { __typename }
  activity(regionId: $region, types: [CONSULTATION_ASKED, CONSULTATION_ANSWERED], first: 50) {
    nodes { summary subject { id ... on Consultation { question } } } }
}`;

describe('consultations are confidential', () => {
  let t: TestHub;
  const logLines: string[] = [];
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(body);
      res.statusCode = 204;
      res.end();
    });
  });
  let consultation: string;
  let marker: string;
  let region: string;
  const parties: Record<string, string> = {};
  /** Live Subscription.activity of Büsum, per caller: what each was sent. */
  const live: Record<string, { events: string[]; dispose: () => void }> = {};
  const others: Record<string, string | undefined> = {};

  const read = (token: string | undefined) =>
    t.gql<{
      consultations: { totalCount: number; nodes: { id: string }[] };
      node: { id: string; question: string } | null;
      nodes: Array<{ id: string } | null>;
      activity: { nodes: { summary: string; subject: { id: string } }[] };
    }>(
      READ.replace('LIST', token ? LIST : ''),
      { id: consultation, text: CANARIES[1], region },
      token,
    );
  const entities = async (token: string | undefined) => {
    const res = await fetch(`${t.hub.url}/subgraph`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SUBGRAPH_SECRET_HEADER]: SECRET,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Consultation { question subject } } }`,
        variables: { r: [{ __typename: 'Consultation', id: consultation }] },
      }),
    });
    return (await res.json()) as { data?: { _entities: unknown[] }; errors?: unknown };
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    t = await startTestHub({
      seed: true,
      env: { HUB_SUBGRAPH_SECRET: SECRET, HUB_WEBHOOK_ALLOW_PRIVATE: 'true' },
      logStream: { write: (line: string) => void logLines.push(line) },
    });
    const ids = await demoIds(t);
    region = ids.region('Büsum');
    const admin = await t.token(Role.ADMIN);
    const club = ids.actor('Sportverein Büsum');
    parties.member = await t.token(Role.MEMBER, { actorIds: [club] });
    parties.coordinator = await t.token(Role.COORDINATOR, { regionIds: [region] });
    // A coordinator of the whole Kreis coordinates Büsum too.
    parties.coordinatorAbove = await t.token(Role.COORDINATOR, {
      regionIds: [ids.region('Kreis Dithmarschen')],
    });
    await withPg(t, (c) =>
      c.query(
        `INSERT INTO account (email, display_name, role) VALUES ('lotsin@example.org', 'Lotsin', 'PILOT')`,
      ),
    );
    const accountId = await withPg(t, async (c) =>
      Number(
        (await c.query(`SELECT id FROM account WHERE email = 'lotsin@example.org'`)).rows[0].id,
      ),
    );
    const pilot = await createPilot(t, admin, {
      displayName: 'Lotsin Vereinsrecht',
      regionIds: [region],
      accountId: Buffer.from(`Account:${accountId}`).toString('base64url'),
    });
    const otherPilot = await createPilot(t, admin, {
      displayName: 'Anderer Lotse',
      regionIds: [region],
    });
    parties.pilot = await pilotToken(t, pilot);
    others.PUBLIC = undefined;
    others.memberOther = await t.token(Role.MEMBER, {
      actorIds: [ids.actor('Sportverein Wesselburen')],
    });
    others.networker = await t.token(Role.NETWORKER, { regionIds: [region] });
    others.coordinatorElsewhere = await t.token(Role.COORDINATOR, {
      regionIds: [ids.region('Wesselburen')],
    });
    others.admin = admin;
    others.otherPilot = await pilotToken(t, otherPilot);

    must(
      await t.gql(
        `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret } }`,
        {
          input: {
            url: hookUrl,
            regionId: region,
            types: ['CONSULTATION_ASKED', 'CONSULTATION_ANSWERED', 'NEED_OPENED'],
          },
        },
        parties.coordinator,
      ),
    );
    const subscribers: Record<string, string | undefined> = {
      coordinator: parties.coordinator,
      networker: others.networker,
      admin: others.admin,
      coordinatorElsewhere: others.coordinatorElsewhere,
      PUBLIC: undefined,
    };
    for (const [who, token] of Object.entries(subscribers)) {
      const sub = { events: [] as string[], dispose: () => undefined as void };
      const before = t.hub.services.activityHub.size + t.hub.services.sharedSubscriptions.members;
      sub.dispose = wsClient(t.url, token).subscribe(
        {
          query: `subscription($r: ID!) { activity(regionId: $r, types: [CONSULTATION_ASKED, CONSULTATION_ANSWERED, NEED_OPENED]) {
            type summary subject { id ... on Consultation { question } } } }`,
          variables: { r: region },
        },
        {
          next: (v) => void sub.events.push(JSON.stringify(v)),
          error: (e) => void sub.events.push(`error ${String(e)}`),
          complete: () => undefined,
        },
      );
      await waitFor(
        'the subscription',
        async () =>
          t.hub.services.activityHub.size + t.hub.services.sharedSubscriptions.members > before,
      );
      live[who] = sub;
    }
    consultation = await ask(t, parties.member, club, {
      subject: `Satzung ${CANARIES[0]}`,
      question: `Dürfen wir ${CANARIES[1]} beschließen?`,
    });
    must(await t.gql(ASSIGN, { id: consultation, pilotId: pilot }, parties.coordinator));
    must(await t.gql(REPLY, { id: consultation, body: `Nachtrag ${CANARIES[2]}` }, parties.member));
    must(await t.gql(REPLY, { id: consultation, body: `Antwort ${CANARIES[3]}` }, parties.pilot));
    // Bad input holding the canary is refused without echoing it anywhere.
    const refused = await t.gql(
      `mutation($input: AskPilotsInput!) { askPilots(input: $input) { id } }`,
      {
        input: {
          actorId: club,
          area: 'TAX',
          subject: `${CANARIES[0]} `.repeat(30),
          question: CANARIES[1],
        },
      },
      parties.member,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused)).not.toContain('Kanarien');
    // The webhook delivers in log order: once this need's activity arrived, the consultation's
    // activities before it were decided.
    marker = (await openNeed(t, ids.actor('Gemeinde Büsum'), { title: 'Markierung' })).id;
    await waitFor('the marker delivery', async () => received.some((b) => b.includes(marker)), {
      timeoutMs: 20_000,
    });
    await t.runJobsUntilIdle();
    await waitFor('every subscriber to see the marker', async () =>
      Object.values(live).every((l) => l.events.some((e) => e.includes(marker))),
    );
    for (const l of Object.values(live)) l.dispose();
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each(['member', 'pilot', 'coordinator', 'coordinatorAbove'])(
    'shows it to a party (%s) on every path',
    async (who) => {
      const res = must(await read(parties[who]));
      expect(res.consultations.nodes.map((n) => n.id)).toContain(consultation);
      expect(res.consultations.totalCount).toBeGreaterThanOrEqual(1);
      expect(res.node?.question).toContain(CANARIES[1]);
      expect(res.nodes[0]?.id).toBe(consultation);
      expect(res.activity.nodes.filter((a) => a.subject.id === consultation)).toHaveLength(2);
      const ent = await entities(parties[who]);
      expect(JSON.stringify(ent.data)).toContain(CANARIES[1]);
    },
  );

  it.each(['PUBLIC', 'memberOther', 'networker', 'coordinatorElsewhere', 'admin', 'otherPilot'])(
    'hides it from %s on every path, counts included',
    async (who) => {
      const res = await read(others[who]);
      expect(res.errors).toBeUndefined();
      const text = JSON.stringify(res.data);
      for (const c of CANARIES) expect(text).not.toContain(c);
      expect(text).not.toContain(consultation);
      if (who === 'PUBLIC') {
        expect(code(await t.gql(`{ ${LIST} }`))).toBe('UNAUTHENTICATED');
      } else {
        expect(res.data!.consultations.totalCount).toBe(0);
      }
      expect(res.data!.node).toBeNull();
      expect(res.data!.nodes).toEqual([null]);
      const ent = await entities(others[who]);
      expect(ent.data?._entities).toEqual([null]);
    },
  );

  it('sends it live only to a party (Subscription.activity), and the check is not blind', () => {
    const party = live.coordinator.events.join('\n');
    expect(party).toContain(consultation);
    expect(party).toContain(CANARIES[1]);
    for (const who of ['networker', 'admin', 'coordinatorElsewhere', 'PUBLIC']) {
      const seen = live[who].events.join('\n');
      expect(seen).toContain(marker);
      expect({ who, leaked: seen.includes(consultation) || seen.includes('Kanarien') }).toEqual({
        who,
        leaked: false,
      });
    }
  });

  it('sends no webhook about it, and the activities name only area and region', async () => {
    expect(received.length).toBeGreaterThan(0);
    for (const body of received) {
      for (const c of CANARIES) expect(body).not.toContain(c);
      expect(body).not.toContain(consultation);
      expect(body).not.toContain('CONSULTATION');
    }
    const summaries = await withPg(
      t,
      async (c) =>
        (
          await c.query(
            `SELECT summary, data::text AS data FROM activity WHERE type LIKE 'CONSULTATION%' ORDER BY position`,
          )
        ).rows,
    );
    expect(summaries.map((s) => s.summary)).toEqual([
      'Neue Frage an die Lotsen: Vereinsrecht (Büsum)',
      'Die Lotsen haben geantwortet: Vereinsrecht (Büsum)',
    ]);
    for (const s of summaries) expect(s.data).not.toContain('Kanarien');
  });

  it('puts it in no mail (mails carry links), log line, metric, audit entry or job payload', async () => {
    const dump = await withPg(t, async (c) => {
      const parts: string[] = [];
      for (const sql of [
        'SELECT recipient, subject, text, html FROM mail_outbox',
        'SELECT * FROM audit_entry',
        'SELECT * FROM activity',
        'SELECT payload::text FROM graphile_worker._private_jobs',
        'SELECT * FROM webhook_delivery',
      ]) {
        parts.push(JSON.stringify((await c.query(sql)).rows));
      }
      return parts.join('\n');
    });
    expect(dump).toContain('lotsin@example.org'); // the pilot was mailed (a link)
    const metrics = await (await fetch(`${t.hub.url}/metrics`)).text();
    expect(logLines.length).toBeGreaterThan(0);
    for (const c of CANARIES) {
      expect(dump).not.toContain(c);
      expect(metrics).not.toContain(c);
      expect(logLines.filter((l) => l.includes(c))).toEqual([]);
    }
  });
});
