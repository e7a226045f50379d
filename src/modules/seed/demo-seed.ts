// Loads the sample network of Amt Büsum-Wesselburen (./fixtures, see demo-set.ts) into an
// empty database. Actors come in through the CSV import users have (demo-actors.ts).
import { Database, Transaction } from '../../db/database';
import { withAdvisoryLock } from '../../db/migrate';
import { importDemoActors } from './demo-actors';
import { DEMO_SET, DemoSet, SeedCooperation, SeedNeed, SeedOffer, SeedRegion } from './demo-set';

export { DEMO_SET } from './demo-set';
export type { DemoSet } from './demo-set';

const SEED_LOCK_KEY = 7_314_002;
const DAY = 86_400_000;

export interface SeedResult {
  regionIds: Map<string, number>;
  actorIds: Map<string, number>;
  needIds: Map<string, number>;
}

const at = (now: number, days: number | undefined) =>
  days === undefined ? null : new Date(now + days * DAY);

/**
 * When an event starts: a day or more ahead it begins at a believable time of day (the day's
 * whole-day fraction picks the hour between 09:00 and 19:00 UTC) instead of at the seeding
 * minute; sooner, on the next full hour.
 */
function startTime(now: number, days: number | undefined): Date | null {
  if (days === undefined) return null;
  const t = new Date(now + days * DAY);
  if (days < 1) {
    t.setUTCMinutes(60, 0, 0);
    return t;
  }
  const hour = 9 + Math.round((days % 1) * 10);
  t.setUTCHours(hour, 0, 0, 0);
  return t;
}

async function insertRegions(tx: Transaction, regions: SeedRegion[], ids: Map<string, number>) {
  const paths = new Map<string, string>();
  for (const r of regions) {
    const parentId = r.parentKey ? ids.get(r.parentKey) : null;
    if (r.parentKey && parentId === undefined)
      throw new Error(`region ${r.key}: parent ${r.parentKey} not loaded`);
    const parentPath = r.parentKey ? (paths.get(r.parentKey) as string) : '/';
    const [row] = await tx.rows<{ id: number; path: string }>(
      `WITH nid AS (SELECT nextval(pg_get_serial_sequence('region', 'id')) AS id)
       INSERT INTO region (id, name, level, official_key, parent_id, path)
       SELECT nid.id, $1, $2, $3, $4, $5 || nid.id || '/' FROM nid RETURNING id, path`,
      [r.name, r.level, r.officialKey ?? null, parentId ?? null, parentPath],
    );
    ids.set(r.key, row.id);
    paths.set(r.key, row.path);
  }
}

