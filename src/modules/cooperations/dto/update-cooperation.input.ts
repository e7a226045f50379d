import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../graphql/scalars';
import { CooperationStatus } from '../cooperation.entity';

/** Only the given fields change; `participantIds` replaces the whole set. */
@InputType()
export class UpdateCooperationInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => CooperationStatus, { nullable: true })
  status?: CooperationStatus | null;

  @Field(() => [ID], { nullable: true })
  participantIds?: string[] | null;

  @Field(() => DateScalar, { nullable: true })
  startedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  endedOn?: string | null;
}
