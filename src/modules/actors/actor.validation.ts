// Validation and column mapping of actor data, shared by the GraphQL mutations and the CSV import.
// Every problem is a BadUserInputError naming the offending field, raised before anything is written.
import { BadUserInputError } from '../../graphql/errors';
import { isEmail } from '../shared/email';
import { GeoInput, validLocation } from '../shared/geo';
import { boundedText as text, normalizeTopics, requiredText } from '../shared/text';
import { ActorKind } from './actor.entity';

export interface ContactInput {
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

/** Actor data with database ids; every field optional (an update changes only what is given). */
export interface ActorData {
  kind?: ActorKind;
  name?: string | null;
  description?: string | null;
  regionId?: number;
  topics?: string[] | null;
  website?: string | null;
  location?: GeoInput | null;
  publicContact?: ContactInput | null;
  schoolType?: string | null;
  pupilCount?: number | null;
  memberCount?: number | null;
  registeredAssociation?: boolean | null;
  openBoardPositions?: string[] | null;
  foundedOn?: string | null;
  roleTitle?: string | null;
  hostedById?: number | null;
}

/** Fields that belong to one kind only; given for another kind they are refused. */
const KIND_FIELDS: Record<string, ActorKind> = {
  schoolType: ActorKind.SCHOOL,
  pupilCount: ActorKind.SCHOOL,
  memberCount: ActorKind.CLUB,
  registeredAssociation: ActorKind.CLUB,
  openBoardPositions: ActorKind.CLUB,
  foundedOn: ActorKind.INITIATIVE,
  roleTitle: ActorKind.NETWORK_ROLE,
  hostedById: ActorKind.NETWORK_ROLE,
};

const PHONE = /^\+?[0-9][0-9 ()/.-]{4,29}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function count(value: number | null | undefined, field: string): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 0 || value > 10_000_000) {
    throw new BadUserInputError(`${field} must be a whole number >= 0`, field);
  }
  return value;
}

export function validWebsite(value: string | null | undefined, field = 'website'): string | null {
  const v = text(value, field, 0, 500);
  if (v == null) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new BadUserInputError(`${field} must be an http(s) URL`, field);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) {
    throw new BadUserInputError(`${field} must be an http(s) URL`, field);
  }
  return v;
}

export function validEmail(value: string | null | undefined, field: string): string | null {
  const v = text(value, field, 0, 320);
  if (v != null && !isEmail(v))
    throw new BadUserInputError(`${field} is not an e-mail address`, field);
  return v;
}

export function validPhone(value: string | null | undefined, field: string): string | null {
  const v = text(value, field, 0, 50);
  if (v != null && (!PHONE.test(v) || v.replace(/\D/g, '').length < 5)) {
    throw new BadUserInputError(`${field} is not a phone number`, field);
  }
  return v;
}

/**
 * Checks `data` for an actor of `kind` and returns the columns to write (snake_case). On create
 * every required field must be present; on update only the given ones are checked and written.
 */
export function actorColumns(
  kind: ActorKind,
  data: ActorData,
  creating: boolean,
): Record<string, unknown> {
  const given = (k: keyof ActorData) => data[k] !== undefined;
  for (const [field, owner] of Object.entries(KIND_FIELDS)) {
    const v = data[field as keyof ActorData];
    if (v != null && owner !== kind) {
      throw new BadUserInputError(
        `${field} is only for actors of kind ${owner}, not ${kind}`,
        field,
      );
    }
  }
  const cols: Record<string, unknown> = {};
  if (creating || given('name')) {
    cols.name = requiredText(data.name, 'name', 2, 200);
  }
  if (given('description')) cols.description = text(data.description, 'description', 0, 5000);
  if (given('topics')) cols.topics = normalizeTopics(data.topics);
  if (given('website')) cols.website = validWebsite(data.website);
  if (given('location')) {
    const loc = validLocation(data.location);
    cols.latitude = loc?.latitude ?? null;
    cols.longitude = loc?.longitude ?? null;
  }
  if (given('publicContact')) {
    const c = data.publicContact ?? {};
    cols.contact_email = validEmail(c.email, 'publicContact.email');
    cols.contact_phone = validPhone(c.phone, 'publicContact.phone');
    cols.contact_address = text(c.address, 'publicContact.address', 0, 500);
  }
  if (given('schoolType')) cols.school_type = text(data.schoolType, 'schoolType', 0, 100);
  if (given('pupilCount')) cols.pupil_count = count(data.pupilCount, 'pupilCount');
  if (given('memberCount')) cols.member_count = count(data.memberCount, 'memberCount');
  if (kind === ActorKind.CLUB) {
    if (creating || given('registeredAssociation'))
      cols.registered_association = data.registeredAssociation ?? false;
    if (creating || given('openBoardPositions')) {
      cols.open_board_positions = (data.openBoardPositions ?? []).map((p) =>
        text(p, 'openBoardPositions', 1, 200),
      );
    }
  }
  if (given('foundedOn')) {
    if (data.foundedOn != null && !DATE.test(data.foundedOn)) {
      throw new BadUserInputError('foundedOn must be a date YYYY-MM-DD', 'foundedOn');
    }
    cols.founded_on = data.foundedOn ?? null;
  }
  if (kind === ActorKind.NETWORK_ROLE && (creating || given('roleTitle'))) {
    if (data.roleTitle == null)
      throw new BadUserInputError('roleTitle is required for a NETWORK_ROLE', 'roleTitle');
    cols.role_title = requiredText(data.roleTitle, 'roleTitle', 2, 200);
  }
  if (given('hostedById')) cols.hosted_by_id = data.hostedById ?? null;
  if (given('regionId')) cols.region_id = data.regionId;
  return cols;
}
