// The mails of event registrations through a real SMTP server and two hubs on one database:
// the double opt-in of a private person (confirm and withdraw links), a repeated registration
// that answers like a new one and mails the address's owner, the mail to whoever moves up from
// the waitlist (a private person; for an actor, the account that registered it), cancelEvent
// mailing everyone registered once, and the reminder 24 h before the start (once across
// instances, moved with the start, dropped by cancelling). Jobs are made due in SQL; no sleeps.
import type { ParsedMail } from 'mailparser';
import { Client } from 'pg';
import { Role } from '../../../src/graphql/viewer';
import { formatBerlin } from '../../../src/modules/mail/render';
import { startSmtpSink, SmtpSink } from '../../helpers/smtp-sink';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { waitFor } from '../../helpers/wait-for';
import { demoIds } from '../actors/demo-ids';
import { dbId } from '../needs/need-fixtures';

const HOUR = 3_600_000;
const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id startsAt } }`;
const REGISTER = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) {
  id status seats name email waitlistPosition } }`;
const USE = `mutation($token: String!) { useLink(token: $token) { action ok message } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id startsAt } }`;
const CANCEL_EVENT = `mutation($id: ID!, $reason: String) { cancelEvent(id: $id, reason: $reason) { id status } }`;
const CANCEL_REG = `mutation($id: ID!) { cancelRegistration(id: $id) { id status } }`;

interface Reg {
  id: string;
  status: string;
  seats: number;
  name: string | null;
  email: string | null;
  waitlistPosition: number | null;
}

let sink: SmtpSink;
/** Every log line of hub a, at trace level (the canary test reads them). */
const logLines: string[] = [];
let a: TestHub;
let b: TestHub;
let organizer: string;
let other: string;
let memberOrg: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  // Hundreds of concurrent requests queue for one row lock and the pool on a busy machine.
  const env = {
    SMTP_URL: sink.url,
    DB_CONNECT_TIMEOUT_MS: '30000',
    DB_STATEMENT_TIMEOUT_MS: '30000',
  };
  a = await startTestHub({
    seed: true,
    env,
    logStream: { write: (line: string) => void logLines.push(line) },
  });
  // The second instance only runs jobs here: a small pool (the test server's connections are shared).
  b = await startTestHub({ databaseUrl: a.databaseUrl, env: { ...env, DB_POOL_SIZE: '4' } });
  const ids = await demoIds(a);
  organizer = ids.actor('Sportverein Büsum');
  other = ids.actor('Sportverein Wesselburen');
  memberOrg = await a.token(Role.MEMBER, { actorIds: [organizer], sub: 'member-org' });
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await sink?.stop();
});

const db = () => a.hub.services.db;

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

/** Subjects in a fixed order: two instances send, so mails arrive in any order. */
const subjects = (mails: ParsedMail[]) => mails.map((m) => String(m.subject)).sort();

/** The opt-in mail (with the confirm and withdraw links) among an address's mails. */
const confirmMail = (mails: ParsedMail[]): ParsedMail => {
  const m = mails.find((x) => x.subject?.startsWith('Bitte bestätigen'));
  if (!m) throw new Error('no confirmation mail');
  return m;
};

const mailsTo = (address: string): ParsedMail[] =>
  sink.mails.filter((_, i) => sink.recipients[i].includes(address));

async function settledMailsTo(address: string): Promise<ParsedMail[]> {
  await mailsSettled();
  return mailsTo(address);
}

function linkIn(m: ParsedMail, prefix: 'c-' | 'w-'): string {
  const urls = [...String(m.text).matchAll(/https?:\/\/\S+\/link\/(\S+)/g)].map((x) => x[1]);
  const token = urls.find((u) => u.startsWith(prefix));
  if (!token) throw new Error(`no ${prefix} link in the mail`);
  return token;
}

async function createEvent(overrides: Record<string, unknown> = {}): Promise<string> {
  const startsAt = (overrides.startsAt as Date | undefined) ?? new Date(Date.now() + 72 * HOUR);
  const res = await a.gql<{ createEvent: { id: string } }>(
    CREATE,
    {
      input: {
        kind: 'STAMMTISCH',
        title: 'Ehrenamtsstammtisch',
        organizerId: organizer,
        venue: 'Dorfgemeinschaftshaus',
        ...overrides,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      },
    },
    memberOrg,
  );
  if (!res.data?.createEvent) throw new Error(JSON.stringify(res.errors));
  return res.data.createEvent.id;
}

