// Issue 11.2: every required text of every create and update mutation is trimmed of Unicode
// white space and invisible characters (src/modules/shared/text.ts) and must then hold
// something: a blank value is BAD_USER_INPUT naming the field, and nothing is written.
import { Role } from '../../../src/graphql/viewer';
import { requiredText, trimmed, trimText } from '../../../src/modules/shared/text';
import { tableFingerprint } from '../../helpers/fingerprint';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { openNeed, VOLUNTEER } from '../needs/need-fixtures';

/** Values that look like something to a length check and show as nothing on a card. */
const BLANKS: Array<[string, string]> = [
  ['spaces', '   '],
  ['tab, newline, space', '\t\n '],
  ['three zero-width spaces', '\u200B\u200B\u200B'],
  ['no-break space, word joiner, BOM, soft hyphen', '\u00A0\u2060\uFEFF\u00AD'],
  ['zero-width joiners around an ideographic space', '\u200C\u3000\u200D'],
];

describe('the required-text rule', () => {
  it('trims white space and invisible characters at both ends, keeps them inside', () => {
    expect(trimText('\u200B\u00A0 Dorffest \uFEFF\u2060')).toBe('Dorffest');
    expect(trimText('Dorf\u00ADfest')).toBe('Dorf\u00ADfest');
    expect(trimmed('\u200B\u200B')).toBeNull();
    expect(requiredText(' Büsum ', 'name')).toBe('Büsum');
    for (const [, blank] of BLANKS) {
      expect(() => requiredText(blank, 'title')).toThrow(/title must not be empty/);
    }
    expect(() => requiredText(null, 'name')).toThrow(/name must not be empty/);
    expect(() => requiredText('\u200Bx\u200B', 'title', 2, 200)).toThrow(/2 to 200/);
  });
});

