// The access table of issue #5, walked row by row: every role against every operation, on the demo
// data. Reads end in `allowed` (the record is there, counted and found) or `hidden` (absent
// everywhere, counts included); writes in `allowed` or an error code, and a refused write must
// leave every table as it was. `hidden` for a write means: answered, but nothing in scope changed.
import { Role } from '../../src/graphql/viewer';
import { GqlResponse, startTestHub, TestHub } from '../helpers/test-hub';
import { demoIds } from '../modules/actors/demo-ids';
import { VOLUNTEER, withPg } from '../modules/needs/need-fixtures';

type RoleKey = 'PUBLIC' | 'MEMBER' | 'NETWORKER' | 'COORDINATOR' | 'COORDINATOR_OTHER' | 'ADMIN';
type Outcome = 'allowed' | 'hidden' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';
const ROLES: RoleKey[] = [
  'PUBLIC',
  'MEMBER',
  'NETWORKER',
  'COORDINATOR',
  'COORDINATOR_OTHER',
  'ADMIN',
];

/** A row of the table: how to run it and how to tell `allowed` from `hidden` for reads. */
interface Operation {
  write: boolean;
  /** Fresh targets for the row (made by an ADMIN before the fingerprint is taken). */
  prepare?(): Promise<string>;
  run(token: string | undefined, prepared: string): Promise<Outcome>;
}

// Fixtures, created once by an ADMIN: a MEMBER's own actor (a1) and a neighbour (a2) in Büsum, an
// actor in Wesselburen (c), and an actor (v) in Büsum whose records only the read rows look at.
let t: TestHub;
const tokens = new Map<RoleKey, string | undefined>();
const f = {} as Record<
  | 'buesum'
  | 'wesselburen'
  | 'otherDistrict'
  | 'a1'
  | 'a2'
  | 'c'
  | 'v'
  | 'w'
  | 'pubNeed'
  | 'netNeed'
  | 'pubOffer'
  | 'netOffer'
  | 'activeCoop'
  | 'endedCoop'
  | 'proposedCoop'
  | 'needA1'
  | 'needC'
  | 'offerA1'
  | 'coopA1A2'
  | 'pledgeA1'
  | 'webhook',
  string
>;
let admin: string;
let seq = 0;
const unique = (prefix: string) => `${prefix} ${++seq}`;

function outcomeOf(res: GqlResponse, ok: () => Outcome = () => 'allowed'): Outcome {
  const code = res.errors?.[0]?.extensions?.code;
  if (code) {
    if (['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'].includes(String(code)))
      return code as Outcome;
    throw new Error(`unexpected error: ${JSON.stringify(res.errors)}`);
  }
  return ok();
}

async function asAdmin<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await t.gql<T>(query, variables, admin);
  if (!res.data) throw new Error(`fixture failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

const CREATE_ACTOR = `mutation($input: CreateActorInput!) { createActor(input: $input) { id } }`;
const OPEN_NEED = `mutation($input: OpenNeedInput!) { openNeed(input: $input) { id } }`;
const CREATE_OFFER = `mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }`;
const CREATE_COOP = `mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }`;

const CREATE_WEBHOOK = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }`;
// Loopback without HUB_WEBHOOK_ALLOW_PRIVATE: registered, never reached.
const webhookInput = () => ({
  url: `http://127.0.0.1:9/${unique('hook').replace(' ', '-')}`,
  regionId: f.buesum,
  types: ['NEED_OPENED'],
});

const actor = async (name: string, regionId: string) =>
  (
    await asAdmin<{ createActor: { id: string } }>(CREATE_ACTOR, {
      input: { kind: 'CLUB', name, regionId, topics: ['zugriff'] },
    })
  ).createActor.id;
const need = async (actorId: string, extra: Record<string, unknown> = {}) =>
  (
    await asAdmin<{ openNeed: { id: string } }>(OPEN_NEED, {
      input: { actorId, kind: 'HELPERS', title: unique('Helfende'), quantity: 100, ...extra },
    })
  ).openNeed.id;
