// GraphQL shapes of consultations, their messages, pilot suggestions and knowledge articles.
// Relations (actor, pilot, region, messages, suggestedPilots) are field resolvers.
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes, Node } from '../../graphql/relay.types';
import { ExpertiseArea } from '../pilots/expertise-area';
import { PilotType } from '../pilots/pilot.type';
import { ConsultationStatus } from './consultation.entity';

registerEnumType(ConsultationStatus, {
  name: 'ConsultationStatus',
  description: 'Where a consultation (Anfrage an die Lotsen) stands.',
  valuesConfig: {
    OPEN: { description: 'Asked; no pilot assigned yet.' },
    ASSIGNED: { description: 'A coordinator assigned a pilot; no answer yet.' },
    ANSWERED: { description: 'The pilot replied.' },
    CLOSED: { description: 'Done; no more replies.' },
    WITHDRAWN: { description: 'The asking actor took the question back.' },
  },
});

@ObjectType('PilotSuggestion', { description: 'A pilot who fits a consultation, and why.' })
export class PilotSuggestionType {
  @Field(() => PilotType, { description: 'The pilot.' })
  pilot: PilotType;

  @Field(() => Float, { description: 'Higher is better; those with free capacity score above 1.' })
  score: number;

  @Field(() => [String], {
    description: 'Readable German reasons: area, region served, free capacity this month.',
  })
  reasons: string[];
}

@ObjectType('ConsultationMessage', { description: 'One message of a consultation thread.' })
export class ConsultationMessageType {
  @Field(() => ID, { description: 'Id of the message within the hub.' })
  id: string;

  @Field({
    description: 'Display name of the author: the pilot, the asking actor, or the coordination.',
  })
  author: string;

  @Field({ description: 'The text of the message.' })
  body: string;

  @Field({ description: 'When it was written.' })
  createdAt: Date;
}

@ObjectType('Consultation', {
  implements: Node,
  description:
    "A question an actor asks the pilot pool. Confidential: visible to the asking actor's members, the assigned pilot and coordinators of the actor's region; absent for everyone else.",
})
export class ConsultationType extends Node {
  @Field(() => ExpertiseArea, { description: 'The area the question belongs to.' })
  area: ExpertiseArea;

  @Field({ description: 'A short subject line, 1 to 200 characters.' })
  subject: string;

  @Field({ description: 'The question as the actor asked it.' })
  question: string;

  @Field(() => ConsultationStatus, { description: 'Where the consultation stands.' })
  status: ConsultationStatus;

  @Field(() => Date, {
    nullable: true,
    description:
      'When an answer is due: 14 days after asking unless a coordinator sets another date.',
  })
  dueAt: Date | null;

  @Field({ description: 'When it was asked.' })
  createdAt: Date;

  @Field({ description: 'When it last changed (a reply, an assignment).' })
  updatedAt: Date;
}

@ObjectType('KnowledgeArticle', {
  implements: Node,
  description: 'An answered question, anonymised and published for everyone.',
})
export class KnowledgeArticleType extends Node {
  @Field(() => ExpertiseArea, { description: 'The area of the question.' })
  area: ExpertiseArea;

  @Field({ description: 'The anonymised question as a title.' })
  title: string;

  @Field({ description: 'The anonymised answer.' })
  body: string;

  @Field({ description: 'When it was published.' })
  publishedAt: Date;
}

export const { EdgeType: ConsultationEdge, ConnectionType: ConsultationConnection } =
  connectionTypes('Consultation', () => ConsultationType, 'consultations (Anfragen an die Lotsen)');

export const { EdgeType: KnowledgeArticleEdge, ConnectionType: KnowledgeArticleConnection } =
  connectionTypes(
    'KnowledgeArticle',
    () => KnowledgeArticleType,
    'knowledge articles (Wissensbeiträge)',
  );
