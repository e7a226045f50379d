// Imports actors from a CSV file (header row; columns kind, name, municipality, topics,
// website, email, phone, address, latitude, longitude). All rows are checked before anything is
// written; then every good row is written in one transaction, so a failed import leaves nothing
// behind. Re-importing updates: each row has a stable key (kind | folded name | region id) kept
// in actor.import_key.
import { Database } from '../../db/database';
import { DomainError } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/global-id';
import { SYSTEM_VIEWER } from '../../graphql/viewer';
import { ActorKind } from '../actors/actor.entity';
import { actorColumns, ActorData } from '../actors/actor.validation';
import type { AuditService } from '../audit/audit.service';
import { parseCsv } from './csv-parser';

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
  constructor(readonly rejected: RejectedRow[]) {
    super(`import refused: ${rejected.length} bad row(s), nothing imported`);
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

export async function importActors(
  db: Database,
  audit: AuditService,
  csv: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const records = parseCsv(csv);
  if (records.length === 0) throw new ImportFailedError([{ line: 1, reason: 'the file is empty' }]);
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
  if (missing.length || unknown.length) {
    const reason = [
      missing.length ? `missing column(s): ${missing.join(', ')}` : '',
      unknown.length ? `unknown column(s): ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    throw new ImportFailedError([{ line: records[0].line, reason: reason.join('; ') }]);
  }
  const region = await regionIndex(db);
  const good: GoodRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  const kinds = new Set<string>(Object.values(ActorKind));

  for (const rec of records.slice(1)) {
    const get = (c: string) => {
      const i = header.indexOf(c);
      return i >= 0 ? (rec.fields[i] ?? '').trim() : '';
    };
    try {
      if (rec.fields.length !== header.length) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `expected ${header.length} fields, found ${rec.fields.length}`,
        );
      }
      const kind = get('kind')
        .toUpperCase()
        .replace(/[\s-]+/g, '_');
      if (!kinds.has(kind))
        throw new DomainError('BAD_USER_INPUT', `unknown kind "${get('kind')}"`);
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
        topics: get('topics').split(';'),
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
      const columns = actorColumns(kind as ActorKind, data, true);
      const key = `${kind}|${fold(String(columns.name))}|${regionId}`;
      const first = seen.get(key);
      if (first !== undefined)
        throw new DomainError('BAD_USER_INPUT', `duplicate of line ${first}`);
      seen.set(key, rec.line);
      good.push({ line: rec.line, key, kind: kind as ActorKind, columns });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const field = (e.extensions as { field?: string }).field;
      rejected.push({
        line: rec.line,
        reason: field && !e.message.includes(field) ? `${field}: ${e.message}` : e.message,
      });
    }
  }
  if (rejected.length > 0 && !opts.skipInvalid) throw new ImportFailedError(rejected);

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
      if (opts.progress && (n + 1) % 500 === 0) opts.progress(n + 1, good.length);
    }
    await audit.record(tx, SYSTEM_VIEWER, {
      operation: 'importActors',
      targetIds: ids.map((id) => toGlobalId('Actor', id)),
    });
    return { created, updated };
  });
  opts.progress?.(good.length, good.length);
  return { ...result, rejected };
}