const offer = async (actorId: string, extra: Record<string, unknown> = {}) =>
  (
    await asAdmin<{ createOffer: { id: string } }>(CREATE_OFFER, {
      input: { actorId, kind: 'HELPERS', title: unique('Hilfe'), ...extra },
    })
  ).createOffer.id;
const coop = async (participantIds: string[], status: string) =>
  (
    await asAdmin<{ createCooperation: { id: string } }>(CREATE_COOP, {
      input: { kind: 'PARTNERSHIP', title: unique('Kooperation'), participantIds, status },
    })
  ).createCooperation.id;
const volunteerOn = async (
  needId: string,
  email = `${unique('v').replace(' ', '')}@example.org`,
) => {
  const res = await t.gql<{ volunteer: { id: string } }>(VOLUNTEER, {
    input: { needId, name: 'Probe Person', email, consent: true },
  });
  if (!res.data) throw new Error(`volunteer failed: ${JSON.stringify(res.errors)}`);
  return { id: res.data.volunteer.id, email };
};

/** Every table a mutation could touch; equal fingerprints mean nothing was written. */
async function fingerprint(withAudit: boolean): Promise<string> {
  const tables = ['region', 'actor', 'need', 'offer', 'pledge', 'cooperation'];
  tables.push('cooperation_participant', 'need_event', 'account', 'webhook');
  if (withAudit) tables.push('audit_entry');
  // What a mutation could write of a webhook: delivery in the background moves its position
  // and failure count at any time.
  const row: Record<string, string> = { webhook: '(x.id, x.url, x.region_id, x.types, x.active)' };
  return withPg(t, async (c) => {
    const parts: string[] = [];
    for (const table of tables) {
      const r = await c.query(
        `SELECT count(*) AS n, md5(coalesce(string_agg(${row[table] ?? 'x'}::text, '|' ORDER BY ${row[table] ?? 'x'}::text), '')) AS h FROM ${table} x`,
      );
      parts.push(`${table}:${r.rows[0].n}:${r.rows[0].h}`);
    }
    return parts.join(' ');
  });
}

const visibleIf = (present: boolean, consistent: boolean): Outcome => {
  if (!consistent) throw new Error('the record shows on one path and not on another');
  return present ? 'allowed' : 'hidden';
};

