// HUB_PUBLIC_OPERATIONS=trusted: without sign-in only the generated clients' operations run,
// sent by hash; signed-in callers and the default mode are unaffected.
import type { Client } from 'graphql-ws';
import { PERSISTED_DOCUMENTS } from '../../src/server/trusted-documents';
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';
import { wsClient } from '../helpers/ws-client';

const [HASH, TEXT] = Object.entries(PERSISTED_DOCUMENTS).find(([, text]) =>
  text.includes('query TrustedRegionNames'),
)!;
const AD_HOC = '{ regions { id name level } }';

async function post(hub: TestHub, body: object, token?: string) {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: Record<string, unknown> | null;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    },
  };
}

const byHash = (hash: string) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});

async function runOverWs(client: Client, payload: { query: string; extensions?: object }) {
  const it = client.iterate(payload as { query: string });
  try {
    const first = await it.next();
    return { result: first.value as { data?: Record<string, unknown> } };
  } catch (e) {
    return { errors: e as Array<{ message: string; extensions?: { code?: string } }> };
  } finally {
    await it.return?.();
  }
}

test('the manifest holds the generated operations, keyed by the sha256 of their text', () => {
  const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  expect(Object.keys(PERSISTED_DOCUMENTS).length).toBeGreaterThanOrEqual(8);
  for (const [hash, text] of Object.entries(PERSISTED_DOCUMENTS)) {
    expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
  }
  expect(
    Object.values(PERSISTED_DOCUMENTS).some((t) => t.includes('mutation WidgetVolunteer')),
  ).toBe(true);
});

describe('trusted mode', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ seed: true, env: { HUB_PUBLIC_OPERATIONS: 'trusted' } });
  });
  afterAll(() => hub.stop());

  test('refuses an ad-hoc operation from a caller without sign-in', async () => {
    const res = await post(hub, { query: AD_HOC });
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.body.data ?? null).toBeNull();
  });

  test('refuses an unknown hash', async () => {
    const res = await post(hub, byHash('ab'.repeat(32)));
    expect(res.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  test('refuses an ad-hoc operation whose hash a signed-in caller registered (APQ)', async () => {
    const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const hash = createHash('sha256').update(AD_HOC).digest('hex');
    const token = await hub.token(Role.ADMIN);
    const registered = await post(hub, { query: AD_HOC, ...byHash(hash) }, token);
    expect(registered.body.errors).toBeUndefined();
    const res = await post(hub, byHash(hash));
    expect(res.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(res.body.data ?? null).toBeNull();
  });

  test('refuses an ad-hoc operation over the WebSocket', async () => {
    const client = wsClient(hub.url);
    const { errors } = await runOverWs(client, { query: AD_HOC });
    await client.dispose();
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  test('runs a manifest operation sent by hash alone', async () => {
    const res = await post(hub, byHash(HASH));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data?.regions as unknown[]).length).toBeGreaterThan(5);
  });

  test('runs the manifest text, not other text sent under a known hash', async () => {
    const res = await post(hub, { query: '{ __schema { types { name } } }', ...byHash(HASH) });
    expect(res.body.errors).toBeUndefined();
    expect(Object.keys(res.body.data ?? {})).toEqual(['regions']);
  });

  test('runs a manifest operation over the WebSocket', async () => {
    const client = wsClient(hub.url);
    const { result } = await runOverWs(client, { query: TEXT, ...byHash(HASH) });
    await client.dispose();
    expect((result?.data?.regions as unknown[]).length).toBeGreaterThan(5);
  });

  test('leaves signed-in callers unaffected, over HTTP and WebSocket', async () => {
    const token = await hub.token(Role.MEMBER);
    const res = await post(hub, { query: AD_HOC }, token);
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data?.regions as unknown[]).length).toBeGreaterThan(5);
    const client = wsClient(hub.url, token);
    const { result } = await runOverWs(client, { query: AD_HOC });
    await client.dispose();
    expect((result?.data?.regions as unknown[]).length).toBeGreaterThan(5);
  });
});

describe('default mode (any)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ seed: true });
  });
  afterAll(() => hub.stop());

  test('runs ad-hoc operations without sign-in', async () => {
    const res = await post(hub, { query: AD_HOC });
    expect(res.body.errors).toBeUndefined();
  });

  test('resolves a manifest hash sent alone', async () => {
    const res = await post(hub, byHash(HASH));
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data?.regions as unknown[]).length).toBeGreaterThan(5);
  });
});
