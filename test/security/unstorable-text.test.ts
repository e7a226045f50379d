// Issue 23.9 (first half): NUL bytes in string arguments (search text, filters, titles,
// volunteer name and message) reached PostgreSQL and answered INTERNAL_SERVER_ERROR, and
// unpaired surrogates were stored as U+FFFD. Both are refused at the edge, in one place, for
// every argument and variable, as BAD_USER_INPUT naming where, before anything runs, on HTTP,
// WebSocket, SSE and multipart alike.
import { Role } from '../../src/graphql/viewer';
import { isUnstorableText } from '../../src/graphql/input-text';
import { tableFingerprint } from '../helpers/fingerprint';
import { startTestHub, TestHub } from '../helpers/test-hub';
import {
  overHttp,
  overMultipart,
  overSse,
  overWebSocket,
  Payload,
  Transport,
} from '../helpers/transports';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed, VOLUNTEER } from '../modules/needs/need-fixtures';

let t: TestHub;
let admin: string;
let actorId: string;
let needId: string;

beforeAll(async () => {
  t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
  admin = await t.token(Role.ADMIN);
  actorId = (await demoIds(t)).actor('Sportverein Büsum');
  needId = (await openNeed(t, actorId, { quantity: 50 })).id;
}, 120_000);
afterAll(() => t?.stop());

const NUL = 'Schul\u0000e';
const HIGH = 'Feuerwehr \uD83D';
const LOW = '\uDE00 Fest';

describe('the rule', () => {
  it('finds NUL and unpaired surrogates, and leaves paired ones (emoji) alone', () => {
    expect(isUnstorableText(NUL)).toBe(true);
    expect(isUnstorableText(HIGH)).toBe(true);
    expect(isUnstorableText(LOW)).toBe(true);
    expect(isUnstorableText('\uD83D\uDE00x\uD83D')).toBe(true);
    expect(isUnstorableText('Sommerfest \uD83D\uDE00 am Deich')).toBe(false);
    expect(isUnstorableText('Grüße aus Büsum\t\n')).toBe(false);
  });
});

interface Case {
  name: string;
  field: string;
  admin?: boolean;
  /** Subscriptions run on the streaming transports; queries and mutations on HTTP. */
  subscription?: boolean;
  payload: () => Payload;
}

const CASES: Case[] = [
  {
    name: 'search text (variable)',
    field: 'variables.text',
    payload: () => ({
      query: 'query($text: String!) { search(text: $text) { __typename } }',
      variables: { text: NUL },
    }),
  },
  {
    name: 'needs filter text (literal)',
    field: 'filter',
    payload: () => ({ query: '{ needs(filter: { text: "Schul\\u0000e" }) { totalCount } }' }),
  },
  {
    name: 'offers filter tags (variable, unpaired high surrogate)',
    field: 'variables.f.tags.1',
    payload: () => ({
      query: 'query($f: OfferFilter) { offers(filter: $f) { totalCount } }',
      variables: { f: { tags: ['zelt', HIGH] } },
    }),
  },
  {
    name: 'openNeed title',
    field: 'variables.input.title',
    admin: true,
    payload: () => ({
      query: 'mutation($input: OpenNeedInput!) { openNeed(input: $input) { id } }',
      variables: { input: { actorId, kind: 'HELPERS', title: `Helfer ${NUL}` } },
    }),
  },
  {
    name: 'volunteer name (unpaired low surrogate)',
    field: 'variables.input.name',
    payload: () => ({
      query: VOLUNTEER,
      variables: { input: { needId, name: LOW, email: 'nul@example.org', consent: true } },
    }),
  },
  {
    name: 'volunteer message',
    field: 'variables.input.message',
    payload: () => ({
      query: VOLUNTEER,
      variables: {
        input: {
          needId,
          name: 'Nul Probe',
          email: 'nul2@example.org',
          message: NUL,
          consent: true,
        },
      },
    }),
  },
  {
    name: 'a needEvents filter',
    field: 'variables.text',
    subscription: true,
    payload: () => ({
      query: 'subscription($text: String) { needEvents(filter: { text: $text }) { cursor } }',
      variables: { text: NUL },
    }),
  },
  {
    name: 'a variable the operation does not use',
    field: 'variables.unused',
    payload: () => ({ query: '{ regions { id } }', variables: { unused: NUL } }),
  },
];

const TRANSPORTS: Record<string, Transport> = {
  HTTP: overHttp,
  WebSocket: overWebSocket,
  SSE: overSse,
  multipart: overMultipart,
};
// WebSocket and SSE run every kind of operation; HTTP POST no subscription, multipart only those.
const ROWS = Object.keys(TRANSPORTS).flatMap((transport) =>
  CASES.filter((c) =>
    transport === 'HTTP' ? !c.subscription : transport === 'multipart' ? c.subscription : true,
  ).map((c) => ({ ...c, transport })),
);

it.each(ROWS)('$name over $transport: BAD_USER_INPUT on $field, nothing written', async (row) => {
  const payload = row.payload();
  const before = await tableFingerprint(t);
  const answer = await TRANSPORTS[row.transport](t.url, payload, row.admin ? admin : undefined);
  expect(answer.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: row.field,
  });
  expect(answer.errors?.[0]?.message).toMatch(/NUL character or an unpaired surrogate/);
  expect(answer.data ?? null).toBeNull();
  expect(await tableFingerprint(t)).toBe(before);
});

it('still stores paired surrogates (emoji) and ordinary text', async () => {
  const res = await t.gql<{ openNeed: { title: string } }>(
    'mutation($input: OpenNeedInput!) { openNeed(input: $input) { title } }',
    { input: { actorId, kind: 'HELPERS', title: 'Kuchen \uD83C\uDF70 für das Fest' } },
    admin,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data?.openNeed.title).toBe('Kuchen \uD83C\uDF70 für das Fest');
});