const OPERATIONS: Record<string, Operation> = {
  'read PUBLIC needs, offers, ACTIVE+ENDED cooperations, network figures': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{
        needs: { nodes: { id: string }[] };
        offers: { nodes: { id: string }[] };
        active: { id: string } | null;
        ended: { id: string } | null;
        network: { stats: { actorCount: number; cooperationCount: number } };
        actor: { name: string } | null;
      }>(
        `query($v: ID!, $w: ID!, $r: ID!, $a: ID!, $e: ID!) {
          needs(filter: { actorId: $v }) { nodes { id } }
          offers(filter: { actorId: $w }) { nodes { id } }
          active: node(id: $a) { id } ended: node(id: $e) { id }
          network(regionId: $r) { stats { actorCount cooperationCount } }
          actor(id: $v) { name }
        }`,
        { v: f.v, w: f.w, r: f.buesum, a: f.activeCoop, e: f.endedCoop },
        token,
      );
      return outcomeOf(res, () => {
        const d = res.data!;
        const all =
          d.needs.nodes.some((n) => n.id === f.pubNeed) &&
          d.offers.nodes.some((o) => o.id === f.pubOffer) &&
          d.active?.id === f.activeCoop &&
          d.ended?.id === f.endedCoop &&
          d.network.stats.actorCount > 0 &&
          d.network.stats.cooperationCount > 0 &&
          d.actor !== null;
        return all ? 'allowed' : 'hidden';
      });
    },
  },
  'read NETWORK needs and offers in lists and totalCount': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{
        needs: { totalCount: number; nodes: { id: string }[] };
        offers: { totalCount: number; nodes: { id: string }[] };
        actor: { needs: { totalCount: number } };
        partner: { offers: { totalCount: number } };
      }>(
        `query($v: ID!, $w: ID!) {
          needs(filter: { actorId: $v }) { totalCount nodes { id } }
          offers(filter: { actorId: $w }) { totalCount nodes { id } }
          actor(id: $v) { needs { totalCount } }
          partner: actor(id: $w) { offers { totalCount } }
        }`,
        { v: f.v, w: f.w },
        token,
      );
      return outcomeOf(res, () => {
        const d = res.data!;
        const seen = d.needs.nodes.some((n) => n.id === f.netNeed);
        const offerSeen = d.offers.nodes.some((n) => n.id === f.netOffer);
        const total = seen ? 2 : 1;
        return visibleIf(
          seen,
          offerSeen === seen &&
            d.needs.totalCount === total &&
            d.offers.totalCount === total &&
            d.actor.needs.totalCount === total &&
            d.partner.offers.totalCount === total,
        );
      });
    },
  },
  'read NETWORK needs, offers and PROPOSED cooperations through node and nodes': {
    write: false,
    run: async (token) => {
      const ids = [f.netNeed, f.netOffer, f.proposedCoop];
      const res = await t.gql<{ node: { id: string } | null; nodes: ({ id: string } | null)[] }>(
        `query($id: ID!, $ids: [ID!]!) { node(id: $id) { id } nodes(ids: $ids) { id } }`,
        { id: f.netNeed, ids },
        token,
      );
      return outcomeOf(res, () => {
        const d = res.data!;
        const present = d.nodes.map((n) => n !== null);
        return visibleIf(
          d.node !== null,
          present.every((p) => p === (d.node !== null)),
        );
      });
    },
  },
  'read NETWORK needs and offers in search': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{ search: { __typename: string; id?: string }[] }>(
        `{ search(text: "Quorxplatte", first: 50) { __typename ... on Need { id } ... on Offer { id } } }`,
        {},
        token,
      );
      return outcomeOf(res, () => {
        const found = new Set(res.data!.search.map((h) => h.id));
        if (!found.has(f.pubNeed) || !found.has(f.pubOffer))
          throw new Error('search misses the PUBLIC records');
        return visibleIf(found.has(f.netNeed), found.has(f.netNeed) === found.has(f.netOffer));
      });
    },
  },
  'read PROPOSED cooperations in network, neighborhood and Actor.cooperations': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{
        network: { cooperations: { id: string }[] };
        neighborhood: { cooperations: { id: string }[] };
        actor: { cooperations: { totalCount: number; nodes: { id: string }[] } };
      }>(
        `query($r: ID!, $v: ID!) {
          network(regionId: $r, status: PROPOSED) { cooperations { id } }
          neighborhood(actorId: $v, status: PROPOSED) { cooperations { id } }
          actor(id: $v) { cooperations(status: PROPOSED) { totalCount nodes { id } } }
        }`,
        { r: f.buesum, v: f.v },
        token,
      );
      return outcomeOf(res, () => {
        const d = res.data!;
        const inNetwork = d.network.cooperations.some((c) => c.id === f.proposedCoop);
        return visibleIf(
          inNetwork,
          d.neighborhood.cooperations.some((c) => c.id === f.proposedCoop) === inNetwork &&
            d.actor.cooperations.nodes.some((c) => c.id === f.proposedCoop) === inNetwork &&
            d.actor.cooperations.totalCount === (inNetwork ? 1 : 0),
        );
      });
    },
  },
  'read NETWORK offers in matches': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{ need: { matches: { offer: { id: string } }[] } }>(
        `query($id: ID!) { need(id: $id) { matches(first: 50) { offer { id } } } }`,
        { id: f.pubNeed },
        token,
      );
      return outcomeOf(res, () => {
        const ids = res.data!.need.matches.map((m) => m.offer.id);
        if (!ids.includes(f.pubOffer)) throw new Error('matches miss the PUBLIC offer');
        return visibleIf(ids.includes(f.netOffer), true);
      });
    },
  },
  volunteer: {
    write: true,
    run: async (token) => {
      const res = await t.gql(
        VOLUNTEER,
        {
          input: {
            needId: f.needA1,
            name: 'Rollen Probe',
            email: `${unique('rolle').replace(' ', '')}@example.org`,
            consent: true,
          },
        },
        token,
      );
      return outcomeOf(res);
    },
  },
  'createActor in region': {
    write: true,
    run: async (token) =>
      outcomeOf(
        await t.gql(
          CREATE_ACTOR,
          { input: { kind: 'CLUB', name: unique('Neuer Verein'), regionId: f.buesum } },
          token,
        ),
      ),
  },
  ...Object.fromEntries(
    (['a1', 'a2', 'c'] as const).map((key) => [
      `updateActor ${{ a1: 'own', a2: 'in region', c: 'elsewhere' }[key]}`,
      {
        write: true,
        run: async (token: string | undefined) =>
          outcomeOf(
            await t.gql(
              `mutation($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id } }`,
              { id: f[key], input: { description: unique('Beschreibung') } },
              token,
            ),
          ),
      },
    ]),
  ),
  'openNeed for own actor': {
    write: true,
    run: async (token) =>
      outcomeOf(
        await t.gql(
          OPEN_NEED,
          { input: { actorId: f.a1, kind: 'ROOM', title: unique('Raum') } },
          token,
        ),
      ),
  },
  'openNeed for an actor elsewhere': {
    write: true,
    run: async (token) =>
      outcomeOf(
        await t.gql(
          OPEN_NEED,
          { input: { actorId: f.c, kind: 'ROOM', title: unique('Raum') } },
          token,
        ),
      ),
  },
  // A MEMBER places its actor's needs and offers within the actor's district (Kreis), not
  // across the state (issue 23.10); coordinators within the regions they coordinate.
  ...Object.fromEntries(
    (['wesselburen', 'otherDistrict'] as const).flatMap((where) => {
      const label = where === 'wesselburen' ? 'elsewhere in its district' : 'outside its district';
      return [
        [
          `openNeed for own actor ${label}`,
          {
            write: true,
            run: async (token: string | undefined) =>
              outcomeOf(
                await t.gql(
                  OPEN_NEED,
                  {
                    input: {
                      actorId: f.a1,
                      kind: 'ROOM',
                      title: unique('Raum'),
                      regionId: f[where],
                    },
                  },
                  token,
                ),
              ),
          },
        ],
        [
          `createOffer for own actor ${label}`,
          {
            write: true,
            run: async (token: string | undefined) =>
              outcomeOf(
                await t.gql(
                  CREATE_OFFER,
                  {
                    input: {
                      actorId: f.a1,
                      kind: 'ROOM',
                      title: unique('Raum frei'),
                      regionId: f[where],
                    },
                  },
                  token,
                ),
              ),
          },
        ],
      ];
    }),
  ),
  updateNeed: {
    write: true,
    run: async (token) =>
      outcomeOf(
        await t.gql(
          `mutation($id: ID!) { updateNeed(id: $id, input: { description: "neu" }) { id } }`,
          { id: f.needA1 },
          token,
        ),
      ),
  },
  closeNeed: {
    write: true,
    prepare: () => need(f.a1, { quantity: 1 }),
    run: async (token, id) =>
      outcomeOf(await t.gql(`mutation($id: ID!) { closeNeed(id: $id) { id } }`, { id }, token)),
  },
  createOffer: {
    write: true,
    run: async (token) =>
      outcomeOf(
        await t.gql(
          CREATE_OFFER,
          { input: { actorId: f.a1, kind: 'ROOM', title: unique('Raum frei') } },
          token,
        ),
      ),
  },
  updateOffer: {
    write: true,
    run: async (token) =>
      outcomeOf(
        await t.gql(
          `mutation($id: ID!) { updateOffer(id: $id, input: { description: "neu" }) { id } }`,
          { id: f.offerA1 },
          token,
        ),
      ),
  },
  withdrawOffer: {
    write: true,
    prepare: () => offer(f.a1),
    run: async (token, id) =>
      outcomeOf(await t.gql(`mutation($id: ID!) { withdrawOffer(id: $id) { id } }`, { id }, token)),
  },
  'pledge for own actor': {
    write: true,
    run: async (token) =>
      outcomeOf(
        await t.gql(
          `mutation($input: PledgeInput!) { pledge(input: $input) { id } }`,
          { input: { needId: f.needC, actorId: f.a1 } },
          token,
        ),
      ),
  },
  "see pledges with volunteers' names and e-mails": {
    write: false,
    run: async (token) => {
      const res = await t.gql<{
        need: { pledges: { volunteerName: string | null; volunteerEmail: string | null }[] };
        node: { volunteerName: string | null; volunteerEmail: string | null } | null;
      }>(
        `query($n: ID!, $p: ID!) {
          need(id: $n) { pledges { volunteerName volunteerEmail } }
          node(id: $p) { ... on Pledge { volunteerName volunteerEmail } }
        }`,
        { n: f.needA1, p: f.pledgeA1 },
        token,
      );
      return outcomeOf(res, () => {
        const d = res.data!;
        const listed = d.need.pledges.some((p) => p.volunteerEmail?.startsWith('sichtbar'));
        const named = d.node?.volunteerName === 'Sichtbar Probe';
        // Hidden means hidden everywhere: no list, and no name through node() either.
        return visibleIf(listed, named === listed && (listed || d.need.pledges.length === 0));
      });
    },
  },
  ...Object.fromEntries(
    (['confirmPledge', 'declinePledge'] as const).map((op) => [
      op,
      {
        write: true,
        prepare: async () => (await volunteerOn(f.needA1)).id,
        run: async (token: string | undefined, id: string) =>
          outcomeOf(await t.gql(`mutation($id: ID!) { ${op}(id: $id) { id } }`, { id }, token)),
      },
    ]),
  ),
  'createCooperation as participant / in region': {
    write: true,
    run: async (token) =>
      outcomeOf(
        await t.gql(
          CREATE_COOP,
          {
            input: {
              kind: 'PARTNERSHIP',
              title: unique('Neue Kooperation'),
              participantIds: [f.a1, f.a2],
            },
          },
          token,
        ),
      ),
  },
  'createCooperation across regions, not a participant': {
    write: true,
    run: async (token) =>
      outcomeOf(
        await t.gql(
          CREATE_COOP,
          {
            input: {
              kind: 'PARTNERSHIP',
              title: unique('Neue Kooperation'),
              participantIds: [f.a2, f.c],
            },
          },
          token,
        ),
      ),
  },
  'updateCooperation as participant / in region': {
    write: true,
    run: async (token) =>
      outcomeOf(
        await t.gql(
          `mutation($id: ID!, $d: String) { updateCooperation(id: $id, input: { description: $d }) { id } }`,
          { id: f.coopA1A2, d: unique('Beschreibung') },
          token,
        ),
      ),
  },
  createRegion: {
    write: true,
    run: async (token) =>
      outcomeOf(
        await t.gql(
          `mutation($input: CreateRegionInput!) { createRegion(input: $input) { id } }`,
          { input: { name: unique('Neuer Ortsteil'), level: 'VILLAGE', parentId: f.buesum } },
          token,
        ),
      ),
  },
  'auditLog in region (Büsum)': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{ auditLog: { nodes: { targetIds: string[] }[] } }>(
        `query($r: ID!) { auditLog(regionId: $r, first: 100) { nodes { targetIds } } }`,
        { r: f.buesum },
        token,
      );
      return outcomeOf(res, () =>
        res.data!.auditLog.nodes.some((e) => e.targetIds.includes(f.needA1)) ? 'allowed' : 'hidden',
      );
    },
  },
  'auditLog of every region (entries elsewhere)': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{ auditLog: { nodes: { targetIds: string[] }[] } }>(
        `{ auditLog(first: 100) { nodes { targetIds } } }`,
        {},
        token,
      );
      // needC lies in Wesselburen: only ADMIN and Wesselburen's coordinator see its entries.
      return outcomeOf(res, () =>
        res.data!.auditLog.nodes.some((e) => e.targetIds.includes(f.needC)) ? 'allowed' : 'hidden',
      );
    },
  },
  'activity feed: a PUBLIC need opened (Query.activity)': {
    write: false,
    run: async (token) => activityOutcome(token, [f.pubNeed]),
  },
  'activity feed: a NETWORK need opened, a PROPOSED cooperation': {
    write: false,
    run: async (token) => activityOutcome(token, [f.netNeed, f.proposedCoop]),
  },
  'accounts: one of Büsum in the list': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{ accounts: { nodes: { displayName: string }[] } }>(
        '{ accounts(first: 100) { nodes { displayName } } }',
        {},
        token,
      );
      return outcomeOf(res, () =>
        res.data!.accounts.nodes.some((a) => a.displayName === 'Rollenprobe Konto')
          ? 'allowed'
          : 'hidden',
      );
    },
  },
  'createWebhook in region (Büsum)': {
    write: true,
    run: async (token) => outcomeOf(await t.gql(CREATE_WEBHOOK, { input: webhookInput() }, token)),
  },
  'deleteWebhook of Büsum': {
    write: true,
    prepare: async () =>
      (
        await asAdmin<{ createWebhook: { webhook: { id: string } } }>(CREATE_WEBHOOK, {
          input: webhookInput(),
        })
      ).createWebhook.webhook.id,
    run: async (token, id) =>
      outcomeOf(await t.gql(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id }, token)),
  },
  'webhooks: one of Büsum in the list, and through node': {
    write: false,
    run: async (token) => {
      const res = await t.gql<{ webhooks: { id: string }[]; node: { id: string } | null }>(
        `query($id: ID!) { webhooks { id } node(id: $id) { id } }`,
        { id: f.webhook },
        token,
      );
      if (res.errors?.[0]?.extensions?.code) return outcomeOf(res);
      const listed = res.data!.webhooks.some((w) => w.id === f.webhook);
      return visibleIf(listed, listed === (res.data!.node !== null));
    },
  },
  'eraseVolunteer of a pledge in Büsum': {
    write: true,
    prepare: async () => (await volunteerOn(f.needA1)).email,
    run: async (token, email) => {
      const res = await t.gql<{ eraseVolunteer: number }>(
        `mutation($e: String!) { eraseVolunteer(email: $e) }`,
        { e: email },
        token,
      );
      return outcomeOf(res, () => (res.data!.eraseVolunteer === 1 ? 'allowed' : 'hidden'));
    },
  },
};

