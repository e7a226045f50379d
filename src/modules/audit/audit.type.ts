import { Field, ID, ObjectType } from 'type-graphql';
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

@ObjectType('AuditTarget', {
  description: 'A record a mutation touched, with the name people know it by.',
})
export class AuditTargetType {
  @Field(() => ID, { description: 'Global id of the record.' })
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'Its type, e.g. Need; null for an id the hub cannot read.',
  })
  type: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Its name or title as it is now; null when it no longer exists or has no public name (a pledge's is its volunteer's, a private person's).",
  })
  name: string | null;
}

export const { EdgeType: AuditEntryEdge, ConnectionType: AuditEntryConnection } = connectionTypes(
  'AuditEntry',
  () => AuditEntryType,
  'audit entries (Protokolleinträge)',
);
