import fs from 'node:fs';
import path from 'node:path';
import { ActorKind } from '../../../src/modules/actors/actor.entity';
import { AuditService } from '../../../src/modules/audit/audit.service';
import {
  actorKindFromName,
  ImportFailedError,
  ImportFileError,
  importActors,
} from '../../../src/modules/import/actor-import';
import { decodeCsv } from '../../../src/modules/import/csv-encoding';
import { CsvSyntaxError, detectSeparator, parseCsv } from '../../../src/modules/import/csv-parser';
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

describe('reading what spreadsheet programs save', () => {
  it('detects the separator from the header line, outside quotes', () => {
    expect(detectSeparator('kind;name;municipality\nCLUB;"a, b";Büsum')).toBe(';');
    expect(detectSeparator('kind\tname\tmunicipality\n')).toBe('\t');
    expect(detectSeparator('"a;b;c",kind,name\n')).toBe(',');
    expect(detectSeparator('kind\n')).toBe(',');
    expect(parseCsv('a;b\n"x; y";2,5', { separator: ';' })).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x; y', '2,5'] },
    ]);
  });

  it('reads Windows-1252 and UTF-16 files, and UTF-8 with or without a byte order mark', () => {
    const text = 'Müller-Straße 5 – 10 €, „Zitat“';
    const cp1252 = Buffer.from([
      ...Buffer.from('M', 'latin1'),
      0xfc,
      ...Buffer.from('ller-Stra', 'latin1'),
      0xdf,
      ...Buffer.from('e 5 ', 'latin1'),
      0x96,
      ...Buffer.from(' 10 ', 'latin1'),
      0x80,
      ...Buffer.from(', ', 'latin1'),
      0x84,
      ...Buffer.from('Zitat', 'latin1'),
      0x93,
    ]);
    expect(decodeCsv(cp1252)).toEqual({ text, encoding: 'Windows-1252' });
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'UTF-8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decodeCsv(bom)).toEqual({ text, encoding: 'UTF-8' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeCsv(utf16)).toEqual({ text, encoding: 'UTF-16LE' });
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decodeCsv(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      text,
      encoding: 'UTF-16BE',
    });
  });

  it('refuses a workbook, a binary file and an unknown code page with a hint how to save', () => {
    const workbook = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(() => decodeCsv(workbook)).toThrow(/workbook.*CSV UTF-8/);
    expect(() => decodeCsv(Buffer.from([0x61, 0x00, 0x62]))).toThrow(/not text.*CSV UTF-8/);
    // 0x81 is unassigned in Windows-1252 (and invalid UTF-8): some other code page
    expect(() => decodeCsv(Buffer.from([0x61, 0x81, 0x62]))).toThrow(
      /neither UTF-8 nor Windows-1252.*CSV UTF-8/,
    );
  });

  it('maps English and German kind names to the actor kinds', () => {
    for (const kind of Object.values(ActorKind)) expect(actorKindFromName(kind)).toBe(kind);
    const cases: Array<[string, ActorKind]> = [
      ['Verein', ActorKind.CLUB],
      ['VEREIN', ActorKind.CLUB],
      ['Schule', ActorKind.SCHOOL],
      ['Feuerwehr', ActorKind.FIRE_BRIGADE],
      ['Freiwillige Feuerwehr', ActorKind.FIRE_BRIGADE],
      ['fire brigade', ActorKind.FIRE_BRIGADE],
      ['Network-Role', ActorKind.NETWORK_ROLE],
      ['Netzwerkrolle', ActorKind.NETWORK_ROLE],
      ['Gemeinde', ActorKind.MUNICIPALITY],
      ['Freiwilligenagentur', ActorKind.VOLUNTEER_AGENCY],
      ['Unternehmen', ActorKind.COMPANY],
      ['Stiftung', ActorKind.FOUNDATION],
      ['Beirat', ActorKind.ADVISORY_BOARD],
      ['Kirchengemeinde', ActorKind.RELIGIOUS_COMMUNITY],
      ['Bürgerinitiative', ActorKind.INITIATIVE],
      ['BUERGERINITIATIVE', ActorKind.INITIATIVE],
      ['Sonstige', ActorKind.OTHER],
    ];
    for (const [name, kind] of cases)
      expect({ name, kind: actorKindFromName(name) }).toEqual({ name, kind });
    expect(actorKindFromName('Sportclub')).toBeNull();
  });
});

describe('importActors: files as people save them', () => {
  let t: TestDatabase;
  let audit: AuditService;

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoSet(t.db, { ...DEMO_SET, actors: [], cooperations: [], needs: [], offers: [] });
    audit = new AuditService(t.db);
  });
  afterAll(() => t.drop());

  it('imports a ;-separated Windows-1252 file with German kinds and decimal commas', async () => {
    const csv = [
      'Kind;Name;Municipality;Topics;Latitude;Longitude',
      'Verein;Heimatverein Süderdeich;Büsum;Heimat, Kultur;54,13;8,86',
      'Feuerwehr;Freiwillige Feuerwehr Warwerort;Büsum;;;',
      'Schule;"Grundschule ""Am Meer""; Büsum";Büsum;bildung;;',
    ].join('\r\n');
    const bytes = Buffer.from(csv, 'latin1'); // ü and ß as single Windows-1252 bytes
    expect(bytes.includes(0xfc)).toBe(true);
    const r = await importActors(t.db, audit, bytes);
    expect(r).toEqual({ created: 3, updated: 0, rejected: [] });
    const rows = await t.db.query(
      `SELECT kind, name, topics, latitude, longitude FROM actor ORDER BY name`,
    );
    expect(rows).toEqual([
      {
        kind: 'FIRE_BRIGADE',
        name: 'Freiwillige Feuerwehr Warwerort',
        topics: [],
        latitude: null,
        longitude: null,
      },
      {
        kind: 'SCHOOL',
        name: 'Grundschule "Am Meer"; Büsum',
        topics: ['bildung'],
        latitude: null,
        longitude: null,
      },
      {
        kind: 'CLUB',
        name: 'Heimatverein Süderdeich',
        topics: ['heimat', 'kultur'],
        latitude: 54.13,
        longitude: 8.86,
      },
    ]);
  });

  it('says an empty file is empty, and refuses a broken quote for the whole file', async () => {
    for (const empty of ['', '\n\n', '\uFEFF', Buffer.alloc(0)]) {
      const err = await importActors(t.db, audit, empty).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportFileError);
      expect((err as Error).message).toBe('the file is empty');
    }
    const err = await importActors(t.db, audit, `${HEADER}\nCLUB,"Kegelclub,Büsum,,,,,,,,\n`).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as Error).message).toMatch(/^line 2: a quoted field is never closed/);
  });

  it('imports the example of the README', async () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const example = /```csv\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain('Boßelverein Süderdeich');
    const r = await importActors(t.db, audit, example!);
    expect(r).toMatchObject({ created: 2, rejected: [] });
    const [club] = await t.db.query(
      `SELECT topics, contact_address, latitude FROM actor WHERE name = 'Boßelverein Süderdeich'`,
    );
    expect(club).toEqual({
      topics: ['sport', 'heimat'],
      contact_address: 'Am Deich 1; 25761 Büsum',
      latitude: 54.13,
    });
  });

  it('imports nothing from a file with only the header row', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM actor'))[0].n;
    expect(await importActors(t.db, audit, `${HEADER}\n`)).toEqual({
      created: 0,
      updated: 0,
      rejected: [],
    });
    const after = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM actor'))[0].n;
    expect(after).toBe(before);
  });
});