/** allowed when the feed of Büsum's Amt shows an activity about every subject, hidden when none. */
async function activityOutcome(token: string | undefined, subjects: string[]): Promise<Outcome> {
  const res = await t.gql<{ activity: { nodes: { subject: { id: string } }[] } }>(
    `query($r: ID!) { activity(regionId: $r, types: [NEED_OPENED, COOPERATION_CREATED], first: 100) { nodes { subject { id } } } }`,
    { r: f.buesum },
    token,
  );
  return outcomeOf(res, () => {
    const seen = subjects.filter((s) => res.data!.activity.nodes.some((n) => n.subject.id === s));
    if (seen.length === subjects.length) return 'allowed';
    if (seen.length === 0) return 'hidden';
    throw new Error(`only some subjects visible: ${seen.join(', ')}`);
  });
}

const A = 'allowed';
const H = 'hidden';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
// PUBLIC, MEMBER (a1), NETWORKER (Büsum), COORDINATOR (Büsum), COORDINATOR (Wesselburen), ADMIN
const TABLE: Record<keyof typeof OPERATIONS, Outcome[]> = {
  'read PUBLIC needs, offers, ACTIVE+ENDED cooperations, network figures': [A, A, A, A, A, A],
  'read NETWORK needs and offers in lists and totalCount': [H, A, A, A, A, A],
  'read NETWORK needs, offers and PROPOSED cooperations through node and nodes': [H, A, A, A, A, A],
  'read NETWORK needs and offers in search': [H, A, A, A, A, A],
  'read PROPOSED cooperations in network, neighborhood and Actor.cooperations': [H, A, A, A, A, A],
  'read NETWORK offers in matches': [H, A, A, A, A, A],
  volunteer: [A, A, A, A, A, A],
  'activity feed: a PUBLIC need opened (Query.activity)': [A, A, A, A, A, A],
  'activity feed: a NETWORK need opened, a PROPOSED cooperation': [H, A, A, A, A, A],
  'createActor in region': [U, F, F, A, F, A],
  'updateActor own': [U, A, F, A, F, A],
  'updateActor in region': [U, F, F, A, F, A],
  'updateActor elsewhere': [U, F, F, F, A, A],
  'openNeed for own actor': [U, A, F, A, F, A],
  'openNeed for an actor elsewhere': [U, F, F, F, A, A],
  'openNeed for own actor elsewhere in its district': [U, A, F, F, F, A],
  'openNeed for own actor outside its district': [U, F, F, F, F, A],
  'createOffer for own actor elsewhere in its district': [U, A, F, F, F, A],
  'createOffer for own actor outside its district': [U, F, F, F, F, A],
  updateNeed: [U, A, F, A, F, A],
  closeNeed: [U, A, F, A, F, A],
  createOffer: [U, A, F, A, F, A],
  updateOffer: [U, A, F, A, F, A],
  withdrawOffer: [U, A, F, A, F, A],
  'pledge for own actor': [U, A, F, A, F, A],
  "see pledges with volunteers' names and e-mails": [H, A, H, A, H, A],
  confirmPledge: [U, A, F, A, F, A],
  declinePledge: [U, A, F, A, F, A],
  'createCooperation as participant / in region': [U, A, A, A, F, A],
  'createCooperation across regions, not a participant': [U, F, F, F, F, A],
  'updateCooperation as participant / in region': [U, A, A, A, F, A],
  createRegion: [U, F, F, F, F, A],
  'auditLog in region (Büsum)': [U, F, F, A, F, A],
  'auditLog of every region (entries elsewhere)': [U, F, F, H, A, A],
  'eraseVolunteer of a pledge in Büsum': [U, F, F, A, H, A],
  'accounts: one of Büsum in the list': [U, F, F, A, H, A],
  'createWebhook in region (Büsum)': [U, F, F, A, F, A],
  'deleteWebhook of Büsum': [U, F, F, A, 'NOT_FOUND', A],
  'webhooks: one of Büsum in the list, and through node': [U, F, F, A, H, A],
};

