// The open-data download (/open-data): read with independent readers (yauzl for the ZIP,
// csv-parse for the CSV files), its datapackage.json checked against the files, every actor and
// public need compared with the API, and no NETWORK record or private person in any byte.
import { parse } from 'csv-parse/sync';
import yauzl from 'yauzl';
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { demoIds } from '../actors/demo-ids';
import { dbId, openNeed, VOLUNTEER, withPg } from '../needs/need-fixtures';

const CANARY_NEED = 'Kanarienvogel-Bedarf nur fürs Netzwerk';
const CANARY_EVENT = 'Kanarienvogel-Treffen nur fürs Netzwerk';
const CANARY_NAME = 'Kanarienvogel Freiwillige';
const CANARY_EMAIL = 'kanarienvogel.freiwillige@example.org';
const CANARY_APPLICATION = 'Kanarienvogel-Antrag noch nicht bewilligt';

/** The entries of a ZIP, by name, as read by yauzl (which checks every entry's CRC). */
function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, strictFileNames: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

interface Resource {
  name: string;
  path: string;
  encoding: string;
  schema: {
    fields: Array<{ name: string; type: string; description: string }>;
    primaryKey: string;
  };
}

describe('open-data download', () => {
  let t: TestHub;
  let base: string;
  let files: Map<string, Buffer>;
  let response: Response;

  beforeAll(async () => {
    t = await startTestHub({ seed: true, env: { HUB_OPEN_DATA_LICENSE: 'cc-by-4.0' } });
    base = t.url.replace(/\/graphql$/, '');
    const ids = await demoIds(t);
    const host = ids.actor('Sportverein Büsum');
    await openNeed(t, host, { title: CANARY_NEED, visibility: 'NETWORK' });
    const publicNeed = await openNeed(t, host, { title: 'Helfende für das Vereinsfest' });
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
    // A public and a network-only event and contact point, to compare with the API.
    const admin = await t.token(Role.ADMIN);
    const startsAt = new Date(Date.now() + 7 * 86400_000);
    for (const [title, visibility] of [
      ['Ehrenamtsstammtisch im Hafen', 'PUBLIC'],
      [CANARY_EVENT, 'NETWORK'],
    ]) {
      const e = await t.gql(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        {
          input: {
            kind: 'STAMMTISCH',
            title,
            visibility,
            organizerId: host,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 7200_000).toISOString(),
          },
        },
        admin,
      );
      expect(e.errors).toBeUndefined();
      const cp = await t.gql(
        'mutation($input: CreateContactPointInput!) { createContactPoint(input: $input) { id } }',
        {
          input: {
            kind: 'BRANCH_OFFICE',
            name: `Sprechstunde: ${title}`,
            regionId: ids.region('Büsum'),
            visibility,
            hours: [{ rrule: 'FREQ=WEEKLY;BYDAY=TU', opensAt: '09:00', closesAt: '12:00' }],
          },
        },
        admin,
      );
      expect(cp.errors).toBeUndefined();
    }
    // An engagement fund with an approved grant (public ledger) and a pending application.
    await withPg(t, async (c) => {
      const { rows } = await c.query(
        `INSERT INTO funding_programme (name, region_id, period_start, period_end, budget_cents,
           committed_cents) VALUES ('Ehrenamtsbudget', $1, '2026-01-01', '2026-12-31', 100000, 25000)
         RETURNING id`,
        [dbId(ids.region('Büsum'))],
      );
      await c.query(
        `INSERT INTO funding_application (programme_id, applicant_id, region_id, title, purpose,
           requested_cents, approved_cents, status, decided_at)
         VALUES ($1, $2, $3, 'Bälle', 'Neue Bälle für die Jugend', 25000, 25000, 'APPROVED', now()),
                ($1, $2, $3, 'Offen', $4, 5000, NULL, 'SUBMITTED', NULL)`,
        [rows[0].id, dbId(host), dbId(ids.region('Büsum')), CANARY_APPLICATION],
      );
    });
    response = await fetch(`${base}/open-data`);
    files = await unzip(Buffer.from(await response.arrayBuffer()));
  }, 60_000);
  afterAll(() => t?.stop());

  it('is a ZIP download with a dated file name', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="engagement-hub-offene-daten-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect([...files.keys()].sort()).toEqual(
      [
        'actors.csv',
        'contact_points.csv',
        'cooperations.csv',
        'datapackage.json',
        'events.csv',
        'funding_ledger.csv',
        'needs.csv',
        'offers.csv',
      ].sort(),
    );
  });

  it('describes every file in datapackage.json, with the configured licence', () => {
    const pkg = JSON.parse(files.get('datapackage.json')!.toString('utf8')) as {
      profile: string;
      licenses: Array<{ name: string; path: string }>;
      resources: Resource[];
    };
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.licenses).toEqual([
      expect.objectContaining({
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
      }),
    ]);
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(
      [...files.keys()].filter((f) => f.endsWith('.csv')).sort(),
    );
    for (const r of pkg.resources) {
      expect(r.encoding).toBe('utf-8');
      const rows = parse(files.get(r.path)!, { columns: false, bom: true }) as string[][];
      // The header names the fields of the schema, in order; every row has as many cells.
      expect(rows[0]).toEqual(r.schema.fields.map((f) => f.name));
      for (const row of rows.slice(1)) expect(row).toHaveLength(rows[0].length);
      for (const f of r.schema.fields) expect(f.description.length).toBeGreaterThan(3);
      // Values match their declared types.
      const records = parse(files.get(r.path)!, { columns: true }) as Array<Record<string, string>>;
      const keys = records.map((rec) => rec[r.schema.primaryKey]);
      expect(new Set(keys).size).toBe(keys.length);
      for (const rec of records) {
        for (const f of r.schema.fields) {
          const v = rec[f.name];
          if (v === '') continue;
          if (f.type === 'integer') expect(v).toMatch(/^-?\d+$/);
          if (f.type === 'number') expect(Number.isFinite(Number(v))).toBe(true);
          if (f.type === 'boolean') expect(['true', 'false']).toContain(v);
          if (f.type === 'datetime') expect(new Date(v).toISOString()).toBe(v);
          if (f.type === 'date') expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    }
  });

  it('holds every actor and every public need as the API shows them', async () => {
    const actors = parse(files.get('actors.csv')!, { columns: true }) as Array<
      Record<string, string>
    >;
    const needs = parse(files.get('needs.csv')!, { columns: true }) as Array<
      Record<string, string>
    >;
    const page = async <T>(field: string, selection: string): Promise<T[]> => {
      const out: T[] = [];
      let after: string | null = null;
      for (;;) {
        const res: {
          data?: Record<
            string,
            { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string } }
          > | null;
        } = await t.gql(
          `query($after: String) { ${field}(first: 100, after: $after) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        out.push(...res.data![field].nodes);
        if (!res.data![field].pageInfo.hasNextPage) return out;
        after = res.data![field].pageInfo.endCursor;
      }
    };
    const apiActors = await page<{
      id: string;
      name: string;
      kind: string;
      region: { name: string };
    }>('actors', 'id name kind region { name }');
    expect(actors).toHaveLength(apiActors.length);
    const byId = new Map(actors.map((a) => [a.id, a]));
    for (const a of apiActors) {
      expect(byId.get(a.id)).toMatchObject({ name: a.name, kind: a.kind, region: a.region.name });
    }
    // Every public need of the API (open ones listed by default) is in the file with its figures.
    const admin = await t.token(Role.ADMIN);
    const apiNeeds = await t.gql<{
      needs: {
        nodes: Array<{
          id: string;
          title: string;
          quantity: number;
          remainingQuantity: number;
          visibility: string;
        }>;
      };
    }>(
      '{ needs(first: 100) { nodes { id title quantity remainingQuantity visibility } } }',
      {},
      admin,
    );
    const byNeed = new Map(needs.map((n) => [n.id, n]));
    const publicNeeds = apiNeeds.data!.needs.nodes.filter((n) => n.visibility === 'PUBLIC');
    expect(publicNeeds.length).toBeGreaterThan(5);
    for (const n of publicNeeds) {
      expect(byNeed.get(n.id)).toMatchObject({
        title: n.title,
        quantity: String(n.quantity),
        remaining_quantity: String(n.remainingQuantity),
      });
    }
    for (const n of apiNeeds.data!.needs.nodes.filter((x) => x.visibility !== 'PUBLIC')) {
      expect(byNeed.has(n.id)).toBe(false);
    }
  });

  it('holds every public event, contact point and cooperation as the API shows them', async () => {
    const rows = (file: string) =>
      parse(files.get(file)!, { columns: true }) as Array<Record<string, string>>;
    const list = async <T>(query: string, field: string): Promise<T[]> => {
      const res = await t.gql<Record<string, { nodes: T[] }>>(query);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data![field].nodes;
    };
    const events = await list<{ id: string; title: string; startsAt: string; status: string }>(
      '{ events(first: 100) { nodes { id title startsAt status } } }',
      'events',
    );
    const eventRows = new Map(rows('events.csv').map((r) => [r.id, r]));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(eventRows.get(e.id)).toMatchObject({
        title: e.title,
        starts_at: new Date(e.startsAt).toISOString(),
        status: e.status,
      });
    }
    const points = await list<{ id: string; name: string }>(
      '{ contactPoints(first: 100) { nodes { id name } } }',
      'contactPoints',
    );
    const pointRows = rows('contact_points.csv');
    expect(pointRows.map((r) => r.id).sort()).toEqual(points.map((p) => p.id).sort());
    for (const p of points) {
      expect(pointRows.find((r) => r.id === p.id)).toMatchObject({
        name: p.name,
        hours: 'FREQ=WEEKLY;BYDAY=TU 09:00-12:00',
      });
    }
    // Every cooperation row is one a PUBLIC caller can open, with the same title and partners.
    const coops = rows('cooperations.csv');
    expect(coops.length).toBeGreaterThan(0);
    for (const c of coops) {
      const res = await t.gql<{
        node: { title: string; status: string; participants: Array<{ id: string }> } | null;
      }>(
        'query($id: ID!) { node(id: $id) { ... on Cooperation { title status participants { id } } } }',
        { id: c.id },
      );
      expect(res.data?.node).toMatchObject({ title: c.title, status: c.status });
      expect(res.data!.node!.participants.map((p) => p.id).sort()).toEqual(
        c.participant_ids.split(';').sort(),
      );
    }
  });

  it('has no NETWORK record and no private person in any file', () => {
    const all = [...files.values()].map((b) => b.toString('utf8')).join('\n');
    for (const canary of [CANARY_NEED, CANARY_EVENT, CANARY_NAME, CANARY_EMAIL, CANARY_APPLICATION])
      expect(all).not.toContain(canary);
    expect(all).toContain('Helfende für das Vereinsfest');
  });

  it('lists approved grants of the engagement funds, as the public ledger does', () => {
    const rows = parse(files.get('funding_ledger.csv')!, { columns: true, bom: true }) as Array<
      Record<string, string>
    >;
    expect(rows).toEqual([
      expect.objectContaining({
        programme: 'Ehrenamtsbudget',
        applicant: 'Sportverein Büsum',
        purpose: 'Neue Bälle für die Jugend',
        amount_cents: '25000',
        status: 'APPROVED',
        region: 'Büsum',
      }),
    ]);
  });

  it('refuses more than the rate limit from one address with 429 and a German message', async () => {
    let refused: Response | undefined;
    for (let i = 0; i < 25 && !refused; i++) {
      const res = await fetch(`${base}/open-data`);
      if (res.status === 429) refused = res;
      else await res.arrayBuffer();
    }
    expect(refused).toBeDefined();
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused!.text()).toContain('Zu viele Downloads');
  });
});
