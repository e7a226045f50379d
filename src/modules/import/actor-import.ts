// Imports actors from a CSV file (header row; columns kind, name, municipality, topics,
// website, email, phone, address, latitude, longitude; separated by `,`, `;` or tab). All rows
// are checked before anything is written; then every good row is written in one transaction, so
// a failed import leaves nothing behind. Re-importing updates: each row has a stable key
// (kind | folded name | region id) kept in actor.import_key.
//
// The steps: readCsvRecords (text, separator, syntax) -> readHeader -> checkRows (each row on its
// own, against the regions) -> writeRows (one transaction, audited).
import { Database } from '../../db/database';
import { DomainError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { SYSTEM_VIEWER } from '../../graphql/viewer';
import { ActorKind } from '../actors/actor.entity';
import { actorColumns, ActorData } from '../actors/actor.validation';
import type { AuditService } from '../audit/audit.service';
import { CsvEncoding, CsvEncodingError, decodeCsv } from './csv-encoding';
import { CsvRecord, CsvSeparator, CsvSyntaxError, detectSeparator, parseCsv } from './csv-parser';

export const IMPORT_COLUMNS = [
  'kind',
  'name',
  'municipality',
  'topics',
  'website',
  'email',
  'phone',
  'address',
  'latitude',
  'longitude',
] as const;
const REQUIRED = ['kind', 'name', 'municipality'];

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  rejected: RejectedRow[];
}

export class ImportFailedError extends Error {
  constructor(
    readonly rejected: RejectedRow[],
    message = `import refused: ${rejected.length} bad row(s), nothing imported`,
  ) {
    super(message);
  }
}

/** The file as a whole is unusable (empty, not CSV, a bad header): one reason, no rows read. */
export class ImportFileError extends ImportFailedError {
  constructor(
    readonly reason: string,
    line?: number,
  ) {
    super([{ line: line ?? 1, reason }], line === undefined ? reason : `line ${line}: ${reason}`);
  }
}

export interface ImportOptions {
  skipInvalid?: boolean;
  /** Called with (done, total) now and then on large files. */
  progress?: (done: number, total: number) => void;
}

interface GoodRow {
  line: number;
  key: string;
  kind: ActorKind;
  columns: Record<string, unknown>;
}

/** A column value in capitals without umlauts, spaces, dashes or underscores: "Feuerwehr" -> FEUERWEHR. */
const kindKey = (s: string) =>
  s
    .normalize('NFC')
    .toUpperCase()
    .replace(/Ä/g, 'AE')
    .replace(/Ö/g, 'OE')
    .replace(/Ü/g, 'UE')
    .replace(/ß|ẞ/g, 'SS')
    .replace(/[\s_-]+/g, '');

/**
 * German names of the actor kinds, as people in a volunteering network call them. A fire
 * brigade has a kind of its own (FIRE_BRIGADE), though it is a club in law: the network treats it
 * as the institution it is. A Beirat (Senioren-, Jugendbeirat) is an ADVISORY_BOARD.
 */
const GERMAN_KINDS: Record<ActorKind, string[]> = {
  [ActorKind.SCHOOL]: ['Schule'],
  [ActorKind.CLUB]: ['Verein'],
  [ActorKind.INITIATIVE]: ['Initiative', 'Bürgerinitiative'],
  [ActorKind.NETWORK_ROLE]: ['Netzwerkrolle'],
  [ActorKind.MUNICIPALITY]: ['Gemeinde', 'Kommune', 'Amt', 'Stadt'],
  [ActorKind.VOLUNTEER_AGENCY]: ['Freiwilligenagentur', 'Ehrenamtsagentur'],
  [ActorKind.COMPANY]: ['Unternehmen', 'Firma', 'Betrieb'],
  [ActorKind.FOUNDATION]: ['Stiftung'],
  [ActorKind.ADVISORY_BOARD]: ['Beirat'],
  [ActorKind.FIRE_BRIGADE]: ['Feuerwehr', 'Freiwillige Feuerwehr'],
  [ActorKind.RELIGIOUS_COMMUNITY]: ['Kirchengemeinde', 'Religionsgemeinschaft', 'Kirche'],
  [ActorKind.OTHER]: ['Sonstige', 'Sonstiges', 'Andere'],
};

