// The demo actors go in the way a network's own list does: as a CSV file through the actor
// import (src/modules/import), with its checks. What the import has no column for (descriptions,
// the kind-specific facts, who hosts a network role) is written afterwards, in one transaction.
import { Database } from '../../db/database';
import { IMPORT_COLUMNS, importActors } from '../import/actor-import';
import { AuditService } from '../audit/audit.service';
import { DemoSet, SeedActor } from './demo-set';

type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string | number | undefined): string {
  const v = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The actors as the CSV file a user would import; the municipality column names the region. */
export function demoActorsCsv(actors: SeedActor[], regionName: (key: string) => string): string {
  const row = (a: SeedActor): Record<ImportColumn, string | number | undefined> => ({
    kind: a.kind,
    name: a.name,
    municipality: regionName(a.regionKey),
    topics: a.topics.join(';'),
    website: a.website,
    email: a.email,
    phone: a.phone,
    address: a.address,
    latitude: a.latitude,
    longitude: a.longitude,
  });
  const lines = [
    IMPORT_COLUMNS.join(','),
    ...actors.map((a) => {
      const r = row(a);
      return IMPORT_COLUMNS.map((c) => csvField(r[c])).join(',');
    }),
  ];
  return lines.join('\n') + '\n';
}

/**
 * Imports `set.actors` (in order, so their ids follow the file) and fills `ids` (actor key to
 * database id); `regionIds` maps the set's region keys to the loaded regions.
 */
export async function importDemoActors(
  db: Database,
  set: DemoSet,
  regionIds: Map<string, number>,
  ids: Map<string, number>,
): Promise<void> {
  const names = new Map(set.regions.map((r) => [r.key, r.name]));
  const csv = demoActorsCsv(set.actors, (key) => {
    const name = names.get(key);
    if (!name) throw new Error(`demo actor region ${key} is not in the set`);
    return name;
  });
  await importActors(db, new AuditService(db), csv);
  // The import answers with counts; the ids are found by what identifies a row of it.
  const rows = await db.query<{ id: number; kind: string; name: string; region_id: number }>(
    'SELECT id, kind, name, region_id FROM actor WHERE region_id = ANY($1::int[])',
    [[...regionIds.values()]],
  );
  const byIdentity = new Map(rows.map((r) => [`${r.kind}|${r.name}|${r.region_id}`, r.id]));
  for (const a of set.actors) {
    const id = byIdentity.get(`${a.kind}|${a.name}|${regionIds.get(a.regionKey)}`);
    if (id === undefined) throw new Error(`demo actor ${a.key} was not imported`);
    ids.set(a.key, id);
  }
  await db.transaction(async (tx) => {
    for (const a of set.actors) {
      await tx.query(
        `UPDATE actor SET description = $2, school_type = $3, pupil_count = $4, member_count = $5,
           registered_association = $6, open_board_positions = $7, founded_on = $8,
           role_title = coalesce($9, role_title), hosted_by_id = $10
         WHERE id = $1`,
        [
          ids.get(a.key),
          a.description ?? null,
          a.schoolType ?? null,
          a.pupilCount ?? null,
          a.memberCount ?? null,
          a.kind === 'CLUB' ? (a.registeredAssociation ?? false) : null,
          a.kind === 'CLUB' ? (a.openBoardPositions ?? []) : null,
          a.foundedOn ?? null,
          a.roleTitle ?? null,
          a.hostedByKey ? ids.get(a.hostedByKey) : null,
        ],
      );
    }
  });
}
