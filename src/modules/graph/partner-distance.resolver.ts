import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { Actor } from '../actors/actor.entity';
import { ActorInterface } from '../actors/actor.type';
import { CooperationStatus } from '../cooperations/cooperation.entity';
import { loadPartners } from '../actors/actor-partners';
import { haversineKm } from '../shared/geo';
import { PartnerWithDistanceType } from './graph.type';

export interface PartnerWithDistanceData {
  actor: Actor;
  distance: number;
  distanceKm: number | null;
}

/**
 * Actor.partnersWithDistance on every actor type: the partners of Actor.partners (same loader,
 * same visibility: PROPOSED cooperations only for signed-in callers), each with its distance.
 * Deliberately public, as Actor.partners.
 */
@Resolver(() => ActorInterface)
export class PartnerDistanceResolver {
  @FieldResolver(() => [PartnerWithDistanceType], {
    description:
      'Actors reachable through cooperations of the given status, up to `depth` steps away, nearest first, each with its distance.',
  })
  async partnersWithDistance(
    @Root() actor: Actor,
    @Ctx() ctx: HubContext,
    @Arg('depth', () => Int, {
      nullable: true,
      defaultValue: 2,
      description: 'Steps through the cooperation graph, 1 to 3.',
    })
    depth: number,
    @Arg('status', () => CooperationStatus, {
      nullable: true,
      defaultValue: CooperationStatus.ACTIVE,
      description: 'Follow only cooperations of this status.',
    })
    status: CooperationStatus,
  ): Promise<PartnerWithDistanceData[]> {
    const result = (await loadPartners(ctx, actor.id, depth ?? 2, status)).map(
      ({ actor: partner, distance }): PartnerWithDistanceData => {
        const km = haversineKm(actor, partner);
        return {
          actor: partner,
          distance,
          distanceKm: km == null ? null : Math.round(km * 10) / 10,
        };
      },
    );
    return result.sort(
      (a, b) =>
        a.distance - b.distance ||
        a.actor.name.localeCompare(b.actor.name, 'de') ||
        a.actor.id - b.actor.id,
    );
  }
}
