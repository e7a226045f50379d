// Double opt-in for volunteers through a real SMTP server: the sign-up holds its quantity at once
// and mails a confirm link and a withdraw link; confirming sets Pledge.emailConfirmed (seen by the
// need's editors); the withdraw link frees the quantity; an unconfirmed pledge is withdrawn after
// 48 hours by a job, with a PLEDGE_WITHDRAWN event and its personal data erased.
import type { ParsedMail } from 'mailparser';
import { Role } from '../../../src/graphql/viewer';
import { startSmtpSink, SmtpSink } from '../../helpers/smtp-sink';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { dbId, openNeed, VOLUNTEER } from './need-fixtures';

let sink: SmtpSink;
let t: TestHub;
let svBuesum: string;
let editor: string;

interface NeedAnswer {
  need: {
    status: string;
    pledgedQuantity: number;
    pledges: Array<{
      id: string;
      status: string;
      emailConfirmed: boolean;
      volunteerName: string | null;
    }>;
  };
}

const USE = `mutation($token: String!) { useLink(token: $token) { action ok message } }`;
const NEED = `query($id: ID!) { need(id: $id) { pledgedQuantity status pledges { id status emailConfirmed volunteerName } } }`;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestHub({ seed: true, env: { SMTP_URL: sink.url } });
  svBuesum = (await demoIds(t)).actor('Sportverein Büsum');
  editor = await t.token(Role.MEMBER, { actorIds: [svBuesum] });
});
afterAll(async () => {
  await t?.stop();
  await sink?.stop();
});

const volunteer = (needId: string, email: string, quantity = 1) =>
  t.gql<{ volunteer: { id: string; status: string } }>(VOLUNTEER, {
    input: { needId, name: 'Erika Beispiel', email, quantity, consent: true, message: 'Gern' },
  });

const linksOf = (m: ParsedMail) => {
  const urls = [...String(m.text).matchAll(/https?:\/\/\S+\/link\/(\S+)/g)].map((x) => x[1]);
  return {
    confirm: urls.find((u) => u.startsWith('c-'))!,
    withdraw: urls.find((u) => u.startsWith('w-'))!,
  };
};

async function mailTo(address: string): Promise<ParsedMail> {
  await t.runJobsUntilIdle();
  const n = sink.recipients.findLastIndex((r) => r.includes(address));
  if (n < 0) throw new Error(`no mail to ${address}`);
  return sink.mails[n];
}

