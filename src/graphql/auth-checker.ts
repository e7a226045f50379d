import { AuthChecker } from 'type-graphql';
import type { HubContext } from './context';
import { Role } from './viewer';

/**
 * `@Authorized()` with no roles: any signed-in caller. `@Authorized(Role.X, ...)`: those roles.
 * Object-level rules (own actors, coordinated regions) live in each feature's permissions file.
 */
export const authChecker: AuthChecker<HubContext, Role> = ({ context }, roles) => {
  const role = context.viewer.role;
  if (roles.length === 0) return role !== Role.PUBLIC;
  return roles.includes(role);
};
