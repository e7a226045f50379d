// The module manifests and the central lists built from them: every module's entities,
// resolvers, node types, services and loaders reach the hub, namespaced, and the lists the
// hub had before the manifests (node types, federation entities) come out the same.
import 'reflect-metadata';
import { ENTITIES } from '../../src/db/entities';
import { ENTITY_NODE_TYPES } from '../../src/graphql/build-subgraph';
import { decodeGlobalId } from '../../src/graphql/global-id';
import { RESOLVERS } from '../../src/graphql/resolvers';
import { MODULES } from '../../src/modules';

describe('MODULES', () => {
  it('registers every entity and resolver class of every module, once', () => {
    for (const m of MODULES) {
      for (const e of m.entities) expect(ENTITIES.filter((x) => x === e)).toHaveLength(1);
      for (const r of m.resolvers) expect(RESOLVERS.filter((x) => x === r)).toHaveLength(1);
    }
    expect(new Set(MODULES.map((m) => m.name)).size).toBe(MODULES.length);
  });

  it('decodes ids of exactly the registered node types, in the existing format', () => {
    const names = MODULES.flatMap((m) => m.nodeTypes.map((n) => n.name)).sort();
    expect(names).toEqual([
      'Account',
      'Actor',
      'Consultation',
      'ContactPoint',
      'Cooperation',
      'Event',
      'EventRegistration',
      'FundingApplication',
      'FundingProgramme',
      'KnowledgeArticle',
      'Need',
      'Offer',
      'Pilot',
      'Pledge',
      'Region',
      'Survey',
      'SurveyResponse',
      'TopicProposal',
      'Webhook',
    ]);
    for (const name of names) {
      const id = Buffer.from(`${name}:7`, 'utf8').toString('base64url');
      expect(decodeGlobalId(id)).toEqual({ type: name, id: 7 });
    }
    for (const other of ['Viewer', 'AuditEntry', 'NeedEvent', 'Secret']) {
      expect(decodeGlobalId(Buffer.from(`${other}:7`).toString('base64url'))).toBeNull();
    }
  });

  it('makes the federation entities the node types declare, Actor with its five kinds', () => {
    expect(ENTITY_NODE_TYPES).toEqual({
      Region: 'Region',
      Actor: 'Actor',
      School: 'Actor',
      Club: 'Actor',
      Initiative: 'Actor',
      NetworkRole: 'Actor',
      Organization: 'Actor',
      Need: 'Need',
      Offer: 'Offer',
      Cooperation: 'Cooperation',
      Pilot: 'Pilot',
      Consultation: 'Consultation',
      KnowledgeArticle: 'KnowledgeArticle',
      Survey: 'Survey',
      FundingProgramme: 'FundingProgramme',
      FundingApplication: 'FundingApplication',
    });
  });

  it("namespaces each module's loaders under its name", () => {
    // Loader factories only keep their services; nothing is called to build them.
    const services = new Proxy({}, { get: () => ({}) });
    const keys = Object.fromEntries(
      MODULES.map((m) => [m.name, Object.keys(m.loaders(services as never)).sort()]),
    );
    expect(keys).toEqual({
      audit: [],
      activity: [],
      webhooks: [],
      regions: ['byId', 'children'],
      access: [],
      accounts: ['byId'],
      actors: ['byId'],
      cooperations: ['byId', 'countOfActor', 'ofActor', 'participants'],
      graph: ['partners'],
      links: [],
      mail: [],
      needs: ['byId', 'countOfActor', 'ofActor', 'pledgeById', 'pledgesByNeed'],
      offers: ['byId', 'matches'],
      openData: [],
      search: [],
      contactPoints: ['byId'],
      events: [
        'byId',
        'registrationById',
        'registrationsByEvent',
        'topicById',
        'topicsByEvent',
        'waitlistPosition',
      ],
      pilots: ['byAccountId', 'byId'],
      consultations: ['articleById', 'byId', 'messages', 'openCount'],
      surveys: ['byId', 'counts', 'needIdsOfResponse', 'responseById'],
      funds: ['applicationById', 'ledger', 'programmeById', 'reviews'],
    });
  });

  it('declares the background jobs: the log listener, the session listener, the graph cost figures', () => {
    const jobs = MODULES.flatMap((m) =>
      m
        .jobs({ activityBackground: { name: 'log listener' } } as never)
        .map((j) => `${m.name}: ${j.name}`),
    );
    expect(jobs).toEqual([
      'activity: log listener',
      'accounts: account-sessions',
      'graph: graph-cost-figures',
    ]);
  });
});
