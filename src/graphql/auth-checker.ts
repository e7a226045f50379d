import { AuthChecker } from 'type-graphql';
import type { HubContext } from './context';
import { UnauthenticatedError } from './errors';
import { Role } from './viewer';

/**
 * `@Authorized()` with no roles: any signed-in caller. `@Authorized(Role.X, ...)`: those roles.
 * Object-level rules (own actors, coordinated regions) live in each feature's permissions file.
 * A caller without a token is told to sign in (UNAUTHENTICATED) whatever roles are required;
 * FORBIDDEN is for signed-in callers whose role is not enough.
 */
export const authChecker: AuthChecker<HubContext, Role> = ({ context }, roles) => {
  const role = context.viewer.role;
  if (role === Role.PUBLIC)
    throw new UnauthenticatedError('Sign in (Authorization: Bearer <token>) to do this');
  if (roles.length === 0) return true;
  return roles.includes(role);
};
