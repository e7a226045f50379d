// After 20 failed attempts in a row a webhook is switched off and its owners get one German
// mail, written to the outbox in the transaction that switches it off. A real receiver that
// always answers 500, a real SMTP server; the retries' backoff is cut short by moving their
// due times to now (the clock is not the test's to wait for), one attempt per step.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '../../../src/graphql/viewer';
import { MAX_CONSECUTIVE_FAILURES } from '../../../src/modules/webhooks/webhook.service';
import { startSmtpSink, SmtpSink } from '../../helpers/smtp-sink';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { waitFor } from '../../helpers/wait-for';
import { demoIds } from '../actors/demo-ids';
import { dbId, openNeed, withPg } from '../needs/need-fixtures';

const CREATE = `mutation($input: CreateWebhookInput!) {
  createWebhook(input: $input) { webhook { id } }
}`;
const STATE = `query { webhooks { id active consecutiveFailures deliveries(first: 30) { attempt statusCode } } }`;

describe('a webhook that keeps failing', () => {
  let t: TestHub;
  let sink: SmtpSink;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
    req.resume();
    req.on('end', () => {
      res.statusCode = 500;
      res.end('kaputt');
    });
  });
  let base: string;

  const hurry = () =>
    withPg(t, async (pg) => {
      await pg.query(
        `UPDATE webhook_delivery SET next_attempt_at = now() WHERE next_attempt_at > now()`,
      );
      await pg.query(
        `UPDATE graphile_worker._private_jobs SET run_at = now() WHERE run_at > now() AND locked_at IS NULL`,
      );
    });

  const account = (email: string, role: string, regionIds: number[], disabled = false) =>
    withPg(t, async (pg) => {
      const { rows } = await pg.query<{ id: number }>(
        `INSERT INTO account (email, display_name, role, region_ids, disabled)
         VALUES ($1, 'Kontoname Geheim', $2, $3, $4) RETURNING id`,
        [email, role, regionIds, disabled],
      );
      return rows[0].id;
    });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    sink = await startSmtpSink();
    t = await startTestHub({
      seed: true,
      env: { HUB_WEBHOOK_ALLOW_PRIVATE: 'true', SMTP_URL: sink.url },
    });
    ids = await demoIds(t);
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('is switched off after 20 failures and mails its creator, or else its region’s coordinators, once', async () => {
    const buesum = dbId(ids.region('Büsum'));
    const amt = dbId(ids.region('Amt Büsum-Wesselburen'));
    const wesselburen = dbId(ids.region('Wesselburen'));
    const creatorId = await account('ersteller@example.org', 'COORDINATOR', [buesum]);
    await account('buesum@example.org', 'COORDINATOR', [buesum]);
    await account('amt@example.org', 'COORDINATOR', [amt]);
    await account('wesselburen@example.org', 'COORDINATOR', [wesselburen]);
    await account('gesperrt@example.org', 'COORDINATOR', [buesum], true);
    await account('mitglied@example.org', 'MEMBER', []);

    // One registered in a hub session of an account, one with a minted token (no account).
    const bySession = await t.token(Role.COORDINATOR, {
      regionIds: [ids.region('Büsum')],
      sub: `account:${creatorId}`,
    });
    const byMinted = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] });
    for (const [path, token] of [
      ['/geheimer-pfad-a', bySession],
      ['/geheimer-pfad-b', byMinted],
    ] as const) {
      const res = await t.gql(
        CREATE,
        {
          input: {
            url: `${base}${path}`,
            regionId: ids.region('Büsum'),
            types: ['NEED_OPENED'],
            description: 'Gemeinde-Website',
          },
        },
        token,
      );
      expect(res.errors).toBeUndefined();
    }
    await openNeed(t, ids.actor('Gemeinde Büsum'), { title: 'Wird nie zugestellt' });

    const admin = await t.token(Role.ADMIN);
    const state = async () =>
      (
        await t.gql<{
          webhooks: Array<{
            active: boolean;
            consecutiveFailures: number;
            deliveries: Array<{ attempt: number; statusCode: number }>;
          }>;
        }>(STATE, {}, admin)
      ).data!.webhooks;
    // One attempt per step: run what is due, then make the next retry due now.
    await waitFor(
      'both webhooks to be switched off',
      async () => {
        await t.runJobsUntilIdle();
        if ((await state()).every((w) => !w.active)) return true;
        await hurry();
        return false;
      },
      { timeoutMs: 90_000, intervalMs: 10 },
    );
    await t.runJobsUntilIdle();

    expect(MAX_CONSECUTIVE_FAILURES).toBe(20);
    for (const w of await state()) {
      expect(w).toMatchObject({ active: false, consecutiveFailures: 20 });
      expect(w.deliveries.map((d) => [d.attempt, d.statusCode])).toEqual(
        Array.from({ length: 20 }, (_, i) => [20 - i, 500]),
      );
    }
    expect(hits.get('/geheimer-pfad-a')).toBe(20);
    expect(hits.get('/geheimer-pfad-b')).toBe(20);
    // No retry is left queued for a switched-off endpoint.
    const pending = await withPg(t, (pg) =>
      pg.query(`SELECT key FROM graphile_worker._private_jobs WHERE key LIKE 'webhook:%'`),
    );
    expect(pending.rows).toEqual([]);

    // The creator's account for the first; the enabled coordinators of Büsum and above for the
    // second (not Wesselburen's, not a disabled account, not a member): one mail each.
    const mails = await sink.waitForMails(4);
    await t.runJobsUntilIdle();
    expect(sink.recipients.map((r) => r.join()).sort()).toEqual([
      'amt@example.org',
      'buesum@example.org',
      'ersteller@example.org',
      'ersteller@example.org',
    ]);
    for (const mail of mails) {
      expect(mail.subject).toBe('Webhook abgeschaltet');
      expect(mail.text).toContain(`Der Webhook an 127.0.0.1:${new URL(base).port} für Büsum`);
      expect(mail.text).toContain('20 Zustellungen nacheinander nicht angenommen');
      expect(mail.text).toContain('Zuletzt: Antwort 500.');
      expect(mail.text).toContain('„Gemeinde-Website“');
      // The address's path may carry a partner's token; names of accounts are nobody's business.
      expect(`${mail.text}${mail.html}`).not.toContain('geheimer-pfad');
      expect(`${mail.text}${mail.html}`).not.toContain('Kontoname Geheim');
      expect(mail.html).toContain('lang="de"');
    }

    // Switched off means nothing more is sent, and no second mail.
    await openNeed(t, ids.actor('Gemeinde Büsum'), { title: 'Nach dem Abschalten' });
    await t.hub.services.webhooks.wakeAll();
    await hurry();
    await t.runJobsUntilIdle();
    expect(hits.get('/geheimer-pfad-a')).toBe(20);
    const outbox = await withPg(t, (pg) =>
      pg.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'webhook-deactivated'`),
    );
    expect(outbox.rows[0].n).toBe(4);
  });
});
