// Issue 23 item 3: shared subscription groups were keyed by print(operation), which leaves out
// the fragment definitions. An anonymous client subscribed with the widget's operation and a
// `fragment WidgetNeed on Need { id }` of its own; every later widget with the real document
// joined that group and received only `need { id }`. The key now covers the operation and every
// fragment it uses, the variables and the caller's rights.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PERSISTED_DOCUMENTS } from '../../src/server/trusted-documents';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { waitFor } from '../helpers/wait-for';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed } from '../modules/needs/need-fixtures';

let t: TestHub;
let ids: Awaited<ReturnType<typeof demoIds>>;

const WIDGET = Object.values(PERSISTED_DOCUMENTS).find((d) =>
  d.includes('subscription WidgetNeedEvents'),
)!;
const OPERATION = WIDGET.slice(WIDGET.indexOf('subscription WidgetNeedEvents'));
const POISONED = `fragment WidgetNeed on Need { id } ${OPERATION}`;

type Need = Record<string, unknown>;

function subscribe(query: string, variables: Record<string, unknown>, operationName?: string) {
  const needs: Need[] = [];
  const client = createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  const off = client.subscribe<{ needEvents: { need: Need } }>(
    { query, variables, operationName },
    {
      next: (v) => void needs.push(v.data?.needEvents.need ?? { error: v.errors }),
      error: (e) => void needs.push({ error: String(e) }),
      complete: () => undefined,
    },
  );
  return {
    needs,
    dispose: () => {
      off();
      void client.dispose();
    },
  };
}

const groups = () => t.hub.services.sharedSubscriptions.groupCount;

beforeAll(async () => {
  t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
  ids = await demoIds(t);
});
afterAll(() => t?.stop());

describe('shared subscription groups', () => {
  it('never hand a subscriber the results of a document with other fragments', async () => {
    const variables = { regionId: ids.region('Büsum') };
    expect(OPERATION).not.toContain('fragment');
    const attacker = subscribe(POISONED, variables);
    await waitFor('the poisoned group', async () => (groups() === 1 ? true : undefined));
    const widget = subscribe(WIDGET, variables);
    await waitFor('a group of its own for the real document', async () =>
      groups() === 2 ? true : undefined,
    );
    await openNeed(t, ids.actor('Sportverein Büsum'), { title: 'Vergiftet nicht' });
    await waitFor('both to receive the event', async () =>
      attacker.needs.length === 1 && widget.needs.length === 1 ? true : undefined,
    );
    expect(Object.keys(attacker.needs[0])).toEqual(['id']);
    expect(widget.needs[0]).toMatchObject({ title: 'Vergiftet nicht', status: 'OPEN' });
    expect(widget.needs[0]).toHaveProperty('actor.name', 'Sportverein Büsum');
    attacker.dispose();
    widget.dispose();
    await waitFor('the groups to close', async () => (groups() === 0 ? true : undefined));
  });

  it('still share between documents that differ only in what does not run', async () => {
    const variables = { regionId: ids.region('Wesselburen') };
    // The same operation and fragment, laid out differently and in another order, next to a
    // second operation that is not the one run: the same executable document.
    const fragment = WIDGET.slice(0, WIDGET.indexOf('subscription WidgetNeedEvents'));
    const reordered = `query Other { __typename }\n${OPERATION}\n# comment\n${fragment.replace(/ /g, '  ')}`;
    const a = subscribe(WIDGET, variables);
    await waitFor('the first group', async () => (groups() === 1 ? true : undefined));
    const b = subscribe(reordered, { ...variables }, 'WidgetNeedEvents');
    await openNeed(t, ids.actor('Sportverein Wesselburen'), { title: 'Gleich geteilt' });
    await waitFor('both to receive the event', async () =>
      a.needs.length === 1 && b.needs.length === 1 ? true : undefined,
    );
    expect(groups()).toBe(1);
    expect(b.needs[0]).toEqual(a.needs[0]);
    a.dispose();
    b.dispose();
    await waitFor('the group to close', async () => (groups() === 0 ? true : undefined));
  });
});
