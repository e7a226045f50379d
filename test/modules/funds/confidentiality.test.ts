// The canary: the purpose of an application that is not approved, and the board's comment on
// it, appear nowhere but in answers to its three parties (the applicant's members, the board's
// members, the coordinators of the programme's region). Everyone else, ADMINs included, finds
// nothing on any path: the programme's applications and their count, node/nodes, search, the
// activity feed, federation `_entities`, the ledger and its CSV, webhook payloads; and no mail,
// log line, metric, audit entry, activity row or job payload holds it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '../../../src/graphql/viewer';
import { SUBGRAPH_SECRET_HEADER } from '../../../src/server/subgraph-server';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { waitFor } from '../../helpers/wait-for';
import { demoIds } from '../actors/demo-ids';
import { dbId, openNeed, withPg } from '../needs/need-fixtures';
import { createBoard, createProgramme, DECIDE, must, REVIEW, submitted } from './funding-fixtures';

const SECRET = 'gateway-only-secret-0123456789';
const CANARIES = ['Kanarienzweck4e1b', 'Kanarienabgelehnt93x', 'Kanarienbeirat7q2'];

const READ = `query($p: ID!, $ids: [ID!]!, $text: String!, $region: ID!) {
  node(id: $p) { ... on FundingProgramme {
    applications(first: 100) { totalCount nodes { id purpose reviews { comment } } }
    ledger { purpose application { id purpose } } } }
  nodes(ids: $ids) { ... on FundingApplication { id purpose } }
  search(text: $text, first: 20) { __typename }
  activity(regionId: $region, types: [APPLICATION_SUBMITTED, APPLICATION_DECIDED], first: 50) {
    nodes { summary subject { id ... on FundingApplication { purpose } } } }
}`;

