// Issue 23 item 5: `volunteer` must not tell anyone whether an e-mail already volunteered. A
// repeated sign-up answers the caller exactly like a new one and mails the address's owner.
import { startSmtpSink, SmtpSink } from '../helpers/smtp-sink';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed } from '../modules/needs/need-fixtures';

let sink: SmtpSink;
let t: TestHub;
let svBuesum: string;

const VOLUNTEER = `mutation($input: VolunteerInput!) {
  volunteer(input: $input) { id status quantity emailConfirmed volunteerName volunteerEmail note createdAt }
}`;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestHub({ seed: true, env: { SMTP_URL: sink.url } });
  svBuesum = (await demoIds(t)).actor('Sportverein Büsum');
});
afterAll(async () => {
  await t?.stop();
  await sink?.stop();
});

type Answer = Record<string, unknown>;
const signUp = async (needId: string, email: string): Promise<Answer> => {
  const r = await t.gql<{ volunteer: Answer }>(VOLUNTEER, {
    input: { needId, name: 'Angreifer', email, quantity: 1, consent: true, message: 'Hallo' },
  });
  if (!r.data?.volunteer) throw new Error(JSON.stringify(r.errors));
  return r.data.volunteer;
};

/** The answer without what differs between any two sign-ups (the id and the time). */
const shape = ({ id, createdAt, volunteerEmail, ...rest }: Answer) => ({
  ...rest,
  volunteerEmail: typeof volunteerEmail,
  id: typeof id,
  createdAt: typeof createdAt,
});

it('answers a repeated sign-up exactly like a new one and mails the address owner', async () => {
  const need = await openNeed(t, svBuesum, { quantity: 10 });
  // The victim signs up and confirms nothing yet; later someone probes the address.
  const victim = await signUp(need.id, 'opfer@example.org');
  const probe = await signUp(need.id, 'opfer@example.org');
  const fresh = await signUp(need.id, 'neu@example.org');

  expect(shape(probe)).toEqual(shape(fresh));
  expect(probe).toMatchObject({ status: 'PENDING', quantity: 1, emailConfirmed: false });
  expect(probe.volunteerName).toBe('Angreifer'); // only what this caller typed
  expect(probe.volunteerEmail).toBe('opfer@example.org');
  expect(probe.id).not.toBe(victim.id);
  expect(new Date(probe.createdAt as string).getTime()).toBeGreaterThan(
    new Date(victim.createdAt as string).getTime(),
  );

  await t.runJobsUntilIdle();
  await sink.waitForMails(3);
  const toVictim = sink.mails.filter((_, i) => sink.recipients[i].includes('opfer@example.org'));
  expect(toVictim.map((m) => m.subject)).toEqual([
    expect.stringMatching(/^Bitte bestätigen Sie Ihre Meldung/),
    expect.stringMatching(/^Sie sind schon gemeldet/),
  ]);
  // The owner's mail carries nothing the prober typed.
  expect(String(toVictim[1].text)).not.toMatch(/Angreifer|Hallo/);
  // Nothing was stored for the probe: one live pledge for the address.
  const [{ n }] = await t.hub.services.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pledge WHERE volunteer_email = 'opfer@example.org'`,
  );
  expect(n).toBe(1);
});

it('refuses a repeat on a full need exactly as a new sign-up', async () => {
  const need = await openNeed(t, svBuesum, { quantity: 1 });
  await signUp(need.id, 'voll@example.org');
  const input = (email: string) => ({
    input: { needId: need.id, name: 'X', email, quantity: 1, consent: true },
  });
  const repeat = await t.gql(VOLUNTEER, input('voll@example.org'));
  const fresh = await t.gql(VOLUNTEER, input('anders@example.org'));
  expect(repeat.errors?.[0].extensions?.code).toBe('CONFLICT');
  expect(repeat.errors).toEqual(fresh.errors);
});
