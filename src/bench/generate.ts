// The benchmark data set: the demo seed's shapes (SeedRegion, SeedActor, SeedCooperation,
// SeedNeed, SeedOffer), scaled and deterministic from a seed. Rows are generated batch by batch and
// loaded with multi-row INSERT ... SELECT FROM unnest(...) statements of BATCH rows (one round trip
// per batch, no per-row statements). A fingerprint (seed, sizes, migration head, generator version)
// kept in the database's comment skips loading when the data already matches.
import { createHash } from 'node:crypto';
import type { Database, Transaction } from '../db/database';
import type {
  ActorKindValue as ActorKind,
  CooperationKindValue as CooperationKind,
  CooperationStatusValue as CooperationStatus,
  NeedKindValue as NeedKind,
  OfferKindValue as OfferKind,
  SeedActor,
  SeedCooperation,
  SeedNeed,
  SeedOffer,
  SeedRegion,
} from '../modules/seed/demo-set';

const GENERATOR_VERSION = 3;
const BATCH = 5000;
const DAY = 86_400_000;

export interface BenchSizes {
  municipalities: number;
  actors: number;
  cooperations: number;
  needs: number;
  offers: number;
}

export const FULL_SIZES: BenchSizes = {
  municipalities: 50,
  actors: 100_000,
  cooperations: 500_000,
  needs: 200_000,
  offers: 50_000,
};

export const QUICK_SIZES: BenchSizes = {
  municipalities: 50,
  actors: 10_000,
  cooperations: 50_000,
  needs: 20_000,
  offers: 5_000,
};

/** Ids and shape of the loaded set that the workloads need. */
export interface BenchDataInfo {
  sizes: BenchSizes;
  seed: number;
  fingerprint: string;
  /** Database ids of the municipalities (regions), in order. */
  municipalityIds: number[];
  /** Database id of the Amt above each municipality (same order). */
  amtIds: number[];
  /** First and last actor id of each municipality (actors are contiguous per municipality). */
  actorRanges: Array<[number, number]>;
  /** Ids of needs reserved for write workloads (W2 invalidation, W5/W6 events, W7 pledges). */
  writeNeedIds: number[];
  /** A MUNICIPALITY actor per municipality (editor of the write needs). */
  writeActorIds: number[];
  loadedNow: boolean;
  loadSeconds: number;
}

