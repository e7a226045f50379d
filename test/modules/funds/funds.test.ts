// Engagement funds through the real schema: programmes of a region, applications with their
// checks (deadline, eligibility, maximum grant, FUNDING need), board reviews with the quorum
// and the conflict of interest, decisions against the budget (1,000 racing approvals for a
// budget of 100), payments, the use report, and the public ledger as GraphQL and CSV.
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { dbId, openNeed, withPg } from '../needs/need-fixtures';
import {
  APPLY,
  code,
  CREATE_PROGRAMME,
  createBoard,
  createProgramme,
  DECIDE,
  ext,
  globalId,
  must,
  PAY,
  PROGRAMME,
  REPORT,
  REVIEW,
  SUBMIT,
  submitted,
} from './funding-fixtures';

interface Mail {
  recipient: string;
  kind: string;
  subject: string;
  text: string;
}

describe('engagement funds', () => {
  let t: TestHub;
  let admin: string;
  let coordinator: string;
  let coordinatorElsewhere: string;
  let member: string;
  let memberOther: string;
  let boardMember: string;
  let boardMember2: string;
  let conflicted: string;
  let club: string;
  let clubOther: string;
  let buesum: string;
  let board: string;
  let seq = 0;

  const count = (sql: string, params: unknown[] = []) =>
    withPg(t, async (c) => Number((await c.query(sql, params)).rows[0].n));
  const mails = (where = 'true', params: unknown[] = []) =>
    withPg(
      t,
      async (c) =>
        (await c.query(`SELECT * FROM mail_outbox WHERE ${where} ORDER BY id`, params))
          .rows as Mail[],
    );
  const programme = (input: Record<string, unknown> = {}) =>
    createProgramme(t, coordinator, {
      name: `Ehrenamtsbudget ${++seq}`,
      regionId: buesum,
      boardId: board,
      maxGrantCents: 100_000,
      ...input,
    });
  const input = (programmeId: string, extra: Record<string, unknown> = {}) => ({
    programmeId,
    applicantId: club,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestHub({
      seed: true,
      env: { DB_CONNECT_TIMEOUT_MS: '60000', DB_STATEMENT_TIMEOUT_MS: '60000' },
    });
    const ids = await demoIds(t);
    admin = await t.token(Role.ADMIN);
    buesum = ids.region('Büsum');
    club = ids.actor('Sportverein Büsum');
    clubOther = ids.actor('Sportverein Wesselburen');
    board = await createBoard(t, dbId(buesum), 'Engagementbeirat Büsum');
    coordinator = await t.token(Role.COORDINATOR, { regionIds: [buesum], sub: 'coord-buesum' });
    coordinatorElsewhere = await t.token(Role.COORDINATOR, {
      regionIds: [ids.region('Wesselburen')],
    });
    member = await t.token(Role.MEMBER, { actorIds: [club], sub: 'member-club' });
    memberOther = await t.token(Role.MEMBER, { actorIds: [clubOther], sub: 'member-other' });
    boardMember = await t.token(Role.MEMBER, { actorIds: [board], sub: 'beirat-1' });
    boardMember2 = await t.token(Role.MEMBER, { actorIds: [board], sub: 'beirat-2' });
    conflicted = await t.token(Role.MEMBER, { actorIds: [board, club], sub: 'beirat-verein' });
    // The club's board has an account: decisions are mailed there.
    await withPg(t, (c) =>
      c.query(
        `INSERT INTO account (email, display_name, role, actor_ids)
         VALUES ('kasse@sv-buesum.example.org', 'Kasse', 'MEMBER', $1)`,
        [[dbId(club)]],
      ),
    );
  }, 180_000);
  afterAll(() => t?.stop());

  describe('createFundingProgramme', () => {
    const base = () => ({
      name: 'Budget',
      regionId: buesum,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      budgetCents: 500_000,
    });

    it('refuses PUBLIC, members and coordinators elsewhere, writing nothing', async () => {
      const before = await count('SELECT count(*) AS n FROM funding_programme');
      expect(code(await t.gql(CREATE_PROGRAMME, { input: base() }))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(CREATE_PROGRAMME, { input: base() }, member))).toBe('FORBIDDEN');
      expect(code(await t.gql(CREATE_PROGRAMME, { input: base() }, coordinatorElsewhere))).toBe(
        'FORBIDDEN',
      );
      expect(await count('SELECT count(*) AS n FROM funding_programme')).toBe(before);
    });

    it.each([
      ['boardId', { boardId: 'CLUB' }],
      ['maxGrantCents', { maxGrantCents: 600_000 }],
      ['periodEnd', { periodEnd: '2025-12-31' }],
      ['budgetCents', { budgetCents: 0 }],
      ['reviewQuorum', { reviewQuorum: 0 }],
      ['name', { name: '   ' }],
    ])('is BAD_USER_INPUT naming %s, writing nothing', async (field, extra) => {
      const before = await count('SELECT count(*) AS n FROM funding_programme');
      const over = { ...extra } as Record<string, unknown>;
      if (over.boardId === 'CLUB') over.boardId = club;
      const res = await t.gql(CREATE_PROGRAMME, { input: { ...base(), ...over } }, coordinator);
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(ext(res).field).toBe(field);
      expect(await count('SELECT count(*) AS n FROM funding_programme')).toBe(before);
    });

    it('creates an open programme with its board, quorum 2 by default, nothing committed', async () => {
      const res = await t.gql<{ createFundingProgramme: Record<string, unknown> }>(
        CREATE_PROGRAMME,
        { input: { ...base(), boardId: board, eligibleKinds: ['CLUB', 'INITIATIVE'] } },
        coordinator,
      );
      expect(must(res).createFundingProgramme).toMatchObject({
        budgetCents: 500_000,
        committedCents: 0,
        paidCents: 0,
        remainingCents: 500_000,
        reviewQuorum: 2,
        status: 'OPEN',
        eligibleKinds: ['CLUB', 'INITIATIVE'],
        board: { id: board },
        region: { name: 'Büsum' },
      });
      // Programmes are public.
      const pub = await t.gql<{ fundingProgrammes: { id: string }[] }>(
        `query($r: ID!) { fundingProgrammes(regionId: $r, status: [OPEN]) { id } }`,
        { r: buesum },
      );
      const created = res.data!.createFundingProgramme.id;
      expect(must(pub).fundingProgrammes.map((p) => p.id)).toContain(created);
    });
  });

  describe('applyForFunding and submitApplication', () => {
    it('refuses PUBLIC and those who do not act for the applicant, writing nothing', async () => {
      const p = await programme();
      const before = await count('SELECT count(*) AS n FROM funding_application');
      const vars = { input: { ...input(p.id), title: 'T', purpose: 'P', requestedCents: 100 } };
      expect(code(await t.gql(APPLY, vars))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(APPLY, vars, memberOther))).toBe('FORBIDDEN');
      expect(code(await t.gql(APPLY, vars, coordinator))).toBe('FORBIDDEN');
      expect(code(await t.gql(APPLY, vars, boardMember))).toBe('FORBIDDEN');
      expect(await count('SELECT count(*) AS n FROM funding_application')).toBe(before);
    });

    it('checks the maximum grant, eligibility, region, deadline, closing and the need, naming the field', async () => {
      const p = await programme();
      const onlyInitiatives = await programme({ eligibleKinds: ['INITIATIVE'] });
      const late = await programme({ applicationDeadline: '2026-01-01T00:00:00+01:00' });
      const closed = await programme();
      must(
        await t.gql(
          `mutation($id: ID!) { closeFundingProgramme(id: $id) { status } }`,
          {
            id: closed.id,
          },
          coordinator,
        ),
      );
      const helpers = await openNeed(t, club, { kind: 'HELPERS' });
      const before = await count('SELECT count(*) AS n FROM funding_application');
      const cases: Array<[string, Record<string, unknown>, string]> = [
        ['requestedCents', { ...input(p.id), requestedCents: 100_001 }, member],
        ['requestedCents', { ...input(p.id), requestedCents: 0 }, member],
        ['applicantId', input(onlyInitiatives.id), member],
        ['applicantId', { ...input(p.id), applicantId: clubOther }, memberOther],
        ['programmeId', input(late.id), member],
        ['programmeId', input(closed.id), member],
        ['needId', { ...input(p.id), needId: helpers.id }, member],
        ['purpose', { ...input(p.id), purpose: ' ' }, member],
      ];
      for (const [field, vars, token] of cases) {
        const res = await t.gql(
          APPLY,
          { input: { title: 'Titel', purpose: 'Zweck', requestedCents: 1000, ...vars } },
          token,
        );
        expect([field, code(res), ext(res).field]).toEqual([field, 'BAD_USER_INPUT', field]);
      }
      expect(await count('SELECT count(*) AS n FROM funding_application')).toBe(before);
    });

    it('saves a DRAFT for the applicant alone, covering a FUNDING need; submitting records an activity', async () => {
      const p = await programme();
      const need = await openNeed(t, club, { kind: 'FUNDING', title: 'Geld für Trikots' });
      const res = await t.gql<{ applyForFunding: Record<string, unknown> & { id: string } }>(
        APPLY,
        {
          input: {
            ...input(p.id, { needId: need.id }),
            title: 'Trikots',
            purpose: 'Trikots für die F-Jugend',
            requestedCents: 80_000,
          },
        },
        member,
      );
      const a = must(res).applyForFunding;
      expect(a).toMatchObject({ status: 'DRAFT', need: { id: need.id }, applicant: { id: club } });
      const node = `query($id: ID!) { node(id: $id) { id } }`;
      // A draft is the applicant's alone.
      expect(must(await t.gql(node, { id: a.id }, coordinator)).node).toBeNull();
      expect(must(await t.gql(node, { id: a.id }, boardMember)).node).toBeNull();
      expect(code(await t.gql(SUBMIT, { id: a.id }, coordinator))).toBe('NOT_FOUND');

      const sub = must(
        await t.gql<{ submitApplication: { status: string } }>(SUBMIT, { id: a.id }, member),
      );
      expect(sub.submitApplication.status).toBe('SUBMITTED');
      expect(must(await t.gql(node, { id: a.id }, coordinator)).node).toEqual({ id: a.id });
      expect(must(await t.gql(node, { id: a.id }, boardMember)).node).toEqual({ id: a.id });
      expect(code(await t.gql(SUBMIT, { id: a.id }, member))).toBe('CONFLICT');
      const activities = await withPg(
        t,
        async (c) =>
          (
            await c.query(
              `SELECT type, summary FROM activity WHERE subject_type = 'FundingApplication'
            AND subject_id = $1`,
              [dbId(a.id)],
            )
          ).rows,
      );
      expect(activities).toHaveLength(1);
      expect(activities[0].type).toBe('APPLICATION_SUBMITTED');
      expect(activities[0].summary).not.toContain('F-Jugend');
    });
  });

  describe('reviewApplication', () => {
    it('refuses non-members of the board and a member who acts for the applicant (CONFLICT_OF_INTEREST), writing nothing', async () => {
      const p = await programme();
      const id = await submitted(t, member, input(p.id));
      const vars = { input: { applicationId: id, vote: 'APPROVE' } };
      const before = await count('SELECT count(*) AS n FROM funding_review');
      expect(code(await t.gql(REVIEW, vars))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(REVIEW, vars, member))).toBe('FORBIDDEN');
      expect(code(await t.gql(REVIEW, vars, coordinator))).toBe('FORBIDDEN');
      expect(code(await t.gql(REVIEW, vars, memberOther))).toBe('NOT_FOUND');
      const res = await t.gql(REVIEW, vars, conflicted);
      expect(code(res)).toBe('FORBIDDEN');
      expect(ext(res).reason).toBe('CONFLICT_OF_INTEREST');
      expect(await count('SELECT count(*) AS n FROM funding_review')).toBe(before);
      expect(
        await count(
          `SELECT count(*) AS n FROM funding_application WHERE id = $1 AND status = 'SUBMITTED'`,
          [dbId(id)],
        ),
      ).toBe(1);
    });

    it('takes one review per member; at the quorum the majority recommends', async () => {
      const p = await programme();
      const yes = await submitted(t, member, input(p.id));
      const split = await submitted(t, member, input(p.id));
      const review = (id: string, token: string, vote: string) =>
        t.gql<{ reviewApplication: { status: string; reviews: unknown[] } }>(
          REVIEW,
          { input: { applicationId: id, vote, recommendedCents: 40_000, comment: 'Gute Sache' } },
          token,
        );
      expect(must(await review(yes, boardMember, 'APPROVE')).reviewApplication.status).toBe(
        'SUBMITTED',
      );
      expect(code(await review(yes, boardMember, 'REJECT'))).toBe('CONFLICT');
      const second = must(await review(yes, boardMember2, 'APPROVE')).reviewApplication;
      expect(second.status).toBe('RECOMMENDED');
      expect(second.reviews).toEqual([
        {
          reviewer: 'Mitglied des Beirats',
          vote: 'APPROVE',
          recommendedCents: 40_000,
          comment: 'Gute Sache',
        },
        {
          reviewer: 'Mitglied des Beirats',
          vote: 'APPROVE',
          recommendedCents: 40_000,
          comment: 'Gute Sache',
        },
      ]);
      must(await review(split, boardMember, 'APPROVE'));
      expect(must(await review(split, boardMember2, 'REJECT')).reviewApplication.status).toBe(
        'NOT_RECOMMENDED',
      );
      expect(
        await count('SELECT count(*) AS n FROM funding_review WHERE application_id = $1', [
          dbId(yes),
        ]),
      ).toBe(2);
      // Reviews name board members: not for the applicant.
      const asApplicant = await t.gql<{ node: { reviews: unknown[] } }>(
        `query($id: ID!) { node(id: $id) { ... on FundingApplication { reviews { vote } } } }`,
        { id: yes },
        member,
      );
      expect(must(asApplicant).node.reviews).toEqual([]);
    });
  });

  describe('decideApplication', () => {
    it('is for the coordinators of the region only, writing nothing otherwise', async () => {
      const p = await programme();
      const id = await submitted(t, member, input(p.id));
      const vars = { input: { applicationId: id, approve: true } };
      const before = await count(
        `SELECT committed_cents AS n FROM funding_programme WHERE id = $1`,
        [dbId(p.id)],
      );
      expect(code(await t.gql(DECIDE, vars))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(DECIDE, vars, member))).toBe('FORBIDDEN');
      expect(code(await t.gql(DECIDE, vars, boardMember))).toBe('FORBIDDEN');
      expect(code(await t.gql(DECIDE, vars, coordinatorElsewhere))).toBe('NOT_FOUND');
      expect(code(await t.gql(DECIDE, vars, admin))).toBe('NOT_FOUND');
      const over = await t.gql(
        DECIDE,
        { input: { ...vars.input, approvedCents: 50_001 } },
        coordinator,
      );
      expect([code(over), ext(over).field]).toEqual(['BAD_USER_INPUT', 'approvedCents']);
      expect(
        await count(`SELECT committed_cents AS n FROM funding_programme WHERE id = $1`, [
          dbId(p.id),
        ]),
      ).toBe(before);
    });

    it('approves against the budget and rejects, mailing the applicant in German with an activity', async () => {
      const p = await programme();
      const a = await submitted(t, member, input(p.id, { title: 'Zeltlager' }));
      const b = await submitted(t, member, input(p.id, { title: 'Ausflug' }));
      const approved = must(
        await t.gql<{ decideApplication: Record<string, unknown> }>(
          DECIDE,
          { input: { applicationId: a, approve: true, approvedCents: 30_000 } },
          coordinator,
        ),
      ).decideApplication;
      expect(approved).toMatchObject({
        status: 'APPROVED',
        approvedCents: 30_000,
        programme: { committedCents: 30_000, remainingCents: 970_000 },
      });
      const rejected = must(
        await t.gql<{ decideApplication: Record<string, unknown> }>(
          DECIDE,
          { input: { applicationId: b, approve: false } },
          coordinator,
        ),
      ).decideApplication;
      expect(rejected).toMatchObject({ status: 'REJECTED', approvedCents: null });
      expect(
        code(await t.gql(DECIDE, { input: { applicationId: a, approve: false } }, coordinator)),
      ).toBe('CONFLICT');
      const sent = await mails(
        `kind = 'funding-decision' AND (subject LIKE '%Zeltlager%' OR subject LIKE '%Ausflug%')`,
      );
      expect(sent.map((m) => [m.recipient, m.subject])).toEqual([
        ['kasse@sv-buesum.example.org', 'Ihr Förderantrag wurde bewilligt: Zeltlager'],
        ['kasse@sv-buesum.example.org', 'Ihr Förderantrag wurde abgelehnt: Ausflug'],
      ]);
      expect(sent[0].text).toContain('300,00');
      const types = await withPg(t, async (c) =>
        (
          await c.query(
            `SELECT type FROM activity WHERE subject_type = 'FundingApplication'
            AND subject_id = ANY($1::int[]) ORDER BY position`,
            [[dbId(a), dbId(b)]],
          )
        ).rows.map((r) => r.type),
      );
      expect(types.filter((x) => x === 'APPLICATION_DECIDED')).toHaveLength(2);
    });

    it('approves exactly 100 of 1,000 concurrent approvals against a budget for 100; the rest are CONFLICT with the remaining amount', async () => {
      const p = await programme({ budgetCents: 100_000, maxGrantCents: 1_000 });
      const ids = await withPg(t, async (c) =>
        (
          await c.query(
            `INSERT INTO funding_application (programme_id, applicant_id, region_id, board_id, title,
               purpose, requested_cents, status, submitted_at)
             SELECT $1, $2, $3, $4, 'Antrag ' || g, 'Zweck ' || g, 1000, 'SUBMITTED', now()
               FROM generate_series(1, 1000) g RETURNING id`,
            [dbId(p.id), dbId(club), dbId(buesum), dbId(board)],
          )
        ).rows.map((r) => globalId('FundingApplication', Number(r.id))),
      );
      const results = await Promise.all(
        ids.map((id) =>
          t.gql(DECIDE, { input: { applicationId: id, approve: true } }, coordinator),
        ),
      );
      const codes = results.map((r) => (r.errors ? String(code(r)) : 'OK'));
      expect(codes.filter((c) => c === 'OK')).toHaveLength(100);
      expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(900);
      for (const r of results.filter((x) => x.errors)) {
        expect(ext(r)).toMatchObject({ code: 'CONFLICT', remainingCents: 0 });
        expect(r.errors![0].message).toContain('0 cents left');
      }
      const figures = must(
        await t.gql<{
          node: { budgetCents: number; committedCents: number; remainingCents: number };
        }>(PROGRAMME, { id: p.id }, coordinator),
      ).node;
      expect(figures).toMatchObject({ committedCents: 100_000, remainingCents: 0 });
      expect(figures.committedCents + figures.remainingCents).toBe(figures.budgetCents);
      expect(
        await count(
          `SELECT count(*) AS n FROM funding_application WHERE programme_id = $1 AND status = 'APPROVED'`,
          [dbId(p.id)],
        ),
      ).toBe(100);
      expect(
        await count(
          `SELECT coalesce(sum(approved_cents), 0) AS n FROM funding_application WHERE programme_id = $1`,
          [dbId(p.id)],
        ),
      ).toBe(100_000);
    }, 300_000);
  });

  describe('recordPayment and reportUse', () => {
    it('pays up to the approved amount; the use report returns what was not spent', async () => {
      const p = await programme();
      const id = await submitted(t, member, input(p.id, { requestedCents: 60_000 }));
      expect(code(await t.gql(PAY, { id, amount: 100 }, coordinator))).toBe('CONFLICT');
      must(await t.gql(DECIDE, { input: { applicationId: id, approve: true } }, coordinator));
      expect(code(await t.gql(PAY, { id, amount: 100 }, member))).toBe('FORBIDDEN');
      const over = await t.gql(PAY, { id, amount: 60_001 }, coordinator);
      expect([code(over), ext(over).field]).toEqual(['BAD_USER_INPUT', 'amountCents']);
      const part = must(
        await t.gql<{ recordPayment: Record<string, unknown> }>(
          PAY,
          { id, amount: 20_000 },
          coordinator,
        ),
      );
      expect(part.recordPayment).toMatchObject({ status: 'APPROVED', paidCents: 20_000 });
      const rest = must(
        await t.gql<{ recordPayment: Record<string, unknown> }>(
          PAY,
          { id, amount: 40_000 },
          coordinator,
        ),
      );
      expect(rest.recordPayment).toMatchObject({
        status: 'PAID',
        paidCents: 60_000,
        programme: { committedCents: 60_000, paidCents: 60_000, remainingCents: 940_000 },
      });
      expect(code(await t.gql(PAY, { id, amount: 1 }, coordinator))).toBe('CONFLICT');

      const report = (spentCents: number, token: string) =>
        t.gql<{ reportUse: Record<string, unknown> }>(
          REPORT,
          { input: { applicationId: id, report: 'Trikots gekauft, Rest zurück', spentCents } },
          token,
        );
      expect(code(await report(50_000, coordinator))).toBe('FORBIDDEN');
      const tooMuch = await report(60_001, member);
      expect([code(tooMuch), ext(tooMuch).field]).toEqual(['BAD_USER_INPUT', 'spentCents']);
      expect(must(await report(45_000, member)).reportUse).toMatchObject({
        status: 'REPORTED',
        spentCents: 45_000,
        paidCents: 45_000,
        report: 'Trikots gekauft, Rest zurück',
        programme: { committedCents: 45_000, paidCents: 45_000, remainingCents: 955_000 },
      });
      expect(code(await report(45_000, member))).toBe('CONFLICT');
    });
  });

  describe('the public ledger', () => {
    it('lists approved grants for everyone, as GraphQL and as a CSV with BOM and neutralised formulas', async () => {
      const p = await programme();
      const granted = await submitted(
        t,
        member,
        input(p.id, {
          purpose: '=HYPERLINK("http://evil.example","Klick"); Bälle',
          requestedCents: 12_345,
        }),
      );
      const pending = await submitted(t, member, input(p.id, { purpose: 'Noch offen' }));
      must(await t.gql(DECIDE, { input: { applicationId: granted, approve: true } }, coordinator));
      const res = must(
        await t.gql<{
          node: {
            applications: { totalCount: number };
            ledger: Array<Record<string, unknown>>;
          };
        }>(PROGRAMME, { id: p.id }),
      );
      expect(res.node.applications.totalCount).toBe(0);
      expect(res.node.ledger).toEqual([
        expect.objectContaining({
          applicantName: 'Sportverein Büsum',
          purpose: '=HYPERLINK("http://evil.example","Klick"); Bälle',
          amountCents: 12_345,
          status: 'APPROVED',
          application: { id: granted, title: 'Neue Trikots' },
        }),
      ]);
      expect(JSON.stringify(res)).not.toContain(pending);
      const url = must(
        await t.gql<{ node: { ledgerCsvUrl: string } }>(
          `query($id: ID!) { node(id: $id) { ... on FundingProgramme { ledgerCsvUrl } } }`,
          { id: p.id },
        ),
      ).node.ledgerCsvUrl;
      const path = new URL(url).pathname;
      const csv = await fetch(new URL(path, t.url));
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const bytes = Buffer.from(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      const lines = text.trim().split('\r\n');
      expect(lines[0]).toBe('Antragsteller;Zweck;Betrag_Cent;Betrag_Euro;Status;Bewilligt_am');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(
        /^Sportverein Büsum;"'=HYPERLINK\(""http:\/\/evil\.example"",""Klick""\); Bälle";12345;123,45;APPROVED;\d{4}-\d{2}-\d{2}$/,
      );
      expect(text).not.toContain('Noch offen');
      const missing = await fetch(new URL('/funding-programmes/nope/ledger.csv', t.url));
      expect(missing.status).toBe(404);
    });
  });
});
