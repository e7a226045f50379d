import { Arg, Authorized, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { HubContext } from '../../graphql/context';
import { Role } from '../../graphql/viewer';

@Authorized(Role.COORDINATOR, Role.ADMIN)
@Resolver()
export class VolunteerDataResolver {
  @Mutation(() => Int, {
    description:
      "Anonymises every pledge with this e-mail (a coordinator's: in their regions), keeping quantities; returns how many.",
  })
  eraseVolunteer(
    @Ctx() ctx: HubContext,
    @Arg('email', { description: "The volunteer's e-mail address, as they gave it." })
    email: string,
  ): Promise<number> {
    return ctx.services.volunteerData.erase(ctx.viewer, email);
  }
}