/** mulberry32: small, fast, good enough for test data, identical on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const TOPICS = [
  'sport',
  'kultur',
  'bildung',
  'jugend',
  'senioren',
  'natur',
  'heimat',
  'musik',
  'feuerwehr',
  'integration',
  'digitales',
  'tourismus',
  'kirche',
  'soziales',
  'umwelt',
  'gesundheit',
  'ehrenamt',
] as const;
const PLACE_PARTS = ['Norder', 'Süder', 'Wester', 'Oster', 'Neu', 'Alt', 'Groß', 'Klein'];
const PLACE_ROOTS = [
  'deich',
  'koog',
  'büttel',
  'wurth',
  'feld',
  'hof',
  'moor',
  'au',
  'hörn',
  'stedt',
];
const ACTOR_KINDS: ActorKind[] = [
  'CLUB',
  'CLUB',
  'CLUB',
  'CLUB',
  'INITIATIVE',
  'INITIATIVE',
  'SCHOOL',
  'COMPANY',
  'FIRE_BRIGADE',
  'RELIGIOUS_COMMUNITY',
  'NETWORK_ROLE',
  'FOUNDATION',
  'VOLUNTEER_AGENCY',
  'ADVISORY_BOARD',
  'OTHER',
];
const ACTOR_NAMES: Partial<Record<ActorKind, string[]>> = {
  CLUB: [
    'Sportverein',
    'Shantychor',
    'Heimatverein',
    'Schützenverein',
    'Theaterverein',
    'Angelverein',
  ],
  INITIATIVE: ['Nachbarschaftshilfe', 'Repair-Café', 'Dorfladen-Initiative', 'Tafel', 'Lesepaten'],
  SCHOOL: ['Grundschule', 'Gemeinschaftsschule', 'Förderzentrum'],
  COMPANY: ['Bäckerei', 'Tischlerei', 'Hofladen', 'Reederei'],
  FIRE_BRIGADE: ['Freiwillige Feuerwehr'],
  RELIGIOUS_COMMUNITY: ['Kirchengemeinde St.'],
  NETWORK_ROLE: ['Ehrenamtskoordination', 'Schulkoordination', 'Bildungsmanagement'],
  FOUNDATION: ['Bürgerstiftung'],
  VOLUNTEER_AGENCY: ['Freiwilligenagentur'],
  ADVISORY_BOARD: ['Seniorenbeirat', 'Jugendbeirat'],
  OTHER: ['Dorfgemeinschaft'],
};
const COOP_KINDS: CooperationKind[] = [
  'PARTNERSHIP',
  'SCHOOL_COOPERATION',
  'SHARED_PROJECT',
  'SPONSORSHIP',
  'UMBRELLA_MEMBERSHIP',
  'RESOURCE_SHARING',
];
const NEED_KINDS: NeedKind[] = [
  'HELPERS',
  'HELPERS',
  'HELPERS',
  'EQUIPMENT',
  'ROOM',
  'EXPERTISE',
  'TRANSPORT',
  'FUNDING',
  'BOARD_POSITION',
  'OTHER',
];
const NEED_TITLES: Record<NeedKind, string[]> = {
  HELPERS: [
    'Helfer für das Dorffest',
    'Hilfe beim Deichlauf',
    'Aufbau Weihnachtsmarkt',
    'Betreuung Ferienfreizeit',
  ],
  EQUIPMENT: ['Biertischgarnituren gesucht', 'Beamer für Elternabend', 'Pavillon für Flohmarkt'],
  ROOM: ['Raum für Chorprobe', 'Lagerfläche für Tafel'],
  EXPERTISE: ['Unterstützung Buchhaltung', 'Hilfe bei der Vereinswebsite'],
  TRANSPORT: ['Fahrdienst zum Arzt', 'Transporter für Umzug des Vereinsheims'],
  FUNDING: ['Zuschuss für Trikots', 'Spenden für Spielplatz'],
  BOARD_POSITION: ['Kassenwart gesucht', 'Schriftführung gesucht'],
  OTHER: ['Ideen für das Jubiläum'],
};
const OFFER_KINDS: OfferKind[] = [
  'HELPERS',
  'EQUIPMENT',
  'ROOM',
  'EXPERTISE',
  'TRANSPORT',
  'OTHER',
];
const OFFER_TITLES = [
  'Anhänger zu verleihen',
  'Saal für Veranstaltungen',
  'Fahrdienst am Wochenende',
  'Beratung Fördermittel',
  'Helfende Hände',
];

interface Municipality {
  index: number;
  key: string;
  lat: number;
  lon: number;
}

function regionsFor(n: number): {
  regions: SeedRegion[];
  municipalities: Municipality[];
  amtOf: string[];
} {
  const r = prng(1);
  const regions: SeedRegion[] = [
    { key: 'sh', name: 'Schleswig-Holstein', level: 'STATE', parentKey: null, officialKey: '01' },
    { key: 'kreis', name: 'Kreis Dithmarschen (Bench)', level: 'DISTRICT', parentKey: 'sh' },
  ];
  const amts = Math.max(1, Math.ceil(n / 10));
  for (let a = 0; a < amts; a++)
    regions.push({ key: `amt${a}`, name: `Amt Bench ${a + 1}`, level: 'AMT', parentKey: 'kreis' });
  const municipalities: Municipality[] = [];
  const amtOf: string[] = [];
  for (let m = 0; m < n; m++) {
    const key = `m${m}`;
    const amt = `amt${m % amts}`;
    regions.push({
      key,
      name: `${pick(r, PLACE_PARTS)}${pick(r, PLACE_ROOTS)} ${m + 1}`,
      level: 'MUNICIPALITY',
      parentKey: amt,
    });
    regions.push({ key: `${key}v`, name: `Ortsteil ${m + 1}`, level: 'VILLAGE', parentKey: key });
    municipalities.push({ index: m, key, lat: 53.9 + r() * 0.5, lon: 8.8 + r() * 0.6 });
    amtOf.push(amt);
  }
  return { regions, municipalities, amtOf };
}

/** Actors are contiguous per municipality; the first of each is the municipality itself. */
function actorRange(sizes: BenchSizes, m: number): [number, number] {
  const per = Math.floor(sizes.actors / sizes.municipalities);
  const first = m * per + 1;
  const last = m === sizes.municipalities - 1 ? sizes.actors : first + per - 1;
  return [first, last];
}

