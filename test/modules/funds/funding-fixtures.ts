// Shared set-up of the funds tests: an advisory board (an ADVISORY_BOARD actor, inserted like
// the import does), programmes created by a coordinator, and applications through the API.
import { GqlResponse, TestHub } from '../../helpers/test-hub';
import { withPg } from '../needs/need-fixtures';

type Err = { extensions?: Record<string, unknown>; message?: string };
export const code = (res: { errors?: Err[] }) => res.errors?.[0]?.extensions?.code;
export const ext = (res: { errors?: Err[] }) => res.errors?.[0]?.extensions ?? {};

export const globalId = (type: string, id: number) =>
  Buffer.from(`${type}:${id}`).toString('base64url');

export const CREATE_PROGRAMME = `mutation($input: CreateFundingProgrammeInput!) {
  createFundingProgramme(input: $input) { id name budgetCents committedCents paidCents remainingCents
    maxGrantCents eligibleKinds reviewQuorum status board { id } region { name } ledgerCsvUrl } }`;
export const APPLY = `mutation($input: ApplyForFundingInput!) { applyForFunding(input: $input) {
  id status title purpose requestedCents applicant { id } programme { id } need { id } } }`;
export const SUBMIT = `mutation($id: ID!) { submitApplication(id: $id) { id status submittedAt } }`;
export const REVIEW = `mutation($input: ReviewApplicationInput!) { reviewApplication(input: $input) {
  id status reviews { reviewer vote recommendedCents comment } } }`;
export const DECIDE = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) {
  id status approvedCents decidedAt programme { committedCents remainingCents } } }`;
export const PAY = `mutation($id: ID!, $amount: Int!) { recordPayment(applicationId: $id, amountCents: $amount) {
  id status paidCents programme { committedCents paidCents remainingCents } } }`;
export const REPORT = `mutation($input: ReportUseInput!) { reportUse(input: $input) {
  id status spentCents paidCents report programme { committedCents paidCents remainingCents } } }`;
export const PROGRAMME = `query($id: ID!) { node(id: $id) { ... on FundingProgramme {
  budgetCents committedCents paidCents remainingCents
  applications(first: 100) { totalCount nodes { id status purpose } }
  ledger { applicantName purpose amountCents status decidedAt application { id title } } } } }`;

export function must<T>(res: GqlResponse<T>): T {
  if (!res.data || res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

/** An advisory board (Engagementbeirat) in the region; returns its global id. */
export async function createBoard(t: TestHub, regionDbId: number, name: string): Promise<string> {
  const id = await withPg(t, async (c) =>
    Number(
      (
        await c.query(
          `INSERT INTO actor (kind, name, region_id) VALUES ('ADVISORY_BOARD', $1, $2) RETURNING id`,
          [name, regionDbId],
        )
      ).rows[0].id,
    ),
  );
  return globalId('Actor', id);
}

export async function createProgramme(
  t: TestHub,
  token: string,
  input: Record<string, unknown>,
): Promise<{ id: string; remainingCents: number }> {
  const res = await t.gql<{ createFundingProgramme: { id: string; remainingCents: number } }>(
    CREATE_PROGRAMME,
    {
      input: {
        name: 'Ehrenamtsbudget 2026',
        periodStart: '2026-01-01',
        periodEnd: '2027-12-31',
        budgetCents: 1_000_000,
        ...input,
      },
    },
    token,
  );
  return must(res).createFundingProgramme;
}

export async function apply(
  t: TestHub,
  token: string,
  input: Record<string, unknown>,
): Promise<string> {
  const res = await t.gql<{ applyForFunding: { id: string } }>(
    APPLY,
    {
      input: {
        title: 'Neue Trikots',
        purpose: 'Trikots für die Jugendmannschaft',
        requestedCents: 50_000,
        ...input,
      },
    },
    token,
  );
  return must(res).applyForFunding.id;
}

/** Applied and submitted. */
export async function submitted(
  t: TestHub,
  token: string,
  input: Record<string, unknown>,
): Promise<string> {
  const id = await apply(t, token, input);
  must(await t.gql(SUBMIT, { id }, token));
  return id;
}