async function insertCooperations(
  tx: Transaction,
  cooperations: SeedCooperation[],
  actorIds: Map<string, number>,
) {
  for (const c of cooperations) {
    const [row] = await tx.rows<{ id: number }>(
      `INSERT INTO cooperation (kind, status, title, description, started_on, ended_on)
       VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [c.kind, c.status, c.title, c.description ?? null, c.startedOn ?? null, c.endedOn ?? null],
    );
    await tx.query(
      `INSERT INTO cooperation_participant (cooperation_id, actor_id, status)
       SELECT $1, unnest($2::int[]), $3`,
      [row.id, c.participantKeys.map((k) => actorIds.get(k)), c.status],
    );
  }
}

async function insertNeeds(
  tx: Transaction,
  needs: SeedNeed[],
  actorIds: Map<string, number>,
  ids: Map<string, number>,
  now: number,
) {
  for (const n of needs) {
    const live = n.pledges.filter((p) => p.status === 'PENDING' || p.status === 'CONFIRMED');
    const pledged = live.reduce((s, p) => s + p.quantity, 0);
    const status = n.closed ? 'CLOSED' : pledged >= n.quantity ? 'FILLED' : 'OPEN';
    const startsAt = startTime(now, n.startsInDays);
    // Promises are due before the event starts, never after.
    let deadline = at(now, n.deadlineInDays);
    if (deadline && startsAt && deadline > startsAt)
      deadline = new Date(startsAt.getTime() - 2 * 3_600_000);
    const endsAt =
      startsAt && n.durationHours
        ? new Date(startsAt.getTime() + n.durationHours * 3_600_000)
        : null;
    const [row] = await tx.rows<{ id: number }>(
      `INSERT INTO need (actor_id, kind, title, description, region_id, latitude, longitude, quantity,
         unit, pledged_quantity, status, urgency, visibility, tags, starts_at, ends_at, deadline, ended_at)
       SELECT a.id, $2, $3, $4, a.region_id, a.latitude, a.longitude, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15
         FROM actor a WHERE a.id = $1 RETURNING id`,
      [
        actorIds.get(n.actorKey),
        n.kind,
        n.title,
        n.description ?? null,
        n.quantity,
        n.unit ?? null,
        pledged,
        status,
        n.urgency,
        n.visibility,
        n.tags,
        startsAt,
        endsAt,
        deadline,
        n.closed ? new Date(now) : null,
      ],
    );
    ids.set(n.key, row.id);
    for (const p of n.pledges) {
      await tx.query(
        `INSERT INTO pledge (need_id, actor_id, volunteer_name, volunteer_email, quantity, note, status)
         VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [
          row.id,
          p.byActorKey ? actorIds.get(p.byActorKey) : null,
          p.volunteerName ?? null,
          p.volunteerEmail?.trim().toLowerCase() ?? null,
          p.quantity,
          p.note ?? null,
          p.status,
        ],
      );
    }
    await tx.query(`INSERT INTO need_event (type, need_id) VALUES ('OPENED', $1)`, [row.id]);
  }
}

async function insertOffers(
  tx: Transaction,
  offers: SeedOffer[],
  actorIds: Map<string, number>,
  now: number,
) {
  for (const o of offers) {
    await tx.query(
      `INSERT INTO offer (actor_id, kind, title, description, region_id, latitude, longitude, quantity,
         unit, tags, visibility, available_from, available_until)
       SELECT a.id, $2, $3, $4, a.region_id, a.latitude, a.longitude, $5, $6, $7, $8, $9, $10
         FROM actor a WHERE a.id = $1`,
      [
        actorIds.get(o.actorKey),
        o.kind,
        o.title,
        o.description ?? null,
        o.quantity ?? null,
        o.unit ?? null,
        o.tags,
        o.visibility,
        at(now, o.availableFromInDays),
        at(now, o.availableUntilInDays),
      ],
    );
  }
}

/**
 * Loads a data set; dates are relative to `now`. Three transactions: the regions, the actors
 * (the CSV import's own), then everything else. seedDemoIfEmpty holds a lock around all three.
 */
export async function loadDemoSet(
  db: Database,
  set: DemoSet = DEMO_SET,
  now = Date.now(),
): Promise<SeedResult> {
  const result: SeedResult = { regionIds: new Map(), actorIds: new Map(), needIds: new Map() };
  await db.transaction((tx) => insertRegions(tx, set.regions, result.regionIds));
  if (set.actors.length > 0) await importDemoActors(db, set, result.regionIds, result.actorIds);
  await db.transaction(async (tx) => {
    await insertCooperations(tx, set.cooperations, result.actorIds);
    await insertNeeds(tx, set.needs, result.actorIds, result.needIds, now);
    await insertOffers(tx, set.offers, result.actorIds, now);
  });
  return result;
}

/** Seeds the demo network once: only into a database without regions, one instance at a time. */
export async function seedDemoIfEmpty(
  db: Database,
  progress: (msg: string) => void = () => undefined,
): Promise<boolean> {
  return withAdvisoryLock(db.dataSource, SEED_LOCK_KEY, async () => {
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM region');
    if (n > 0) return false;
    const { actors, cooperations, needs, offers } = DEMO_SET;
    progress(
      `loading demo data: ${actors.length} actors, ${cooperations.length} cooperations, ${needs.length} needs, ${offers.length} offers`,
    );
    await loadDemoSet(db);
    return true;
  });
}