function* actors(
  sizes: BenchSizes,
  seed: number,
  ms: Municipality[],
): Generator<SeedActor & { id: number; hostedById: number | null }> {
  const r = prng(seed ^ 0xa11ce);
  for (const m of ms) {
    const [first, last] = actorRange(sizes, m.index);
    for (let id = first; id <= last; id++) {
      const kind: ActorKind = id === first ? 'MUNICIPALITY' : pick(r, ACTOR_KINDS);
      const base = kind === 'MUNICIPALITY' ? 'Gemeinde' : pick(r, ACTOR_NAMES[kind] ?? ['Verein']);
      const topics = [pick(r, TOPICS), pick(r, TOPICS)].filter((t, i, a) => a.indexOf(t) === i);
      yield {
        id,
        key: `a${id}`,
        kind,
        name: `${base} ${m.index + 1}-${id - first + 1}`,
        description:
          r() < 0.5 ? `${base} im Ort, engagiert für ${topics.join(' und ')}.` : undefined,
        regionKey: r() < 0.8 ? m.key : `${m.key}v`,
        topics,
        latitude: m.lat + (r() - 0.5) * 0.04,
        longitude: m.lon + (r() - 0.5) * 0.06,
        email: r() < 0.6 ? `kontakt${id}@bench.example.org` : undefined,
        address: r() < 0.5 ? `Dorfstraße ${int(r, 1, 120)}` : undefined,
        schoolType: kind === 'SCHOOL' ? base : undefined,
        pupilCount: kind === 'SCHOOL' ? int(r, 40, 600) : undefined,
        memberCount: kind === 'CLUB' ? int(r, 8, 900) : undefined,
        registeredAssociation: kind === 'CLUB' ? r() < 0.8 : undefined,
        openBoardPositions:
          kind === 'CLUB' && r() < 0.2 ? ['Kassenwart'] : kind === 'CLUB' ? [] : undefined,
        foundedOn:
          kind === 'INITIATIVE'
            ? `20${String(int(r, 0, 24)).padStart(2, '0')}-0${int(r, 1, 9)}-1${int(r, 0, 9)}`
            : undefined,
        roleTitle: kind === 'NETWORK_ROLE' ? base : undefined,
        hostedById: kind === 'NETWORK_ROLE' ? first : null,
      };
    }
  }
}

/** Mostly local cooperations (same municipality), some across the Amt or the district. */
function* cooperations(
  sizes: BenchSizes,
  seed: number,
): Generator<SeedCooperation & { id: number; participantIds: number[] }> {
  const r = prng(seed ^ 0xc00b);
  const n = sizes.municipalities;
  for (let id = 1; id <= sizes.cooperations; id++) {
    const m = Math.floor(r() * n);
    const [lo, hi] = actorRange(sizes, m);
    const count = r() < 0.8 ? 2 : int(r, 3, 4);
    const ids = new Set<number>();
    for (let tries = 0; ids.size < count && tries < 10; tries++) {
      const roll = r();
      if (roll < 0.85 || ids.size === 0) ids.add(int(r, lo, hi));
      else {
        const other = roll < 0.95 ? (m + 10 * int(r, 0, 4)) % n : int(r, 0, n - 1); // same Amt, or anywhere
        const [olo, ohi] = actorRange(sizes, other);
        ids.add(int(r, olo, ohi));
      }
    }
    if (ids.size < 2) ids.add(lo === [...ids][0] ? lo + 1 : lo);
    const roll = r();
    const status: CooperationStatus = roll < 0.7 ? 'ACTIVE' : roll < 0.85 ? 'PROPOSED' : 'ENDED';
    const kind = pick(r, COOP_KINDS);
    yield {
      id,
      kind,
      status,
      title: `${kind === 'SCHOOL_COOPERATION' ? 'Schulkooperation' : 'Projekt'} ${id}`,
      participantKeys: [],
      participantIds: [...ids],
      startedOn: status !== 'PROPOSED' ? `20${int(r, 15, 25)}-0${int(r, 1, 9)}-01` : undefined,
      endedOn: status === 'ENDED' ? `2026-0${int(r, 1, 9)}-01` : undefined,
    };
  }
}

