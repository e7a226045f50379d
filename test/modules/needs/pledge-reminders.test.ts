// Reminders for volunteers through a real SMTP server and two hub instances on one database:
// confirming a pledge schedules one mail 24 hours before the need's start; it goes out once
// even when two instances (and a duplicate job) run it at the same moment; moving startsAt
// moves it (less than 24 h ahead: at once, with the new time); a stale job sends nothing;
// closing the need drops the reminders and tells each confirmed volunteer, only them.
// Jobs are made due by setting their run_at in SQL; nothing sleeps, everything polls.
import type { ParsedMail } from 'mailparser';
import { Role } from '../../../src/graphql/viewer';
import { formatWhen } from '../../../src/modules/needs/volunteer-opt-in';
import { startSmtpSink, SmtpSink } from '../../helpers/smtp-sink';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { waitFor } from '../../helpers/wait-for';
import { demoIds } from '../actors/demo-ids';
import { dbId, openNeed, VOLUNTEER } from './need-fixtures';

let sink: SmtpSink;
let a: TestHub;
let b: TestHub;
let svBuesum: string;
let admin: string;

const HOUR = 3_600_000;
const USE = `mutation($token: String!) { useLink(token: $token) { action ok message } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id startsAt } }`;
const CLOSE = `mutation($id: ID!) { closeNeed(id: $id) { id status } }`;

beforeAll(async () => {
  sink = await startSmtpSink();
  // Hundreds of concurrent requests queue for one row lock and the pool on a busy machine.
  const env = {
    SMTP_URL: sink.url,
    DB_CONNECT_TIMEOUT_MS: '30000',
    DB_STATEMENT_TIMEOUT_MS: '30000',
  };
  a = await startTestHub({ seed: true, env });
  // The second instance only runs jobs here: a small pool (the test server's connections are shared).
  b = await startTestHub({ databaseUrl: a.databaseUrl, env: { ...env, DB_POOL_SIZE: '4' } });
  svBuesum = (await demoIds(a)).actor('Sportverein Büsum');
  admin = await a.token(Role.ADMIN);
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await sink?.stop();
});

const db = () => a.hub.services.db;

/** Every mail of the outbox has been handed to SMTP, and the sink holds them all. */
async function mailsSettled(): Promise<void> {
  await waitFor(
    'every mail handed to SMTP and arrived at the sink',
    async () => {
      await Promise.all([a.runJobsUntilIdle(), b.runJobsUntilIdle()]);
      const [{ sent, open }] = await db().query<{ sent: number; open: number }>(
        `SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent,
                count(*) FILTER (WHERE status IN ('QUEUED', 'SENDING'))::int AS open
           FROM mail_outbox`,
      );
      return open === 0 && sink.mails.length >= sent;
    },
    { timeoutMs: 30_000 },
  );
}

function mailsTo(address: string): ParsedMail[] {
  return sink.mails.filter((_, i) => sink.recipients[i].includes(address));
}

function linkIn(m: ParsedMail, prefix: 'c-' | 'w-'): string {
  const urls = [...String(m.text).matchAll(/https?:\/\/\S+\/link\/(\S+)/g)].map((x) => x[1]);
  const token = urls.find((u) => u.startsWith(prefix));
  if (!token) throw new Error(`no ${prefix} link in the mail`);
  return token;
}

/** Volunteers for the need and, unless told not to, uses the confirm link of the mail. */
async function volunteerConfirmed(
  needId: string,
  email: string,
  confirm = true,
): Promise<{ pledgeId: number }> {
  const res = await a.gql<{ volunteer: { id: string } }>(VOLUNTEER, {
    input: { needId, name: 'Canary Helferin', email, quantity: 1, consent: true },
  });
  if (!res.data?.volunteer) throw new Error(JSON.stringify(res.errors));
  await mailsSettled();
  const [m] = mailsTo(email);
  if (confirm) {
    const ok = await a.gql<{ useLink: { ok: boolean } }>(USE, { token: linkIn(m, 'c-') });
    expect(ok.data!.useLink.ok).toBe(true);
  }
  return { pledgeId: dbId(res.data.volunteer.id) };
}

async function reminderJob(
  pledgeId: number,
): Promise<{ run_at: Date; payload: { id: number; startsAt: string } } | undefined> {
  const [job] = await db().query<{ run_at: Date; payload: { id: number; startsAt: string } }>(
    `SELECT run_at, payload FROM graphile_worker._private_jobs WHERE key = $1`,
    [`pledge-remind:${pledgeId}`],
  );
  return job;
}