const KINDS = new Map<string, ActorKind>();
for (const kind of Object.values(ActorKind)) {
  KINDS.set(kindKey(kind), kind);
  for (const name of GERMAN_KINDS[kind]) KINDS.set(kindKey(name), kind);
}

/** The actor kind a `kind` cell names, in English (FIRE_BRIGADE, fire brigade) or German. */
export function actorKindFromName(value: string): ActorKind | null {
  return KINDS.get(kindKey(value)) ?? null;
}

const fold = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();

/** Region lookup by folded name or official key; names that occur twice are ambiguous. */
async function regionIndex(db: Database): Promise<(value: string) => number | string> {
  const rows = await db.query<{ id: number; name: string; official_key: string | null }>(
    'SELECT id, name, official_key FROM region',
  );
  const byName = new Map<string, number[]>();
  const byKey = new Map<string, number>();
  for (const r of rows) {
    byName.set(fold(r.name), [...(byName.get(fold(r.name)) ?? []), r.id]);
    if (r.official_key) byKey.set(r.official_key, r.id);
  }
  return (value) => {
    const v = value.trim();
    if (/^\d+$/.test(v) && byKey.has(v)) return byKey.get(v) as number;
    const hits = byName.get(fold(v)) ?? [];
    if (hits.length === 1) return hits[0];
    return hits.length > 1
      ? `municipality "${v}" is ambiguous; use its official key`
      : `unknown municipality "${v}"`;
  };
}

function toNumber(value: string, field: string): number | null {
  if (value.trim() === '') return null;
  const n = Number(value.trim().replace(',', '.'));
  if (!Number.isFinite(n)) throw new DomainError('BAD_USER_INPUT', `${field} is not a number`);
  return n;
}

/**
 * Step 1: the records of the file, with the separator it uses. Bytes are decoded first (UTF-8,
 * UTF-16 or Windows-1252). An empty file and a syntax error are refused for the whole file.
 */
export function readCsvRecords(csv: string | Uint8Array): {
  records: CsvRecord[];
  separator: CsvSeparator;
  /** How the bytes were read; undefined when text was given. */
  encoding?: CsvEncoding;
} {
  let text = typeof csv === 'string' ? csv : '';
  let encoding: CsvEncoding | undefined;
  if (typeof csv !== 'string') {
    try {
      ({ text, encoding } = decodeCsv(csv));
    } catch (e) {
      if (e instanceof CsvEncodingError) throw new ImportFileError(e.message);
      throw e;
    }
  }
  const separator = detectSeparator(text.replace(/^\uFEFF/, ''));
  let records: CsvRecord[];
  try {
    records = parseCsv(text, { separator });
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      throw new ImportFileError(e.message.replace(/^line \d+: /, ''), e.line);
    }
    throw e;
  }
  if (records.length === 0) throw new ImportFileError('the file is empty');
  return { records, separator, encoding };
}

