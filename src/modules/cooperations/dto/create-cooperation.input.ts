import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../graphql/scalars';
import { CooperationKind, CooperationStatus } from '../cooperation.entity';

@InputType()
export class CreateCooperationInput {
  @Field(() => CooperationKind)
  kind: CooperationKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ID], { description: 'Two or more distinct actors.' })
  participantIds: string[];

  @Field(() => CooperationStatus, { nullable: true, defaultValue: CooperationStatus.PROPOSED })
  status?: CooperationStatus | null;

  @Field(() => DateScalar, { nullable: true })
  startedOn?: string | null;
}
