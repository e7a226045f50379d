// HSDS 3.0 out (/hsds/...): every response validated against the project's JSON Schema of the
// HSDS 3.0 reference (hsds-schema.ts), every record compared with what the API answers a PUBLIC
// caller, paging and incremental sync with tombstones, bad parameters refused, and nothing that
// is NETWORK or personal in any answer.
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { openNeed, VOLUNTEER, withPg } from '../needs/need-fixtures';
import { hsdsValidator } from './hsds-schema';

const CANARY_OFFER = 'Kanarienvogel-Angebot nur fürs Netzwerk';
const CANARY_NEED = 'Kanarienvogel-Bedarf nur fürs Netzwerk';
const CANARY_NAME = 'Kanarienvogel Freiwilliger';
const CANARY_EMAIL = 'kanarienvogel.freiwilliger@example.org';

interface Page {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Array<Record<string, unknown>>;
  removed?: Array<{ id: string; removed_at: string }>;
}

describe('HSDS 3.0', () => {
  let t: TestHub;
  let base: string;
  let admin: string;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const validate = hsdsValidator();
  const bodies: string[] = [];

  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    const text = await res.text();
    bodies.push(text);
    return { status: res.status, body: JSON.parse(text) as unknown, headers: res.headers };
  };

  /** Every item of a paged list, walking the pages as an importer does. */
  const all = async (path: string, schemaId: string, perPage = 7) => {
    const items: Array<Record<string, unknown>> = [];
    for (let page = 1; ; page++) {
      const sep = path.includes('?') ? '&' : '?';
      const { status, body } = await get(`${path}${sep}page=${page}&per_page=${perPage}`);
      expect(status).toBe(200);
      validate(schemaId, body);
      const p = body as Page;
      expect(p.page_number).toBe(page);
      expect(p.size).toBe(p.contents.length);
      expect(p.first_page).toBe(page === 1);
      items.push(...p.contents);
      if (p.last_page) {
        expect(items).toHaveLength(p.total_items);
        expect(p.total_pages).toBe(Math.max(1, Math.ceil(p.total_items / perPage)));
        return items;
      }
      expect(p.size).toBe(perPage);
    }
  };

  /** Every node of an API list, page by page, as a PUBLIC caller. */
  const apiAll = async <T>(field: string, selection: string): Promise<T[]> => {
    const nodes: T[] = [];
    let after: string | null = null;
    type ListPage = Record<
      string,
      { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string } }
    >;
    for (;;) {
      const res: { data?: ListPage | null; errors?: unknown } = await t.gql<ListPage>(
        `query($after: String) { ${field}(first: 100, after: $after) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      nodes.push(...res.data![field].nodes);
      if (!res.data![field].pageInfo.hasNextPage) return nodes;
      after = res.data![field].pageInfo.endCursor;
    }
  };

  const mutate = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const res = await t.gql<T>(query, variables, admin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };

  let pointId: string;
  let networkPointId: string;
  let offerId: string;

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    base = t.url.replace(/\/graphql$/, '');
    admin = await t.token(Role.ADMIN);
    ids = await demoIds(t);
    const host = ids.actor('Sportverein Büsum');
    const cp = await mutate<{ createContactPoint: { id: string } }>(
      'mutation($input: CreateContactPointInput!) { createContactPoint(input: $input) { id } }',
      {
        input: {
          kind: 'BRANCH_OFFICE',
          name: 'Sprechstunde im Dorfgemeinschaftshaus',
          regionId: ids.region('Büsum'),
          address: 'Dorfstraße 1, 25761 Büsum',
          location: { latitude: 54.13, longitude: 8.86 },
          hostedById: host,
          hours: [
            { rrule: 'FREQ=WEEKLY;BYDAY=TU', opensAt: '09:00', closesAt: '12:00' },
            {
              rrule: 'FREQ=MONTHLY;BYDAY=1WE',
              opensAt: '16:00',
              closesAt: '18:00',
              note: 'Raum 2',
            },
            { rrule: 'FREQ=DAILY;INTERVAL=1', opensAt: '08:00', closesAt: '08:30' },
          ],
        },
      },
    );
    pointId = cp.createContactPoint.id;
    const hidden = await mutate<{ createContactPoint: { id: string } }>(
      'mutation($input: CreateContactPointInput!) { createContactPoint(input: $input) { id } }',
      {
        input: {
          kind: 'CENTRAL_OFFICE',
          name: 'Interne Anlaufstelle',
          regionId: ids.region('Büsum'),
          visibility: 'NETWORK',
          hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=MO', opensAt: '09:00', closesAt: '10:00' }],
        },
      },
    );
    networkPointId = hidden.createContactPoint.id;
    const offer = await mutate<{ createOffer: { id: string } }>(
      'mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }',
      {
        input: {
          actorId: host,
          kind: 'EQUIPMENT',
          title: 'Zelt 6 x 12 m zum Ausleihen',
          quantity: 1,
        },
      },
    );
    offerId = offer.createOffer.id;
    await mutate('mutation($input: CreateOfferInput!) { createOffer(input: $input) { id } }', {
      input: { actorId: host, kind: 'EQUIPMENT', title: CANARY_OFFER, visibility: 'NETWORK' },
    });
    await openNeed(t, host, { title: CANARY_NEED, visibility: 'NETWORK' });
    const publicNeed = await openNeed(t, host, { title: 'Helfende für das Sportfest' });
    const v = await t.gql(VOLUNTEER, {
      input: {
        needId: publicNeed.id,
        quantity: 1,
        name: CANARY_NAME,
        email: CANARY_EMAIL,
        consent: true,
      },
    });
    expect(v.errors).toBeUndefined();
  }, 60_000);
  afterAll(() => t?.stop());

  it('describes itself at /hsds', async () => {
    const { status, body } = await get('/hsds');
    expect(status).toBe(200);
    validate('meta', body);
  });

  it('lists every actor as an organization, as the API shows it to anyone', async () => {
    const orgs = await all('/hsds/organizations', 'organization_page');
    const actors = await apiAll<{
      id: string;
      name: string;
      description: string | null;
      website: string | null;
      publicContact: { email: string | null } | null;
    }>('actors', 'id name description website publicContact { email }');
    expect(orgs).toHaveLength(actors.length);
    const byName = new Map(orgs.map((o) => [o.name as string, o]));
    expect(byName.size).toBe(orgs.length);
    for (const a of actors) {
      const o = byName.get(a.name)!;
      expect(o).toBeDefined();
      expect(o.description).toBe(a.description ?? '');
      expect(o.website).toBe(a.website ?? undefined);
      expect(o.email).toBe(a.publicContact?.email ?? undefined);
    }
    // The same ids on every call, and the detail of one with its services and locations.
    const again = await all('/hsds/organizations', 'organization_page', 50);
    expect(again.map((o) => o.id)).toEqual(orgs.map((o) => o.id));
    const sv = byName.get('Sportverein Büsum')!;
    const detail = await get(`/hsds/organizations/${sv.id as string}`);
    expect(detail.status).toBe(200);
    validate('organization', detail.body);
    const d = detail.body as {
      services: Array<{ name: string }>;
      locations: Array<{ name: string }>;
    };
    expect(d.services.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'Zelt 6 x 12 m zum Ausleihen',
        'Sprechstunde: Sprechstunde im Dorfgemeinschaftshaus',
      ]),
    );
    expect(d.locations.map((l) => l.name)).toEqual(['Sprechstunde im Dorfgemeinschaftshaus']);
  });

  it('lists public offers and office hours as services, with the hours as HSDS schedules', async () => {
    const services = await all('/hsds/services', 'service_page', 5);
    const offers = await apiAll<{ title: string }>('offers', 'title');
    const names = services.map((s) => s.name);
    expect(offers.length).toBeGreaterThan(0);
    for (const o of offers) expect(names).toContain(o.title);
    expect(names).not.toContain(CANARY_OFFER);
    const hours = services.find(
      (s) => s.name === 'Sprechstunde: Sprechstunde im Dorfgemeinschaftshaus',
    )!;
    expect(hours.status).toBe('active');
    const sched = hours.schedules as Array<Record<string, unknown>>;
    expect(sched.map((s) => [s.freq, s.byday, s.opens_at, s.closes_at])).toEqual([
      ['WEEKLY', 'TU', '09:00', '12:00'],
      ['MONTHLY', '1WE', '16:00', '18:00'],
      ['WEEKLY', 'MO,TU,WE,TH,FR,SA,SU', '08:00', '08:30'],
    ]);
    expect(sched[1].notes).toBe('Raum 2');
    expect(sched[0].description).toContain('Europe/Berlin');
    const one = await get(`/hsds/services/${hours.id as string}`);
    expect(one.status).toBe(200);
    validate('service', one.body);
  });

  it('lists public contact points as locations, never a NETWORK one', async () => {
    const locations = await all('/hsds/locations', 'location_page', 2);
    expect(locations.map((l) => l.name)).toEqual(['Sprechstunde im Dorfgemeinschaftshaus']);
    const [loc] = locations;
    expect(loc).toMatchObject({ location_type: 'physical', latitude: 54.13, longitude: 8.86 });
    expect(String(loc.description)).toContain('Dorfstraße 1');
    const one = await get(`/hsds/locations/${loc.id as string}`);
    expect(one.status).toBe(200);
    validate('location_list', one.body);
  });

  it('answers only what changed since modified_after, and tombstones for what left', async () => {
    const before = await all('/hsds/services', 'service_page', 50);
    const since = new Date().toISOString();
    // Nothing changed yet: an empty page, no removals.
    const empty = await get(`/hsds/services?modified_after=${encodeURIComponent(since)}`);
    validate('service_page', empty.body);
    expect(empty.body).toMatchObject({ total_items: 0, empty: true, contents: [], removed: [] });

    await mutate(
      'mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }',
      {
        id: offerId,
        input: { visibility: 'NETWORK' },
      },
    );
    await mutate('mutation($id: ID!) { deleteContactPoint(id: $id) }', { id: pointId });
    await mutate(
      'mutation($id: ID!, $input: UpdateContactPointInput!) { updateContactPoint(id: $id, input: $input) { id } }',
      { id: networkPointId, input: { name: 'Interne Anlaufstelle (neu)' } },
    );

    const changed = await get(`/hsds/services?modified_after=${encodeURIComponent(since)}`);
    validate('service_page', changed.body);
    const c = changed.body as Page;
    expect(c.contents).toEqual([]);
    const offerService = before.find((s) => s.name === 'Zelt 6 x 12 m zum Ausleihen')!;
    const hoursService = before.find((s) => String(s.name).startsWith('Sprechstunde:'))!;
    expect(c.removed!.map((r) => r.id).sort()).toEqual([offerService.id, hoursService.id].sort());

    const locs = await get(`/hsds/locations?modified_after=${encodeURIComponent(since)}`);
    validate('location_page', locs.body);
    expect((locs.body as Page).contents).toEqual([]);
    expect((locs.body as Page).removed).toHaveLength(1);
    // The services list without modified_after no longer has either.
    const after = await all('/hsds/services', 'service_page', 50);
    expect(after.map((s) => s.id)).not.toContain(offerService.id);
    expect(after.map((s) => s.id)).not.toContain(hoursService.id);

    // Public again: the tombstone goes, the record is back as changed.
    await mutate(
      'mutation($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }',
      {
        id: offerId,
        input: { visibility: 'PUBLIC' },
      },
    );
    const back = (await get(`/hsds/services?modified_after=${encodeURIComponent(since)}`))
      .body as Page;
    expect(back.contents.map((s) => s.id)).toEqual([offerService.id]);
    expect(back.removed!.map((r) => r.id)).toEqual([hoursService.id]);
  });

  it('refuses bad parameters with BAD_USER_INPUT naming them, and unknown ids with 404', async () => {
    for (const [q, field] of [
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['per_page=501', 'per_page'],
      ['per_page=-1', 'per_page'],
      ['modified_after=gestern', 'modified_after'],
      ['modified_after=2026-13-45', 'modified_after'],
    ]) {
      const res = await get(`/hsds/organizations?${q}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        errors: [{ extensions: { code: 'BAD_USER_INPUT', field } }],
      });
    }
    for (const path of [
      '/hsds/organizations/not-a-uuid',
      '/hsds/organizations/00000000-0000-8001-8000-000000000001',
      '/hsds/services/00000000-0000-4000-8000-000000000000',
      '/hsds/locations/ffffffff-ffff-8020-8fff-ffffffffffff',
    ]) {
      expect((await get(path)).status).toBe(404);
    }
  });

  it('never shows a NETWORK record or a volunteer anywhere', async () => {
    await all('/hsds/organizations', 'organization_page', 100);
    await all('/hsds/services', 'service_page', 100);
    const everything = bodies.join('\n');
    for (const canary of [
      CANARY_OFFER,
      CANARY_NEED,
      CANARY_NAME,
      CANARY_EMAIL,
      'Interne Anlaufstelle',
    ]) {
      expect(everything).not.toContain(canary);
    }
    // The canaries exist, so their absence means something.
    const rows = await withPg(t, (c) =>
      c.query(
        `SELECT (SELECT count(*) FROM offer WHERE title = $1)::int AS o,
                      (SELECT count(*) FROM pledge WHERE volunteer_email = $2)::int AS p`,
        [CANARY_OFFER, CANARY_EMAIL],
      ),
    );
    expect(rows.rows[0]).toEqual({ o: 1, p: 1 });
  });
});
