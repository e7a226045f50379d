// Webhooks end to end: a real HTTP receiver on 127.0.0.1 verifies every delivery with the
// standardwebhooks package; deliveries come in log order, once per webhook-id when accepted,
// retried after failures, never with what a PUBLIC caller may not see; who may register them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook as Verifier } from 'standardwebhooks';
import { Role } from '../../../src/graphql/viewer';
import { isPrivateAddress, post } from '../../../src/modules/webhooks/webhook-target';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { waitFor } from '../../helpers/wait-for';
import { demoIds } from '../actors/demo-ids';
import { openNeed, withPg } from '../needs/need-fixtures';

const CREATE = `mutation($input: CreateWebhookInput!) {
  createWebhook(input: $input) { secret webhook { id url active types consecutiveFailures region { name } } }
}`;
const DELIVERIES = `query($r: ID) { webhooks(regionId: $r) { id active consecutiveFailures
  deliveries(first: 50) { activityCursor attempt statusCode error deliveredAt nextAttemptAt } } }`;

interface Received {
  headers: Record<string, string>;
  body: string;
  answered: number;
}

function receiver() {
  const got: Received[] = [];
  let failNext = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const answered = failNext > 0 ? 503 : 204;
      if (failNext > 0) failNext--;
      got.push({ headers: req.headers as Record<string, string>, body, answered });
      res.statusCode = answered;
      res.end();
    });
  });
  return {
    got,
    failFirst: (n: number) => (failNext = n),
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`),
        ),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('webhooks', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let coordinator: string;
  const rx = receiver();
  let url: string;

  /** Lets retries that wait for their backoff run now (the clock is not the test's to wait for). */
  const hurry = () =>
    withPg(t, async (pg) => {
      await pg.query(
        `UPDATE webhook_delivery SET next_attempt_at = now() WHERE next_attempt_at > now()`,
      );
      await pg.query(
        `UPDATE graphile_worker._private_jobs SET run_at = now() WHERE run_at > now() AND locked_at IS NULL`,
      );
    });

  beforeAll(async () => {
    url = await rx.listen();
    t = await startTestHub({ seed: true, env: { HUB_WEBHOOK_ALLOW_PRIVATE: 'true' } });
    ids = await demoIds(t);
    coordinator = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] });
  });
  afterAll(async () => {
    await t?.stop();
    await rx.close();
  });

  describe('createWebhook', () => {
    const input = (over: Record<string, unknown> = {}) => ({
      input: { url, regionId: ids.region('Büsum'), types: ['NEED_OPENED'], ...over },
    });
    it('refuses PUBLIC, MEMBER and a coordinator of another region, writing nothing', async () => {
      expect((await t.gql(CREATE, input())).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const member = await t.token(Role.MEMBER, { actorIds: [ids.actor('Gemeinde Büsum')] });
      expect((await t.gql(CREATE, input(), member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const other = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Wesselburen')] });
      expect((await t.gql(CREATE, input(), other)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const admin = await t.token(Role.ADMIN);
      expect((await t.gql(DELIVERIES, {}, admin)).data).toEqual({ webhooks: [] });
    });

    it('refuses addresses that are not https (http only to loopback outside production)', async () => {
      for (const bad of ['ftp://example.org/x', 'http://example.org/hook', 'kein-url']) {
        const res = await t.gql(CREATE, input({ url: bad }), coordinator);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
      }
    });
  });

  it('delivers signed activities of its region and types in log order, never NETWORK ones', async () => {
    const created = await t.gql<{
      createWebhook: { secret: string; webhook: { id: string; active: boolean } };
    }>(
      CREATE,
      { input: { url, regionId: ids.region('Büsum'), types: ['NEED_OPENED', 'NEED_FILLED'] } },
      coordinator,
    );
    expect(created.errors).toBeUndefined();
    const { secret } = created.data!.createWebhook;
    expect(secret).toMatch(/^whsec_/);
    // The secret is shown once: the webhook's fields do not carry it.
    const listed = await t.gql(DELIVERIES, {}, coordinator);
    expect(JSON.stringify(listed.data)).not.toContain(secret.slice(6, 20));

    const a = await openNeed(t, ids.actor('Gemeinde Büsum'), { title: 'Erster Hafentag' });
    await openNeed(t, ids.actor('Gemeinde Büsum'), { title: 'Geheim', visibility: 'NETWORK' });
    await openNeed(t, ids.actor('Stadt Wesselburen'), { title: 'Anderswo' });
    const b = await openNeed(t, ids.actor('Gemeinde Büsum'), { title: 'Zweiter Hafentag' });
    await waitFor('two deliveries', async () => rx.got.length >= 2, { timeoutMs: 15_000 });
    await t.runJobsUntilIdle();
    expect(rx.got).toHaveLength(2);
    const verifier = new Verifier(secret);
    const bodies = rx.got.map((r) => verifier.verify(r.body, r.headers) as Record<string, unknown>);
    expect(bodies.map((b) => [b.type, (b.subject as { id: string }).id])).toEqual([
      ['NEED_OPENED', a.id],
      ['NEED_OPENED', b.id],
    ]);
    expect(bodies[0]).toMatchObject({
      subject: { __typename: 'Need' },
      region: { name: 'Büsum' },
      summary: 'Gemeinde Büsum sucht 5 Helfende: „Erster Hafentag“',
    });
    expect(Object.keys(bodies[0]).sort()).toEqual(
      ['cursor', 'occurredAt', 'region', 'subject', 'summary', 'type'].sort(),
    );
    // A forged or altered body fails the reference check.
    expect(() =>
      verifier.verify(rx.got[0].body.replace('Erster', 'Falscher'), rx.got[0].headers),
    ).toThrow();
  });

  it('retries a failing receiver with backoff; the same webhook-id each time, accepted once', async () => {
    rx.got.length = 0;
    rx.failFirst(3);
    const need = await openNeed(t, ids.actor('Gemeinde Büsum'), { title: 'Dreimal abgelehnt' });
    for (let i = 0; i < 3; i++) {
      await waitFor(`attempt ${i + 1}`, async () => rx.got.length > i, { timeoutMs: 15_000 });
      await waitFor('the failure to be recorded', () =>
        withPg(t, async (pg) => {
          const { rows } = await pg.query(
            'SELECT count(*)::int AS n FROM webhook_delivery WHERE next_attempt_at IS NOT NULL',
          );
          return rows[0].n > i;
        }),
      );
      await hurry();
      await t.runJobsUntilIdle();
    }
    await waitFor('the accepted attempt', async () => rx.got.length >= 4, { timeoutMs: 15_000 });
    await t.runJobsUntilIdle();
    expect(rx.got.map((r) => r.answered)).toEqual([503, 503, 503, 204]);
    expect(new Set(rx.got.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(JSON.parse(rx.got[0].body).subject.id).toBe(need.id);
    const res = await t.gql<{
      webhooks: Array<{
        consecutiveFailures: number;
        deliveries: Array<{
          attempt: number;
          statusCode: number;
          error: string | null;
          deliveredAt: string | null;
        }>;
      }>;
    }>(DELIVERIES, { r: ids.region('Büsum') }, coordinator);
    const w = res.data!.webhooks[0];
    expect(w.consecutiveFailures).toBe(0);
    expect(
      w.deliveries.slice(0, 4).map((d) => [d.attempt, d.statusCode, d.deliveredAt !== null]),
    ).toEqual([
      [4, 204, true],
      [3, 503, false],
      [2, 503, false],
      [1, 503, false],
    ]);
    expect(w.deliveries[1].error).toBe('Antwort 503');
  });

  it('deleteWebhook: only its managers; afterwards nothing is sent', async () => {
    const list = await t.gql<{ webhooks: Array<{ id: string }> }>(DELIVERIES, {}, coordinator);
    const id = list.data!.webhooks[0].id;
    const other = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Wesselburen')] });
    const refused = await t.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id }, other);
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const res = await t.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id }, coordinator);
    expect(res.data).toEqual({ deleteWebhook: id });
    rx.got.length = 0;
    await openNeed(t, ids.actor('Gemeinde Büsum'), { title: 'Nach dem Löschen' });
    await t.hub.services.webhooks.wakeAll();
    await t.runJobsUntilIdle();
    expect(rx.got).toEqual([]);
  });

  it('refuses loopback and private targets unless HUB_WEBHOOK_ALLOW_PRIVATE is set', async () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.0.5',
      '172.20.0.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
    ])
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    for (const a of ['8.8.8.8', '2a00:1450::1'])
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
    rx.failFirst(0);
    const before = rx.got.length;
    const refused = await post(url, {}, '{}', false);
    expect(refused).toEqual({
      statusCode: null,
      error: 'Ziel liegt in einem privaten Netz: abgelehnt',
    });
    expect(rx.got.length).toBe(before);
    expect(await post(url, {}, '{}', true)).toEqual({ statusCode: 204, error: null });
  });
});