type GenNeed = SeedNeed & {
  id: number;
  actorId: number;
  status: 'OPEN' | 'FILLED' | 'CLOSED' | 'EXPIRED';
  pledgedQuantity: number;
  pledgeActorId: number | null;
};

function* needs(sizes: BenchSizes, seed: number): Generator<GenNeed> {
  const r = prng(seed ^ 0x2eed);
  for (let id = 1; id <= sizes.needs; id++) {
    const m = id % sizes.municipalities;
    const [lo, hi] = actorRange(sizes, m);
    const kind = pick(r, NEED_KINDS);
    const quantity = kind === 'HELPERS' ? int(r, 2, 20) : int(r, 1, 4);
    const roll = r();
    const status = roll < 0.6 ? 'OPEN' : roll < 0.8 ? 'FILLED' : roll < 0.95 ? 'CLOSED' : 'EXPIRED';
    const pledged =
      status === 'FILLED'
        ? quantity
        : status === 'OPEN' && r() < 0.4
          ? int(r, 1, quantity - 1 || 1)
          : 0;
    yield {
      id,
      key: `n${id}`,
      actorKey: '',
      actorId: int(r, lo, hi),
      kind,
      title: `${pick(r, NEED_TITLES[kind])} ${id}`,
      description: r() < 0.6 ? 'Wir freuen uns über jede Unterstützung aus dem Ort.' : undefined,
      quantity,
      unit: kind === 'HELPERS' ? 'Helfer' : undefined,
      urgency: r() < 0.2 ? 'HIGH' : r() < 0.7 ? 'NORMAL' : 'LOW',
      visibility: r() < 0.8 ? 'PUBLIC' : 'NETWORK',
      tags: [pick(r, TOPICS)],
      startsInDays: status === 'EXPIRED' ? -int(r, 2, 60) : int(r, 7, 180),
      durationHours: int(r, 2, 8),
      deadlineInDays: r() < 0.5 ? int(r, 1, 60) : undefined,
      pledges: [],
      closed: status === 'CLOSED',
      status: status === 'OPEN' && pledged >= quantity ? 'FILLED' : status,
      pledgedQuantity: Math.min(pledged, quantity),
      pledgeActorId: pledged > 0 ? int(r, lo, hi) : null,
    };
  }
}

function* offers(
  sizes: BenchSizes,
  seed: number,
): Generator<SeedOffer & { id: number; actorId: number }> {
  const r = prng(seed ^ 0x0ffe);
  for (let id = 1; id <= sizes.offers; id++) {
    const m = id % sizes.municipalities;
    const [lo, hi] = actorRange(sizes, m);
    yield {
      id,
      key: `o${id}`,
      actorKey: '',
      actorId: int(r, lo, hi),
      kind: pick(r, OFFER_KINDS),
      title: `${pick(r, OFFER_TITLES)} ${id}`,
      quantity: r() < 0.5 ? int(r, 1, 10) : undefined,
      tags: [pick(r, TOPICS)],
      visibility: r() < 0.85 ? 'PUBLIC' : 'NETWORK',
      availableFromInDays: r() < 0.3 ? -int(r, 1, 30) : undefined,
      availableUntilInDays: r() < 0.3 ? int(r, 30, 365) : undefined,
    };
  }
}

/** A Postgres array literal, so text[] columns travel as one text element each through unnest. */
function arrayLiteral(xs: readonly string[] | null | undefined): string | null {
  if (xs == null) return null;
  return `{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

async function inBatches<T>(
  label: string,
  total: number,
  rows: Iterable<T>,
  write: (batch: T[]) => Promise<void>,
  progress: (msg: string) => void,
): Promise<void> {
  let batch: T[] = [];
  let done = 0;
  let lastReport = Date.now();
  const flush = async () => {
    if (batch.length === 0) return;
    await write(batch);
    done += batch.length;
    batch = [];
    if (Date.now() - lastReport > 2000 || done === total) {
      lastReport = Date.now();
      progress(`  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
    }
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
}

const col = <T, V>(batch: T[], f: (x: T) => V) => batch.map(f);

export async function fingerprintOf(
  db: Database,
  sizes: BenchSizes,
  seed: number,
): Promise<string> {
  const [head] = await db.query<{ name: string }>(
    'SELECT name FROM migrations ORDER BY id DESC LIMIT 1',
  );
  return createHash('sha256')
    .update(JSON.stringify({ v: GENERATOR_VERSION, seed, sizes, head: head?.name ?? '' }))
    .digest('hex')
    .slice(0, 16);
}