/** Step 2: the column names of the header row; required ones present, none unknown. */
export function readHeader(header: CsvRecord): string[] {
  const columns = header.fields.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  const unknown = columns.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
  if (missing.length || unknown.length) {
    const reason = [
      missing.length ? `missing column(s): ${missing.join(', ')}` : '',
      unknown.length ? `unknown column(s): ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    throw new ImportFileError(reason.join('; '), header.line);
  }
  return columns;
}

/** One row as the columns to write; a DomainError says what is wrong with it. */
function checkRow(
  rec: CsvRecord,
  header: string[],
  region: (value: string) => number | string,
): GoodRow {
  const get = (c: string) => {
    const i = header.indexOf(c);
    return i >= 0 ? (rec.fields[i] ?? '').trim() : '';
  };
  if (rec.fields.length !== header.length) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `expected ${header.length} fields, found ${rec.fields.length}`,
    );
  }
  const kind = actorKindFromName(get('kind'));
  if (!kind) throw new DomainError('BAD_USER_INPUT', `unknown kind "${get('kind')}"`);
  const regionId = region(get('municipality'));
  if (typeof regionId === 'string') throw new DomainError('BAD_USER_INPUT', regionId);
  const latitude = toNumber(get('latitude'), 'latitude');
  const longitude = toNumber(get('longitude'), 'longitude');
  if ((latitude == null) !== (longitude == null)) {
    throw new DomainError('BAD_USER_INPUT', 'give both latitude and longitude, or neither');
  }
  const data: ActorData = {
    name: get('name'),
    regionId,
    // `;` as in the column format, or `,` (what people write in a `;`-separated file)
    topics: get('topics').split(/[;,]/),
    website: get('website') || null,
    publicContact: {
      email: get('email') || null,
      phone: get('phone') || null,
      address: get('address') || null,
    },
    location: latitude != null && longitude != null ? { latitude, longitude } : null,
  };
  // A NETWORK_ROLE needs a title; the import has no column for it, so the name serves.
  if (kind === ActorKind.NETWORK_ROLE) data.roleTitle = data.name;
  const columns = actorColumns(kind, data, true);
  return {
    line: rec.line,
    key: `${kind}|${fold(String(columns.name))}|${regionId}`,
    kind,
    columns,
  };
}

/** Step 3: every data row checked on its own; duplicates within the file are rejected. */
export async function checkRows(
  db: Database,
  header: string[],
  rows: CsvRecord[],
): Promise<{ good: GoodRow[]; rejected: RejectedRow[] }> {
  const region = await regionIndex(db);
  const good: GoodRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const rec of rows) {
    try {
      const row = checkRow(rec, header, region);
      const first = seen.get(row.key);
      if (first !== undefined)
        throw new DomainError('BAD_USER_INPUT', `duplicate of line ${first}`);
      seen.set(row.key, rec.line);
      good.push(row);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const field = (e.extensions as { field?: string }).field;
      rejected.push({
        line: rec.line,
        reason: field && !e.message.includes(field) ? `${field}: ${e.message}` : e.message,
      });
    }
  }
  return { good, rejected };
}

/** Step 4: the good rows, inserted or updated by import key in one audited transaction. */
export async function writeRows(
  db: Database,
  audit: AuditService,
  good: GoodRow[],
  progress?: (done: number, total: number) => void,
): Promise<{ created: number; updated: number }> {
  const result = await db.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    const ids: number[] = [];
    for (const [n, row] of good.entries()) {
      const names = ['kind', 'import_key', ...Object.keys(row.columns)];
      const values = [row.kind, row.key, ...Object.values(row.columns)];
      const sets = Object.keys(row.columns).map((c) => `${c} = EXCLUDED.${c}`);
      const [r] = await tx.rows<{ id: number; inserted: boolean }>(
        `INSERT INTO actor (${names.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (import_key) DO UPDATE SET ${[...sets, 'updated_at = now()'].join(', ')}
         RETURNING id, (xmax = 0) AS inserted`,
        values,
      );
      ids.push(r.id);
      if (r.inserted) created++;
      else updated++;
      if (progress && (n + 1) % 500 === 0) progress(n + 1, good.length);
    }
    await audit.record(tx, SYSTEM_VIEWER, {
      operation: 'importActors',
      targetIds: ids.map((id) => toGlobalId('Actor', id)),
    });
    return { created, updated };
  });
  progress?.(good.length, good.length);
  return result;
}

/**
 * Imports the actors of a CSV file: text, or the file's bytes in any encoding decodeCsv reads.
 * Throws ImportFileError when the file as a whole is unusable, ImportFailedError with every bad
 * row when some rows are bad (unless skipInvalid: then those are reported and the rest written).
 */
export async function importActors(
  db: Database,
  audit: AuditService,
  csv: string | Uint8Array,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const { records } = readCsvRecords(csv);
  const header = readHeader(records[0]);
  const { good, rejected } = await checkRows(db, header, records.slice(1));
  if (rejected.length > 0 && !opts.skipInvalid) throw new ImportFailedError(rejected);
  const written = await writeRows(db, audit, good, opts.progress);
  return { ...written, rejected };
}
