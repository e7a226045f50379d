// Surveys through the real schema: creating (coordinators of the region only, questions
// checked), opening (one invitation per actor of the audience in the region and below, mails
// with a personal answer link, actors without an address listed for phoning), answering by
// token or as a member (replaced while open, 100 racing submissions leave one response,
// validation naming the question, a token only for its survey and only while open),
// reminders (only the silent ones, at most once every 3 days, 30 racing calls send one),
// results, response rates, the CSV, and the canary: an answer text reaches coordinators only.
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { dbId, withPg } from '../needs/need-fixtures';
import {
  answerTokens,
  CLOSE,
  code,
  CREATE,
  createSurvey,
  must,
  OPEN,
  QUESTIONS,
  REMIND,
  SUBMIT,
  SURVEY,
} from './survey-fixtures';

describe('surveys', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let admin: string;
  let coordinator: string;
  let coordinatorElsewhere: string;
  let networker: string;
  let wesselburen: string;
  let amt: string;

  const count = (sql: string, params: unknown[] = []) =>
    withPg(t, async (c) => Number((await c.query(sql, params)).rows[0].n));
  const titleOf = async (surveyId: string) =>
    withPg(t, async (c) =>
      String(
        (await c.query('SELECT title FROM survey WHERE id = $1', [dbId(surveyId)])).rows[0].title,
      ),
    );
  /** Actors of Wesselburen of the kinds, as the invitation query finds them. */
  const wesselburenActors = (kinds: string[]) =>
    withPg(
      t,
      async (c) =>
        (
          await c.query<{ id: number; reachable: boolean }>(
            `SELECT a.id, (a.contact_email IS NOT NULL AND a.contact_email <> '') AS reachable
             FROM actor a JOIN region r ON r.id = a.region_id
            WHERE r.name = 'Wesselburen' AND a.kind::text = ANY($1)`,
            [kinds],
          )
        ).rows,
    );

  const opened = async (extra: Record<string, unknown> = {}) => {
    const s = await createSurvey(t, coordinator, wesselburen, {
      audience: ['CLUB', 'SCHOOL'],
      ...extra,
    });
    must(await t.gql(OPEN, { id: s.id }, coordinator));
    return { ...s, title: await titleOf(s.id) };
  };
  const q = (s: { questions: { id: string }[] }, i: number) => s.questions[i].id;
  const answersFor = (s: { questions: { id: string }[] }, text = 'Alles gut') => [
    { questionId: q(s, 0), choices: ['wöchentlich'] },
    { questionId: q(s, 1), choices: ['Räume', 'Geld'] },
    { questionId: q(s, 2), text },
    { questionId: q(s, 3), number: 120 },
    { questionId: q(s, 4), number: 4 },
  ];

  beforeAll(async () => {
    t = await startTestHub({
      seed: true,
      env: { DB_CONNECT_TIMEOUT_MS: '30000', DB_STATEMENT_TIMEOUT_MS: '30000' },
    });
    ids = await demoIds(t);
    wesselburen = ids.region('Wesselburen');
    amt = ids.region('Amt Büsum-Wesselburen');
    admin = await t.token(Role.ADMIN);
    coordinator = await t.token(Role.COORDINATOR, { regionIds: [wesselburen] });
    coordinatorElsewhere = await t.token(Role.COORDINATOR, { regionIds: [ids.region('Büsum')] });
    networker = await t.token(Role.NETWORKER, { regionIds: [wesselburen] });
  }, 120_000);

  afterAll(() => t?.stop());

  describe('createSurvey', () => {
    const input = () => ({ title: 'Abfrage', regionId: wesselburen, questions: QUESTIONS });

    it('is refused without a sign-in, to members and to coordinators elsewhere; nothing written', async () => {
      const member = await t.token(Role.MEMBER, {
        actorIds: [ids.actor('Sportverein Wesselburen')],
      });
      const before = await count('SELECT count(*) AS n FROM survey');
      expect(code(await t.gql(CREATE, { input: input() }))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(CREATE, { input: input() }, member))).toBe('FORBIDDEN');
      expect(code(await t.gql(CREATE, { input: input() }, networker))).toBe('FORBIDDEN');
      expect(code(await t.gql(CREATE, { input: input() }, coordinatorElsewhere))).toBe('FORBIDDEN');
      expect(await count('SELECT count(*) AS n FROM survey')).toBe(before);
    });

    it('creates a DRAFT survey with question ids, hidden from everyone but its coordinators', async () => {
      const s = await createSurvey(t, coordinator, wesselburen);
      expect(s.questions.map((x) => x.kind)).toEqual(QUESTIONS.map((x) => x.kind));
      const seen = async (token?: string) =>
        (
          await t.gql<{ node: { id: string } | null }>(
            `query($id: ID!) { node(id: $id) { id } }`,
            { id: s.id },
            token,
          )
        ).data?.node != null;
      expect(await seen()).toBe(false);
      expect(await seen(networker)).toBe(false);
      expect(await seen(coordinatorElsewhere)).toBe(false);
      expect(await seen(coordinator)).toBe(true);
      expect(await seen(admin)).toBe(true);
    });

    it.each([
      [{ questions: [] }, 'questions'],
      [
        { questions: [{ kind: 'SINGLE_CHOICE', text: 'Wie?', options: ['nur eine'] }] },
        'questions[0].options',
      ],
      [{ questions: [{ kind: 'NEED', text: 'Was brauchen Sie?' }] }, 'questions[0].needKind'],
      [{ questions: [{ kind: 'TEXT', text: '   ' }] }, 'questions[0].text'],
      [{ title: '' }, 'title'],
      [{ closesAt: '2020-01-01T00:00:00Z' }, 'closesAt'],
    ])('rejects %j naming %s, writing nothing', async (bad, field) => {
      const before = await count('SELECT count(*) AS n FROM survey');
      const res = await t.gql(CREATE, { input: { ...input(), ...bad } }, coordinator);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(await count('SELECT count(*) AS n FROM survey')).toBe(before);
    });

    it('copies the questions of an earlier survey (copyFromId), only one the caller runs', async () => {
      const first = await createSurvey(t, coordinator, wesselburen);
      const res = await t.gql<{ createSurvey: { questions: { text: string }[] } }>(
        CREATE,
        {
          input: {
            title: 'Abfrage 2027',
            regionId: wesselburen,
            questions: [],
            copyFromId: first.id,
          },
        },
        coordinator,
      );
      expect(must(res).createSurvey.questions.map((x) => x.text)).toEqual(
        QUESTIONS.map((x) => x.text),
      );
      const elsewhere = await t.gql(
        CREATE,
        {
          input: {
            title: 'Kopie',
            regionId: ids.region('Büsum'),
            questions: [],
            copyFromId: first.id,
          },
        },
        coordinatorElsewhere,
      );
      expect(code(elsewhere)).toBe('NOT_FOUND');
    });
  });

  describe('openSurvey', () => {
    it('is refused to coordinators elsewhere and members; nothing written', async () => {
      const s = await createSurvey(t, coordinator, wesselburen);
      const member = await t.token(Role.MEMBER, {
        actorIds: [ids.actor('Sportverein Wesselburen')],
      });
      const before = await count('SELECT count(*) AS n FROM survey_invitation');
      expect(code(await t.gql(OPEN, { id: s.id }))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(OPEN, { id: s.id }, member))).toBe('FORBIDDEN');
      expect(code(await t.gql(OPEN, { id: s.id }, coordinatorElsewhere))).toBe('FORBIDDEN');
      expect(await count('SELECT count(*) AS n FROM survey_invitation')).toBe(before);
      expect(
        await count(`SELECT count(*) AS n FROM survey WHERE id = $1 AND status = 'DRAFT'`, [
          dbId(s.id),
        ]),
      ).toBe(1);
    });

    it('invites each actor of the audience once, mails an answer link, lists those without an address', async () => {
      const expected = await wesselburenActors(['CLUB', 'SCHOOL']);
      expect(expected.some((a) => a.reachable)).toBe(true);
      expect(expected.some((a) => !a.reachable)).toBe(true);
      const s = await opened();
      const res = await t.gql<{
        node: { status: string; invitedCount: number; unreachableActors: { id: string }[] };
      }>(SURVEY, { id: s.id }, coordinator);
      const node = must(res).node;
      expect(node.invitedCount).toBe(expected.length);
      expect(node.unreachableActors.map((a) => dbId(a.id)).sort()).toEqual(
        expected
          .filter((a) => !a.reachable)
          .map((a) => Number(a.id))
          .sort(),
      );
      const mails = await answerTokens(t, s.title);
      expect(mails).toHaveLength(expected.filter((a) => a.reachable).length);
      expect(mails.every((m) => m.kind === 'survey-invitation' && m.token)).toBe(true);
      expect(new Set(mails.map((m) => m.token)).size).toBe(mails.length);
      expect(
        await count(
          `SELECT count(*) AS n FROM activity WHERE type = 'SURVEY_OPENED' AND subject_id = $1`,
          [dbId(s.id)],
        ),
      ).toBe(1);
      // Opening again: CONFLICT, no second invitation.
      expect(code(await t.gql(OPEN, { id: s.id }, coordinator))).toBe('CONFLICT');
      expect(
        await count('SELECT count(*) AS n FROM survey_invitation WHERE survey_id = $1', [
          dbId(s.id),
        ]),
      ).toBe(expected.length);
    });

    it('invites the actors of the regions below, of every kind with an empty audience', async () => {
      const s = await createSurvey(t, admin, amt);
      must(await t.gql(OPEN, { id: s.id }, admin));
      const all = await count(
        `SELECT count(*) AS n FROM actor a JOIN region r ON r.id = a.region_id
          WHERE r.path LIKE (SELECT path FROM region WHERE id = $1) || '%'`,
        [dbId(amt)],
      );
      expect(
        await count('SELECT count(*) AS n FROM survey_invitation WHERE survey_id = $1', [
          dbId(s.id),
        ]),
      ).toBe(all);
      const rates = must(
        await t.gql<{ node: { responseRates: { region: { name: string }; invited: number }[] } }>(
          SURVEY,
          { id: s.id },
          admin,
        ),
      ).node.responseRates;
      const row = rates.find((r) => r.region.name === 'Wesselburen');
      expect(row?.invited).toBe(
        (
          await wesselburenActors([
            'CLUB',
            'SCHOOL',
            'INITIATIVE',
            'MUNICIPALITY',
            'ADVISORY_BOARD',
            'FIRE_BRIGADE',
            'RELIGIOUS_COMMUNITY',
            'OTHER',
            'NETWORK_ROLE',
            'VOLUNTEER_AGENCY',
            'COMPANY',
            'FOUNDATION',
          ])
        ).length,
      );
    });
  });

  describe('submitSurveyResponse', () => {
    it('takes the token from the mail, without a sign-in, and replaces the answers while open', async () => {
      const s = await opened();
      const [mail] = await answerTokens(t, s.title);
      const first = await t.gql<{ submitSurveyResponse: { id: string; actor: { id: string } } }>(
        SUBMIT,
        {
          input: {
            surveyId: s.id,
            invitationToken: mail.token,
            answers: answersFor(s, 'Erste Antwort'),
          },
        },
      );
      const r1 = must(first).submitSurveyResponse;
      const again = must(
        await t.gql<{ submitSurveyResponse: { id: string; answers: { text: string | null }[] } }>(
          SUBMIT,
          {
            input: {
              surveyId: s.id,
              invitationToken: mail.token,
              answers: answersFor(s, 'Zweite Antwort'),
            },
          },
        ),
      ).submitSurveyResponse;
      expect(again.id).toBe(r1.id);
      expect(again.answers.map((a) => a.text)).toContain('Zweite Antwort');
      expect(
        await count('SELECT count(*) AS n FROM survey_response WHERE survey_id = $1', [dbId(s.id)]),
      ).toBe(1);
      expect(
        await count(
          `SELECT count(*) AS n FROM activity WHERE type = 'SURVEY_RESPONDED' AND subject_id = $1`,
          [dbId(s.id)],
        ),
      ).toBe(1);
      const node = must(
        await t.gql<{ node: { respondedCount: number } }>(SURVEY, { id: s.id }, coordinator),
      ).node;
      expect(node.respondedCount).toBe(1);
    });

    it('names the question of a bad answer and writes nothing', async () => {
      const s = await opened();
      const [mail] = await answerTokens(t, s.title);
      const cases: Array<[unknown[], RegExp]> = [
        [answersFor(s).slice(1), /question 1 \(Wie oft trifft sich Ihr Verein\?\) is required/],
        [
          [...answersFor(s).slice(0, 4), { questionId: q(s, 4), number: 6 }],
          /question 5 .* 1 to 5/,
        ],
        [[{ questionId: q(s, 0), choices: ['täglich'] }], /question 1 .* not one of its options/],
        [
          [{ questionId: q(s, 0), choices: ['wöchentlich', 'monatlich'] }],
          /question 1 .* exactly one/,
        ],
        [[{ questionId: 'q99', choices: ['x'] }], /not a question of this survey/],
      ];
      for (const [answers, message] of cases) {
        const res = await t.gql(SUBMIT, {
          input: { surveyId: s.id, invitationToken: mail.token, answers },
        });
        expect(code(res)).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].message).toMatch(message);
      }
      expect(
        await count('SELECT count(*) AS n FROM survey_response WHERE survey_id = $1', [dbId(s.id)]),
      ).toBe(0);
    });

    it('takes a token only for its survey and its actor, and only while the survey is open', async () => {
      const s = await opened();
      const other = await opened();
      const [mail] = await answerTokens(t, s.title);
      const foreign = await t.gql(SUBMIT, {
        input: { surveyId: other.id, invitationToken: mail.token, answers: answersFor(other) },
      });
      expect(code(foreign)).toBe('FORBIDDEN');
      const wrongActor = await t.gql(SUBMIT, {
        input: {
          surveyId: s.id,
          invitationToken: mail.token,
          actorId: ids.actor('Grundschule Büsum'),
          answers: answersFor(s),
        },
      });
      expect(code(wrongActor)).toBe('FORBIDDEN');
      const garbage = await t.gql(SUBMIT, {
        input: { surveyId: s.id, invitationToken: `a-${'x'.repeat(43)}`, answers: answersFor(s) },
      });
      expect(code(garbage)).toBe('FORBIDDEN');
      must(await t.gql(CLOSE, { id: s.id }, coordinator));
      const late = await t.gql(SUBMIT, {
        input: { surveyId: s.id, invitationToken: mail.token, answers: answersFor(s) },
      });
      expect(code(late)).toBe('CONFLICT');
      expect(
        await count('SELECT count(*) AS n FROM survey_response WHERE survey_id = ANY($1)', [
          [dbId(s.id), dbId(other.id)],
        ]),
      ).toBe(0);
    });

    it('lets a member answer for its own actor only; PUBLIC without a token is UNAUTHENTICATED', async () => {
      const s = await opened();
      const club = ids.actor('Sportverein Wesselburen');
      const member = await t.token(Role.MEMBER, { actorIds: [club] });
      const otherMember = await t.token(Role.MEMBER, {
        actorIds: [ids.actor('Kulturkreis Wesselburen')],
      });
      expect(
        code(
          await t.gql(SUBMIT, { input: { surveyId: s.id, actorId: club, answers: answersFor(s) } }),
        ),
      ).toBe('UNAUTHENTICATED');
      expect(
        code(
          await t.gql(
            SUBMIT,
            { input: { surveyId: s.id, actorId: club, answers: answersFor(s) } },
            otherMember,
          ),
        ),
      ).toBe('FORBIDDEN');
      const notInvited = await t.token(Role.MEMBER, {
        actorIds: [ids.actor('Repair-Café Wesselburen')],
      });
      expect(
        code(
          await t.gql(
            SUBMIT,
            {
              input: {
                surveyId: s.id,
                actorId: ids.actor('Repair-Café Wesselburen'),
                answers: answersFor(s),
              },
            },
            notInvited,
          ),
        ),
      ).toBe('FORBIDDEN');
      const ok = must(
        await t.gql<{ submitSurveyResponse: { actor: { id: string } } }>(
          SUBMIT,
          { input: { surveyId: s.id, actorId: club, answers: answersFor(s) } },
          member,
        ),
      );
      expect(ok.submitSurveyResponse.actor.id).toBe(club);
    });

    it('keeps one response per actor when 100 submissions race', async () => {
      const s = await opened();
      const club = ids.actor('Sportverein Wesselburen');
      const member = await t.token(Role.MEMBER, { actorIds: [club] });
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          t.gql<{ submitSurveyResponse: { id: string } }>(
            SUBMIT,
            { input: { surveyId: s.id, actorId: club, answers: answersFor(s, `Antwort ${i}`) } },
            member,
          ),
        ),
      );
      const responseIds = new Set(results.map((r) => must(r).submitSurveyResponse.id));
      expect(responseIds.size).toBe(1);
      expect(
        await count('SELECT count(*) AS n FROM survey_response WHERE survey_id = $1', [dbId(s.id)]),
      ).toBe(1);
      expect(
        await count(
          `SELECT count(*) AS n FROM activity WHERE type = 'SURVEY_RESPONDED' AND subject_id = $1`,
          [dbId(s.id)],
        ),
      ).toBe(1);
    }, 120_000);
  });

  describe('remindSurvey', () => {
    it('mails only those who have not answered, at most once every 3 days, held by the database', async () => {
      const s = await opened();
      const mails = await answerTokens(t, s.title);
      must(
        await t.gql(SUBMIT, {
          input: { surveyId: s.id, invitationToken: mails[0].token, answers: answersFor(s) },
        }),
      );
      const answeredInvitations = 1;
      const reachable = await count(
        'SELECT count(*) AS n FROM survey_invitation WHERE survey_id = $1 AND reachable',
        [dbId(s.id)],
      );
      expect(code(await t.gql(REMIND, { id: s.id }, coordinatorElsewhere))).toBe('FORBIDDEN');
      const racing = await Promise.all(
        Array.from({ length: 30 }, () =>
          t.gql<{ remindSurvey: number }>(REMIND, { id: s.id }, coordinator),
        ),
      );
      const ok = racing.filter((r) => !r.errors);
      expect(ok).toHaveLength(1);
      expect(racing.filter((r) => code(r) === 'CONFLICT')).toHaveLength(29);
      expect(ok[0].data!.remindSurvey).toBe(reachable - answeredInvitations);
      const reminders = (await answerTokens(t, s.title)).filter(
        (m) => m.kind === 'survey-reminder',
      );
      expect(reminders.map((m) => m.recipient)).not.toContain(mails[0].recipient);
      // Three days later one more reminder is allowed.
      await withPg(t, (c) =>
        c.query(
          `UPDATE survey SET last_reminded_at = now() - interval '3 days 1 minute' WHERE id = $1`,
          [dbId(s.id)],
        ),
      );
      expect(
        must(await t.gql<{ remindSurvey: number }>(REMIND, { id: s.id }, coordinator)).remindSurvey,
      ).toBe(reachable - answeredInvitations);
    }, 60_000);
  });

  describe('results', () => {
    it('counts options, averages numbers, and gives a CSV with BOM and neutralised formulas', async () => {
      const s = await opened();
      const club = ids.actor('Sportverein Wesselburen');
      const school = ids.actor('Grundschule Wesselburen');
      const m1 = await t.token(Role.MEMBER, { actorIds: [club] });
      const m2 = await t.token(Role.MEMBER, { actorIds: [school] });
      must(
        await t.gql(
          SUBMIT,
          { input: { surveyId: s.id, actorId: club, answers: answersFor(s, '=HYPERLINK("x")') } },
          m1,
        ),
      );
      const second = answersFor(s, 'Schön; „Grüße“').map((a) =>
        a.questionId === q(s, 4)
          ? { ...a, number: 2 }
          : a.questionId === q(s, 0)
            ? { ...a, choices: ['monatlich'] }
            : a,
      );
      must(
        await t.gql(SUBMIT, { input: { surveyId: s.id, actorId: school, answers: second } }, m2),
      );
      const node = must(
        await t.gql<{
          node: {
            csvUrl: string;
            results: {
              answered: number;
              average: number | null;
              optionCounts: { option: string; count: number }[];
            }[];
          };
        }>(SURVEY, { id: s.id }, coordinator),
      ).node;
      expect(node.results[0].optionCounts).toEqual([
        { option: 'wöchentlich', count: 1 },
        { option: 'monatlich', count: 1 },
      ]);
      expect(node.results[1].optionCounts).toEqual([
        { option: 'Räume', count: 2 },
        { option: 'Helfende', count: 0 },
        { option: 'Geld', count: 2 },
      ]);
      expect(node.results[4].average).toBe(3);
      expect(node.results[3].average).toBe(120);
      expect(node.results[2].average).toBeNull();
      const csvAs = (token?: string) =>
        fetch(node.csvUrl, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect((await csvAs()).status).toBe(401);
      expect((await csvAs(coordinatorElsewhere)).status).toBe(404);
      expect((await csvAs(networker)).status).toBe(404);
      const res = await csvAs(coordinator);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toBe(['Akteur', 'Abgegeben', ...QUESTIONS.map((x) => x.text)].join(';'));
      expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
      expect(lines[2]).toContain('"Schön; „Grüße“"');
    });
  });

  describe('a repeated survey', () => {
    it('shows the change against the previous round per matching question', async () => {
      const club = ids.actor('Sportverein Wesselburen');
      const member = await t.token(Role.MEMBER, { actorIds: [club] });
      const scale = (s: { questions: { id: string }[] }, n: number) =>
        answersFor(s).map((a) => (a.questionId === q(s, 4) ? { ...a, number: n } : a));
      const first = await opened();
      must(
        await t.gql(
          SUBMIT,
          { input: { surveyId: first.id, actorId: club, answers: scale(first, 2) } },
          member,
        ),
      );
      const copied = must(
        await t.gql<{ createSurvey: { id: string; questions: { id: string }[] } }>(
          CREATE,
          {
            input: {
              title: `Wiederholung ${Date.now()}`,
              regionId: wesselburen,
              audience: ['CLUB'],
              questions: [],
              copyFromId: first.id,
            },
          },
          coordinator,
        ),
      ).createSurvey;
      must(await t.gql(OPEN, { id: copied.id }, coordinator));
      must(
        await t.gql(
          SUBMIT,
          { input: { surveyId: copied.id, actorId: club, answers: scale(copied, 5) } },
          member,
        ),
      );
      const res = await t.gql<{
        node: {
          results: {
            average: number | null;
            averageChange: number | null;
            previous: { average: number | null; optionCounts: { count: number }[] } | null;
          }[];
        };
      }>(
        `query($id: ID!) { node(id: $id) { ... on Survey { results { average averageChange
           previous { average optionCounts { count } } } } } }`,
        { id: copied.id },
        coordinator,
      );
      const results = must(res).node.results;
      expect(results[4]).toEqual({
        average: 5,
        averageChange: 3,
        previous: { average: 2, optionCounts: [] },
      });
      expect(results[0].previous?.optionCounts.map((o) => o.count)).toEqual([1, 0]);
      // Without a previous round: null.
      const plain = must(
        await t.gql<{ node: { results: { previous: unknown }[] } }>(
          `query($id: ID!) { node(id: $id) { ... on Survey { results { previous { average } } } } }`,
          { id: first.id },
          coordinator,
        ),
      );
      expect(plain.node.results.every((r) => r.previous === null)).toBe(true);
    });
  });

  describe('the canary', () => {
    it('an answer text reaches the survey coordinators and no one else', async () => {
      const canary = `Kanarienvogel-${Date.now()}`;
      const s = await opened();
      const club = ids.actor('Sportverein Wesselburen');
      const member = await t.token(Role.MEMBER, { actorIds: [club] });
      const r = must(
        await t.gql<{ submitSurveyResponse: { id: string } }>(
          SUBMIT,
          { input: { surveyId: s.id, actorId: club, answers: answersFor(s, canary) } },
          member,
        ),
      ).submitSurveyResponse;
      const probe = async (token?: string) => {
        const res = await t.gql(
          `query($s: ID!, $r: ID!, $region: ID!) {
            survey: node(id: $s) { ... on Survey { results { optionCounts { option } } responses(first: 100) { totalCount nodes { answers { text } } } } }
            response: node(id: $r) { ... on SurveyResponse { answers { text } } }
            surveys(regionId: $region) { id results { answered } responses { nodes { answers { text } } } }
            activity(regionId: $region, first: 100) { nodes { summary } }
            search(text: "${canary}", first: 10) { __typename }
          }`,
          { s: s.id, r: r.id, region: wesselburen },
          token,
        );
        return JSON.stringify(res);
      };
      const member2 = await t.token(Role.MEMBER, {
        actorIds: [ids.actor('Kulturkreis Wesselburen')],
      });
      for (const token of [undefined, member, member2, networker, coordinatorElsewhere]) {
        expect(await probe(token)).not.toContain(canary);
      }
      expect(await probe(coordinator)).toContain(canary);
      const logs = await count(
        `SELECT count(*) AS n FROM activity WHERE summary LIKE '%' || $1 || '%'`,
        [canary],
      );
      expect(logs).toBe(0);
      expect(
        await count(`SELECT count(*) AS n FROM audit_entry x WHERE x::text LIKE '%' || $1 || '%'`, [
          canary,
        ]),
      ).toBe(0);
      expect(
        await count(`SELECT count(*) AS n FROM mail_outbox WHERE text LIKE '%' || $1 || '%'`, [
          canary,
        ]),
      ).toBe(0);
    });
  });
});
