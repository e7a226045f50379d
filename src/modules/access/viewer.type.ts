import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../graphql/viewer';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a caller may do, from the sign-in token.',
  valuesConfig: {
    PUBLIC: { description: 'Not signed in: reads PUBLIC data, may volunteer.' },
    MEMBER: {
      description: 'Acts for its own actors (a club, a school): their needs, offers, pledges.',
    },
    NETWORKER: {
      description: 'A network partner: reads NETWORK data, records cooperations in its regions.',
    },
    COORDINATOR: { description: 'Coordinates regions (e.g. an Amt): edits everything in them.' },
    ADMIN: { description: 'Runs the hub: may do everything.' },
    PILOT: {
      description:
        'An Ehrenamtslotse: answers consultations assigned to them (token claim pilotId).',
    },
  },
});

@ObjectType('Viewer', { description: 'Who is calling, and what they may edit.' })
export class ViewerType {
  @Field(() => Role, { description: "The caller's role; PUBLIC without a sign-in." })
  role: Role;
}
