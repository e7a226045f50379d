// schema.org JSON-LD for the hub's public dates, so search engines show them: an `Event` per
// event and a `Place` per contact point with its next openings as `openingHoursSpecification`.
// Pure (no DOM, no Node API): the widget writes it into the host page and the hub's public
// events page (GET /events/<region id>) into its HTML, from the same code.
const TZ = 'Europe/Berlin';
const SCHEMA = 'https://schema.org';

const wall = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'long',
});

function parts(at: Date): Record<string, string> {
  return Object.fromEntries(wall.formatToParts(at).map((p) => [p.type, p.value]));
}

/** "2026-12-08T19:00:00+01:00": the Berlin wall clock with its offset, as schema.org wants. */
export function berlinIso(at: string | Date): string {
  const d = new Date(at);
  const p = parts(d);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const offset = Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${off}`;
}

interface Geo {
  latitude: number;
  longitude: number;
}

export interface LdEvent {
  id: string;
  title: string;
  description?: string | null;
  startsAt: string | Date;
  endsAt: string | Date;
  status: string;
  venue?: string | null;
  capacity?: number | null;
  remainingSeats?: number | null;
  location?: Geo | null;
  region: { name: string };
  organizer: { name: string };
  contactPoint?: { name: string; address?: string | null } | null;
}

export interface LdOpening {
  startsAt: string | Date;
  endsAt: string | Date;
  contactPoint: { id: string; name: string; address?: string | null; location?: Geo | null };
}

type Json = Record<string, unknown>;

function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v != null && v !== ''));
}

function geo(g?: Geo | null): Json | undefined {
  return g
    ? { '@type': 'GeoCoordinates', latitude: g.latitude, longitude: g.longitude }
    : undefined;
}

/** A schema.org Event; `url` is where a person can read about it and register. */
export function eventJsonLd(e: LdEvent, url?: string): Json {
  const cancelled = e.status === 'CANCELLED';
  const full = e.capacity != null && (e.remainingSeats ?? 0) <= 0;
  return compact({
    '@context': SCHEMA,
    '@type': 'Event',
    '@id': url ? `${url}#${e.id}` : undefined,
    name: e.title,
    description: e.description,
    startDate: berlinIso(e.startsAt),
    endDate: berlinIso(e.endsAt),
    eventStatus: `${SCHEMA}/${cancelled ? 'EventCancelled' : 'EventScheduled'}`,
    eventAttendanceMode: `${SCHEMA}/OfflineEventAttendanceMode`,
    isAccessibleForFree: true,
    location: compact({
      '@type': 'Place',
      name: e.venue ?? e.contactPoint?.name ?? e.region.name,
      address: e.contactPoint?.address ?? e.venue ?? e.region.name,
      geo: geo(e.location),
    }),
    organizer: { '@type': 'Organization', name: e.organizer.name },
    maximumAttendeeCapacity: e.capacity ?? undefined,
    remainingAttendeeCapacity: e.capacity != null ? Math.max(0, e.remainingSeats ?? 0) : undefined,
    offers: cancelled
      ? undefined
      : compact({
          '@type': 'Offer',
          price: 0,
          priceCurrency: 'EUR',
          availability: `${SCHEMA}/${full ? 'SoldOut' : 'InStock'}`,
          url,
        }),
    url,
  });
}

/**
 * One schema.org Place per contact point, its next concrete openings as day-exact
 * OpeningHoursSpecifications (validFrom = validThrough = that day, times on the Berlin clock).
 */
export function placesJsonLd(openings: readonly LdOpening[]): Json[] {
  const places = new Map<string, { cp: LdOpening['contactPoint']; specs: Json[] }>();
  for (const o of openings) {
    const entry = places.get(o.contactPoint.id) ?? { cp: o.contactPoint, specs: [] };
    places.set(o.contactPoint.id, entry);
    const s = parts(new Date(o.startsAt));
    const e = parts(new Date(o.endsAt));
    const day = `${s.year}-${s.month}-${s.day}`;
    entry.specs.push({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: `${SCHEMA}/${s.weekday}`,
      opens: `${s.hour}:${s.minute}`,
      closes: `${e.hour}:${e.minute}`,
      validFrom: day,
      validThrough: day,
    });
  }
  return [...places.values()].map(({ cp, specs }) =>
    compact({
      '@context': SCHEMA,
      '@type': 'Place',
      name: cp.name,
      address: cp.address,
      geo: geo(cp.location),
      openingHoursSpecification: specs,
    }),
  );
}

export interface LdNeed {
  id: string;
  title: string;
  description?: string | null;
  quantity: number;
  remainingQuantity: number;
  unit?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  deadline?: string | null;
  region: { name: string };
  actor: { name: string; publicContact?: { address?: string | null } | null };
}

/**
 * A public need as a schema.org Demand: what the actor looks for (`itemOffered` with the need's
 * title), how much is still missing (`eligibleQuantity`), where (`areaServed`) and when
 * (`availabilityStarts` / `availabilityEnds`: from its start until its end or deadline).
 */
export function demandJsonLd(n: LdNeed, url?: string): Json {
  const ends = n.endsAt ?? n.deadline;
  return compact({
    '@type': 'Demand',
    '@id': url ? `${url}#${n.id}` : undefined,
    name: n.title,
    description: n.description,
    itemOffered: compact({ '@type': 'Thing', name: n.title }),
    eligibleQuantity: compact({
      '@type': 'QuantitativeValue',
      value: n.remainingQuantity,
      maxValue: n.quantity,
      unitText: n.unit,
    }),
    areaServed: { '@type': 'AdministrativeArea', name: n.region.name },
    availabilityStarts: n.startsAt ? berlinIso(n.startsAt) : undefined,
    availabilityEnds: ends ? berlinIso(ends) : undefined,
  });
}

/**
 * The actors of a list of public needs as schema.org Organizations, each with the needs it has
 * open as Demands (`seeks`, the schema.org link from an organisation to what it looks for).
 */
export function needsJsonLd(needs: readonly LdNeed[], url?: string): Json[] {
  const byActor = new Map<string, { actor: LdNeed['actor']; region: string; needs: LdNeed[] }>();
  for (const n of needs) {
    const key = n.actor.name;
    const entry = byActor.get(key) ?? { actor: n.actor, region: n.region.name, needs: [] };
    entry.needs.push(n);
    byActor.set(key, entry);
  }
  return [...byActor.values()].map(({ actor, region, needs: list }) =>
    compact({
      '@context': SCHEMA,
      '@type': 'Organization',
      name: actor.name,
      address: actor.publicContact?.address ?? undefined,
      areaServed: { '@type': 'AdministrativeArea', name: region },
      seeks: list.map((n) => demandJsonLd(n, url)),
    }),
  );
}

/** JSON for inside <script type="application/ld+json">: no "<" that could end the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
