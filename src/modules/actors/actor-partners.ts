// The partners of an actor as Actor.partners and Actor.partnersWithDistance both read them: the
// cooperation statuses the caller may follow (PROPOSED only when signed in), one batched graph
// step load, then the actors that still exist, each with how many steps away it is.
import type { HubContext } from '../../graphql/context';
import { CooperationStatus } from '../cooperations/cooperation.entity';
import { visibleStatuses } from '../cooperations/cooperation.permissions';
import { Actor } from './actor.entity';

export interface PartnerStep {
  actor: Actor;
  distance: number;
}

export async function loadPartners(
  ctx: HubContext,
  actorId: number,
  depth: number,
  status: CooperationStatus | null | undefined,
): Promise<PartnerStep[]> {
  const statuses = visibleStatuses(ctx.viewer, status ?? CooperationStatus.ACTIVE);
  const steps = await ctx.loaders.graph.partners.load({ actorId, depth, statuses });
  const actors = await ctx.loaders.actors.byId.loadMany(steps.map((p) => p.id));
  const found: PartnerStep[] = [];
  steps.forEach((step, i) => {
    const actor = actors[i];
    if (actor instanceof Actor) found.push({ actor, distance: step.distance });
  });
  return found;
}
