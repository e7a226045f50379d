// The GraphQL-over-HTTP spec's own audit suite (graphql-http), run against the real server.
// Every MUST audit passes; SHOULD and MAY results are pinned in the expectations file so a
// regression fails. Refresh it deliberately with UPDATE_AUDIT_EXPECTATIONS=1.
import fs from 'node:fs';
import path from 'node:path';
import { serverAudits } from 'graphql-http';
import { startTestHub, TestHub } from '../helpers/test-hub';

const EXPECTED_FILE = path.join(__dirname, 'graphql-http-audit.expected.json');

interface AuditOutcome {
  name: string;
  status: 'ok' | 'notice' | 'warn' | 'error';
  reason?: string;
}

describe('GraphQL over HTTP audits (graphql-http serverAudits)', () => {
  let t: TestHub;
  let outcomes: Record<string, AuditOutcome>;

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    outcomes = {};
    for (const audit of serverAudits({ url: t.url })) {
      const r = await audit.fn();
      outcomes[audit.id] = {
        name: audit.name,
        status: r.status,
        ...(r.status === 'ok' ? {} : { reason: r.reason }),
      };
    }
    if (process.env.UPDATE_AUDIT_EXPECTATIONS) {
      const pinned = Object.fromEntries(
        Object.entries(outcomes)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([id, o]) => [id, { name: o.name, status: o.status }]),
      );
      fs.writeFileSync(EXPECTED_FILE, JSON.stringify(pinned, null, 2) + '\n');
    }
  });
  afterAll(() => t.stop());

  it('passes every MUST audit', () => {
    const failed = Object.values(outcomes).filter(
      (o) => o.name.startsWith('MUST') && o.status !== 'ok',
    );
    expect(failed).toEqual([]);
    expect(Object.values(outcomes).some((o) => o.name.startsWith('MUST'))).toBe(true);
  });

  it('keeps every SHOULD and MAY result as recorded (a pass may never become a failure)', () => {
    const expected = JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8')) as Record<
      string,
      { name: string; status: string }
    >;
    const regressions = Object.entries(outcomes)
      .filter(([id, o]) => (expected[id]?.status ?? 'ok') === 'ok' && o.status !== 'ok')
      .map(([id, o]) => ({ id, ...o }));
    expect(regressions).toEqual([]);
    // Every audit the suite knows is recorded, so a new graphql-http version shows up here.
    expect(Object.keys(outcomes).sort()).toEqual(Object.keys(expected).sort());
  });
});
