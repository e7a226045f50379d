import { NeedEvent } from '../events/need-event.entity';
import { Actor } from '../modules/actors/actor.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { CooperationParticipant } from '../modules/cooperations/cooperation-participant.entity';
import { Cooperation } from '../modules/cooperations/cooperation.entity';
import { Need } from '../modules/needs/need.entity';
import { Pledge } from '../modules/needs/pledge.entity';
import { Offer } from '../modules/offers/offer.entity';
import { Region } from '../modules/regions/region.entity';
import { RateLimitBucket } from '../server/rate-limit.entity';

/** Every TypeORM entity of the hub; the data source and the migration check read this list. */
export const ENTITIES = [
  Region,
  Actor,
  Cooperation,
  CooperationParticipant,
  Need,
  Pledge,
  Offer,
  NeedEvent,
  AuditEntry,
  RateLimitBucket,
];
