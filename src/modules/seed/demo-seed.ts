// Loads the sample network of Amt Büsum-Wesselburen into an empty database. The bench data
// generator reuses the same loaders at scale.
import { Database, Transaction } from '../../db/database';
import { withAdvisoryLock } from '../../db/migrate';
import {
  DEMO_ACTORS,
  DEMO_COOPERATIONS,
  DEMO_NEEDS,
  DEMO_OFFERS,
  DEMO_REGIONS,
  SeedActor,
  SeedCooperation,
  SeedNeed,
  SeedOffer,
  SeedRegion,
} from './demo-data';

const SEED_LOCK_KEY = 7_314_002;
const DAY = 86_400_000;

export interface DemoSet {
  regions: SeedRegion[];
  actors: SeedActor[];
  cooperations: SeedCooperation[];
  needs: SeedNeed[];
  offers: SeedOffer[];
}

export const DEMO_SET: DemoSet = {
  regions: DEMO_REGIONS,
  actors: DEMO_ACTORS,
  cooperations: DEMO_COOPERATIONS,
  needs: DEMO_NEEDS,
  offers: DEMO_OFFERS,
};

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

async function insertActors(
  tx: Transaction,
  actors: SeedActor[],
  regionIds: Map<string, number>,
  ids: Map<string, number>,
) {
  for (const a of actors) {
    const [row] = await tx.rows<{ id: number }>(
      `INSERT INTO actor (kind, name, description, region_id, topics, website, latitude, longitude,
         contact_email, contact_phone, contact_address, school_type, pupil_count, member_count,
         registered_association, open_board_positions, founded_on, role_title)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18) RETURNING id`,
      [
        a.kind,
        a.name,
        a.description ?? null,
        regionIds.get(a.regionKey),
        a.topics,
        a.website ?? null,
        a.latitude ?? null,
        a.longitude ?? null,
        a.email ?? null,
        a.phone ?? null,
        a.address ?? null,
        a.schoolType ?? null,
        a.pupilCount ?? null,
        a.memberCount ?? null,
        a.kind === 'CLUB' ? (a.registeredAssociation ?? false) : null,
        a.kind === 'CLUB' ? (a.openBoardPositions ?? []) : null,
        a.foundedOn ?? null,
        a.roleTitle ?? null,
      ],
    );
    ids.set(a.key, row.id);
  }
  for (const a of actors.filter((x) => x.hostedByKey)) {
    await tx.query('UPDATE actor SET hosted_by_id = $1 WHERE id = $2', [
      ids.get(a.hostedByKey as string),
      ids.get(a.key),
    ]);
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

/** Loads a data set in one transaction; dates are relative to `now`. */
export async function loadDemoSet(
  db: Database,
  set: DemoSet = DEMO_SET,
  now = Date.now(),
): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const result: SeedResult = { regionIds: new Map(), actorIds: new Map(), needIds: new Map() };
    await insertRegions(tx, set.regions, result.regionIds);
    await insertActors(tx, set.actors, result.regionIds, result.actorIds);
    await insertCooperations(tx, set.cooperations, result.actorIds);
    await insertNeeds(tx, set.needs, result.actorIds, result.needIds, now);
    await insertOffers(tx, set.offers, result.actorIds, now);
    return result;
  });
}

/** Seeds the demo network once: only into a database without regions, one instance at a time. */
export async function seedDemoIfEmpty(
  db: Database,
  progress: (msg: string) => void = () => undefined,
): Promise<boolean> {
  return withAdvisoryLock(db.dataSource, SEED_LOCK_KEY, async () => {
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM region');
    if (n > 0) return false;
    progress(
      `loading demo data: ${DEMO_ACTORS.length} actors, ${DEMO_COOPERATIONS.length} cooperations, ${DEMO_NEEDS.length} needs, ${DEMO_OFFERS.length} offers`,
    );
    await loadDemoSet(db);
    return true;
  });
}
