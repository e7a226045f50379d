/**
 * BEISPIELDATEN (FIKTIV) – SAMPLE DATA
 *
 * Demo network for Amt Büsum-Wesselburen (Kreis Dithmarschen, Schleswig-Holstein), kept as
 * data in ./fixtures/*.json. Region names and approximate coordinates are real; all actors,
 * persons, contact data, cooperations, needs and offers are fictional and exist only for
 * demonstration purposes. E-mail addresses use the reserved domain example.org.
 *
 * The shapes below use the entities' own enums (as their string values, which is what JSON
 * holds); the bench generator builds data sets of the same shapes at scale.
 */
import type { ActorKind } from '../actors/actor.entity';
import type { CooperationKind, CooperationStatus } from '../cooperations/cooperation.entity';
import type { NeedKind, Urgency } from '../needs/need.entity';
import type { PledgeStatus } from '../needs/pledge.entity';
import type { OfferKind } from '../offers/offer.entity';
import type { RegionLevel } from '../regions/region.entity';
import type { Visibility } from '../shared/visibility';
import actors from './fixtures/actors.json';
import cooperations from './fixtures/cooperations.json';
import needs from './fixtures/needs.json';
import offers from './fixtures/offers.json';
import regions from './fixtures/regions.json';

/** An enum's values as the strings JSON holds ('SCHOOL', not ActorKind.SCHOOL). */
type Values<E extends string> = `${E}`;

export type ActorKindValue = Values<ActorKind>;
export type CooperationKindValue = Values<CooperationKind>;
export type CooperationStatusValue = Values<CooperationStatus>;
export type NeedKindValue = Values<NeedKind>;
export type OfferKindValue = Values<OfferKind>;

export interface SeedRegion {
  key: string;
  name: string;
  level: Values<RegionLevel>;
  parentKey: string | null;
  officialKey?: string;
}

/**
 * An actor: the columns of the CSV import (kind, name, region, topics, website, contact,
 * location) and the facts the import has no column for, written after it.
 */
export interface SeedActor {
  key: string;
  kind: ActorKindValue;
  name: string;
  description?: string;
  regionKey: string;
  topics: string[];
  website?: string;
  latitude?: number;
  longitude?: number;
  email?: string;
  phone?: string;
  address?: string;
  /** SCHOOL only */
  schoolType?: string;
  /** SCHOOL only */
  pupilCount?: number;
  /** CLUB only */
  memberCount?: number;
  /** CLUB only */
  registeredAssociation?: boolean;
  /** CLUB only */
  openBoardPositions?: string[];
  /** INITIATIVE only, 'YYYY-MM-DD' */
  foundedOn?: string;
  /** NETWORK_ROLE only (required there) */
  roleTitle?: string;
  /** NETWORK_ROLE only */
  hostedByKey?: string;
}

export interface SeedCooperation {
  kind: CooperationKindValue;
  status: CooperationStatusValue;
  title: string;
  description?: string;
  participantKeys: string[];
  startedOn?: string;
  endedOn?: string;
}

export interface SeedNeed {
  key: string;
  actorKey: string;
  kind: NeedKindValue;
  title: string;
  description?: string;
  quantity: number;
  unit?: string;
  urgency: Values<Urgency>;
  visibility: Values<Visibility>;
  tags: string[];
  /** days relative to "now" when seeding, may be fractional; undefined = none */
  startsInDays?: number;
  durationHours?: number;
  deadlineInDays?: number;
  pledges: Array<{
    byActorKey?: string;
    volunteerName?: string;
    volunteerEmail?: string;
    quantity: number;
    status: Values<PledgeStatus>;
    note?: string;
  }>;
  closed?: boolean;
}

export interface SeedOffer {
  key: string;
  actorKey: string;
  kind: OfferKindValue;
  title: string;
  description?: string;
  quantity?: number;
  unit?: string;
  tags: string[];
  visibility: Values<Visibility>;
  availableFromInDays?: number;
  availableUntilInDays?: number;
}

export interface DemoSet {
  regions: SeedRegion[];
  actors: SeedActor[];
  cooperations: SeedCooperation[];
  needs: SeedNeed[];
  offers: SeedOffer[];
}

/** The demo network; its enum values are checked by the database's enum types when loaded. */
export const DEMO_SET: DemoSet = {
  regions: regions as SeedRegion[],
  actors: actors as SeedActor[],
  cooperations: cooperations as SeedCooperation[],
  needs: needs as SeedNeed[],
  offers: offers as SeedOffer[],
};
