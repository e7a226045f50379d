// Consultations through the real schema: asking, suggestions with German reasons, assignment
// within the pilot's capacity per Berlin calendar month (50 racing assignments for two slots),
// the thread with link-only mails, ANSWERED on the pilot's first reply, the one overdue
// reminder, closing and withdrawing, and the knowledge base with its German search.
import { Role, Viewer } from '../../../src/graphql/viewer';
import { berlinMonth } from '../../../src/modules/consultations/capacity-month';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { dbId, withPg } from '../needs/need-fixtures';
import {
  ask,
  ASSIGN,
  code,
  CONSULTATION,
  createPilot,
  must,
  pilotToken,
  REPLY,
} from './consultation-fixtures';

const DAY = 24 * 3600 * 1000;

interface Mail {
  recipient: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
}

describe('consultations', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: string;
  let coordinator: string;
  let coordinatorElsewhere: string;
  let member: string;
  let memberOther: string;
  let club: string;
  let seq = 0;

  const mails = (where = 'true', params: unknown[] = []) =>
    withPg(
      t,
      async (c) =>
        (await c.query(`SELECT * FROM mail_outbox WHERE ${where} ORDER BY id`, params))
          .rows as Mail[],
    );
  const count = (sql: string, params: unknown[] = []) =>
    withPg(t, async (c) => Number((await c.query(sql, params)).rows[0].n));
  /** A pilot (with an account that signs in as them) serving `regions`. */
  const pilot = async (overrides: Record<string, unknown> = {}) => {
    const email = `lotse${++seq}@example.org`;
    const accountId = await withPg(t, async (c) =>
      Number(
        (
          await c.query(
            `INSERT INTO account (email, display_name, role) VALUES ($1, $2, 'PILOT') RETURNING id`,
            [email, `Lotse ${seq}`],
          )
        ).rows[0].id,
      ),
    );
    const id = await createPilot(t, admin, {
      displayName: `Lotse ${seq}`,
      regionIds: [ids.region('Kreis Dithmarschen')],
      accountId: Buffer.from(`Account:${accountId}`).toString('base64url'),
      ...overrides,
    });
    return { id, email, token: await pilotToken(t, id) };
  };

  beforeAll(async () => {
    t = await startTestHub({
      seed: true,
      env: { DB_CONNECT_TIMEOUT_MS: '30000', DB_STATEMENT_TIMEOUT_MS: '30000' },
    });
    ids = await demoIds(t);
    admin = await t.token(Role.ADMIN);
    club = ids.actor('Sportverein Büsum');
    coordinator = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] });
    coordinatorElsewhere = await t.token(Role.COORDINATOR, {
      regionIds: [ids.region('Wesselburen')],
    });
    member = await t.token(Role.MEMBER, { actorIds: [club], sub: 'member-club' });
    memberOther = await t.token(Role.MEMBER, {
      actorIds: [ids.actor('Sportverein Wesselburen')],
    });
    // The club's board has an account: replies of the pilot are mailed there.
    await withPg(t, (c) =>
      c.query(
        `INSERT INTO account (email, display_name, role, actor_ids) VALUES ('vorstand@sv-buesum.example.org', 'Vorstand', 'MEMBER', $1)`,
        [[dbId(club)]],
      ),
    );
  }, 120_000);
  afterAll(() => t.stop());

  describe('askPilots', () => {
    const input = () => ({
      actorId: club,
      area: 'ASSOCIATION_LAW',
      subject: 'Vorstandswahl',
      question: 'Wie viele Stimmen braucht die Wahl?',
    });
    const ASK_ONLY = `mutation($input: AskPilotsInput!) { askPilots(input: $input) { id } }`;

    it("refuses PUBLIC and other actors' members, writing nothing", async () => {
      const before = await count('SELECT count(*) AS n FROM consultation');
      expect(code(await t.gql(ASK_ONLY, { input: input() }))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(ASK_ONLY, { input: input() }, memberOther))).toBe('FORBIDDEN');
      expect(code(await t.gql(ASK_ONLY, { input: input() }, coordinator))).toBe('FORBIDDEN');
      expect(await count('SELECT count(*) AS n FROM consultation')).toBe(before);
    });

    it('opens it for the asking club, due in 14 days, with an activity naming area and region', async () => {
      const res = await t.gql<{
        askPilots: { id: string; status: string; dueAt: string; createdAt: string };
      }>(
        `mutation($input: AskPilotsInput!) { askPilots(input: $input) { id status dueAt createdAt } }`,
        { input: input() },
        member,
      );
      const c = must(res).askPilots;
      expect(c.status).toBe('OPEN');
      expect(new Date(c.dueAt).getTime() - new Date(c.createdAt).getTime()).toBe(14 * DAY);
      const feed = await t.gql<{
        activity: { nodes: { type: string; summary: string; subject: { id: string } }[] };
      }>(
        `query($r: ID!) { activity(regionId: $r, types: [CONSULTATION_ASKED], first: 5) { nodes { type summary subject { id } } } }`,
        { r: ids.region('Büsum') },
        coordinator,
      );
      expect(must(feed).activity.nodes[0]).toEqual({
        type: 'CONSULTATION_ASKED',
        summary: 'Neue Frage an die Lotsen: Vereinsrecht (Büsum)',
        subject: { id: c.id },
      });
    });

    it('refuses a blank subject or question by name', async () => {
      for (const field of ['subject', 'question']) {
        const res = await t.gql(ASK_ONLY, { input: { ...input(), [field]: ' \u200b ' } }, member);
        expect(code(res)).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.extensions?.field).toBe(field);
      }
    });
  });

  describe('suggestedPilots', () => {
    it('ranks fitting pilots with capacity first, with German reasons, for coordinators only', async () => {
      const near = await pilot({ regionIds: [ids.region('Büsum')], monthlyCapacity: 3 });
      const far = await pilot({ monthlyCapacity: 2 }); // the whole Kreis
      const full = await pilot({ regionIds: [ids.region('Büsum')], monthlyCapacity: 0 });
      const otherArea = await pilot({ areas: ['TAX'], regionIds: [ids.region('Büsum')] });
      const elsewhere = await pilot({ regionIds: [ids.region('Wesselburen')] });
      const id = await ask(t, member, club, { area: 'ASSOCIATION_LAW' });
      const res = await t.gql<{
        node: { suggestedPilots: { score: number; reasons: string[]; pilot: { id: string } }[] };
      }>(CONSULTATION, { id }, coordinator);
      const got = must(res).node.suggestedPilots;
      const order = got.map((s) => s.pilot.id);
      expect(order).not.toContain(otherArea.id);
      expect(order).not.toContain(elsewhere.id);
      // Among these three (earlier tests' pilots may be listed too): near, far, then full.
      const mine = order.filter((p) => [near.id, far.id, full.id].includes(p));
      expect(mine).toEqual([near.id, far.id, full.id]);
      expect(got.find((s) => s.pilot.id === near.id)!.reasons).toEqual([
        'Fachgebiet: Vereinsrecht',
        'Zuständig für Büsum',
        'Diesen Monat noch 3 von 3 Beratungen frei',
      ]);
      expect(got.find((s) => s.pilot.id === far.id)!.reasons[1]).toBe(
        'Zuständig für Kreis Dithmarschen und damit auch für Büsum',
      );
      const fullOne = got.find((s) => s.pilot.id === full.id)!;
      expect(fullOne.reasons[2]).toBe('Diesen Monat keine Beratung mehr frei (0 von 0 vergeben)');
      expect(
        Math.max(...got.filter((s) => s.pilot.id !== full.id).map((s) => s.score)),
      ).toBeGreaterThan(1);
      expect(fullOne.score).toBeLessThan(1);
      const asMember = await t.gql<{ node: { suggestedPilots: unknown[] } }>(
        CONSULTATION,
        { id },
        member,
      );
      expect(must(asMember).node.suggestedPilots).toEqual([]);
    });
  });

  describe('assignConsultation', () => {
    it('refuses members and coordinators elsewhere (for whom it does not exist), writing nothing', async () => {
      const p = await pilot();
      const id = await ask(t, member, club);
      expect(code(await t.gql(ASSIGN, { id, pilotId: p.id }))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(ASSIGN, { id, pilotId: p.id }, member))).toBe('FORBIDDEN');
      expect(code(await t.gql(ASSIGN, { id, pilotId: p.id }, coordinatorElsewhere))).toBe(
        'NOT_FOUND',
      );
      expect(code(await t.gql(ASSIGN, { id, pilotId: p.id }, admin))).toBe('NOT_FOUND');
      expect(
        await count('SELECT count(*) AS n FROM pilot_month_load WHERE pilot_id = $1', [dbId(p.id)]),
      ).toBe(0);
    });

    it('assigns, mails the pilot a link without the question, and holds the capacity unless overridden', async () => {
      const p = await pilot({ monthlyCapacity: 1 });
      const first = await ask(t, member, club, { question: 'Geheime Frage Nummer eins' });
      const second = await ask(t, member, club);
      const res = await t.gql<{ assignConsultation: { status: string; pilot: { id: string } } }>(
        ASSIGN,
        { id: first, pilotId: p.id },
        coordinator,
      );
      expect(must(res).assignConsultation).toMatchObject({
        status: 'ASSIGNED',
        pilot: expect.objectContaining({ id: p.id }),
      });
      const [mail] = await mails('recipient = $1', [p.email]);
      expect(mail.kind).toBe('consultation-assigned');
      expect(mail.subject).toBe('Neue Anfrage an Sie: Vereinsrecht');
      expect(mail.text).toContain(`/app#/lotsen/${first}`);
      expect(mail.text + mail.html + mail.subject).not.toContain('Geheime Frage');
      expect(mail.text).not.toContain('Frage zur Satzung');

      const refused = await t.gql(ASSIGN, { id: second, pilotId: p.id }, coordinator);
      expect(code(refused)).toBe('CONFLICT');
      expect(refused.errors?.[0]?.extensions?.reason).toBe('PILOT_CAPACITY');
      const forced = await t.gql<{ assignConsultation: { status: string } }>(
        ASSIGN,
        { id: second, pilotId: p.id, over: true },
        coordinator,
      );
      expect(must(forced).assignConsultation.status).toBe('ASSIGNED');
      const load = await t.gql<{ node: { openConsultationCount: number } }>(
        `query($id: ID!) { node(id: $id) { ... on Pilot { openConsultationCount } } }`,
        { id: p.id },
        coordinator,
      );
      expect(must(load).node.openConsultationCount).toBe(2);
    });

    // The brief's case, and hundreds at once as every limit of the hub is tested.
    it.each([
      [50, 2],
      [200, 5],
    ])(
      'gives %i concurrent assignments of one pilot with capacity %i exactly that many slots',
      async (n, capacity) => {
        const p = await pilot({ monthlyCapacity: capacity });
        const cs: string[] = [];
        for (let i = 0; i < n; i++) cs.push(await ask(t, member, club, { subject: `Frage ${i}` }));
        const results = await Promise.all(
          cs.map((id) => t.gql(ASSIGN, { id, pilotId: p.id }, coordinator)),
        );
        const codes = results.map((r) => (r.errors ? String(code(r)) : 'OK'));
        expect(codes.filter((c) => c === 'OK')).toHaveLength(capacity);
        expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(n - capacity);
        expect(
          await count(`SELECT count(*) AS n FROM consultation WHERE pilot_id = $1`, [dbId(p.id)]),
        ).toBe(capacity);
        expect(
          await count(`SELECT assigned AS n FROM pilot_month_load WHERE pilot_id = $1`, [
            dbId(p.id),
          ]),
        ).toBe(capacity);
        // Only the accepted assignments mailed the pilot.
        expect(await mails('recipient = $1', [p.email])).toHaveLength(capacity);
      },
      180_000,
    );

    it('gives the slot back when a consultation is reassigned or withdrawn before an answer', async () => {
      const p = await pilot({ monthlyCapacity: 1 });
      const q = await pilot({ monthlyCapacity: 1 });
      const load = (who: { id: string }) =>
        count(`SELECT coalesce(sum(assigned), 0) AS n FROM pilot_month_load WHERE pilot_id = $1`, [
          dbId(who.id),
        ]);
      const a = await ask(t, member, club);
      must(await t.gql(ASSIGN, { id: a, pilotId: p.id }, coordinator));
      expect(await load(p)).toBe(1);
      must(await t.gql(ASSIGN, { id: a, pilotId: q.id }, coordinator));
      expect([await load(p), await load(q)]).toEqual([0, 1]);
      // p has its slot again; q's goes back with the withdrawal.
      const b = await ask(t, member, club);
      must(await t.gql(ASSIGN, { id: b, pilotId: p.id }, coordinator));
      must(
        await t.gql(
          `mutation($id: ID!) { withdrawConsultation(id: $id) { id } }`,
          { id: a },
          member,
        ),
      );
      expect([await load(p), await load(q)]).toEqual([1, 0]);
      // The reminder job of the withdrawn one is gone, the other's is pending.
      const keys = await withPg(t, async (c) =>
        (
          await c.query(`SELECT key FROM graphile_worker.jobs WHERE key = ANY($1::text[])`, [
            [`consultation-remind:${dbId(a)}`, `consultation-remind:${dbId(b)}`],
          ])
        ).rows.map((r) => r.key),
      );
      expect(keys).toEqual([`consultation-remind:${dbId(b)}`]);
    });

    it('lets the coordinator set another due date, moving the reminder, without a second slot', async () => {
      const p = await pilot({ monthlyCapacity: 1 });
      const id = await ask(t, member, club);
      must(await t.gql(ASSIGN, { id, pilotId: p.id }, coordinator));
      const SET_DUE = `mutation($id: ID!, $p: ID!, $due: DateTime) { assignConsultation(id: $id, pilotId: $p, dueAt: $due) { dueAt } }`;
      const past = await t.gql(
        SET_DUE,
        { id, p: p.id, due: new Date(Date.now() - DAY).toISOString() },
        coordinator,
      );
      expect([code(past), past.errors?.[0]?.extensions?.field]).toEqual([
        'BAD_USER_INPUT',
        'dueAt',
      ]);
      const due = new Date(Date.now() + 3 * DAY);
      const res = must(
        await t.gql<{ assignConsultation: { dueAt: string } }>(
          SET_DUE,
          { id, p: p.id, due: due.toISOString() },
          coordinator,
        ),
      );
      expect(new Date(res.assignConsultation.dueAt).getTime()).toBe(due.getTime());
      const job = await withPg(
        t,
        async (c) =>
          (
            await c.query(`SELECT run_at FROM graphile_worker.jobs WHERE key = $1`, [
              `consultation-remind:${dbId(id)}`,
            ])
          ).rows,
      );
      expect(job.map((j) => new Date(j.run_at).getTime())).toEqual([due.getTime()]);
      expect(
        await count(`SELECT assigned AS n FROM pilot_month_load WHERE pilot_id = $1`, [dbId(p.id)]),
      ).toBe(1);
      expect(
        await mails(`recipient = $1 AND kind = 'consultation-assigned'`, [p.email]),
      ).toHaveLength(1);
    });

    it('counts capacity per calendar month in Europe/Berlin', async () => {
      // 23:30 UTC on 28 February is 00:30 on 1 March in Berlin; 22:30 UTC is still February.
      expect(berlinMonth(new Date('2027-02-28T22:30:00Z'))).toBe('2027-02-01');
      expect(berlinMonth(new Date('2027-02-28T23:30:00Z'))).toBe('2027-03-01');
      // Summer time: 22:00 UTC on 31 March is midnight of 1 April (CEST).
      expect(berlinMonth(new Date('2027-03-31T21:59:00Z'))).toBe('2027-03-01');
      expect(berlinMonth(new Date('2027-03-31T22:00:00Z'))).toBe('2027-04-01');

      const p = await pilot({ monthlyCapacity: 1 });
      const viewer: Viewer = {
        role: Role.COORDINATOR,
        sub: 'month-test',
        actorIds: [],
        regionIds: [dbId(ids.region('Büsum'))],
        ip: 'test',
      };
      const assign = (id: string, at: string) =>
        t.hub.services.consultationAssignment.assign(
          viewer,
          dbId(id),
          dbId(p.id),
          false,
          new Date(at),
        );
      const [a, b, c] = [
        await ask(t, member, club),
        await ask(t, member, club),
        await ask(t, member, club),
      ];
      await assign(a, '2027-02-28T22:30:00Z'); // February's slot
      await assign(b, '2027-02-28T23:30:00Z'); // March's slot, though the same UTC day
      await expect(assign(c, '2027-03-15T12:00:00Z')).rejects.toMatchObject({ code: 'CONFLICT' });
      const months = await withPg(
        t,
        async (q) =>
          (
            await q.query(
              `SELECT to_char(month, 'YYYY-MM-DD') AS month, assigned FROM pilot_month_load WHERE pilot_id = $1 ORDER BY month`,
              [dbId(p.id)],
            )
          ).rows,
      );
      expect(months).toEqual([
        { month: '2027-02-01', assigned: 1 },
        { month: '2027-03-01', assigned: 1 },
      ]);
      // A new month, a new slot.
      await assign(c, '2027-04-01T08:00:00Z');
    });
  });

  describe('replyToConsultation', () => {
    it('answers on the pilot’s first reply and mails the other side a link only', async () => {
      const p = await pilot();
      const id = await ask(t, member, club, { question: 'Dürfen wir Spenden quittieren?' });
      must(await t.gql(ASSIGN, { id, pilotId: p.id }, coordinator));
      expect(code(await t.gql(REPLY, { id, body: 'Hallo' }, memberOther))).toBe('NOT_FOUND');

      const asked = await t.gql<{ replyToConsultation: { status: string } }>(
        REPLY,
        { id, body: 'Nachtrag: es geht um Sachspenden' },
        member,
      );
      expect(must(asked).replyToConsultation.status).toBe('ASSIGNED');
      const toPilot = await mails(`recipient = $1 AND kind = 'consultation-message'`, [p.email]);
      expect(toPilot).toHaveLength(1);
      expect(toPilot[0].text).toContain(`/app#/lotsen/${id}`);
      expect(toPilot[0].text + toPilot[0].html).not.toMatch(/Sachspenden|Spenden quittieren/);

      const answered = await t.gql<{
        replyToConsultation: { status: string; messages: { author: string; body: string }[] };
      }>(REPLY, { id, body: 'Ja, mit dem amtlichen Muster.' }, p.token);
      const r = must(answered).replyToConsultation;
      expect(r.status).toBe('ANSWERED');
      expect(r.messages.map((m) => m.author)).toEqual([
        'Sportverein Büsum',
        expect.stringMatching(/^Lotse /),
      ]);
      const toBoard = await mails(
        `recipient = 'vorstand@sv-buesum.example.org' AND kind = 'consultation-message'`,
      );
      expect(toBoard.length).toBeGreaterThan(0);
      expect(toBoard.at(-1)!.text + toBoard.at(-1)!.html).not.toMatch(/amtlichen Muster|Spenden/);
      const feed = await t.gql<{
        activity: { nodes: { summary: string; subject: { id: string } }[] };
      }>(
        `query($r: ID!) { activity(regionId: $r, types: [CONSULTATION_ANSWERED], first: 1) { nodes { summary subject { id } } } }`,
        { r: ids.region('Büsum') },
        member,
      );
      expect(must(feed).activity.nodes[0]).toEqual({
        summary: 'Die Lotsen haben geantwortet: Vereinsrecht (Büsum)',
        subject: { id },
      });
      // A second reply of the pilot answers nothing again.
      must(await t.gql(REPLY, { id, body: 'Noch ein Hinweis.' }, p.token));
      expect(
        await count(
          `SELECT count(*) AS n FROM activity WHERE type = 'CONSULTATION_ANSWERED' AND subject_id = $1`,
          [String(dbId(id))],
        ),
      ).toBe(1);
    });

    it('refuses replies once closed or withdrawn', async () => {
      const id = await ask(t, member, club);
      must(
        await t.gql(`mutation($id: ID!) { closeConsultation(id: $id) { status } }`, { id }, member),
      );
      expect(code(await t.gql(REPLY, { id, body: 'Noch was' }, member))).toBe('CONFLICT');
      const w = await ask(t, member, club);
      expect(
        code(
          await t.gql(
            `mutation($id: ID!) { withdrawConsultation(id: $id) { status } }`,
            { id: w },
            coordinator,
          ),
        ),
      ).toBe('FORBIDDEN');
      const withdrawn = await t.gql<{ withdrawConsultation: { status: string } }>(
        `mutation($id: ID!) { withdrawConsultation(id: $id) { status } }`,
        { id: w },
        member,
      );
      expect(must(withdrawn).withdrawConsultation.status).toBe('WITHDRAWN');
      expect(code(await t.gql(REPLY, { id: w, body: 'Doch nicht' }, member))).toBe('CONFLICT');
    });
  });

  describe('overdue consultations', () => {
    it('show in the coordinator’s overdue list and remind the pilot once', async () => {
      const p = await pilot();
      const id = await ask(t, member, club);
      must(await t.gql(ASSIGN, { id, pilotId: p.id }, coordinator));
      const key = `consultation-remind:${dbId(id)}`;
      const job = await withPg(
        t,
        async (c) =>
          (await c.query(`SELECT run_at FROM graphile_worker.jobs WHERE key = $1`, [key])).rows[0],
      );
      expect(new Date(job.run_at).getTime() - Date.now()).toBeGreaterThan(13.9 * DAY);

      await withPg(t, async (c) => {
        await c.query(`UPDATE consultation SET due_at = now() - interval '1 day' WHERE id = $1`, [
          dbId(id),
        ]);
        await c.query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1`, [
          key,
        ]);
      });
      const overdue = await t.gql<{ consultations: { nodes: { id: string }[] } }>(
        `{ consultations(filter: { overdue: true }, first: 100) { nodes { id } } }`,
        {},
        coordinator,
      );
      expect(must(overdue).consultations.nodes.map((n) => n.id)).toContain(id);
      await t.runJobsUntilIdle();
      const reminders = () => mails(`recipient = $1 AND kind = 'consultation-overdue'`, [p.email]);
      expect(await reminders()).toHaveLength(1);
      // Run again (a retried job, a second instance): still one reminder.
      await t.hub.services.consultations.remindOverdue(dbId(id));
      expect(await reminders()).toHaveLength(1);
      expect((await reminders())[0].text).toContain(`/app#/lotsen/${id}`);
    });
  });

  describe('knowledge base', () => {
    const PUBLISH = `mutation($input: PublishAnswerInput!) { publishAnswer(input: $input) {
      id title area region { name } consultation { id } } }`;
    const ARTICLES = `query($text: String) { knowledgeArticles(text: $text, first: 10) {
      totalCount nodes { id title consultation { id } } } }`;

    it('publishes an answered consultation for everyone, linked back only for its parties', async () => {
      const p = await pilot();
      const id = await ask(t, member, club, { area: 'INSURANCE' });
      const input = {
        consultationId: id,
        title: 'Sind Helfende beim Vereinsfest versichert?',
        body: 'Ehrenamtliche sind über die Sammelversicherung des Landes geschützt.',
      };
      expect(code(await t.gql(PUBLISH, { input }, coordinator))).toBe('CONFLICT');
      must(await t.gql(ASSIGN, { id, pilotId: p.id }, coordinator));
      must(await t.gql(REPLY, { id, body: 'Ja, über die Sammelversicherung.' }, p.token));
      expect(code(await t.gql(PUBLISH, { input }, member))).toBe('FORBIDDEN');
      expect(code(await t.gql(PUBLISH, { input }, admin))).toBe('NOT_FOUND');
      const published = must(
        await t.gql<{
          publishAnswer: {
            id: string;
            consultation: { id: string } | null;
            region: { name: string };
          };
        }>(PUBLISH, { input }, coordinator),
      ).publishAnswer;
      expect(published.consultation).toEqual({ id });
      expect(published.region.name).toBe('Büsum');

      // German search: a stem (versichert ~ Versicherung), a compound part, a typo.
      for (const text of ['Versicherung', 'Vereinsfest', 'Helfende versichert', 'Vereinsfets']) {
        const found = must(
          await t.gql<{ knowledgeArticles: { nodes: { id: string }[] } }>(ARTICLES, { text }),
        );
        expect(found.knowledgeArticles.nodes.map((n) => n.id)).toContain(published.id);
      }
      // The global search lists it among actors, needs and offers.
      const global = must(
        await t.gql<{ search: { __typename: string; id?: string }[] }>(
          `{ search(text: "Sammelversicherung Vereinsfest") { __typename ... on KnowledgeArticle { id title } } }`,
        ),
      );
      expect(global.search).toContainEqual(
        expect.objectContaining({ __typename: 'KnowledgeArticle', id: published.id }),
      );
      const none = must(
        await t.gql<{ knowledgeArticles: { totalCount: number } }>(ARTICLES, {
          text: 'Steuererklärung',
        }),
      );
      expect(none.knowledgeArticles.totalCount).toBe(0);
      const pub = must(
        await t.gql<{ knowledgeArticles: { nodes: { id: string; consultation: unknown }[] } }>(
          ARTICLES,
          { text: 'Vereinsfest' },
        ),
      );
      expect(
        pub.knowledgeArticles.nodes.find((n) => n.id === published.id)!.consultation,
      ).toBeNull();
      const other = must(
        await t.gql<{ knowledgeArticles: { nodes: { id: string; consultation: unknown }[] } }>(
          ARTICLES,
          { text: 'Vereinsfest' },
          memberOther,
        ),
      );
      expect(
        other.knowledgeArticles.nodes.find((n) => n.id === published.id)!.consultation,
      ).toBeNull();
      const mine = must(
        await t.gql<{ knowledgeArticles: { nodes: { id: string; consultation: unknown }[] } }>(
          ARTICLES,
          { text: 'Vereinsfest' },
          member,
        ),
      );
      expect(mine.knowledgeArticles.nodes.find((n) => n.id === published.id)!.consultation).toEqual(
        { id },
      );
    });
  });
});
