import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../graphql/scalars';
import { CooperationKind, CooperationStatus } from '../cooperation.entity';

@InputType({ description: 'A new cooperation between two or more actors.' })
export class CreateCooperationInput {
  @Field(() => CooperationKind, { description: 'What kind of cooperation it is.' })
  kind: CooperationKind;

  @Field({ description: 'Short title, 2 to 200 characters.' })
  title: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the partners do together, up to 5000 characters.',
  })
  description?: string | null;

  @Field(() => [ID], { description: 'Two or more distinct actors.' })
  participantIds: string[];

  @Field(() => CooperationStatus, {
    nullable: true,
    defaultValue: CooperationStatus.PROPOSED,
    description: 'Its status to begin with; PROPOSED when left out.',
  })
  status?: CooperationStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it began.' })
  startedOn?: string | null;
}