const ROWS = Object.entries(TABLE).flatMap(([op, outcomes]) =>
  ROLES.map((role, i) => ({ op, role, expected: outcomes[i] })),
);

beforeAll(async () => {
  t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
  admin = await t.token(Role.ADMIN);
  const ids = await demoIds(t);
  f.buesum = ids.region('Büsum');
  f.wesselburen = ids.region('Wesselburen');
  // A second Kreis of the state: outside the district of the actors in Büsum.
  f.otherDistrict = (
    await asAdmin<{ createRegion: { id: string } }>(
      `mutation($p: ID!) { createRegion(input: { name: "Kreis Nordfriesland", level: DISTRICT, parentId: $p }) { id } }`,
      { p: ids.region('Schleswig-Holstein') },
    )
  ).createRegion.id;
  f.a1 = await actor('Rollenprobe Eigener Verein', f.buesum);
  f.a2 = await actor('Rollenprobe Nachbarverein', f.buesum);
  f.c = await actor('Rollenprobe Verein Wesselburen', f.wesselburen);
  f.v = await actor('Rollenprobe Sichtbarkeit', f.buesum);
  f.w = await actor('Rollenprobe Partner', f.buesum);
  const word = { tags: ['quorx'], description: 'Quorxplatte für das Fest' };
  f.pubNeed = await need(f.v, { ...word, title: 'Quorxplatte gesucht' });
  f.netNeed = await need(f.v, { ...word, title: 'Quorxplatte intern', visibility: 'NETWORK' });
  // Offers of a partner: matching skips the need's own actor.
  f.pubOffer = await offer(f.w, { ...word, title: 'Quorxplatte zu verleihen' });
  f.netOffer = await offer(f.w, {
    ...word,
    title: 'Quorxplatte intern zu verleihen',
    visibility: 'NETWORK',
  });
  f.activeCoop = await coop([f.v, f.w], 'ACTIVE');
  f.proposedCoop = await coop([f.v, f.w], 'PROPOSED');
  f.endedCoop = await coop([f.v, f.w], 'PROPOSED');
  await asAdmin(
    `mutation($id: ID!) { updateCooperation(id: $id, input: { status: ENDED }) { id } }`,
    {
      id: f.endedCoop,
    },
  );
  f.needA1 = await need(f.a1);
  f.needC = await need(f.c);
  f.offerA1 = await offer(f.a1);
  f.coopA1A2 = await coop([f.a1, f.a2], 'PROPOSED');
  f.pledgeA1 = (await volunteerOn(f.needA1, 'sichtbar@example.org')).id;
  await withPg(t, (c) =>
    c.query(`UPDATE pledge SET volunteer_name = 'Sichtbar Probe' WHERE volunteer_email = $1`, [
      'sichtbar@example.org',
    ]),
  );
  await withPg(t, (c) =>
    c.query(
      `INSERT INTO account (email, display_name, role, actor_ids) VALUES ('probe@example.org', 'Rollenprobe Konto', 'MEMBER', $1)`,
      [[Number(Buffer.from(f.a1, 'base64url').toString().split(':')[1])]],
    ),
  );
  f.webhook = (
    await asAdmin<{ createWebhook: { webhook: { id: string } } }>(CREATE_WEBHOOK, {
      input: webhookInput(),
    })
  ).createWebhook.webhook.id;
  tokens.set('PUBLIC', undefined);
  tokens.set('MEMBER', await t.token(Role.MEMBER, { actorIds: [f.a1] }));
  tokens.set('NETWORKER', await t.token(Role.NETWORKER, { regionIds: [f.buesum] }));
  tokens.set('COORDINATOR', await t.token(Role.COORDINATOR, { regionIds: [f.buesum] }));
  tokens.set('COORDINATOR_OTHER', await t.token(Role.COORDINATOR, { regionIds: [f.wesselburen] }));
  tokens.set('ADMIN', admin);
}, 120_000);

afterAll(() => t?.stop());

describe('the access table', () => {
  it('covers every role for every operation', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(OPERATIONS).sort());
    for (const outcomes of Object.values(TABLE)) expect(outcomes).toHaveLength(ROLES.length);
  });

  it.each(ROWS)('$op as $role: $expected', async ({ op, role, expected }) => {
    const operation = OPERATIONS[op];
    const prepared = (await operation.prepare?.()) ?? '';
    // A refusal writes nothing at all; a `hidden` write may only add its audit entry.
    const refused = expected !== 'allowed' && operation.write;
    const before = refused ? await fingerprint(expected !== 'hidden') : '';
    expect(await operation.run(tokens.get(role), prepared)).toBe(expected);
    if (refused) expect(await fingerprint(expected !== 'hidden')).toBe(before);
  });
});