async function storedFingerprint(db: Database): Promise<string | null> {
  const [row] = await db.query<{ c: string | null }>(
    'SELECT shobj_description(oid, $1) AS c FROM pg_database WHERE datname = current_database()',
    ['pg_database'],
  );
  const m = /^hub-bench:([0-9a-f]{16})$/.exec(row?.c ?? '');
  return m ? m[1] : null;
}

async function load(
  tx: Transaction,
  sizes: BenchSizes,
  seed: number,
  progress: (m: string) => void,
  now: number,
) {
  const { regions, municipalities } = regionsFor(sizes.municipalities);
  await tx.query(
    `TRUNCATE need_event, pledge, offer, need, cooperation_participant, cooperation, actor, region RESTART IDENTITY CASCADE`,
  );
  // Regions: ids in list order, path from the parent's.
  const regionIds = new Map<string, number>();
  const paths = new Map<string, string>();
  regions.forEach((r, i) => {
    regionIds.set(r.key, i + 1);
    paths.set(r.key, `${r.parentKey ? paths.get(r.parentKey) : '/'}${i + 1}/`);
  });
  await tx.query(
    `INSERT INTO region (id, name, level, official_key, parent_id, path)
     SELECT * FROM unnest($1::int[], $2::text[], $3::region_level[], $4::text[], $5::int[], $6::text[])`,
    [
      regions.map((_, i) => i + 1),
      col(regions, (r) => r.name),
      col(regions, (r) => r.level),
      col(regions, (r) => r.officialKey ?? null),
      col(regions, (r) => (r.parentKey ? regionIds.get(r.parentKey) : null)),
      col(regions, (r) => paths.get(r.key)),
    ],
  );
  progress(`  regions: ${regions.length}`);

  await inBatches(
    'actors',
    sizes.actors,
    actors(sizes, seed, municipalities),
    async (b) => {
      await tx.query(
        `INSERT INTO actor (id, kind, name, description, region_id, topics, website, latitude, longitude,
         contact_email, contact_phone, contact_address, school_type, pupil_count, member_count,
         registered_association, open_board_positions, founded_on, role_title, hosted_by_id)
       SELECT id, kind, name, description, region_id, topics::text[], website, lat, lon, email, phone, address,
              school_type, pupils, members, reg, board::text[], founded::date, role_title, hosted_by
         FROM unnest($1::int[], $2::actor_kind[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[],
                     $8::float8[], $9::float8[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int[],
                     $15::int[], $16::bool[], $17::text[], $18::text[], $19::text[], $20::int[])
           AS t(id, kind, name, description, region_id, topics, website, lat, lon, email, phone, address,
                school_type, pupils, members, reg, board, founded, role_title, hosted_by)`,
        [
          col(b, (a) => a.id),
          col(b, (a) => a.kind),
          col(b, (a) => a.name),
          col(b, (a) => a.description ?? null),
          col(b, (a) => regionIds.get(a.regionKey)),
          col(b, (a) => arrayLiteral(a.topics)),
          col(b, (a) => a.website ?? null),
          col(b, (a) => a.latitude ?? null),
          col(b, (a) => a.longitude ?? null),
          col(b, (a) => a.email ?? null),
          col(b, (a) => a.phone ?? null),
          col(b, (a) => a.address ?? null),
          col(b, (a) => a.schoolType ?? null),
          col(b, (a) => a.pupilCount ?? null),
          col(b, (a) => a.memberCount ?? null),
          col(b, (a) => (a.kind === 'CLUB' ? (a.registeredAssociation ?? false) : null)),
          col(b, (a) => (a.kind === 'CLUB' ? arrayLiteral(a.openBoardPositions ?? []) : null)),
          col(b, (a) => a.foundedOn ?? null),
          col(b, (a) => a.roleTitle ?? null),
          col(b, (a) => a.hostedById),
        ],
      );
    },
    progress,
  );

  await inBatches(
    'cooperations',
    sizes.cooperations,
    cooperations(sizes, seed),
    async (b) => {
      await tx.query(
        `INSERT INTO cooperation (id, kind, status, title, description, started_on, ended_on)
       SELECT * FROM unnest($1::int[], $2::cooperation_kind[], $3::cooperation_status[], $4::text[], $5::text[], $6::date[], $7::date[])`,
        [
          col(b, (c) => c.id),
          col(b, (c) => c.kind),
          col(b, (c) => c.status),
          col(b, (c) => c.title),
          col(b, (c) => c.description ?? null),
          col(b, (c) => c.startedOn ?? null),
          col(b, (c) => c.endedOn ?? null),
        ],
      );
      const pc: number[] = [];
      const pa: number[] = [];
      const ps: string[] = [];
      for (const c of b)
        for (const a of c.participantIds) {
          pc.push(c.id);
          pa.push(a);
          ps.push(c.status);
        }
      await tx.query(
        `INSERT INTO cooperation_participant (cooperation_id, actor_id, status)
       SELECT * FROM unnest($1::int[], $2::int[], $3::cooperation_status[])`,
        [pc, pa, ps],
      );
    },
    progress,
  );

  const at = (days: number | undefined) =>
    days === undefined ? null : new Date(now + days * DAY).toISOString();
  await inBatches(
    'needs',
    sizes.needs,
    needs(sizes, seed),
    async (b) => {
      await tx.query(
        `INSERT INTO need (id, actor_id, kind, title, description, region_id, latitude, longitude, quantity, unit,
         pledged_quantity, status, urgency, visibility, tags, starts_at, ends_at, deadline, ended_at)
       SELECT t.id, a.id, t.kind, t.title, t.description, a.region_id, a.latitude, a.longitude, t.quantity, t.unit,
              t.pledged, t.status, t.urgency, t.visibility, t.tags::text[], t.starts_at,
              t.starts_at + make_interval(hours => t.hours), t.deadline,
              CASE WHEN t.status IN ('CLOSED', 'EXPIRED') THEN $16::timestamptz END
         FROM unnest($1::int[], $2::int[], $3::need_kind[], $4::text[], $5::text[], $6::int[], $7::text[], $8::int[],
                     $9::need_status[], $10::urgency[], $11::visibility[], $12::text[], $13::timestamptz[],
                     $14::int[], $15::timestamptz[])
           AS t(id, actor_id, kind, title, description, quantity, unit, pledged, status, urgency, visibility, tags,
                starts_at, hours, deadline)
         JOIN actor a ON a.id = t.actor_id`,
        [
          col(b, (n) => n.id),
          col(b, (n) => n.actorId),
          col(b, (n) => n.kind),
          col(b, (n) => n.title),
          col(b, (n) => n.description ?? null),
          col(b, (n) => n.quantity),
          col(b, (n) => n.unit ?? null),
          col(b, (n) => n.pledgedQuantity),
          col(b, (n) => n.status),
          col(b, (n) => n.urgency),
          col(b, (n) => n.visibility),
          col(b, (n) => arrayLiteral(n.tags)),
          col(b, (n) => at(n.startsInDays)),
          col(b, (n) => n.durationHours ?? 2),
          col(b, (n) => at(n.deadlineInDays)),
          new Date(now).toISOString(),
        ],
      );
      const withPledge = b.filter((n) => n.pledgeActorId !== null);
      await tx.query(
        `INSERT INTO pledge (need_id, actor_id, quantity, status)
       SELECT n, a, q, 'CONFIRMED' FROM unnest($1::int[], $2::int[], $3::int[]) AS t(n, a, q)`,
        [
          col(withPledge, (n) => n.id),
          col(withPledge, (n) => n.pledgeActorId),
          col(withPledge, (n) => n.pledgedQuantity),
        ],
      );
    },
    progress,
  );

  await inBatches(
    'offers',
    sizes.offers,
    offers(sizes, seed),
    async (b) => {
      await tx.query(
        `INSERT INTO offer (id, actor_id, kind, title, description, region_id, latitude, longitude, quantity, unit,
         tags, visibility, available_from, available_until)
       SELECT t.id, a.id, t.kind, t.title, NULL, a.region_id, a.latitude, a.longitude, t.quantity, NULL,
              t.tags::text[], t.visibility, t.af, t.au
         FROM unnest($1::int[], $2::int[], $3::offer_kind[], $4::text[], $5::int[], $6::text[], $7::visibility[],
                     $8::timestamptz[], $9::timestamptz[]) AS t(id, actor_id, kind, title, quantity, tags, visibility, af, au)
         JOIN actor a ON a.id = t.actor_id`,
        [
          col(b, (o) => o.id),
          col(b, (o) => o.actorId),
          col(b, (o) => o.kind),
          col(b, (o) => o.title),
          col(b, (o) => o.quantity ?? null),
          col(b, (o) => arrayLiteral(o.tags)),
          col(b, (o) => o.visibility),
          col(b, (o) => at(o.availableFromInDays)),
          col(b, (o) => at(o.availableUntilInDays)),
        ],
      );
    },
    progress,
  );

  // As the demo seed does: every need starts with its OPENED event.
  await tx.query(
    `INSERT INTO need_event (type, need_id) SELECT 'OPENED', id FROM need ORDER BY id`,
  );
  for (const t of ['region', 'actor', 'cooperation', 'need', 'pledge', 'offer']) {
    await tx.query(
      `SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT coalesce(max(id), 1) FROM ${t}))`,
    );
  }
}

