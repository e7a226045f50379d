// N+1 guard for the two queries the benchmark measures: the widget's page of needs and a
// networker's three-level query. Statements are counted at the driver; the count must not grow
// with the page size.
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print } from 'graphql';
import { Client } from 'pg';
import { isBackgroundClient } from '../../../src/db/statement-counter';
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';

// The widget's own page query (with its fragment), as the widget sends it.
const WIDGET_DOCUMENT = print({
  kind: Kind.DOCUMENT,
  definitions: parse(
    fs.readFileSync(path.join(__dirname, '../../../src/clients/widget/widget.graphql'), 'utf8'),
  ).definitions.filter(
    (d) =>
      (d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === 'WidgetNeed') ||
      (d.kind === Kind.OPERATION_DEFINITION && d.name?.value === 'WidgetNeeds'),
  ),
});

const DEEP = `query Deep($id: ID!, $first: Int!) {
  actor(id: $id) {
    name
    cooperations(first: $first) {
      nodes { title participants { name needs(first: 5) { nodes { title remainingQuantity } } } }
    }
  }
}`;

// Background work (rate-limit flushes, the event listener, sweeps) is not the request's.
const BACKGROUND = /rate_limit_bucket|need_event|LISTEN|pg_try_advisory|pg_advisory/i;

describe('statements per operation', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const original = Client.prototype.query;
  let counted = 0;

  beforeAll(async () => {
    t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
    ids = await demoIds(t);
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      if (!isBackgroundClient(this) && !BACKGROUND.test(text)) counted++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
  });
  afterAll(async () => {
    Client.prototype.query = original;
    await t.stop();
  });

  async function statements(query: string, variables: Record<string, unknown>, token?: string) {
    await t.gql(query, variables, token); // warm-up (schema, prepared caches)
    counted = 0;
    const res = await t.gql(query, variables, token);
    expect(res.errors).toBeUndefined();
    return { n: counted, data: res.data as Record<string, unknown> };
  }

  it('answers the widget (region, needs with count, actors, regions) in 2 statements', async () => {
    const vars = (first: number) => ({
      regionId: ids.region('Amt Büsum-Wesselburen'),
      kinds: null,
      first,
    });
    const small = await statements(WIDGET_DOCUMENT, vars(3));
    const large = await statements(WIDGET_DOCUMENT, vars(30));
    const nodes = (d: Record<string, unknown>) =>
      (d.needs as { nodes: Array<{ actor: { name: string }; region: { name: string } }> }).nodes;
    expect(nodes(small.data)).toHaveLength(3);
    expect(nodes(large.data).length).toBeGreaterThan(3);
    for (const n of nodes(large.data)) {
      expect(n.actor.name).toBeTruthy();
      expect(n.region.name).toBeTruthy();
    }
    expect(small.n).toBe(2);
    expect(large.n).toBe(2);
  });

  it('answers three levels (cooperations, participants, their needs) in 4 statements', async () => {
    const networker = await t.token(Role.NETWORKER, { regionIds: [ids.region('Büsum')] });
    const id = ids.actor('Sportverein Büsum');
    const two = await statements(DEEP, { id, first: 2 }, networker);
    const ten = await statements(DEEP, { id, first: 10 }, networker);
    const coops = (d: Record<string, unknown>) =>
      (d.actor as { cooperations: { nodes: Array<{ participants: unknown[] }> } }).cooperations
        .nodes;
    expect(coops(ten.data).length).toBeGreaterThan(2);
    // actor, cooperation page, participants, their need pages
    expect(two.n).toBe(4);
    expect(ten.n).toBe(4);
  });
});
