// Locked by default: every resolver class of the schema is class-level @Authorized unless it is
// listed below as deliberately public, and every query, field resolver, mutation and subscription
// of a public class is @Authorized unless it is listed here as public. A new resolver class (or
// query, field, mutation) without @Authorized fails here until someone decides, in this file,
// that it is meant to be open.
import 'reflect-metadata';
import { FieldResolver, getMetadataStorage, Mutation, Query, Resolver } from 'type-graphql';
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
  ContactPointResolver: 'office hours for public pages; NETWORK contact points for partners',
  OpeningResolver: 'Opening.contactPoint, as visible as the opening',
  EventResolver: 'PUBLIC events for public pages; NETWORK ones for partners',
  EventRegistrationResolver:
    'registerForEvent for private persons; personal fields decide per field',
  TopicProposalResolver: 'topic proposals of visible events',
  RegionEventsFeedResolver: 'Region.icalUrl, the public region feed',
  EventChangesResolver: 'eventChanges for widgets; each change checked like node() and the filter',
  GraphResolver: 'network figures (PROPOSED cooperations only for partners)',
  NetworkFieldsResolver: 'Network.isolatedActors, public like network()',
  PartnerDistanceResolver: 'Actor.partnersWithDistance, public like Actor.partners',
  NeedResolver: 'PUBLIC needs for widgets; NETWORK ones for partners',
  PledgeResolver: 'volunteer (the widget); volunteer data is shown by field rules',
  RegionNeedsResolver: 'Region.needs, visibility-filtered',
  ActorNeedsResolver: 'Actor.needs, visibility-filtered',
  NeedEventsResolver: 'needEvents for widgets; visibility checked at subscribe and per event',
  OfferResolver: 'PUBLIC offers for widgets; NETWORK ones for partners',
  NeedMatchesResolver: 'Need.matches, visibility-filtered',
  ActorOffersResolver: 'Actor.offers, visibility-filtered',
  SearchResolver: 'search over what the viewer may see',
  LinkSessionResolver: 'LinkResult.session: the answer to a valid SIGN_IN link, for its holder',
  AccountResolver: "Account fields: anonymous callers only reach their own session's account",
  SignInResolver: 'requestSignIn: signing in is what an anonymous caller does',
  LinkResolver: 'useLink: a link from an e-mail works without a sign-in; the token is the proof',
  ActivityResolver: 'the activity feed; each activity only for those who may see its subject',
  PilotResolver: 'pilot profiles (name, areas, regions, bio) are public; changes need a sign-in',
  AccountPilotResolver: "Account.pilot, the public profile of the account's pilot",
  KnowledgeArticleResolver: 'the knowledge base is public; publishAnswer needs a sign-in',
  PilotLoadResolver: 'Pilot.openConsultationCount: null unless canSeePilotLoad',
  SurveyResolver: 'opened surveys (title, questions) are public; answers only for coordinators',
  SurveyResponseResolver: "reached only through canRunSurvey paths and the submitter's own answer",
  RegionResponseRateResolver: 'RegionResponseRate.region, the public region tree',
  FundingProgrammeResolver:
    'funding programmes and their ledger are public; changes need a sign-in',
  LedgerEntryResolver: 'LedgerEntry.application: the approved application of a public ledger entry',
  FundingApplicationFieldsResolver:
    'fields of an approved application reached through the public ledger; reviews, report, need per party',
};