describe('funding applications are confidential until approved', () => {
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
  let programme: string;
  let pending: string;
  let rejected: string;
  let approved: string;
  let region: string;
  let marker: string;
  const parties: Record<string, string> = {};
  const others: Record<string, string | undefined> = {};

  const read = (token: string | undefined) =>
    t.gql<{
      node: {
        applications: { totalCount: number; nodes: { id: string }[] };
        ledger: { purpose: string; application: { id: string } }[];
      };
      nodes: Array<{ id: string; purpose: string } | null>;
      activity: { nodes: { summary: string; subject: { id: string } | null }[] };
    }>(READ, { p: programme, ids: [pending, rejected], text: CANARIES[0], region }, token);
  const entities = async (token: string | undefined) => {
    const res = await fetch(`${t.hub.url}/subgraph`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SUBGRAPH_SECRET_HEADER]: SECRET,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on FundingApplication { purpose } } }`,
        variables: { r: [{ __typename: 'FundingApplication', id: pending }] },
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
    const club = ids.actor('Sportverein Büsum');
    const board = await createBoard(t, dbId(region), 'Engagementbeirat Büsum');
    parties.member = await t.token(Role.MEMBER, { actorIds: [club], sub: 'verein' });
    parties.boardMember = await t.token(Role.MEMBER, { actorIds: [board], sub: 'beirat-a' });
    parties.coordinator = await t.token(Role.COORDINATOR, { regionIds: [region] });
    // A coordinator of the whole Kreis coordinates Büsum too.
    parties.coordinatorAbove = await t.token(Role.COORDINATOR, {
      regionIds: [ids.region('Kreis Dithmarschen')],
    });
    others.PUBLIC = undefined;
    others.memberOther = await t.token(Role.MEMBER, {
      actorIds: [ids.actor('Sportverein Wesselburen')],
    });
    others.networker = await t.token(Role.NETWORKER, { regionIds: [region] });
    others.coordinatorElsewhere = await t.token(Role.COORDINATOR, {
      regionIds: [ids.region('Wesselburen')],
    });
    others.admin = await t.token(Role.ADMIN);
    await withPg(t, (c) =>
      c.query(
        `INSERT INTO account (email, display_name, role, actor_ids)
         VALUES ('kasse@sv-buesum.example.org', 'Kasse', 'MEMBER', $1)`,
        [[dbId(club)]],
      ),
    );
    must(
      await t.gql(
        `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret } }`,
        {
          input: {
            url: hookUrl,
            regionId: region,
            types: ['APPLICATION_SUBMITTED', 'APPLICATION_DECIDED', 'NEED_OPENED'],
          },
        },
        parties.coordinator,
      ),
    );
    programme = (
      await createProgramme(t, parties.coordinator, { regionId: region, boardId: board })
    ).id;
    const apply = (purpose: string) =>
      submitted(t, parties.member, { programmeId: programme, applicantId: club, purpose });
    pending = await apply(`Material für ${CANARIES[0]}`);
    rejected = await apply(`Fahrt ${CANARIES[1]}`);
    approved = await apply('Neue Bälle für die Jugend');
    must(
      await t.gql(
        REVIEW,
        { input: { applicationId: pending, vote: 'REJECT', comment: `Zu teuer ${CANARIES[2]}` } },
        parties.boardMember,
      ),
    );
    must(
      await t.gql(
        DECIDE,
        { input: { applicationId: rejected, approve: false } },
        parties.coordinator,
      ),
    );
    must(
      await t.gql(
        DECIDE,
        { input: { applicationId: approved, approve: true } },
        parties.coordinator,
      ),
    );
    // The webhook delivers in log order: once this need's activity arrived, the applications'
    // activities before it were decided.
    marker = (await openNeed(t, ids.actor('Gemeinde Büsum'), { title: 'Markierung' })).id;
    await waitFor('the marker delivery', async () => received.some((b) => b.includes(marker)), {
      timeoutMs: 20_000,
    });
    await t.runJobsUntilIdle();
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each(['member', 'boardMember', 'coordinator', 'coordinatorAbove'])(
    'shows it to a party (%s) on every path',
    async (who) => {
      const res = must(await read(parties[who]));
      const listed = res.node.applications.nodes.map((n) => n.id);
      expect(listed).toEqual(expect.arrayContaining([pending, rejected, approved]));
      expect(res.node.applications.totalCount).toBe(3);
      expect(res.nodes.map((n) => n?.purpose)).toEqual([
        `Material für ${CANARIES[0]}`,
        `Fahrt ${CANARIES[1]}`,
      ]);
      const subjects = res.activity.nodes.map((a) => a.subject?.id);
      expect(subjects.filter((s) => s === rejected)).toHaveLength(2);
      const ent = await entities(parties[who]);
      expect(JSON.stringify(ent.data)).toContain(CANARIES[0]);
      // The board's comment: for the board and the coordinators, not the applicant.
      expect(JSON.stringify(res).includes(CANARIES[2])).toBe(who !== 'member');
    },
  );

  it.each(['PUBLIC', 'memberOther', 'networker', 'coordinatorElsewhere', 'admin'])(
    'hides it from %s on every path, counts included; the approved grant is in the ledger',
    async (who) => {
      const res = await read(others[who]);
      expect(res.errors).toBeUndefined();
      const text = JSON.stringify(res.data);
      for (const c of CANARIES) expect(text).not.toContain(c);
      expect(text).not.toContain(pending);
      expect(text).not.toContain(rejected);
      expect(res.data!.node.applications).toEqual({ totalCount: 0, nodes: [] });
      expect(res.data!.nodes).toEqual([null, null]);
      expect(res.data!.activity.nodes.filter((a) => a.subject)).toEqual([]);
      // The ledger is public, and it is not blind: the approved grant is there.
      expect(res.data!.node.ledger).toEqual([
        {
          purpose: 'Neue Bälle für die Jugend',
          application: { id: approved, purpose: 'Neue Bälle für die Jugend' },
        },
      ]);
      const ent = await entities(others[who]);
      expect(ent.data?._entities).toEqual([null]);
      // node() stays with the three parties even once approved: the ledger is the public view.
      const node = await t.gql<{ node: unknown }>(
        `query($id: ID!) { node(id: $id) { id } }`,
        { id: approved },
        others[who],
      );
      expect(must(node).node).toBeNull();
    },
  );

  it('keeps it out of the ledger CSV and of every webhook', async () => {
    const url = must(
      await t.gql<{ node: { ledgerCsvUrl: string } }>(
        `query($id: ID!) { node(id: $id) { ... on FundingProgramme { ledgerCsvUrl } } }`,
        { id: programme },
      ),
    ).node.ledgerCsvUrl;
    const csv = await (await fetch(new URL(new URL(url).pathname, t.url))).text();
    expect(csv).toContain('Neue Bälle für die Jugend');
    for (const c of CANARIES) expect(csv).not.toContain(c);
    expect(received.length).toBeGreaterThan(0);
    for (const body of received) {
      for (const c of CANARIES) expect(body).not.toContain(c);
      expect(body).not.toContain(pending);
      expect(body).not.toContain('APPLICATION_');
    }
  });

  it('puts it in no mail, log line, metric, audit entry, activity row or job payload', async () => {
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
    expect(dump).toContain('kasse@sv-buesum.example.org'); // the decisions were mailed
    const metrics = await (await fetch(`${t.hub.url}/metrics`)).text();
    expect(logLines.length).toBeGreaterThan(0);
    for (const c of CANARIES) {
      expect(dump).not.toContain(c);
      expect(metrics).not.toContain(c);
      expect(logLines.filter((l) => l.includes(c))).toEqual([]);
    }
  });
});