/** Needs reserved for write workloads: the newest OPEN PUBLIC HELPERS need of the first municipalities. */
async function describe(
  db: Database,
  sizes: BenchSizes,
  seed: number,
  fingerprint: string,
): Promise<Omit<BenchDataInfo, 'loadedNow' | 'loadSeconds'>> {
  const ms = await db.query<{ id: number; parent_id: number }>(
    `SELECT id, parent_id FROM region WHERE level = 'MUNICIPALITY' ORDER BY id`,
  );
  const actorRanges = ms.map((_, i) => actorRange(sizes, i));
  const writeActorIds = actorRanges.map(([first]) => first);
  return {
    sizes,
    seed,
    fingerprint,
    municipalityIds: ms.map((m) => m.id),
    amtIds: ms.map((m) => m.parent_id),
    actorRanges,
    writeActorIds,
    writeNeedIds: [],
  };
}

const WRITE_NEEDS = 50;

/**
 * Needs owned by the bench's write workloads, one per municipality, each opened by the
 * municipality's own actor; recreated on every run so write workloads start from the same state.
 */
async function resetWriteNeeds(
  db: Database,
  info: Omit<BenchDataInfo, 'loadedNow' | 'loadSeconds'>,
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`DELETE FROM need WHERE title LIKE 'Bench-Schreibbedarf %'`);
    const rows = await tx.rows<{ id: number }>(
      `INSERT INTO need (actor_id, kind, title, region_id, latitude, longitude, quantity, unit, status, urgency, visibility, tags, starts_at)
       SELECT a.id, 'HELPERS', 'Bench-Schreibbedarf ' || t.i, a.region_id, a.latitude, a.longitude, 100000, 'Helfer',
              'OPEN', 'NORMAL', 'PUBLIC', '{ehrenamt}', now() + interval '30 days'
         FROM unnest($1::int[]) WITH ORDINALITY AS t(actor_id, i) JOIN actor a ON a.id = t.actor_id
        ORDER BY t.i RETURNING id`,
      [info.writeActorIds.slice(0, WRITE_NEEDS)],
    );
    return rows.map((r) => r.id);
  });
}

