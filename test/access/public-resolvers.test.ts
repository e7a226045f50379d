// Locked by default: every resolver class of the schema is class-level @Authorized unless it is
// listed below as deliberately public, and every mutation of a public class is @Authorized unless
// it is listed as a public mutation. A new resolver class (or mutation) without @Authorized fails
// here until someone decides, in this file, that it is meant to be open.
import 'reflect-metadata';
import { getMetadataStorage, Mutation, Resolver } from 'type-graphql';
import { buildHubSchema } from '../../src/graphql/build-schema';
import { RESOLVERS } from '../../src/graphql/resolvers';

/** Resolver classes anyone may call; object rules (visibility) are enforced in their services. */
const PUBLIC_RESOLVER_CLASSES: Record<string, string> = {
  NodeResolver: 'node/nodes: each type applies its own visibility rule',
  RegionResolver: 'the region tree is public; createRegion is ADMIN-only',
  ViewerResolver: 'anyone may ask who they are (PUBLIC gets role PUBLIC)',
  ActorResolver: 'actors are organisations, always public; edits need a sign-in',
  RegionActorsResolver: 'Region.actors, public like actors',
  NetworkRoleResolver: 'NetworkRole.hostedBy, public like actors',
  ClubResolver: 'Club fields, public like actors',
  CooperationResolver: 'Cooperation fields; PROPOSED ones are filtered by the services',
  GraphResolver: 'network figures (PROPOSED cooperations only for partners)',
  NeedResolver: 'PUBLIC needs for widgets; NETWORK ones for partners',
  PledgeResolver: 'volunteer (the widget); volunteer data is shown by field rules',
  RegionNeedsResolver: 'Region.needs, visibility-filtered',
  ActorNeedsResolver: 'Actor.needs, visibility-filtered',
  NeedEventsResolver: 'needEvents for widgets; visibility checked at subscribe and per event',
  OfferResolver: 'PUBLIC offers for widgets; NETWORK ones for partners',
  NeedMatchesResolver: 'Need.matches, visibility-filtered',
  ActorOffersResolver: 'Actor.offers, visibility-filtered',
  SearchResolver: 'search over what the viewer may see',
};

/** Subscriptions of public classes that need no sign-in. */
const PUBLIC_SUBSCRIPTIONS: Record<string, string> = {
  needEvents: 'live needs for widgets; visibility checked at subscribe and per event',
};

/** Mutations of public classes that need no sign-in. */
const PUBLIC_MUTATIONS: Record<string, string> = {
  volunteer: 'a private person pledges from a public page; strictly rate limited',
};

interface ResolverInfo {
  name: string;
  classRoles: unknown[] | null;
  queries: string[];
  mutations: { name: string; roles: unknown[] | null }[];
  /** Subscriptions without a method-level @Authorized. */
  subscriptions: string[];
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function describeResolvers(classes: readonly Function[] = RESOLVERS): ResolverInfo[] {
  const storage = getMetadataStorage();
  return classes.map((cls) => {
    const classAuth = storage.authorizedResolver.find((a) => a.target === cls);
    const fieldRoles = (method: string) =>
      storage.authorizedFields.find((a) => a.target === cls && a.fieldName === method)?.roles ??
      null;
    return {
      name: cls.name,
      classRoles: classAuth ? classAuth.roles : null,
      queries: storage.queries.filter((q) => q.target === cls).map((q) => q.schemaName),
      mutations: storage.mutations
        .filter((m) => m.target === cls)
        .map((m) => ({ name: m.schemaName, roles: fieldRoles(m.methodName) })),
      subscriptions: storage.subscriptions
        .filter((s) => s.target === cls && !fieldRoles(s.methodName))
        .map((s) => s.schemaName),
    };
  });
}

describe('resolver classes', () => {
  let infos: ResolverInfo[];

  beforeAll(async () => {
    // Building the schema registers every decorator's metadata.
    await buildHubSchema();
    infos = describeResolvers();
  });

  it('reads metadata for every registered class (the check below is not vacuous)', () => {
    const storage = getMetadataStorage();
    expect(infos.length).toBe(RESOLVERS.length);
    for (const cls of RESOLVERS) {
      expect(storage.resolverClasses.some((r) => r.target === cls)).toBe(true);
    }
    // The metadata really carries @Authorized: known locked classes and mutations show up.
    expect(infos.find((i) => i.name === 'AuditResolver')?.classRoles).toEqual([]);
    expect(infos.find((i) => i.name === 'VolunteerDataResolver')?.classRoles).toEqual([
      'COORDINATOR',
      'ADMIN',
    ]);
    const region = infos.find((i) => i.name === 'RegionResolver');
    expect(region?.mutations).toEqual([{ name: 'createRegion', roles: ['ADMIN'] }]);
  });

  it('locks every class with @Authorized unless it is listed as deliberately public', () => {
    const unlocked = infos
      .filter((i) => i.classRoles === null && !(i.name in PUBLIC_RESOLVER_CLASSES))
      .map((i) => i.name);
    expect(unlocked).toEqual([]);
  });

  it('lists no public class that is not registered or is locked anyway', () => {
    const registered = new Map(infos.map((i) => [i.name, i]));
    for (const name of Object.keys(PUBLIC_RESOLVER_CLASSES)) {
      expect({ name, registered: registered.has(name) }).toEqual({ name, registered: true });
      expect({ name, locked: registered.get(name)?.classRoles !== null }).toEqual({
        name,
        locked: false,
      });
    }
  });

  it('guards every mutation of a public class with @Authorized except the listed ones', () => {
    const open = infos
      .filter((i) => i.classRoles === null)
      .flatMap((i) => i.mutations.filter((m) => m.roles === null).map((m) => m.name));
    expect(open.sort()).toEqual(Object.keys(PUBLIC_MUTATIONS).sort());
  });

  it('opens no subscription of a public class without a sign-in except the listed ones', () => {
    const open = infos.filter((i) => i.classRoles === null).flatMap((i) => i.subscriptions);
    expect(open.sort()).toEqual(Object.keys(PUBLIC_SUBSCRIPTIONS).sort());
  });

  it('fails for a new resolver class without @Authorized', () => {
    // A stand-in for a class someone adds to RESOLVERS and forgets to lock.
    @Resolver()
    class ForgottenResolver {
      @Mutation(() => Boolean)
      forgotten(): boolean {
        return true;
      }
    }
    const storage = getMetadataStorage();
    const info = describeResolvers([ForgottenResolver])[0];
    expect(storage.resolverClasses.some((r) => r.target === ForgottenResolver)).toBe(true);
    expect(info.classRoles).toBeNull();
    expect(info.name in PUBLIC_RESOLVER_CLASSES).toBe(false);
    expect(info.mutations).toEqual([{ name: 'forgotten', roles: null }]);
  });
});
