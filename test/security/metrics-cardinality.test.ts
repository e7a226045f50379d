// Issue 23 item 1: the operation name was a metric label without a cap, so 100 anonymous
// requests with long distinct names grew /metrics from 12 KB to 79 MB (every scrape then stalled
// the process). Names of the hub's own trusted documents keep their label; other names get one
// only while few and short; everything else is counted as `other`.
import { PERSISTED_DOCUMENTS } from '../../src/server/trusted-documents';
import { MAX_OTHER_OPERATION_LABELS } from '../../src/server/metrics';
import { startTestHub, TestHub } from '../helpers/test-hub';

let t: TestHub;

beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

const metricsText = async () => (await fetch(`${t.hub.url}/metrics`)).text();

function operationLabels(text: string): Set<string> {
  const labels = new Set<string>();
  for (const m of text.matchAll(/hub_graphql_request_duration_seconds_count\{operation="([^"]*)"/g))
    labels.add(m[1]);
  return labels;
}

const named = (name: string) => t.gql(`query ${name} { __typename }`);

describe('/metrics under hostile operation names', () => {
  it('does not grow with 100 distinct long operation names', async () => {
    await named('Warmup');
    const before = (await metricsText()).length;
    for (let i = 0; i < 100; i++) {
      const res = await named(`Big${i}_${'x'.repeat(20_000)}`);
      expect(res.status).toBe(200);
    }
    const after = await metricsText();
    expect(after).not.toContain('Big1_');
    expect(operationLabels(after)).toContain('other');
    // One more label (`other`), not a hundred 20 KB ones.
    expect(after.length - before).toBeLessThan(4_000);
  });

  it('labels only the first few distinct short names, then `other`', async () => {
    for (let i = 0; i < MAX_OTHER_OPERATION_LABELS + 40; i++) await named(`Kurz${i}`);
    const labels = [...operationLabels(await metricsText())];
    const kurz = labels.filter((l) => l.startsWith('Kurz'));
    expect(kurz.length).toBeGreaterThan(0);
    expect(labels.length).toBeLessThanOrEqual(MAX_OTHER_OPERATION_LABELS + 2); // + other, anonymous
  });

  it("keeps the name of the hub's own trusted documents, however many others came first", async () => {
    const [hash, text] = Object.entries(PERSISTED_DOCUMENTS).find(([, doc]) =>
      doc.includes('query WidgetNeeds'),
    )!;
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
        variables: { regionId: 'UmVnaW9uOjE', first: 1 },
      }),
    });
    expect(res.status).toBe(200);
    expect(text).toContain('WidgetNeeds');
    expect(operationLabels(await metricsText())).toContain('WidgetNeeds');
  });
});
