import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../graphql/scalars';
import { CooperationStatus } from '../cooperation.entity';

/** Only the given fields change; `participantIds` replaces the whole set. */
@InputType({ description: 'Changes to a cooperation: only the fields given are changed.' })
export class UpdateCooperationInput {
  @Field(() => String, { nullable: true, description: 'Short title, 2 to 200 characters.' })
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the partners do together, up to 5000 characters.',
  })
  description?: string | null;

  @Field(() => CooperationStatus, {
    nullable: true,
    description: 'New status, e.g. ACTIVE once the partners agreed or ENDED.',
  })
  status?: CooperationStatus | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Two or more distinct actors, replacing all participants.',
  })
  participantIds?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it began.' })
  startedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it ended; not before startedOn.' })
  endedOn?: string | null;
}