describe('volunteer with double opt-in', () => {
  it('holds the quantity at once and mails confirm and withdraw links in German', async () => {
    const need = await openNeed(t, svBuesum, { quantity: 2, title: 'Kuchen backen' });
    const res = await volunteer(need.id, 'erika@example.org', 2);
    expect(res.errors).toBeUndefined();
    const after = await t.gql<NeedAnswer>(NEED, { id: need.id }, editor);
    expect(after.data!.need).toMatchObject({ status: 'FILLED', pledgedQuantity: 2 });

    const m = await mailTo('erika@example.org');
    expect(m.subject).toBe('Bitte bestätigen Sie Ihre Meldung: Kuchen backen');
    expect(m.text).toContain('innerhalb von 48 Stunden');
    expect(m.text).not.toContain('Erika'); // not even the name typed with the sign-up
    const { confirm, withdraw } = linksOf(m);
    expect(confirm).toBeDefined();
    expect(withdraw).toBeDefined();
    expect(String(m.html)).toContain('>Meldung bestätigen</a>');

    expect(after.data!.need.pledges).toMatchObject([{ emailConfirmed: false }]);
    const ok = await t.gql<{ useLink: { ok: boolean; message: string; action: string } }>(USE, {
      token: confirm,
    });
    expect(ok.data!.useLink).toEqual({
      action: 'CONFIRM',
      ok: true,
      message: 'Danke! Ihre Meldung ist bestätigt.',
    });
    const seen = await t.gql<NeedAnswer>(NEED, { id: need.id }, editor);
    expect(seen.data!.need.pledges).toMatchObject([{ emailConfirmed: true }]);
    // Anonymous callers see no pledges at all, so no flag either.
    const anon = await t.gql<NeedAnswer>(NEED, { id: need.id });
    expect(anon.data!.need.pledges).toEqual([]);

    // Withdrawing by link frees the quantity, erases the data; the link then is used.
    const w = await t.gql<{ useLink: { ok: boolean; action: string } }>(USE, { token: withdraw });
    expect(w.data!.useLink).toMatchObject({ ok: true, action: 'WITHDRAW' });
    const freed = await t.gql<NeedAnswer>(NEED, { id: need.id }, editor);
    expect(freed.data!.need).toMatchObject({ status: 'OPEN', pledgedQuantity: 0 });
    expect(freed.data!.need.pledges).toMatchObject([{ status: 'WITHDRAWN', volunteerName: null }]);
    const twice = await t.gql<{ useLink: { ok: boolean; message: string } }>(USE, {
      token: withdraw,
    });
    expect(twice.data!.useLink).toMatchObject({
      ok: false,
      message: 'Dieser Link wurde schon benutzt.',
    });
  });

  it('withdraws an unconfirmed pledge after 48 hours with PLEDGE_WITHDRAWN, erasing the data', async () => {
    const need = await openNeed(t, svBuesum, { quantity: 3 });
    await volunteer(need.id, 'vergessen@example.org', 1);
    await volunteer(need.id, 'bestaetigt@example.org', 1);
    const { confirm } = linksOf(await mailTo('bestaetigt@example.org'));
    const confirmed = await t.gql<{ useLink: { ok: boolean } }>(USE, { token: confirm });
    expect(confirmed.data!.useLink.ok).toBe(true);
    const { db } = t.hub.services;
    const jobs = await db.query<{ key: string; run_at: Date }>(
      `SELECT key, run_at FROM graphile_worker.jobs WHERE task_identifier = 'needs.withdrawUnconfirmed'
          AND key IN (SELECT 'pledge-unconfirmed:' || id FROM pledge WHERE need_id = $1)`,
      [dbId(need.id)],
    );
    // One job left (the confirmed pledge's was removed), due in 48 hours.
    expect(jobs).toHaveLength(1);
    expect(jobs[0].run_at.getTime() - Date.now()).toBeGreaterThan(47.9 * 3_600_000);

    await db.query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1`, [
      jobs[0].key,
    ]);
    await t.runJobsUntilIdle();
    const rows = await db.query<{
      status: string;
      volunteer_email: string | null;
      volunteer_name: string | null;
    }>(
      `SELECT status, volunteer_email, volunteer_name FROM pledge WHERE need_id = $1 ORDER BY id`,
      [dbId(need.id)],
    );
    expect(rows).toEqual([
      { status: 'WITHDRAWN', volunteer_email: null, volunteer_name: null },
      {
        status: 'PENDING',
        volunteer_email: 'bestaetigt@example.org',
        volunteer_name: 'Erika Beispiel',
      },
    ]);
    const events = await db.query<{ type: string }>(
      `SELECT type FROM need_event WHERE need_id = $1 ORDER BY position`,
      [dbId(need.id)],
    );
    expect(events.map((e) => e.type)).toEqual([
      'OPENED',
      'PLEDGED',
      'PLEDGED',
      'UPDATED',
      'PLEDGE_WITHDRAWN',
    ]);
    const [{ pledged_quantity }] = await db.query<{ pledged_quantity: number }>(
      'SELECT pledged_quantity FROM need WHERE id = $1',
      [dbId(need.id)],
    );
    expect(pledged_quantity).toBe(1);
  });

  it('never overbooks: 60 sign-ups at once on 20 places hold exactly 20', async () => {
    const need = await openNeed(t, svBuesum, { quantity: 20 });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => volunteer(need.id, `viele${i}@example.org`)),
    );
    const refused = results.filter((r) => !r.data?.volunteer);
    expect(refused.filter((r) => r.errors?.[0].extensions?.code !== 'CONFLICT')).toEqual([]);
    expect(results.length - refused.length).toBe(20);
    const [{ n }] = await t.hub.services.db.query<{ n: number }>(
      `SELECT sum(quantity)::int AS n FROM pledge WHERE need_id = $1 AND status = 'PENDING'`,
      [dbId(need.id)],
    );
    expect(n).toBe(20);
  });
});