const register = async (eventId: string, email: string, extra: Record<string, unknown> = {}) => {
  const res = await a.gql<{ registerForEvent: Reg }>(REGISTER, {
    input: { eventId, name: 'Kanarienvogel Gast', email, consent: true, ...extra },
  });
  if (!res.data?.registerForEvent) throw new Error(JSON.stringify(res.errors));
  return res.data.registerForEvent;
};

const useLink = async (token: string) =>
  (await a.gql<{ useLink: { action: string; ok: boolean; message: string } }>(USE, { token })).data!
    .useLink;

async function registration(id: string): Promise<{ status: string; reminder_sent_for: Date }> {
  const [row] = await db().query<{ status: string; reminder_sent_for: Date }>(
    'SELECT status, reminder_sent_for FROM event_registration WHERE id = $1',
    [dbId(id)],
  );
  return row;
}

async function reminderJob(regId: string) {
  const [job] = await db().query<{ run_at: Date; payload: { id: number; startsAt: string } }>(
    `SELECT run_at, payload FROM graphile_worker._private_jobs WHERE key = $1`,
    [`registration-remind:${dbId(regId)}`],
  );
  return job;
}

/** A MEMBER account of `actorId` and a session token for it. */
async function memberAccount(email: string, actorId: string): Promise<string> {
  const c = new Client({ connectionString: a.databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO account (email, display_name, role, actor_ids) VALUES ($1, 'Vorstand', 'MEMBER', $2) RETURNING id`,
      [email, [dbId(actorId)]],
    );
    const [found] = await a.hub.services.accounts.byIds([rows[0].id]);
    return (await a.hub.services.accounts.issueSession(found.account)).token;
  } finally {
    await c.end();
  }
}

describe('registration mails', () => {
  it('mails a private person confirm and withdraw links in German; confirming schedules the reminder', async () => {
    const startsAt = new Date(Date.now() + 72 * HOUR);
    const eventId = await createEvent({ title: 'Workshop Vereinsrecht', startsAt, capacity: 5 });
    const reg = await register(eventId, 'gast@example.org', { seats: 2 });
    expect(reg.status).toBe('UNCONFIRMED');
    const [m] = await settledMailsTo('gast@example.org');
    expect(m.subject).toBe('Bitte bestätigen Sie Ihre Anmeldung: Workshop Vereinsrecht');
    expect(m.text).toContain(
      `für „Workshop Vereinsrecht“ (Sportverein Büsum) am ${formatBerlin(startsAt)} angemeldet (2 Plätze).`,
    );
    expect(m.text).toContain('Ort: Dorfgemeinschaftshaus');
    expect(m.text).toContain('innerhalb von 48 Stunden');
    expect(m.text).not.toContain('Kanarienvogel');
    expect(String(m.html)).toContain('>Anmeldung bestätigen</a>');

    expect(await useLink(linkIn(m, 'c-'))).toEqual({
      action: 'CONFIRM',
      ok: true,
      message: 'Danke! Ihre Anmeldung ist bestätigt.',
    });
    expect((await registration(reg.id)).status).toBe('CONFIRMED');
    const job = await reminderJob(reg.id);
    expect(job.run_at.getTime()).toBe(startsAt.getTime() - 24 * HOUR);

    // The withdraw link cancels (seats free, reminder gone); a second click changes nothing.
    expect((await useLink(linkIn(m, 'w-'))).ok).toBe(true);
    expect((await registration(reg.id)).status).toBe('CANCELLED');
    expect(await reminderJob(reg.id)).toBeUndefined();
    expect((await useLink(linkIn(m, 'w-'))).ok).toBe(false);
    const [{ registered_seats }] = await db().query<{ registered_seats: number }>(
      'SELECT registered_seats FROM event WHERE id = $1',
      [dbId(eventId)],
    );
    expect(registered_seats).toBe(0);
  });

  it('answers a repeated registration like a new one, stores nothing and mails the owner', async () => {
    const eventId = await createEvent({ capacity: 1 });
    const first = await register(eventId, 'doppelt@example.org');
    await register(eventId, 'jemand-anders@example.org'); // fills the waitlist's first place
    const again = await register(eventId, 'doppelt@example.org', { name: 'Jemand Fremdes' });
    const fresh = await register(eventId, 'neu@example.org', { name: 'Jemand Fremdes' });
    // The same shape as a new registration of the same kind: waitlisted at the next place.
    expect(again).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2, seats: 1 });
    expect(again.name).toBe('Jemand Fremdes'); // only what the caller typed
    expect(fresh).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    expect(dbId(again.id)).toBeGreaterThan(dbId(first.id));
    const rows = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM event_registration WHERE event_id = $1 AND email = 'doppelt@example.org'`,
      [dbId(eventId)],
    );
    expect(rows[0].n).toBe(1);
    const mails = await settledMailsTo('doppelt@example.org');
    expect(subjects(mails)).toEqual(
      [
        'Bitte bestätigen Sie Ihre Anmeldung: Ehrenamtsstammtisch',
        'Sie sind schon angemeldet: Ehrenamtsstammtisch',
      ].sort(),
    );
    const repeat = mails.find((x) => x.subject?.startsWith('Sie sind schon'))!;
    expect(repeat.text).not.toMatch(/Jemand Fremdes|Kanarienvogel/);
    expect(repeat.text).not.toContain('/link/');
  });

  it('holds one registration per address under 100 concurrent repeats, each answered as new', async () => {
    const eventId = await createEvent({ capacity: 50 });
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        a.gql<{ registerForEvent: Reg }>(REGISTER, {
          input: { eventId, name: 'Viele', email: 'viele-male@example.org', consent: true },
        }),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data!.registerForEvent.status))).toEqual(
      new Set(['UNCONFIRMED']),
    );
    expect(new Set(results.map((r) => r.data!.registerForEvent.id)).size).toBe(100);
    const [row] = await db().query<{ n: number; seats: number }>(
      `SELECT count(*)::int AS n, (SELECT registered_seats FROM event WHERE id = $1) AS seats
         FROM event_registration WHERE event_id = $1`,
      [dbId(eventId)],
    );
    expect(row).toEqual({ n: 1, seats: 1 });
    const mails = await settledMailsTo('viele-male@example.org');
    expect(mails.filter((m) => m.subject?.startsWith('Bitte bestätigen'))).toHaveLength(1);
    expect(mails.filter((m) => m.subject?.startsWith('Sie sind schon angemeldet'))).toHaveLength(
      99,
    );
  });

  it('mails whoever moves up: a private person with a new confirm link, an actor via its account', async () => {
    const eventId = await createEvent({ capacity: 1, title: 'Infoabend Förderung' });
    await register(eventId, 'sitzt@example.org');
    const waiting = await register(eventId, 'wartet@example.org');
    const account = await memberAccount('vorstand-wesselburen@example.org', other);
    const actorReg = (
      await a.gql<{ registerForEvent: Reg }>(
        REGISTER,
        { input: { eventId, actorId: other } },
        account,
      )
    ).data!.registerForEvent;
    expect([waiting.status, actorReg.status]).toEqual(['WAITLISTED', 'WAITLISTED']);

    // The first seat is freed by its withdraw link: the private person moves up.
    const [seatMail] = await settledMailsTo('sitzt@example.org');
    expect((await useLink(linkIn(seatMail, 'w-'))).ok).toBe(true);
    const promoted = (await settledMailsTo('wartet@example.org')).filter(
      (m) => m.subject === 'Ein Platz ist frei: Infoabend Förderung',
    );
    expect(promoted).toHaveLength(1);
    expect(promoted[0].text).toContain('von der Warteliste nachgerückt');
    expect(promoted[0].text).toContain('innerhalb von 48 Stunden');
    expect(await useLink(linkIn(promoted[0], 'c-'))).toMatchObject({ ok: true });
    expect((await registration(waiting.id)).status).toBe('CONFIRMED');
    expect(await reminderJob(waiting.id)).toBeDefined();

    // The organizer cancels that one: the actor moves up and its account hears of it.
    const cancelled = await a.gql(CANCEL_REG, { id: waiting.id }, memberOrg);
    expect(cancelled.errors).toBeUndefined();
    expect(await reminderJob(waiting.id)).toBeUndefined();
    const forActor = (await settledMailsTo('vorstand-wesselburen@example.org')).filter(
      (m) => m.subject === 'Ein Platz ist frei: Infoabend Förderung',
    );
    expect(forActor).toHaveLength(1);
    expect(forActor[0].text).toContain('Der Platz ist fest für Sie reserviert.');
    expect(forActor[0].text).not.toContain('/link/');
    expect(await reminderJob(actorReg.id)).toBeDefined();
  });

  it('mails those who move up when the capacity is raised', async () => {
    const eventId = await createEvent({ capacity: 1, title: 'Mehr Plätze' });
    await register(eventId, 'erster@example.org');
    const w = await register(eventId, 'mehr-platz@example.org');
    expect(w.status).toBe('WAITLISTED');
    const raised = await a.gql(UPDATE, { id: eventId, input: { capacity: 2 } }, memberOrg);
    expect(raised.errors).toBeUndefined();
    const got = subjects(await settledMailsTo('mehr-platz@example.org'));
    expect(got).toEqual(
      [
        'Bitte bestätigen Sie Ihre Anmeldung: Mehr Plätze',
        'Ein Platz ist frei: Mehr Plätze',
      ].sort(),
    );
    expect(mailsTo('erster@example.org')).toHaveLength(1);
  });

  it('an actor registered with a minted token moves up without a mail (no address)', async () => {
    const eventId = await createEvent({ capacity: 1 });
    const seat = await register(eventId, 'platz@example.org');
    await mailsSettled();
    const before = sink.mails.length;
    const member = await a.token(Role.MEMBER, { actorIds: [other], sub: 'member-minted' });
    const reg = (
      await a.gql<{ registerForEvent: Reg }>(
        REGISTER,
        { input: { eventId, actorId: other } },
        member,
      )
    ).data!.registerForEvent;
    await a.gql(CANCEL_REG, { id: seat.id }, memberOrg);
    await mailsSettled();
    expect((await registration(reg.id)).status).toBe('CONFIRMED');
    expect(sink.mails.slice(before).map((m) => m.subject)).toEqual([]);
    expect(await reminderJob(reg.id)).toBeUndefined();
  });

  it('cancelEvent mails everyone registered once and drops the reminders', async () => {
    const eventId = await createEvent({ capacity: 2, title: 'Sommerfest der Vereine' });
    const confirmed = await register(eventId, 'bestaetigt@example.org');
    const [cm] = await settledMailsTo('bestaetigt@example.org');
    await useLink(linkIn(cm, 'c-'));
    await register(eventId, 'unbestaetigt@example.org');
    await register(eventId, 'warteliste@example.org');
    expect(await reminderJob(confirmed.id)).toBeDefined();

    const res = await a.gql(CANCEL_EVENT, { id: eventId, reason: 'Sturmwarnung' }, memberOrg);
    expect(res.errors).toBeUndefined();
    await a.gql(CANCEL_EVENT, { id: eventId }, memberOrg); // again: nothing more
    expect(await reminderJob(confirmed.id)).toBeUndefined();
    await mailsSettled();
    for (const to of [
      'bestaetigt@example.org',
      'unbestaetigt@example.org',
      'warteliste@example.org',
    ]) {
      const got = mailsTo(to).filter((m) => m.subject === 'Abgesagt: Sommerfest der Vereine');
      expect(got).toHaveLength(1);
      expect(got[0].text).toContain('Begründung der Veranstalter: Sturmwarnung');
      expect(got[0].text).not.toMatch(/Kanarienvogel|@example\.org/);
    }
    // The old confirm link of a cancelled event does nothing.
    const um = confirmMail(mailsTo('unbestaetigt@example.org'));
    expect((await useLink(linkIn(um, 'c-'))).ok).toBe(false);
  });

  it('reminds a confirmed registrant once across two instances, moved with the start', async () => {
    const startsAt = new Date(Date.now() + 72 * HOUR);
    const eventId = await createEvent({ title: 'Stammtisch Erinnerung', startsAt });
    const reg = await register(eventId, 'erinnern@example.org');
    const [m] = await settledMailsTo('erinnern@example.org');
    await useLink(linkIn(m, 'c-'));

    const later = new Date(Date.now() + 96 * HOUR);
    const moved = await a.gql(
      UPDATE,
      {
        id: eventId,
        input: {
          startsAt: later.toISOString(),
          endsAt: new Date(later.getTime() + HOUR).toISOString(),
        },
      },
      memberOrg,
    );
    expect(moved.errors).toBeUndefined();
    const job = await reminderJob(reg.id);
    expect(job.run_at.getTime()).toBe(later.getTime() - 24 * HOUR);
    expect(job.payload.startsAt).toBe(later.toISOString());

    // A stale job for the old start and a duplicate for the new one; everything due at once.
    for (const start of [startsAt, later]) {
      await db().query(`SELECT graphile_worker.add_job('events.remindRegistration', $1::json)`, [
        JSON.stringify({ id: dbId(reg.id), startsAt: start.toISOString() }),
      ]);
    }
    await db().query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1`, [
      `registration-remind:${dbId(reg.id)}`,
    ]);
    await mailsSettled();
    const reminders = mailsTo('erinnern@example.org').filter((x) =>
      x.subject?.startsWith('Erinnerung'),
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0].subject).toBe('Erinnerung: Stammtisch Erinnerung');
    expect(reminders[0].text).toContain(`am ${formatBerlin(later)}`);
    expect(reminders[0].text).not.toContain(formatBerlin(startsAt));
    expect((await registration(reg.id)).reminder_sent_for.getTime()).toBe(later.getTime());
  });

  it("keeps a canary registrant's name and e-mail to their own mails and the organizer's list", async () => {
    const CANARY = { name: 'Kanarie Anmeldung 9c2e', email: 'kanarie.9c2e@example.org' };
    const MARKER = /9c2e/i;
    const startsAt = new Date(Date.now() + 72 * HOUR);
    const eventId = await createEvent({ capacity: 1, title: 'Canary-Abend', startsAt });
    // The canary holds the only seat; two others wait; everything that mails happens once.
    const canary = await register(eventId, CANARY.email, { name: CANARY.name });
    await register(eventId, 'canary-nachbar-1@example.org');
    const account = await memberAccount('canary-konto@example.org', other);
    await a.gql(REGISTER, { input: { eventId, actorId: other } }, account);
    await register(eventId, CANARY.email, { name: 'Wiederholung' }); // a repeat
    const first = confirmMail(await settledMailsTo(CANARY.email));
    await useLink(linkIn(first, 'c-'));
    const later = new Date(startsAt.getTime() + 24 * HOUR);
    await a.gql(
      UPDATE,
      {
        id: eventId,
        input: {
          startsAt: later.toISOString(),
          endsAt: new Date(later.getTime() + HOUR).toISOString(),
        },
      },
      memberOrg,
    );
    await db().query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1`, [
      `registration-remind:${dbId(canary.id)}`,
    ]);
    await mailsSettled();
    // The organizer's editors see the canary in the registrations list; others do not.
    const LIST = `query($id: ID!) { node(id: $id) { ... on Event { registrations { name email } } } }`;
    const own = await a.gql(LIST, { id: eventId }, memberOrg);
    expect(JSON.stringify(own.data)).toContain(CANARY.email);
    for (const token of [undefined, account, await a.token(Role.NETWORKER)]) {
      expect(JSON.stringify(await a.gql(LIST, { id: eventId }, token))).not.toMatch(MARKER);
    }
    // The canary withdraws (the waitlist moves up, with mails), then the event is cancelled.
    await useLink(linkIn(first, 'w-'));
    await a.gql(CANCEL_EVENT, { id: eventId }, memberOrg);
    await mailsSettled();

    expect(subjects(mailsTo(CANARY.email))).toEqual(
      [
        'Bitte bestätigen Sie Ihre Anmeldung: Canary-Abend',
        'Sie sind schon angemeldet: Canary-Abend',
        'Erinnerung: Canary-Abend',
      ].sort(),
    );
    expect(subjects(mailsTo('canary-nachbar-1@example.org'))).toEqual(
      [
        'Bitte bestätigen Sie Ihre Anmeldung: Canary-Abend',
        'Ein Platz ist frei: Canary-Abend',
        'Abgesagt: Canary-Abend',
      ].sort(),
    );
    expect(mailsTo('canary-konto@example.org').map((m) => m.subject)).toEqual([
      'Abgesagt: Canary-Abend',
    ]);
    // No other mail carries the canary anywhere; its own carry the address only as recipient.
    sink.mails.forEach((m, i) => {
      const whole = `${m.subject}\n${m.text}\n${String(m.html)}`;
      if (!sink.recipients[i].includes(CANARY.email)) {
        expect({ to: sink.recipients[i], leaked: MARKER.test(whole + m.to) }).toEqual({
          to: sink.recipients[i],
          leaked: false,
        });
      } else {
        expect(whole).not.toMatch(MARKER);
      }
    });
    const [{ payloads }] = await db().query<{ payloads: string }>(
      `SELECT coalesce(string_agg(payload::text, ' '), '') AS payloads FROM graphile_worker._private_jobs`,
    );
    expect(payloads).not.toMatch(MARKER);
    const audit = await db().query<{ row: string }>(
      `SELECT row_to_json(a)::text AS row FROM audit_entry a`,
    );
    expect(audit.filter((r) => MARKER.test(r.row))).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((l) => MARKER.test(l))).toEqual([]);
  });
});
