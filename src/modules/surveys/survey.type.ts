// GraphQL shapes of surveys (contract: coordination.graphql "surveys (Bedarfsabfrage)").
// Survey.region, questions, counts, results and responses are field resolvers.
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { ActorKind } from '../actors/actor.entity';
import '../actors/actor.type';
import { NeedKind } from '../needs/need.entity';
import '../needs/need.type';
import { QuestionKind, SurveyStatus } from './survey.entity';

registerEnumType(SurveyStatus, {
  name: 'SurveyStatus',
  description: 'Where a survey stands: DRAFT (being written), OPEN (invitations out), CLOSED.',
  valuesConfig: {
    DRAFT: { description: 'Being written; only its coordinators see it.' },
    OPEN: { description: 'Invitations are out; answers are taken.' },
    CLOSED: { description: 'No more answers.' },
  },
});

registerEnumType(QuestionKind, {
  name: 'QuestionKind',
  description: 'What kind of answer a survey question takes.',
  valuesConfig: {
    SINGLE_CHOICE: { description: 'Exactly one of the options.' },
    MULTIPLE_CHOICE: { description: 'Any number of the options.' },
    TEXT: { description: 'Free text.' },
    NUMBER: { description: 'A number.' },
    SCALE: { description: '1 to 5' },
    NEED: {
      description: 'The answer describes a need; it becomes a DRAFT need of the answering actor.',
    },
  },
});

@ObjectType('SurveyQuestion', { description: 'A question of a survey.' })
export class SurveyQuestionType {
  @Field(() => ID, { description: 'Stable within the survey; SurveyAnswerInput.questionId.' })
  id: string;

  @Field(() => QuestionKind, { description: 'What kind of answer it takes.' })
  kind: QuestionKind;

  @Field({ description: 'The question, in German.' })
  text: string;

  @Field(() => [String], { description: 'The options of a choice question; empty otherwise.' })
  options: string[];

  @Field({ description: 'Whether an answer must answer it.' })
  required: boolean;

  @Field(() => NeedKind, {
    nullable: true,
    description: 'For NEED questions: the kind of need an answer becomes.',
  })
  needKind: NeedKind | null;
}

@ObjectType('OptionCount', { description: 'How many responses chose an option.' })
export class OptionCountType {
  @Field({ description: 'The option.' })
  option: string;

  @Field(() => Int, { description: 'Responses that chose it.' })
  count: number;
}

@ObjectType('QuestionResult', { description: "A question's aggregate over all responses." })
export class QuestionResultType {
  @Field(() => SurveyQuestionType, { description: 'The question.' })
  question: SurveyQuestionType;

  @Field(() => Int, { description: 'Responses that answered it.' })
  answered: number;

  @Field(() => [OptionCountType], { description: 'For choice questions: each option, in order.' })
  optionCounts: OptionCountType[];

  @Field(() => Float, { nullable: true, description: 'For NUMBER and SCALE.' })
  average: number | null;

  @Field(() => QuestionResultType, {
    nullable: true,
    description:
      'The same question (kind, text and options alike) in the survey this one copied (copyFromId): the previous round, for comparison; null when there is none.',
  })
  previous?: QuestionResultType | null;

  @Field(() => Float, {
    nullable: true,
    description: "average minus the previous round's average (NUMBER and SCALE), when both exist.",
  })
  averageChange?: number | null;
}

@ObjectType('RegionResponseRate', { description: 'Invitations and responses of one region.' })
export class RegionResponseRateType {
  /** Database id; the field resolver loads the region. */
  regionId: number;

  @Field(() => Int, { description: 'Actors invited in this region and below.' })
  invited: number;

  @Field(() => Int, { description: 'Of them, those who answered.' })
  responded: number;

  @Field(() => Float, { description: 'responded / invited (0 when nobody was invited).' })
  rate: number;
}

@ObjectType('SurveyAnswer', { description: 'The answer to one question.' })
export class SurveyAnswerType {
  @Field(() => SurveyQuestionType, { description: 'The question answered.' })
  question: SurveyQuestionType;

  @Field(() => [String], { description: 'The chosen options (choice questions).' })
  choices: string[];

  @Field(() => String, { nullable: true, description: "TEXT answers; a NEED answer's title." })
  text: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "NUMBER and SCALE; a NEED answer's quantity.",
  })
  number: number | null;
}

@ObjectType('SurveyResponse', {
  implements: Node,
  description: "An actor's answers to a survey; for the survey's coordinators.",
})
export class SurveyResponseType extends Node {
  @Field({ description: 'When it was last submitted.' })
  submittedAt: Date;
}

export const { EdgeType: SurveyResponseEdge, ConnectionType: SurveyResponseConnection } =
  connectionTypes('SurveyResponse', () => SurveyResponseType, 'survey responses');

@ObjectType('Survey', {
  implements: Node,
  description: 'A regular needs poll (Bedarfsabfrage) sent to the actors of a region.',
})
export class SurveyType extends Node {
  @Field({ description: 'The title, in German.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'A few words for the invited, in German.' })
  introduction: string | null;

  @Field(() => [ActorKind], { description: 'Actor kinds invited; empty means all.' })
  audience: ActorKind[];

  @Field(() => SurveyStatus, { description: 'DRAFT, OPEN or CLOSED.' })
  status: SurveyStatus;

  @Field(() => Date, { nullable: true, description: 'When it was opened.' })
  opensAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until when answers are taken.' })
  closesAt: Date | null;

  @Field(() => [SurveyQuestionType], { description: 'The questions, in order.' })
  questions: SurveyQuestionType[];

  @Field({ description: 'When it was created.' })
  createdAt: Date;
}
