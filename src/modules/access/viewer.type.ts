import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../graphql/viewer';

registerEnumType(Role, { name: 'Role' });

@ObjectType('Viewer', { description: 'Who is calling, and what they may edit.' })
export class ViewerType {
  @Field(() => Role)
  role: Role;
}
