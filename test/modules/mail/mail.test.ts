// Mail through a real SMTP server: the outbox row is written in the caller's transaction, the
// mail.send job hands it to SMTP once, a dead SMTP server keeps mails queued until it is back,
// and /metrics shows counts without personal data.
import { renderMail } from '../../../src/modules/mail/render';
import { startSmtpSink, SmtpSink } from '../../helpers/smtp-sink';
import { startTestHub, TestHub } from '../../helpers/test-hub';

let sink: SmtpSink;
let t: TestHub;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestHub({ env: { SMTP_URL: sink.url, MAIL_FROM: 'Hub Test <hub@example.org>' } });
});
afterAll(async () => {
  await t?.stop();
  await sink?.stop();
});

const outbox = () =>
  t.hub.services.db.query<{ id: number; status: string; attempts: number; last_error: string }>(
    'SELECT id, status, attempts, last_error FROM mail_outbox ORDER BY id',
  );

const mail = (to: string, subject = 'Bitte bestätigen Sie Ihre Anmeldung') => {
  const r = renderMail({
    subject,
    heading: 'Danke, dass Sie helfen',
    paragraphs: ['Bitte bestätigen Sie Ihre Adresse <b>jetzt</b>.'],
    actions: [{ label: 'Anmeldung bestätigen', url: 'http://127.0.0.1:1/link/abc' }],
  });
  return { to, kind: 'test-mail', ...r };
};

describe('mail', () => {
  it('writes nothing when the caller transaction rolls back', async () => {
    const { db, mail: m } = t.hub.services;
    await expect(
      db.transaction(async (tx) => {
        await m.enqueue(tx, mail('rollback@example.org'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await t.runJobsUntilIdle();
    expect(await outbox()).toEqual([]);
    expect(sink.mails).toHaveLength(0);
  });

  it('sends a committed mail once through SMTP, German text and accessible HTML', async () => {
    const { db, mail: m } = t.hub.services;
    await db.transaction((tx) => m.enqueue(tx, mail('Anna.Beispiel@Example.org')));
    await t.runJobsUntilIdle();
    const [got] = await sink.waitForMails(1);
    expect(sink.recipients[0]).toEqual(['anna.beispiel@example.org']);
    expect(got.from?.text).toBe('"Hub Test" <hub@example.org>');
    expect(got.subject).toBe('Bitte bestätigen Sie Ihre Anmeldung');
    expect(got.text).toContain('Bitte bestätigen Sie Ihre Adresse <b>jetzt</b>.');
    expect(got.text).toContain('http://127.0.0.1:1/link/abc');
    const html = String(got.html);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1');
    expect(html).toContain('&#60;b&#62;jetzt&#60;/b&#62;');
    expect(html).toMatch(
      /<a href="http:\/\/127\.0\.0\.1:1\/link\/abc"[^>]*>Anmeldung bestätigen<\/a>/,
    );
    expect(await outbox()).toMatchObject([{ status: 'SENT', attempts: 1 }]);

    // Running the job again (another instance, a retry) sends nothing more.
    const [{ id }] = await outbox();
    await t.hub.services.queue.add(db.primary, 'mail.send', { id });
    await t.runJobsUntilIdle();
    expect(sink.mails).toHaveLength(1);
  });

  it('keeps mails queued while SMTP is down and sends them when it is back', async () => {
    const { db, mail: m } = t.hub.services;
    const port = sink.port;
    const before = sink.mails.length;
    await sink.stop();
    await db.transaction((tx) => m.enqueue(tx, mail('bernd@example.org', 'Erinnerung')));
    await t.runJobsUntilIdle();
    const queued = (await outbox()).at(-1)!;
    expect(queued).toMatchObject({ status: 'QUEUED', attempts: 1 });
    expect(queued.last_error).toMatch(/^[A-Z]+/);
    expect(queued.last_error).not.toContain('bernd');

    sink = await startSmtpSink(port);
    // The retry is due later (backoff); make it due now instead of waiting.
    await db.query(`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    await t.runJobsUntilIdle();
    await sink.waitForMails(1);
    expect(sink.mails[0].subject).toBe('Erinnerung');
    expect((await outbox()).at(-1)).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(before).toBe(1);
  });

  it('counts mails and jobs at /metrics without personal data', async () => {
    const res = await fetch(`${t.hub.url}/metrics`);
    const body = await res.text();
    expect(body).toMatch(/hub_mails\{kind="test-mail",status="sent"\} 2/);
    expect(body).toMatch(/hub_job_queue_jobs\{state="pending"\} \d+/);
    expect(body).not.toMatch(/example\.org|anna|bernd/i);
  });

  it('has no /mailbox while mails go out through SMTP', async () => {
    const res = await fetch(`${t.hub.url}/mailbox`);
    expect(res.status).toBe(404);
  });
});

describe('renderMail', () => {
  it('escapes everything and refuses links that are not http(s)', () => {
    const r = renderMail({
      subject: 'Zeile\r\nBcc: x@example.org',
      heading: '<script>alert(1)</script>',
      paragraphs: ['"Anführungszeichen" & <i>Tags</i>'],
      footer: '<img src=x>',
    });
    expect(r.subject).toBe('Zeile Bcc: x@example.org');
    expect(r.html).not.toMatch(/<script|<i>|<img/);
    expect(r.html).toContain('&#60;script&#62;');
    expect(r.text).toContain('"Anführungszeichen" & <i>Tags</i>');
    expect(() =>
      renderMail({
        subject: 's',
        heading: 'h',
        paragraphs: [],
        actions: [{ label: 'x', url: 'javascript:alert(1)' }],
      }),
    ).toThrow(/http/);
  });
});
