// Webhooks across a hub restart: a real receiver checks every POST with the standard's reference
// check (standardwebhooks Webhook.verify) and refuses its first three attempts per endpoint; the
// hub is stopped while retries and undelivered activities are pending and a second hub starts on
// the same database. Every activity is accepted exactly once per webhook-id, in log order.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook as Verifier } from 'standardwebhooks';
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { waitFor } from '../../helpers/wait-for';
import { demoIds } from '../actors/demo-ids';
import { openNeed, withPg } from '../needs/need-fixtures';

const CREATE = `mutation($input: CreateWebhookInput!) {
  createWebhook(input: $input) { secret webhook { id } }
}`;

interface Attempt {
  webhookId: string;
  verified: boolean;
  answered: number;
  cursor?: string;
  subjectId?: string;
}

describe('webhooks across a restart', () => {
  let t1: TestHub;
  let t2: TestHub;
  const secrets = new Map<string, string>();
  const attempts = new Map<string, Attempt[]>([
    ['/a', []],
    ['/b', []],
  ]);
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = req.url ?? '';
      const list = attempts.get(path);
      const secret = secrets.get(path);
      type Payload = { cursor: string; subject: { id: string } };
      let payload: Payload | null = null;
      try {
        if (secret)
          payload = new Verifier(secret).verify(
            body,
            req.headers as Record<string, string>,
          ) as Payload;
      } catch {
        payload = null;
      }
      // The first three attempts at each endpoint fail; a forged one is refused with 400.
      const answered = !payload ? 400 : list && list.length < 3 ? 503 : 204;
      list?.push({
        webhookId: String(req.headers['webhook-id']),
        verified: payload !== null,
        answered,
        cursor: payload?.cursor,
        subjectId: payload?.subject.id,
      });
      res.statusCode = answered;
      res.end();
    });
  });

  const accepted = (path: string) =>
    (attempts.get(path) as Attempt[]).filter((a) => a.answered === 204);
  /** Lets retries waiting for their backoff run now (the clock is not the test's to wait for). */
  const hurry = (t: TestHub) =>
    withPg(t, async (pg) => {
      await pg.query(
        `UPDATE webhook_delivery SET next_attempt_at = now() WHERE next_attempt_at > now()`,
      );
      await pg.query(
        `UPDATE graphile_worker._private_jobs SET run_at = now() WHERE run_at > now() AND locked_at IS NULL`,
      );
    });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t1 = await startTestHub({ seed: true, env: { HUB_WEBHOOK_ALLOW_PRIVATE: 'true' } });
  });
  afterAll(async () => {
    await t2?.stop();
    await t1?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers every activity once per webhook-id, in order, with valid signatures', async () => {
    const ids = await demoIds(t1);
    const coordinator = await t1.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const path of ['/a', '/b']) {
      const res = await t1.gql<{ createWebhook: { secret: string } }>(
        CREATE,
        { input: { url: base + path, regionId: ids.region('Büsum'), types: ['NEED_OPENED'] } },
        coordinator,
      );
      secrets.set(path, res.data!.createWebhook.secret);
    }
    const needs: string[] = [];
    for (const title of ['Vor dem Neustart 1', 'Vor dem Neustart 2', 'Vor dem Neustart 3'])
      needs.push((await openNeed(t1, ids.actor('Gemeinde Büsum'), { title })).id);

    // Mid-way: each endpoint has refused its first attempt, a retry is queued, two wait behind it.
    await waitFor('a first refused attempt at each endpoint', () =>
      withPg(t1, async (pg) => {
        const { rows } = await pg.query(
          `SELECT count(DISTINCT webhook_id)::int AS n FROM webhook_delivery WHERE status_code = 503`,
        );
        return rows[0].n === 2;
      }),
    );
    await t1.hub.stop();
    expect(accepted('/a')).toEqual([]);
    // A stopped hub holds no job and no endpoint's queue: else the next instance would find the
    // endpoint locked for graphile-worker's 4 hours.
    const locked = await withPg(t1, (pg) =>
      pg.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE locked_at IS NOT NULL`),
    );
    expect(locked.rows[0].n).toBe(0);

    t2 = await startTestHub({
      databaseUrl: t1.databaseUrl,
      env: { HUB_WEBHOOK_ALLOW_PRIVATE: 'true' },
    });
    for (const title of ['Nach dem Neustart 1', 'Nach dem Neustart 2'])
      needs.push((await openNeed(t2, ids.actor('Gemeinde Büsum'), { title })).id);
    await waitFor(
      'five accepted deliveries at each endpoint',
      async () => {
        if (accepted('/a').length >= 5 && accepted('/b').length >= 5) return true;
        await hurry(t2);
        await t2.runJobsUntilIdle();
        return false;
      },
      { timeoutMs: 40_000 },
    );
    // Nothing more comes: every endpoint is at the log's head.
    await t2.hub.services.webhooks.wakeAll();
    await t2.runJobsUntilIdle();

    const webhookIds = new Set<string>();
    for (const path of ['/a', '/b']) {
      const all = attempts.get(path) as Attempt[];
      expect(all.every((a) => a.verified)).toBe(true);
      expect(all.map((a) => a.answered)).toEqual([503, 503, 503, 204, 204, 204, 204, 204]);
      // The refused attempts were all for the first activity, under one webhook-id.
      expect(new Set(all.slice(0, 4).map((a) => a.webhookId)).size).toBe(1);
      const ok = accepted(path);
      expect(ok.map((a) => a.subjectId)).toEqual(needs);
      expect(new Set(ok.map((a) => a.webhookId)).size).toBe(5);
      expect(new Set(ok.map((a) => a.cursor)).size).toBe(5);
      for (const a of ok) webhookIds.add(a.webhookId);
    }
    // webhook-id is per activity and endpoint: the two endpoints never share one.
    expect(webhookIds.size).toBe(10);
  });
});
