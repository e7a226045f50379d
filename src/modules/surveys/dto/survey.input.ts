import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ActorKind } from '../../actors/actor.entity';
import { NeedKind } from '../../needs/need.entity';
import { QuestionKind } from '../survey.entity';

@InputType('SurveyQuestionInput', { description: 'A question of a new survey.' })
export class SurveyQuestionInput {
  @Field(() => QuestionKind, { description: 'What kind of answer it takes.' })
  kind: QuestionKind;

  @Field({ description: 'The question, in German (1 to 500 characters).' })
  @MaxLength(2000)
  text: string;

  @Field(() => [String], {
    nullable: true,
    description: 'For SINGLE_CHOICE and MULTIPLE_CHOICE: 2 to 30 options.',
  })
  @IsOptional()
  @ArrayMaxSize(30)
  options?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Whether an answer must answer it.',
  })
  required?: boolean | null;

  @Field(() => NeedKind, {
    nullable: true,
    description: 'For NEED questions (required there): the kind of need an answer becomes.',
  })
  needKind?: NeedKind | null;
}

@InputType('CreateSurveyInput', { description: 'A new survey, created as DRAFT.' })
export class CreateSurveyInput {
  @Field({ description: 'The title, in German.' })
  @MaxLength(1000)
  title: string;

  @Field(() => String, { nullable: true, description: 'A few words for the invited.' })
  @IsOptional()
  @MaxLength(10000)
  introduction?: string | null;

  @Field(() => ID, {
    description: 'The region (one the caller coordinates), with everything below.',
  })
  regionId: string;

  @Field(() => [ActorKind], {
    nullable: true,
    description: 'Actor kinds to invite; empty or none: all.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  audience?: ActorKind[] | null;

  @Field(() => Date, { nullable: true, description: 'Until when answers are taken.' })
  closesAt?: Date | null;

  @Field(() => [SurveyQuestionInput], {
    description: 'The questions, in order; may be empty with copyFromId (then its questions).',
  })
  @ArrayMaxSize(50)
  questions: SurveyQuestionInput[];

  @Field(() => ID, {
    nullable: true,
    description:
      'An earlier survey (of a region the caller coordinates) whose questions to copy when questions is empty: a repeated poll.',
  })
  copyFromId?: string | null;
}

@InputType('SurveyNeedAnswerInput', { description: 'The need a NEED answer describes.' })
export class SurveyNeedAnswerInput {
  @Field({ description: 'What is needed, in a few words.' })
  @MaxLength(1000)
  title: string;

  @Field(() => String, { nullable: true, description: 'More about it.' })
  @IsOptional()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'How many (1 to 10000).' })
  quantity?: number | null;

  @Field(() => Date, { nullable: true, description: 'When it is needed.' })
  startsAt?: Date | null;
}

@InputType('SurveyAnswerInput', { description: 'The answer to one question.' })
export class SurveyAnswerInput {
  @Field(() => ID, { description: 'SurveyQuestion.id.' })
  @MaxLength(100)
  questionId: string;

  @Field(() => [String], { nullable: true, description: 'Choice questions: the chosen options.' })
  @IsOptional()
  @ArrayMaxSize(30)
  choices?: string[] | null;

  @Field(() => String, { nullable: true, description: 'TEXT questions.' })
  @IsOptional()
  @MaxLength(20000)
  text?: string | null;

  @Field(() => Float, { nullable: true, description: 'NUMBER and SCALE questions.' })
  number?: number | null;

  @Field(() => SurveyNeedAnswerInput, { nullable: true, description: 'NEED questions.' })
  need?: SurveyNeedAnswerInput | null;
}

@InputType('SubmitSurveyResponseInput', {
  description:
    'Answer for actorId when signed in as its member, or with the token of the invitation link.',
})
export class SubmitSurveyResponseInput {
  @Field(() => ID, { description: 'The survey.' })
  surveyId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The actor answering (required without a token).',
  })
  actorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The token of the answer link from the invitation (the part after /link/).',
  })
  @IsOptional()
  @MaxLength(200)
  invitationToken?: string | null;

  @Field(() => [SurveyAnswerInput], {
    description: 'The answers; unanswered optional questions may be left out.',
  })
  @ArrayMaxSize(50)
  answers: SurveyAnswerInput[];
}