/** Queries of public classes that need no sign-in; each applies its own visibility rules. */
const PUBLIC_QUERIES: Record<string, string> = {
  node: 'each node type applies its own visibility rule',
  nodes: 'as node, for up to 100 ids',
  regions: 'the region tree is public',
  region: 'the region tree is public',
  viewer: 'anyone may ask who they are',
  actors: 'actors are public organisations',
  actor: 'actors are public organisations',
  network: 'network figures; PROPOSED cooperations only for partners',
  neighborhood: 'as network, around one actor',
  cooperationPath: 'chains of ACTIVE cooperations, which are public',
  cooperationSuggestions: 'computed from public actors and ACTIVE cooperations',
  overlaps: 'computed from public actors and cooperations',
  needs: 'PUBLIC needs for widgets; NETWORK ones for partners',
  need: 'as needs, by id',
  offers: 'PUBLIC offers for widgets; NETWORK ones for partners',
  search: 'over what the viewer may see',
  contactPoints: 'PUBLIC contact points for public pages; NETWORK ones for partners',
  openings: 'openings of the contact points the viewer may see',
  events: 'PUBLIC events for public pages; NETWORK ones for partners',
  activity: 'activities whose subject the caller may see (the node() predicates)',
  pilots: 'active pilot profiles are public',
  knowledgeArticles: 'published, anonymised answers are public',
  surveys: 'opened and closed surveys for everyone; DRAFT ones only for their coordinators',
  fundingProgrammes: 'funding programmes (budget, period, board) are public',
};

/**
 * Field resolvers (`Type.field`) of public classes that need no sign-in. Fields that carry
 * personal data decide per field (volunteerName, volunteerEmail, note: null for anyone else).
 */
