import { ArrayMaxSize, IsOptional } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../graphql/relay.types';
import { ExpertiseArea } from '../../pilots/expertise-area';
import { ConsultationStatus } from '../consultation.entity';

@InputType('ConsultationFilter', { description: 'Which consultations to list.' })
export class ConsultationFilterInput {
  @Field(() => ID, { nullable: true, description: 'The region, with everything below it.' })
  regionId?: string | null;

  @Field(() => [ConsultationStatus], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(5)
  status?: ConsultationStatus[] | null;

  @Field(() => [ExpertiseArea], { nullable: true, description: 'Only these areas.' })
  @IsOptional()
  @ArrayMaxSize(10)
  areas?: ExpertiseArea[] | null;

  @Field(() => ID, { nullable: true, description: 'Only those assigned to this pilot.' })
  pilotId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only overdue ones (past dueAt, not answered): the coordinator's feed.",
  })
  overdue?: boolean | null;
}

@ArgsType()
export class ConsultationListArgs extends PageArgs {
  @Field(() => ConsultationFilterInput, { nullable: true, description: 'Narrows the list.' })
  filter?: ConsultationFilterInput | null;
}

@ArgsType()
export class KnowledgeArticleListArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Words that must all be found (German full text and similar titles).',
  })
  text?: string | null;

  @Field(() => [ExpertiseArea], { nullable: true, description: 'Only these areas.' })
  @IsOptional()
  @ArrayMaxSize(10)
  areas?: ExpertiseArea[] | null;
}

@InputType('AskPilotsInput', { description: 'A question for the pilots, asked for an actor.' })
export class AskPilotsInput {
  @Field(() => ID, { description: 'The actor asking; the caller must be one of its members.' })
  actorId: string;

  @Field(() => ExpertiseArea, { description: 'The area the question belongs to.' })
  area: ExpertiseArea;

  @Field({ description: 'A short subject, 1 to 200 characters.' })
  subject: string;

  @Field({ description: 'The question, 1 to 10000 characters; confidential.' })
  question: string;
}

@InputType('PublishAnswerInput', { description: 'An answer to publish as a knowledge article.' })
export class PublishAnswerInput {
  @Field(() => ID, { description: 'The answered consultation.' })
  consultationId: string;

  @Field({ description: 'The anonymised question as a title, 1 to 200 characters.' })
  title: string;

  @Field({
    description:
      "The anonymised text to publish; names of people and actors are the coordinator's to remove.",
  })
  body: string;
}
