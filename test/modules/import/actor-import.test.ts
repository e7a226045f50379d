import { AuditService } from '../../../src/modules/audit/audit.service';
import { ImportFailedError, importActors } from '../../../src/modules/import/actor-import';
import { CsvSyntaxError, parseCsv } from '../../../src/modules/import/csv-parser';
import { DEMO_SET, loadDemoSet } from '../../../src/modules/seed/demo-seed';
import { createTestDatabase, TestDatabase } from '../../helpers/test-database';

const HEADER = 'kind,name,municipality,topics,website,email,phone,address,latitude,longitude';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, keeping line numbers', () => {
    const recs = parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n\nlast,1');
    expect(recs).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
      { line: 6, fields: ['last', '1'] },
    ]);
  });

  it('refuses an unterminated quote with its line', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open')).toThrow('line 2');
  });
});

describe('importActors', () => {
  let t: TestDatabase;
  let audit: AuditService;
  const count = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM actor'))[0].n;

  beforeAll(async () => {
    t = await createTestDatabase();
    // regions only: the import matches municipalities by name or official key
    await loadDemoSet(t.db, { ...DEMO_SET, actors: [], cooperations: [], needs: [], offers: [] });
    audit = new AuditService(t.db);
  });
  afterAll(() => t.drop());

  it('reports a bad row with its line number and imports nothing', async () => {
    const csv = [
      HEADER,
      'CLUB,"Boßelclub ""Klootschießer"", Büsum",Büsum,sport;heimat,https://bossel.example.org,info@example.org,+49 4834 1,"Am Deich 1, Büsum",54.13,8.86',
      'SCHOOL,Grundschule Nirgendwo,Atlantis,bildung,,,,,,',
      'CLUB,Kegelclub,Büsum,sport,not-a-url,,,,,',
    ].join('\n');
    const err = await importActors(t.db, audit, csv).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailedError);
    expect((err as ImportFailedError).rejected).toEqual([
      { line: 3, reason: 'unknown municipality "Atlantis"' },
      { line: 4, reason: 'website must be an http(s) URL' },
    ]);
    expect(await count()).toBe(0);
  });

  it('refuses a file with a missing column', async () => {
    await expect(importActors(t.db, audit, 'kind,name\nCLUB,X')).rejects.toMatchObject({
      rejected: [{ line: 1, reason: 'missing column(s): municipality' }],
    });
  });

  it('imports the good rows with --skip-invalid and prints the rejected ones', async () => {
    const csv = [
      HEADER,
      'CLUB,"Boßelclub ""Klootschießer"", Büsum",Büsum,Sport; Heimat,https://bossel.example.org,info@example.org,+49 4834 1234,"Am Deich 1, Büsum",54.13,8.86',
      'fire brigade,Freiwillige Feuerwehr Oesterdeichstrich,Oesterdeichstrich,feuerwehr,,,,,,',
      'SCHOOL,Grundschule Nirgendwo,Atlantis,bildung,,,,,,',
      'CLUB,X,Büsum,,,,,,,',
    ].join('\r\n');
    const r = await importActors(t.db, audit, csv, { skipInvalid: true });
    expect(r).toEqual({
      created: 2,
      updated: 0,
      rejected: [
        { line: 4, reason: 'unknown municipality "Atlantis"' },
        { line: 5, reason: 'name must be 2 to 200 characters long' },
      ],
    });
    const [club] = await t.db.query(
      `SELECT a.name, a.topics, a.contact_address, a.latitude, r.name AS region FROM actor a JOIN region r ON r.id = a.region_id WHERE a.kind = 'CLUB'`,
    );
    expect(club).toEqual({
      name: 'Boßelclub "Klootschießer", Büsum',
      topics: ['sport', 'heimat'],
      contact_address: 'Am Deich 1, Büsum',
      latitude: 54.13,
      region: 'Büsum',
    });
  });

  it('updates on re-import instead of duplicating', async () => {
    const before = await count();
    const csv = [
      HEADER,
      'CLUB,"Boßelclub ""Klootschießer"",  Büsum",Büsum,sport;heimat;jugend,https://new.example.org,,,,,',
      'FIRE_BRIGADE,Freiwillige Feuerwehr Oesterdeichstrich,Oesterdeichstrich,feuerwehr,,,,,,',
    ].join('\n');
    const r = await importActors(t.db, audit, csv);
    expect(r).toEqual({ created: 0, updated: 2, rejected: [] });
    expect(await count()).toBe(before);
    const [club] = await t.db.query(`SELECT topics, website FROM actor WHERE kind = 'CLUB'`);
    expect(club).toEqual({
      topics: ['sport', 'heimat', 'jugend'],
      website: 'https://new.example.org',
    });
  });

  it('rejects a duplicate row within one file', async () => {
    const csv = [
      HEADER,
      'INITIATIVE,Dorfladen,Büsum,,,,,,,',
      'INITIATIVE,dorfladen,Büsum,,,,,,,',
    ].join('\n');
    await expect(importActors(t.db, audit, csv)).rejects.toMatchObject({
      rejected: [{ line: 3, reason: 'duplicate of line 2' }],
    });
  });

  it('reports progress on large files', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `INITIATIVE,Initiative ${i},Büsum,,,,,,,`);
    const seen: number[] = [];
    const r = await importActors(t.db, audit, [HEADER, ...rows].join('\n'), {
      progress: (done) => seen.push(done),
    });
    expect(r.created).toBe(1200);
    expect(seen).toEqual([500, 1000, 1200]);
  });
});