describe('blank required texts in every create and update mutation', () => {
  let t: TestHub;
  let admin: string;
  const f = {} as Record<
    'buesum' | 'actor' | 'role' | 'need' | 'offer' | 'coop' | 'otherActor',
    string
  >;

  beforeAll(async () => {
    t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
    admin = await t.token(Role.ADMIN);
    const ids = await demoIds(t);
    f.buesum = ids.region('Büsum');
    f.actor = ids.actor('Sportverein Büsum');
    f.otherActor = ids.actor('Heimatverein Büsum');
    f.need = (await openNeed(t, f.actor)).id;
    const made = await t.gql<{
      createOffer: { id: string };
      createCooperation: { id: string };
      createActor: { id: string };
    }>(
      `mutation($a: ID!, $b: ID!, $r: ID!) {
        createOffer(input: { actorId: $a, kind: ROOM, title: "Vereinsheim" }) { id }
        createCooperation(input: { kind: PARTNERSHIP, title: "Sommerfest", participantIds: [$a, $b] }) { id }
        createActor(input: { kind: NETWORK_ROLE, name: "Ehrenamtslotsin", roleTitle: "Lotsin", regionId: $r }) { id }
      }`,
      { a: f.actor, b: f.otherActor, r: f.buesum },
      admin,
    );
    if (!made.data) throw new Error(JSON.stringify(made.errors));
    f.offer = made.data.createOffer.id;
    f.coop = made.data.createCooperation.id;
    f.role = made.data.createActor.id;
  }, 120_000);
  afterAll(() => t?.stop());

  /** A mutation with one required text given as `v`; `field` is the name the error must carry. */
  interface Case {
    mutation: string;
    field: string;
    token?: 'admin' | 'public';
    run(v: string): { query: string; variables: Record<string, unknown> };
  }

  const CASES: Case[] = [
    {
      mutation: 'createActor',
      field: 'name',
      run: (v) => ({
        query: `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`,
        variables: { i: { kind: 'CLUB', name: v, regionId: f.buesum } },
      }),
    },
    {
      mutation: 'createActor (NETWORK_ROLE)',
      field: 'roleTitle',
      run: (v) => ({
        query: `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`,
        variables: { i: { kind: 'NETWORK_ROLE', name: 'Lotse', roleTitle: v, regionId: f.buesum } },
      }),
    },
    {
      mutation: 'createActor (CLUB board positions)',
      field: 'openBoardPositions',
      run: (v) => ({
        query: `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`,
        variables: {
          i: { kind: 'CLUB', name: 'Boßelclub', regionId: f.buesum, openBoardPositions: [v] },
        },
      }),
    },
    {
      mutation: 'updateActor',
      field: 'name',
      run: (v) => ({
        query: `mutation($id: ID!, $i: UpdateActorInput!) { updateActor(id: $id, input: $i) { id } }`,
        variables: { id: f.actor, i: { name: v } },
      }),
    },
    {
      mutation: 'updateActor (NETWORK_ROLE)',
      field: 'roleTitle',
      run: (v) => ({
        query: `mutation($id: ID!, $i: UpdateActorInput!) { updateActor(id: $id, input: $i) { id } }`,
        variables: { id: f.role, i: { roleTitle: v } },
      }),
    },
    {
      mutation: 'createRegion',
      field: 'name',
      run: (v) => ({
        query: `mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }`,
        variables: { i: { name: v, level: 'VILLAGE', parentId: f.buesum } },
      }),
    },
    {
      mutation: 'openNeed',
      field: 'title',
      run: (v) => ({
        query: `mutation($i: OpenNeedInput!) { openNeed(input: $i) { id } }`,
        variables: { i: { actorId: f.actor, kind: 'HELPERS', title: v } },
      }),
    },
    {
      mutation: 'updateNeed',
      field: 'title',
      run: (v) => ({
        query: `mutation($id: ID!, $i: UpdateNeedInput!) { updateNeed(id: $id, input: $i) { id } }`,
        variables: { id: f.need, i: { title: v } },
      }),
    },
    {
      mutation: 'createOffer',
      field: 'title',
      run: (v) => ({
        query: `mutation($i: CreateOfferInput!) { createOffer(input: $i) { id } }`,
        variables: { i: { actorId: f.actor, kind: 'ROOM', title: v } },
      }),
    },
    {
      mutation: 'updateOffer',
      field: 'title',
      run: (v) => ({
        query: `mutation($id: ID!, $i: UpdateOfferInput!) { updateOffer(id: $id, input: $i) { id } }`,
        variables: { id: f.offer, i: { title: v } },
      }),
    },
    {
      mutation: 'createCooperation',
      field: 'title',
      run: (v) => ({
        query: `mutation($i: CreateCooperationInput!) { createCooperation(input: $i) { id } }`,
        variables: {
          i: { kind: 'PARTNERSHIP', title: v, participantIds: [f.actor, f.otherActor] },
        },
      }),
    },
    {
      mutation: 'updateCooperation',
      field: 'title',
      run: (v) => ({
        query: `mutation($id: ID!, $i: UpdateCooperationInput!) { updateCooperation(id: $id, input: $i) { id } }`,
        variables: { id: f.coop, i: { title: v } },
      }),
    },
    {
      mutation: 'volunteer',
      field: 'name',
      token: 'public',
      run: (v) => ({
        query: VOLUNTEER,
        variables: { input: { needId: f.need, name: v, email: 'anna@example.org', consent: true } },
      }),
    },
    {
      mutation: 'volunteer',
      field: 'email',
      token: 'public',
      run: (v) => ({
        query: VOLUNTEER,
        variables: { input: { needId: f.need, name: 'Anna', email: v, consent: true } },
      }),
    },
    {
      mutation: 'eraseVolunteer',
      field: 'email',
      run: (v) => ({
        query: `mutation($e: String!) { eraseVolunteer(email: $e) }`,
        variables: { e: v },
      }),
    },
  ];

  const ROWS = CASES.flatMap((c) =>
    BLANKS.map(([what, value]) => ({ ...c, what, value, name: `${c.mutation} ${c.field}` })),
  );

  it.each(ROWS)('$name = $what: BAD_USER_INPUT on $field, nothing written', async (row) => {
    const { query, variables } = row.run(row.value);
    const before = await tableFingerprint(t);
    const res = await t.gql(query, variables, row.token === 'public' ? undefined : admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: row.field });
    expect(res.data ?? null).toBeNull();
    expect(await tableFingerprint(t)).toBe(before);
  });

  it('stores padded titles and names without the padding', async () => {
    const pad = (s: string) => `\u200B\u00A0 ${s} \uFEFF\u2060`;
    const res = await t.gql<{
      openNeed: { title: string };
      createOffer: { title: string };
      createActor: { name: string };
      createRegion: { name: string };
      createCooperation: { title: string };
    }>(
      `mutation($a: ID!, $b: ID!, $r: ID!, $t1: String!, $t2: String!, $t3: String!, $t4: String!, $t5: String!) {
        openNeed(input: { actorId: $a, kind: HELPERS, title: $t1 }) { title }
        createOffer(input: { actorId: $a, kind: ROOM, title: $t2 }) { title }
        createActor(input: { kind: CLUB, name: $t3, regionId: $r }) { name }
        createRegion(input: { name: $t4, level: VILLAGE, parentId: $r }) { name }
        createCooperation(input: { kind: PARTNERSHIP, title: $t5, participantIds: [$a, $b] }) { title }
      }`,
      {
        a: f.actor,
        b: f.otherActor,
        r: f.buesum,
        t1: pad('Kuchen backen'),
        t2: pad('Beamer'),
        t3: pad('Shantychor'),
        t4: pad('Deichhausen'),
        t5: pad('Hafenfest'),
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      openNeed: { title: 'Kuchen backen' },
      createOffer: { title: 'Beamer' },
      createActor: { name: 'Shantychor' },
      createRegion: { name: 'Deichhausen' },
      createCooperation: { title: 'Hafenfest' },
    });
  });
});
