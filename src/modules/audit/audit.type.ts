import { Field, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/relay.types';

@ObjectType('AuditEntry', {
  description: 'One mutation: who, what, which records, when. No personal values.',
})
export class AuditEntryType {
  @Field(() => Date, { description: 'When the mutation was committed.' })
  occurredAt: Date;

  @Field({ description: 'Subject of the token that made the change, or "anonymous".' })
  subject: string;

  @Field({ description: 'Role of the caller at the time, e.g. COORDINATOR.' })
  role: string;

  @Field({ description: 'Name of the mutation, e.g. updateNeed.' })
  operation: string;

  @Field(() => [String], { description: 'Global ids of the records the mutation touched.' })
  targetIds: string[];
}

export const { EdgeType: AuditEntryEdge, ConnectionType: AuditEntryConnection } = connectionTypes(
  'AuditEntry',
  () => AuditEntryType,
  'audit entries (Protokolleinträge)',
);