export async function ensureBenchData(
  db: Database,
  sizes: BenchSizes,
  seed: number,
  progress: (msg: string) => void,
): Promise<BenchDataInfo> {
  const fingerprint = await fingerprintOf(db, sizes, seed);
  const started = Date.now();
  let loadedNow = false;
  if ((await storedFingerprint(db)) !== fingerprint) {
    progress(`generating bench data (seed ${seed}): ${JSON.stringify(sizes)}`);
    await db.query(`COMMENT ON DATABASE "${await currentDb(db)}" IS NULL`);
    await db.transaction((tx) => load(tx, sizes, seed, progress, Date.now()));
    progress('  analyze');
    await db.query('VACUUM ANALYZE');
    await db.query(`COMMENT ON DATABASE "${await currentDb(db)}" IS 'hub-bench:${fingerprint}'`);
    loadedNow = true;
  } else {
    progress(`bench data present (fingerprint ${fingerprint}); not reloading`);
  }
  const info = await describe(db, sizes, seed, fingerprint);
  info.writeNeedIds = await resetWriteNeeds(db, info);
  return { ...info, loadedNow, loadSeconds: (Date.now() - started) / 1000 };
}

async function currentDb(db: Database): Promise<string> {
  const [{ d }] = await db.query<{ d: string }>('SELECT current_database() AS d');
  return d;
}
