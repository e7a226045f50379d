import { Field, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/relay.types';

@ObjectType('AuditEntry', {
  description: 'One mutation: who, what, which records, when. No personal values.',
})
export class AuditEntryType {
  @Field(() => Date)
  occurredAt: Date;

  @Field({ description: 'Subject of the token that made the change, or "anonymous".' })
  subject: string;

  @Field()
  role: string;

  @Field()
  operation: string;

  @Field(() => [String], { description: 'Global ids of the records the mutation touched.' })
  targetIds: string[];
}

export const { EdgeType: AuditEntryEdge, ConnectionType: AuditEntryConnection } = connectionTypes(
  'AuditEntry',
  () => AuditEntryType,
);
