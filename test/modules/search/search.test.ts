// Search that finds German words: parts of compounds, small typos, punctuation, with an exact
// word still first; and every search statement served by indexes (EXPLAIN on a table of a
// realistic size), one statement per kind of record.
import { Client } from 'pg';
import { startTestHub, TestHub } from '../../helpers/test-hub';

type Hit = { __typename: string; name?: string; title?: string };
const SEARCH = `query($text: String!, $first: Int) { search(text: $text, first: $first) {
  __typename ... on Actor { name } ... on Need { title } ... on Offer { title } } }`;
const label = (h: Hit) => h.name ?? h.title ?? '';

interface PlanNode {
  Plan: PlanNode;
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const planNodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(planNodes)];

describe('search', () => {
  let t: TestHub;
  let db: Client;

  const search = async (text: string, first = 50): Promise<string[]> => {
    const res = await t.gql<{ search: Hit[] }>(SEARCH, { text, first });
    expect(res.errors).toBeUndefined();
    return res.data!.search.map(label);
  };

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    // Two actors the demo data lacks: a pupils' company and a school named by the bare word.
    await db.query(
      `INSERT INTO actor (kind, name, region_id)
       SELECT 'INITIATIVE', n, (SELECT id FROM region WHERE name = 'Büsum')
         FROM unnest(ARRAY['Schülerfirma Kutterkiste', 'Schule am Deich']) n`,
    );
  });
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it('finds the parts of compounds: Schule, Verein, Schüler', async () => {
    const schools = await search('Schule');
    expect(schools).toEqual(
      expect.arrayContaining([
        'Grundschule Büsum',
        'Gemeinschaftsschule Büsum',
        'Grundschule Wesselburen',
        'Gemeinschaftsschule Wesselburen',
        'Dörfergrundschule Reinsbüttel',
      ]),
    );
    expect(await search('Verein')).toEqual(
      expect.arrayContaining(['Sportverein Büsum', 'Heimatverein Büsum', 'Boßelverein Strübbel']),
    );
    expect(await search('Schüler')).toContain('Schülerfirma Kutterkiste');
    // folded the same way as the names: without umlauts as well
    expect(await search('Schueler')).toContain('Schülerfirma Kutterkiste');
  });

  it('ranks the exact word before compounds that contain it', async () => {
    const schools = await search('Schule');
    expect(schools[0]).toBe('Schule am Deich');
    const brigades = await search('Feuerwehr');
    expect(brigades.slice(0, 5).every((n) => /\bFeuerwehr\b/.test(n))).toBe(true);
    expect(brigades).toContain('Jugendfeuerwehr Büsum');
    expect(brigades.indexOf('Jugendfeuerwehr Büsum')).toBeGreaterThan(4);
  });

  it('tolerates small typos', async () => {
    expect(await search('Feuerwher')).toEqual(
      expect.arrayContaining(['Freiwillige Feuerwehr Büsum', 'Freiwillige Feuerwehr Wesselburen']),
    );
    expect(await search('Sportvrein')).toContain('Sportverein Wesselburen');
  });

  it('answers texts with punctuation: "Sport & Spiel" finds what has either word', async () => {
    const hits = await search('Sport & Spiel');
    expect(hits).toEqual(
      expect.arrayContaining(['Sportverein Büsum', 'Spielmannszug Wesselburen']),
    );
    expect(await search('& / -')).toEqual([]);
  });

  it('uses the same matching in the actors, needs and offers filters', async () => {
    const actors = await t.gql<{ actors: { nodes: { name: string }[] } }>(
      '{ actors(first: 100, filter: { text: "Verein" }) { nodes { name } } }',
    );
    expect(actors.data!.actors.nodes.map((a) => a.name)).toContain('Sportverein Büsum');
    const needs = await t.gql<{ needs: { nodes: { title: string }[] } }>(
      '{ needs(first: 100, filter: { text: "Sport" }) { nodes { title } } }',
    );
    expect(needs.data!.needs.nodes.map((n) => n.title)).toContain('Zelte für das Sportfest');
    const offers = await t.gql<{ offers: { nodes: { title: string }[] } }>(
      '{ offers(first: 100, filter: { text: "Garnitur" }) { nodes { title } } }',
    );
    expect(offers.data!.offers.nodes.map((n) => n.title)).toContain(
      'Biertischgarnituren zum Ausleihen',
    );
  });

  it('narrows list filters by every word, leaving stop words out', async () => {
    const names = async (text: string) =>
      (
        await t.gql<{ actors: { nodes: { name: string }[] } }>(
          'query($text: String!) { actors(first: 100, filter: { text: $text }) { nodes { name } } }',
          { text },
        )
      ).data!.actors.nodes.map((a) => a.name);
    const both = await names('Verein Wesselburen');
    expect(both).toContain('Sportverein Wesselburen');
    expect(both).not.toContain('Sportverein Büsum');
    expect((await names('Verein und Wesselburen')).sort()).toEqual([...both].sort());
  });

  it('runs each search as one indexed statement, never a sequential scan', async () => {
    // A realistic size and spread (as the bench generator's): 40,000 more actors of twenty
    // kinds of names, each word in about one name and one topic list of twenty; 10,000 needs and offers.
    await db.query(`INSERT INTO actor (kind, name, region_id, topics, description)
      SELECT 'CLUB', (ARRAY['Sportverein','Heimatverein','Grundschule','Tafel','Freiwillige Feuerwehr',
               'Bäckerei','Tischlerei','Hofladen','Reederei','Kirchengemeinde St.','Bürgerstiftung',
               'Nachbarschaftshilfe','Repair-Café','Dorfladen','Lesepaten','Shantychor',
               'Schützenverein','Theaterverein','Angelverein','Förderzentrum'])[1 + g % 20]
             || ' ' || (ARRAY['Norder','Süder','Wester','Oster','Neu','Alt'])[1 + g % 6] || 'koog ' || g,
             (SELECT id FROM region WHERE name = 'Büsum'),
             ARRAY[(ARRAY['sport','kultur','jugend','senioren','natur','bildung','heimat','kirche',
               'musik','umwelt','tourismus','ehrenamt','integration','kinder','rettung'])[1 + g % 15]],
             CASE WHEN g % 2 = 0 THEN 'Im Ort engagiert, seit ' || (1950 + g % 70) || '.' END
        FROM generate_series(1, 40000) g`);
    const owner = `(SELECT min(id) FROM actor)`;
    const region = `(SELECT id FROM region WHERE name = 'Büsum')`;
    await db.query(`INSERT INTO need (actor_id, kind, title, region_id, quantity)
      SELECT ${owner}, 'HELPERS', 'Helfende für Fest ' || g, ${region}, 3 FROM generate_series(1, 10000) g`);
    await db.query(`INSERT INTO offer (actor_id, kind, title, region_id)
      SELECT ${owner}, 'ROOM', 'Raum Nummer ' || g, ${region} FROM generate_series(1, 10000) g`);
    await db.query(`INSERT INTO knowledge_article (area, title, body)
      SELECT 'TAX', 'Antwort Nummer ' || g, 'Text ' || g FROM generate_series(1, 10000) g`);
    await db.query('VACUUM ANALYZE actor, need, offer, knowledge_article');

    // The statements the hub sends for a search, captured at the driver.
    const original = Client.prototype.query;
    const seen: Array<{ text: string; values: unknown[] }> = [];
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const [a, b] = args as [unknown, unknown];
      const text = typeof a === 'string' ? a : (a as { text?: string })?.text;
      const values = typeof a === 'string' ? b : (a as { values?: unknown[] })?.values;
      if (text && text.includes('%>')) seen.push({ text, values: (values as unknown[]) ?? [] });
      return (original as (...x: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
    try {
      for (const text of ['Schule', 'Feuerwher', 'Sport & Spiel']) {
        seen.length = 0;
        const hits = await search(text, 20);
        expect(hits.length).toBeGreaterThan(0);
        // one statement for the actors, one for needs and offers together, one for the
        // knowledge base (the consultations module's search source)
        expect(seen).toHaveLength(3);
        for (const s of seen) {
          const explain = original as unknown as (
            this: Client,
            text: string,
            values: unknown[],
          ) => Promise<{ rows: Array<Record<string, unknown>> }>;
          const { rows } = await explain.call(db, `EXPLAIN (FORMAT JSON) ${s.text}`, s.values);
          const plan = rows[0]['QUERY PLAN'] as PlanNode[];
          const scans = planNodes(plan[0].Plan)
            .filter((n) =>
              ['actor', 'need', 'offer', 'knowledge_article'].includes(n['Relation Name'] ?? ''),
            )
            .map((n) => `${n['Node Type']} on ${n['Relation Name']}`);
          expect({
            text,
            scans,
            plan: scans.some((x) => x.startsWith('Seq')) ? plan : null,
          }).toEqual({
            plan: null,
            text,
            scans: expect.not.arrayContaining([expect.stringMatching(/^Seq Scan/)]),
          });
          expect(scans.length).toBeGreaterThan(0);
          expect(JSON.stringify(plan)).toMatch(
            /IDX_(actor|need|offer|knowledge_article)_search_name/,
          );
        }
      }
    } finally {
      Client.prototype.query = original;
    }
  }, 120_000);
});
