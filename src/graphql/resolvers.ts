// Every resolver class of the schema. Each is @Authorized() unless it is deliberately public;
// test/access/public-resolvers.test.ts lists the public ones.
import { NonEmptyArray } from 'type-graphql';
import { ViewerResolver } from '../modules/access/viewer.resolver';
import { VolunteerDataResolver } from '../modules/access/volunteer-data.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { RegionResolver } from '../modules/regions/region.resolver';
import { ActorResolver } from '../modules/actors/actor.resolver';
import { ClubResolver } from '../modules/actors/club.resolver';
import { NetworkRoleResolver } from '../modules/actors/network-role.resolver';
import { RegionActorsResolver } from '../modules/actors/region-actors.resolver';
import { CooperationResolver } from '../modules/cooperations/cooperation.resolver';
import { GraphResolver } from '../modules/graph/graph.resolver';
import { NeedEventsResolver } from '../modules/needs/need-events.resolver';
import { ActorNeedsResolver, RegionNeedsResolver } from '../modules/needs/need-relations.resolver';
import { NeedResolver } from '../modules/needs/need.resolver';
import { PledgeResolver } from '../modules/needs/pledge.resolver';
import {
  ActorOffersResolver,
  NeedMatchesResolver,
  OfferResolver,
} from '../modules/offers/offer.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { NodeResolver } from './node.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  RegionResolver,
  AuditResolver,
  ViewerResolver,
  VolunteerDataResolver,
  ActorResolver,
  RegionActorsResolver,
  NetworkRoleResolver,
  ClubResolver,
  CooperationResolver,
  GraphResolver,
  NeedResolver,
  PledgeResolver,
  RegionNeedsResolver,
  ActorNeedsResolver,
  NeedEventsResolver,
  OfferResolver,
  NeedMatchesResolver,
  ActorOffersResolver,
  SearchResolver,
];