const PUBLIC_FIELD_RESOLVERS: Record<string, string> = {
  'LinkResult.subject': 'loaded through node rules with the caller rights',
  'Activity.cursor': 'an opaque log position',
  'Activity.region': 'the region tree is public',
  'Activity.subject': 'fetched with the node() predicates of its type',
  'Region.id': 'global id',
  'Region.parent': 'the region tree is public',
  'Region.children': 'the region tree is public',
  'Region.path': 'the region tree is public',
  'Region.actors': 'actors are public',
  'Region.needs': 'visibility-filtered like Query.needs',
  'Viewer.actors': "the caller's own actors",
  'Viewer.regions': "the caller's own regions",
  'Actor.id': 'global id',
  'Actor.region': 'the region tree is public',
  'Actor.location': 'actors are public organisations',
  'Actor.publicContact': "an organisation's public contact, never a person's",
  'Actor.cooperations': 'PROPOSED ones only for partners',
  'Actor.partners': 'through visible cooperations only',
  'Actor.partnersWithDistance': 'through visible cooperations only, like Actor.partners',
  'Network.isolatedActors': 'actors are public; cooperations as network() shows them',
  'Actor.needs': 'visibility-filtered like Query.needs',
  'Actor.offers': 'visibility-filtered like Query.offers',
  'NetworkRole.hostedBy': 'actors are public',
  'Club.openBoardPositions': 'public club facts',
  'Club.registeredAssociation': 'public club facts',
  'Cooperation.id': 'global id',
  'Cooperation.participants': 'actors are public',
  'Need.id': 'global id',
  'Need.actor': 'actors are public',
  'Need.region': 'the region tree is public',
  'Need.location': 'as visible as the need',
  'Need.remainingQuantity': 'as visible as the need',
  'Need.pledges': 'each pledge filtered by canSeePledge',
  'Need.matches': 'visibility-filtered offers',
  'Pledge.emailConfirmed': 'null for actors; what it says is shown with the pledge under its rules',
  'Pledge.id': 'global id',
  'Pledge.need': 'visibility-filtered need',
  'Pledge.actor': 'actors are public',
  'Pledge.volunteerName': 'null unless canSeeVolunteerData',
  'Pledge.volunteerEmail': 'null unless canSeeVolunteerData',
  'Pledge.note': 'null unless canSeeVolunteerData',
  'NeedEvent.cursor': 'opaque position in the event log',
  'NeedEvent.need': 'visibility-filtered need',
  'LinkResult.session': 'set only for a valid SIGN_IN link; the token from the mail is the proof',
  'Account.id': 'global id',
  'Account.email': 'only for the account itself, its coordinators and ADMINs',
  'Account.actors': 'actors are public',
  'Account.regions': 'the region tree is public',
  'Offer.id': 'global id',
  'Offer.actor': 'actors are public',
  'Offer.region': 'the region tree is public',
  'Offer.location': 'as visible as the offer',
  'ContactPoint.id': 'global id',
  'ContactPoint.region': 'the region tree is public',
  'ContactPoint.location': 'as visible as the contact point',
  'ContactPoint.hostedBy': 'actors are public',
  'ContactPoint.staffedBy': 'actors are public',
  'ContactPoint.openNow': 'computed from its public hours',
  'ContactPoint.openings': 'computed from its public hours',
  'ContactPoint.icalUrl': 'the feed applies the same visibility rule',
  'Opening.contactPoint': 'the contact point the opening was computed from',
  'Event.id': 'global id',
  'Event.organizer': 'actors are public',
  'Event.region': 'the region tree is public',
  'Event.location': 'as visible as the event',
  'Event.contactPoint': 'visibility-filtered contact point',
  'Event.remainingSeats': 'counts are public',
  'Event.seriesId': 'as visible as the event',
  'Event.registrations': "[] unless canSeeRegistrations (organizer's editors, coordinators)",
  'Event.topicProposals': 'as visible as the event',
  'Event.icalUrl': 'the feed applies the same visibility rule',
  'EventRegistration.id': 'global id; registrations are only reached through canSeeRegistration',
  'EventRegistration.event': 'visibility-filtered event',
  'EventRegistration.actor': 'actors are public',
  'EventRegistration.name': "null unless canSeeRegistrations, or the caller's own answer",
  'EventRegistration.email': "null unless canSeeRegistrations, or the caller's own answer",
  'EventRegistration.waitlistPosition': 'a place number, no personal data',
  'TopicProposal.id': 'global id',
  'TopicProposal.event': 'visibility-filtered event',
  'TopicProposal.proposedBy': 'actors are public',
  'Region.icalUrl': 'the region feed applies the visibility rule',
  'Account.pilot': 'the pilot profile is public',
  'Pilot.id': 'global id',
  'Pilot.regions': 'the region tree is public',
  'Pilot.openConsultationCount': 'null unless canSeePilotLoad (coordinators near it, the pilot)',
  'KnowledgeArticle.id': 'global id',
  'KnowledgeArticle.region': 'the region tree is public',
  'KnowledgeArticle.consultation': 'null unless canSeeConsultation (the three parties)',
  'Survey.id': 'global id',
  'Survey.region': 'the region tree is public',
  'Survey.invitedCount': 'a count, no personal data',
  'Survey.respondedCount': 'a count, no personal data',
  'Survey.responseRates': '[] unless canRunSurvey (its coordinators, ADMINs)',
  'Survey.results': '[] unless canRunSurvey',
  'Survey.responses': 'empty unless canRunSurvey',
  'Survey.unreachableActors': '[] unless canRunSurvey',
  'Survey.csvUrl': 'a URL; the CSV route checks canRunSurvey with the Bearer token',
  'SurveyResponse.id': 'global id',
  'SurveyResponse.survey': 'the survey, visible once opened',
  'SurveyResponse.actor': 'actors are public',
  'SurveyResponse.needs': 'each need fetched with the node() rule: drafts only for coordinators',
  'SurveyResponse.answers': 'the response is reached only by its coordinators and its submitter',
  'RegionResponseRate.region': 'the region tree is public',
  'FundingProgramme.id': 'global id',
  'FundingProgramme.region': 'the region tree is public',
  'FundingProgramme.board': 'actors are public',
  'FundingProgramme.eligibleKinds': 'a column of the public programme',
  'FundingProgramme.remainingCents': 'a figure of the public programme',
  'FundingProgramme.applications': 'only what canSeeApplication allows (applicationVisibleSql)',
  'FundingProgramme.ledger': 'approved grants are public: the transparency ledger',
  'FundingProgramme.ledgerCsvUrl': 'address of the public ledger CSV',
  'LedgerEntry.application': 'the approved application of a public ledger entry',
  'FundingApplication.id': 'global id',
  'FundingApplication.programme': 'programmes are public',
  'FundingApplication.applicant': 'actors are public',
  'FundingApplication.reviews': '[] unless canSeeReviews (the board, the coordinators)',
  'FundingApplication.need': 'null unless canSeeApplication, then the Need node rule',
  'FundingApplication.report': 'null unless canSeeApplication (the three parties)',
};

