// The shared PUBLIC response cache (HUB_PUBLIC_CACHE_TTL_MS): only PUBLIC queries, answers never
// older than the TTL counted from their request's start, cleared by need events.
import { Role } from '../../src/graphql/viewer';
import { PublicResponseCache } from '../../src/server/response-cache';
import { startTestHub, TestHub } from '../helpers/test-hub';

const NEEDS = `query Widget($first: Int!) { needs(filter: { status: [OPEN] }, first: $first) { nodes { id title } } }`;

describe('PublicResponseCache', () => {
  it('does not store an answer computed while a need event arrived', () => {
    const cache = new PublicResponseCache(1000, 10, () => 1000);
    const generation = cache.currentGeneration;
    cache.invalidate();
    cache.set('k', '{}', 1000, generation);
    expect(cache.get('k')).toBeUndefined();
    cache.set('k', '{}', 1000, cache.currentGeneration);
    expect(cache.get('k')).toBe('{}');
  });

  it('expires an entry TTL after its request started, not after it was stored', () => {
    let now = 1000;
    const cache = new PublicResponseCache(1000, 10, () => now);
    now = 1600; // the answer took 600 ms to compute
    cache.set('k', '{"data":{}}', 1000, cache.currentGeneration);
    expect(cache.get('k')).toBe('{"data":{}}');
    now = 2000;
    expect(cache.get('k')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const cache = new PublicResponseCache(1000, 2, () => 0);
    for (const k of ['a', 'b', 'c']) cache.set(k, k, 0, cache.currentGeneration);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe('c');
  });
});

describe('public response cache in the hub', () => {
  let t: TestHub;
  beforeAll(async () => {
    // A long TTL: only the need event can make the second read fresh.
    t = await startTestHub({ seed: true, env: { HUB_PUBLIC_CACHE_TTL_MS: '60000' } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('never serves signed-in callers from the cache', async () => {
    const token = await t.token(Role.MEMBER);
    await t.gql(NEEDS, { first: 3 }, token);
    const second = await t.gql(NEEDS, { first: 3 }, token);
    expect(second.errors).toBeUndefined();
    expect(second.headers.get('x-hub-cache')).toBeNull();
  });

  it('serves a repeated PUBLIC query from the cache, keyed by variables', async () => {
    const first = await t.gql(NEEDS, { first: 4 });
    const again = await t.gql(NEEDS, { first: 4 });
    const other = await t.gql(NEEDS, { first: 5 });
    expect(first.headers.get('x-hub-cache')).toBeNull();
    expect(again.headers.get('x-hub-cache')).toBe('hit');
    expect(again.data).toEqual(first.data);
    expect(other.headers.get('x-hub-cache')).toBeNull();
  });

  it('is cleared by a need event: the change shows long before the TTL', async () => {
    const before = await t.gql<{ needs: { nodes: Array<{ id: string; title: string }> } }>(NEEDS, {
      first: 6,
    });
    const need = before.data?.needs.nodes[0];
    expect(need).toBeDefined();
    const admin = await t.token(Role.ADMIN);
    const title = `Geänderter Titel ${Date.now()}`;
    // The cache listens to the event hub (registered at start, so it has run when this does).
    const changed = new Promise<void>((resolve) => {
      const off = t.hub.services.needEventHub.onChange(() => {
        off();
        resolve();
      });
    });
    const upd = await t.gql(
      `mutation($id: ID!, $t: String!) { updateNeed(id: $id, input: { title: $t }) { id } }`,
      { id: need?.id, t: title },
      admin,
    );
    expect(upd.errors).toBeUndefined();
    await changed;
    const r = await t.gql<{ needs: { nodes: Array<{ id: string; title: string }> } }>(NEEDS, {
      first: 6,
    });
    expect(r.headers.get('x-hub-cache')).toBeNull();
    expect(r.data?.needs.nodes.find((n) => n.id === need?.id)?.title).toBe(title);
  });
});
