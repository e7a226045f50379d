import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Actor } from './actor.entity';
import { ClubType } from './actor.type';

@Resolver(() => ClubType)
export class ClubResolver {
  @FieldResolver(() => [String], {
    description: 'Board positions (Vorstandsposten) that need a successor.',
  })
  openBoardPositions(@Root() club: Actor): string[] {
    return club.openBoardPositions ?? [];
  }

  @FieldResolver(() => Boolean, { description: 'Registered association (e.V.)' })
  registeredAssociation(@Root() club: Actor): boolean {
    return club.registeredAssociation ?? false;
  }
}