async function makeDue(pledgeId: number): Promise<void> {
  await db().query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1`, [
    `pledge-remind:${pledgeId}`,
  ]);
}

const reminders = (address: string) =>
  mailsTo(address).filter((m) => m.subject?.startsWith('Erinnerung'));

describe('pledge reminders', () => {
  it('schedules one reminder 24 h before the start and sends it once across two instances', async () => {
    const startsAt = new Date(Date.now() + 72 * HOUR);
    const need = await openNeed(a, svBuesum, {
      title: 'Zelt aufbauen',
      startsAt: startsAt.toISOString(),
    });
    const unconfirmed = await volunteerConfirmed(need.id, 'noch-offen@example.org', false);
    const { pledgeId } = await volunteerConfirmed(need.id, 'einmal@example.org');
    // Only the confirmed pledge has a reminder, due 24 hours before the start.
    expect(await reminderJob(unconfirmed.pledgeId)).toBeUndefined();
    const job = await reminderJob(pledgeId);
    expect(job!.run_at.getTime()).toBe(startsAt.getTime() - 24 * HOUR);
    expect(job!.payload).toEqual({ id: pledgeId, startsAt: startsAt.toISOString() });

    // A second job for the same start (as after a lost job key or a crash mid-run), then both
    // instances run everything due at the same moment: still one mail.
    await db().query(`SELECT graphile_worker.add_job('needs.remindPledge', $1::json)`, [
      JSON.stringify(job!.payload),
    ]);
    await makeDue(pledgeId);
    await mailsSettled();
    const sent = reminders('einmal@example.org');
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe('Erinnerung: Zelt aufbauen');
    expect(sent[0].text).toContain(`Los geht es am ${formatWhen(startsAt)}.`);
    expect(sent[0].text).not.toContain('Canary'); // not even the volunteer's own name
    expect(String(sent[0].html)).toContain('>Meldung zurückziehen</a>');
    expect(reminders('noch-offen@example.org')).toHaveLength(0);
    const [row] = await db().query<{ reminder_sent_for: Date }>(
      'SELECT reminder_sent_for FROM pledge WHERE id = $1',
      [pledgeId],
    );
    expect(row.reminder_sent_for.getTime()).toBe(startsAt.getTime());

    // Run once more (a restart that finds the job again): nothing new.
    await db().query(`SELECT graphile_worker.add_job('needs.remindPledge', $1::json)`, [
      JSON.stringify(job!.payload),
    ]);
    await mailsSettled();
    expect(reminders('einmal@example.org')).toHaveLength(1);

    // The reminder's withdraw link works and frees the place.
    const w = await a.gql<{ useLink: { ok: boolean } }>(USE, { token: linkIn(sent[0], 'w-') });
    expect(w.data!.useLink.ok).toBe(true);
    const [p] = await db().query<{ status: string }>('SELECT status FROM pledge WHERE id = $1', [
      pledgeId,
    ]);
    expect(p.status).toBe('WITHDRAWN');
  });

  it('moves the reminder with startsAt; a start moved close reminds at once with the new time', async () => {
    const first = new Date(Date.now() + 72 * HOUR);
    const need = await openNeed(a, svBuesum, {
      title: 'Bänke tragen',
      startsAt: first.toISOString(),
    });
    const { pledgeId } = await volunteerConfirmed(need.id, 'verschoben@example.org');
    const later = new Date(Date.now() + 120 * HOUR);
    const moved = await a.gql(
      UPDATE,
      { id: need.id, input: { startsAt: later.toISOString() } },
      admin,
    );
    expect(moved.errors).toBeUndefined();
    const job = await reminderJob(pledgeId);
    expect(job!.run_at.getTime()).toBe(later.getTime() - 24 * HOUR);
    expect(job!.payload.startsAt).toBe(later.toISOString());

    // A job left over from the first start (scheduled before the move) sends nothing.
    await db().query(`SELECT graphile_worker.add_job('needs.remindPledge', $1::json)`, [
      JSON.stringify({ id: pledgeId, startsAt: first.toISOString() }),
    ]);
    await mailsSettled();
    expect(reminders('verschoben@example.org')).toHaveLength(0);

    // Moved to three hours from now: the reminder is due at once and names the new time.
    const soon = new Date(Date.now() + 3 * HOUR);
    await a.gql(UPDATE, { id: need.id, input: { startsAt: soon.toISOString() } }, admin);
    await waitFor('the reminder for the new time', async () => {
      await mailsSettled();
      return reminders('verschoben@example.org').length > 0;
    });
    const [m] = reminders('verschoben@example.org');
    expect(m.text).toContain(`Los geht es am ${formatWhen(soon)}.`);
    expect(m.text).not.toContain(formatWhen(later));
    await mailsSettled();
    expect(reminders('verschoben@example.org')).toHaveLength(1);
  });

  it('schedules nothing when the volunteer confirms less than 24 h before the start', async () => {
    const need = await openNeed(a, svBuesum, {
      startsAt: new Date(Date.now() + 5 * HOUR).toISOString(),
    });
    const { pledgeId } = await volunteerConfirmed(need.id, 'kurzfristig@example.org');
    expect(await reminderJob(pledgeId)).toBeUndefined();
    await mailsSettled();
    expect(reminders('kurzfristig@example.org')).toHaveLength(0);
  });

  it('closing the need drops the reminders and tells each confirmed volunteer, only them', async () => {
    const startsAt = new Date(Date.now() + 72 * HOUR);
    const need = await openNeed(a, svBuesum, {
      title: 'Grill betreuen',
      startsAt: startsAt.toISOString(),
    });
    const one = await volunteerConfirmed(need.id, 'abgesagt-1@example.org');
    const two = await volunteerConfirmed(need.id, 'abgesagt-2@example.org');
    await volunteerConfirmed(need.id, 'abgesagt-offen@example.org', false);
    expect(await reminderJob(one.pledgeId)).toBeDefined();

    const closed = await a.gql<{ closeNeed: { status: string } }>(CLOSE, { id: need.id }, admin);
    expect(closed.data!.closeNeed.status).toBe('CLOSED');
    expect(await reminderJob(one.pledgeId)).toBeUndefined();
    expect(await reminderJob(two.pledgeId)).toBeUndefined();
    await mailsSettled();
    for (const address of ['abgesagt-1@example.org', 'abgesagt-2@example.org']) {
      const cancelled = mailsTo(address).filter((m) => m.subject === 'Abgesagt: Grill betreuen');
      expect(cancelled).toHaveLength(1);
      expect(cancelled[0].text).toContain(`„Grill betreuen“ am ${formatWhen(startsAt)} abgesagt`);
      expect(cancelled[0].text).not.toMatch(/abgesagt-[^@\s]*@example\.org/);
    }
    // Each mail went to exactly one address.
    const idx = sink.mails.flatMap((m, i) => (m.subject === 'Abgesagt: Grill betreuen' ? [i] : []));
    // Two instances send in any order.
    expect(idx.map((i) => sink.recipients[i]).sort()).toEqual([
      ['abgesagt-1@example.org'],
      ['abgesagt-2@example.org'],
    ]);
    expect(mailsTo('abgesagt-offen@example.org').map((m) => m.subject)).toEqual([
      'Bitte bestätigen Sie Ihre Meldung: Grill betreuen',
    ]);
    // Closing again changes nothing and mails nobody.
    await a.gql(CLOSE, { id: need.id }, admin);
    await mailsSettled();
    expect(sink.mails.filter((m) => m.subject === 'Abgesagt: Grill betreuen')).toHaveLength(2);
  });

  it('closing a need whose start has passed tells its volunteers it ended', async () => {
    const need = await openNeed(a, svBuesum, {
      title: 'Aufräumen nach dem Fest',
      startsAt: new Date(Date.now() - HOUR).toISOString(),
    });
    await volunteerConfirmed(need.id, 'beendet@example.org');
    await a.gql(CLOSE, { id: need.id }, admin);
    await mailsSettled();
    const [m] = mailsTo('beendet@example.org').filter((x) => x.subject?.startsWith('Beendet'));
    expect(m.subject).toBe('Beendet: Aufräumen nach dem Fest');
    expect(m.text).toContain('hat die Suche „Aufräumen nach dem Fest“ beendet.');
  });

  it('declining a confirmed pledge drops its reminder', async () => {
    const need = await openNeed(a, svBuesum, {
      startsAt: new Date(Date.now() + 72 * HOUR).toISOString(),
    });
    const { pledgeId } = await volunteerConfirmed(need.id, 'abgelehnt@example.org');
    expect(await reminderJob(pledgeId)).toBeDefined();
    const declined = await a.gql(
      `mutation($id: ID!) { declinePledge(id: $id) { id status } }`,
      { id: Buffer.from(`Pledge:${pledgeId}`).toString('base64url') },
      admin,
    );
    expect(declined.errors).toBeUndefined();
    expect(await reminderJob(pledgeId)).toBeUndefined();
  });
});