/** Subscriptions of public classes that need no sign-in. */
const PUBLIC_SUBSCRIPTIONS: Record<string, string> = {
  eventChanges: 'live seats for widgets; visibility checked per change',
  needEvents: 'live needs for widgets; visibility checked at subscribe and per event',
  activity: 'live activities; each only for those who may see its subject',
};

/** Mutations of public classes that need no sign-in. */
const PUBLIC_MUTATIONS: Record<string, string> = {
  volunteer: 'a private person pledges from a public page; strictly rate limited',
  requestSignIn: 'anyone may ask for a sign-in link; always true, rate limited per address and IP',
  useLink: 'the token from the e-mail is the proof; 30 per IP in 10 minutes',
  registerForEvent: 'a private person registers from a public page, with consent',
  submitSurveyResponse: 'the answer-link token is the proof; rate limited per IP like useLink',
};

interface ResolverInfo {
  name: string;
  classRoles: unknown[] | null;
  /** Queries without a method-level @Authorized. */
  queries: string[];
  /** Field resolvers (`Type.field`) without a method-level @Authorized. */
  fieldResolvers: string[];
  mutations: { name: string; roles: unknown[] | null }[];
  /** Subscriptions without a method-level @Authorized. */
  subscriptions: string[];
}

/** The GraphQL name of an @ObjectType / @InterfaceType class. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function typeName(cls: Function | undefined): string {
  const storage = getMetadataStorage();
  const type = [...storage.objectTypes, ...storage.interfaceTypes].find((t) => t.target === cls);
  return type?.name ?? `?${cls?.name}`;
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
      queries: storage.queries
        .filter((q) => q.target === cls && !fieldRoles(q.methodName))
        .map((q) => q.schemaName),
      fieldResolvers: storage.fieldResolvers
        .filter((f) => f.target === cls && !fieldRoles(f.methodName))
        .map((f) => `${typeName(f.getObjectType?.())}.${f.schemaName}`),
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

  it('opens no query of a public class without a sign-in except the listed ones', () => {
    const open = infos.filter((i) => i.classRoles === null).flatMap((i) => i.queries);
    expect(open.sort()).toEqual(Object.keys(PUBLIC_QUERIES).sort());
  });

  it('opens no field resolver of a public class without a sign-in except the listed ones', () => {
    const open = infos.filter((i) => i.classRoles === null).flatMap((i) => i.fieldResolvers);
    // Every entry names a real type (the check reads the schema names, not class names).
    expect(open.filter((f) => f.startsWith('?'))).toEqual([]);
    expect(open.sort()).toEqual(Object.keys(PUBLIC_FIELD_RESOLVERS).sort());
  });

  it('fails for a new query or field resolver on a public class', () => {
    // A stand-in for a @Query someone adds to one of the public classes without deciding.
    @Resolver(() => String)
    class OpenedByAccidentResolver {
      @Query(() => String)
      secretReport(): string {
        return '';
      }

      @FieldResolver(() => String)
      secretField(): string {
        return '';
      }
    }
    const info = describeResolvers([OpenedByAccidentResolver])[0];
    expect(info.classRoles).toBeNull();
    expect(info.queries).toEqual(['secretReport']);
    expect(info.queries.filter((q) => !(q in PUBLIC_QUERIES))).toEqual(['secretReport']);
    expect(info.fieldResolvers).toHaveLength(1);
    expect(info.fieldResolvers.filter((f) => !(f in PUBLIC_FIELD_RESOLVERS))).toHaveLength(1);
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
