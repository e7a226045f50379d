// The hub's public records as HSDS 3.0 objects (Open Referral Human Services Data
// Specification): actors as `organization`, offers and the office hours of contact points with a
// host as `service` (office hours with `schedules`), contact points as `location`. Only fields
// the specification defines; a field the hub has no value for is left out (HSDS fields are not
// nullable).
//
// Ids are UUIDs of version 8 (RFC 9562, "custom"): 48 bits that name the hub (from
// HUB_PUBLIC_URL), 12 bits for what the object is, 60 bits for the row's id. So they stay the
// same across exports, differ between two hubs, and /hsds/organizations/<id> finds its row
// without a lookup table.
import { createHash } from 'node:crypto';
import type { OpeningRuleData } from '../contact-points/opening-rules';

export const HSDS_VERSION = '3.0';

/** What an HSDS id stands for (its 12-bit part). */
export enum HsdsPart {
  ORGANIZATION = 0x001,
  PHONE = 0x002,
  OFFER_SERVICE = 0x010,
  HOURS_SERVICE = 0x011,
  LOCATION = 0x020,
  /** Schedules: SCHEDULE + the rule's index (at most 20 rules per contact point). */
  SCHEDULE = 0x100,
}

const UUID = /^([0-9a-f]{8})-([0-9a-f]{4})-8([0-9a-f]{3})-8([0-9a-f]{3})-([0-9a-f]{12})$/;

export class HsdsIds {
  private readonly prefix: string;

  constructor(publicUrl: string | undefined) {
    this.prefix = createHash('sha256')
      .update(publicUrl ?? 'urn:engagement-hub')
      .digest('hex')
      .slice(0, 12);
  }

  of(part: number, id: number): string {
    const p = this.prefix;
    const code = part.toString(16).padStart(3, '0');
    const n = id.toString(16).padStart(15, '0');
    return `${p.slice(0, 8)}-${p.slice(8, 12)}-8${code}-8${n.slice(0, 3)}-${n.slice(3)}`;
  }

  /** The row id of an HSDS id of this hub and part; null for anything else. */
  parse(uuid: string, part: number): number | null {
    const m = UUID.exec(uuid.toLowerCase());
    if (!m || `${m[1]}${m[2]}` !== this.prefix || parseInt(m[3], 16) !== part) return null;
    const id = parseInt(`${m[4]}${m[5]}`, 16);
    return Number.isSafeInteger(id) && id > 0 && id <= 2147483647 ? id : null;
  }

  organization(actorId: number): string {
    return this.of(HsdsPart.ORGANIZATION, actorId);
  }
  offerService(offerId: number): string {
    return this.of(HsdsPart.OFFER_SERVICE, offerId);
  }
  hoursService(contactPointId: number): string {
    return this.of(HsdsPart.HOURS_SERVICE, contactPointId);
  }
  location(contactPointId: number): string {
    return this.of(HsdsPart.LOCATION, contactPointId);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;
type Json = Record<string, unknown>;

/** Leaves out undefined and null values: HSDS has no nulls. */
function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
}

export function organization(ids: HsdsIds, a: Row): Json {
  return compact({
    id: ids.organization(a.id),
    name: a.name,
    description: a.description ?? '',
    email: a.contact_email,
    website: a.website,
    parent_organization_id: a.hosted_by_id == null ? null : ids.organization(a.hosted_by_id),
  });
}

export function organizationPhones(ids: HsdsIds, a: Row): Json[] {
  if (!a.contact_phone) return [];
  return [
    {
      id: ids.of(HsdsPart.PHONE, a.id),
      organization_id: ids.organization(a.id),
      number: a.contact_phone,
    },
  ];
}

export function offerService(ids: HsdsIds, o: Row): Json {
  return compact({
    id: ids.offerService(o.id),
    organization_id: ids.organization(o.actor_id),
    name: o.title,
    description: o.description,
    status: o.active ? 'active' : 'inactive',
    last_modified: (o.updated_at as Date).toISOString(),
  });
}

export function hoursService(ids: HsdsIds, c: Row): Json {
  return compact({
    id: ids.hoursService(c.id),
    organization_id: ids.organization(c.hosted_by_id),
    name: `Sprechstunde: ${c.name}`,
    description: c.description,
    status: 'active',
    last_modified: (c.updated_at as Date).toISOString(),
  });
}

export function location(ids: HsdsIds, c: Row): Json {
  return compact({
    id: ids.location(c.id),
    location_type: c.kind === 'REMOTE' ? 'virtual' : 'physical',
    organization_id: c.hosted_by_id == null ? null : ids.organization(c.hosted_by_id),
    name: c.name,
    description: [c.description, c.address].filter(Boolean).join('\n') || undefined,
    latitude: c.latitude,
    longitude: c.longitude,
  });
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The RRULE's parts by name (FREQ=WEEKLY;BYDAY=TU -> { FREQ: 'WEEKLY', BYDAY: 'TU' }). */
function ruleParts(rrule: string): Record<string, string> {
  const body = rrule.replace(/^RRULE:/i, '');
  return Object.fromEntries(
    body
      .split(';')
      .map((p) => p.split('='))
      .filter((kv) => kv.length === 2)
      .map(([k, v]) => [k.toUpperCase(), v]),
  );
}

/** An RRULE UNTIL (20261231 or 20261231T235959Z) as an HSDS date. */
function untilDate(until: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(until);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * The schedules of a contact point's hours. HSDS knows WEEKLY and MONTHLY; a DAILY rule becomes
 * WEEKLY on every day, any other rule keeps only its description. Opening times are local wall
 * times in Europe/Berlin (a fixed UTC offset would be wrong for half of the year), said so in
 * `description`.
 */
export function schedules(
  ids: HsdsIds,
  c: Row,
  link: { service?: boolean; location?: boolean },
): Json[] {
  return (c.hours as OpeningRuleData[]).map((h, i) => {
    const p = ruleParts(h.rrule);
    let freq: string | undefined = p.FREQ;
    let byday = p.BYDAY;
    if (freq === 'DAILY') {
      freq = 'WEEKLY';
      byday ??= WEEKDAYS.join(',');
    }
    if (freq !== 'WEEKLY' && freq !== 'MONTHLY') freq = undefined;
    const interval = p.INTERVAL ? Number(p.INTERVAL) : undefined;
    return compact({
      // One id per contact point and rule position: 12 bits hold the part, 20 rules fit.
      id: ids.of(HsdsPart.SCHEDULE + i, c.id),
      service_id: link.service ? ids.hoursService(c.id) : undefined,
      location_id: link.location ? ids.location(c.id) : undefined,
      valid_from: h.validFrom ?? undefined,
      valid_to: h.validUntil ?? undefined,
      freq,
      interval: freq && Number.isFinite(interval) ? interval : undefined,
      byday: freq ? byday : undefined,
      bymonthday: freq === 'MONTHLY' ? p.BYMONTHDAY : undefined,
      count: freq && p.COUNT ? Number(p.COUNT) : undefined,
      until: freq && p.UNTIL ? untilDate(p.UNTIL) : undefined,
      wkst: freq && WEEKDAYS.includes(p.WKST) ? p.WKST : undefined,
      opens_at: h.opensAt,
      closes_at: h.closesAt,
      description: `${h.opensAt}–${h.closesAt} Uhr Ortszeit (Europe/Berlin), Regel ${h.rrule}`,
      notes: h.note ?? undefined,
    });
  });
}
