// The event hub decides plain filters in memory; they must mean exactly what Query.needs's SQL
// means. Every need of the demo network is checked against a spread of filters and roles.
import { NeedKind, NeedStatus, Urgency } from '../../src/modules/needs/need.entity';
import { NeedFilterData, needFilterPredicate } from '../../src/modules/needs/need-filter';
import { publicViewer, Role, Viewer } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { demoIds } from '../modules/actors/demo-ids';
import { dbId } from '../modules/needs/need-fixtures';

describe('in-memory need filter', () => {
  let t: TestHub;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  beforeAll(async () => {
    t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
    ids = await demoIds(t);
  });
  afterAll(() => t.stop());

  it('selects the same needs as the SQL filter for every role and filter', async () => {
    const { needs } = t.hub.services;
    const [{ max }] = await t.hub.services.db.query<{ max: number }>(
      'SELECT max(id) AS max FROM need',
    );
    const all = Array.from({ length: max }, (_, i) => i + 1);
    const facts = await needs.filterFacts(all);
    expect(facts.length).toBeGreaterThan(30);
    const member: Viewer = { ...publicViewer(), role: Role.MEMBER, sub: 'm', actorIds: [1] };
    const filters: NeedFilterData[] = [
      {},
      { regionId: dbId(ids.region('Büsum')) },
      { regionId: dbId(ids.region('Amt Büsum-Wesselburen')), kinds: [NeedKind.HELPERS] },
      { regionId: dbId(ids.region('Wesselburen')), status: [NeedStatus.OPEN, NeedStatus.FILLED] },
      { urgency: [Urgency.HIGH], status: [NeedStatus.OPEN] },
      { tags: ['Fest', 'zelt'] },
      { actorId: dbId(ids.actor('Sportverein Büsum')) },
      { regionId: 999999 },
    ];
    let compared = 0;
    for (const viewer of [publicViewer(), member]) {
      for (const filter of filters) {
        const paths = await needs.regionPaths(filter.regionId ? [filter.regionId] : []);
        const regionPath =
          filter.regionId == null ? undefined : (paths.get(filter.regionId) ?? null);
        const inMemory = facts
          .filter(needFilterPredicate(viewer, filter, regionPath))
          .map((f) => f.id);
        const bySql = [...(await needs.matchingIds(viewer, filter, all))];
        expect(inMemory.sort((a, b) => a - b)).toEqual(bySql.sort((a, b) => a - b));
        compared += bySql.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
