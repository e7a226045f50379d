// Crafted requests over HTTP and WebSocket: each is refused with a clear error before any
// resolver runs (no SQL statement is issued on its behalf).
import { Client as PgClient } from 'pg';
import { getIntrospectionQuery } from 'graphql';
import WebSocket from 'ws';
import { Role } from '../../src/graphql/viewer';
import { startTestHub, TestHub } from '../helpers/test-hub';

// Statements issued by background work (rate-limit flushes, the log listener, webhook wake-ups,
// the job queue) are not resolvers.
const BACKGROUND =
  /rate_limit_bucket|need_event|LISTEN|pg_try_advisory|pg_advisory|FROM activity|FROM webhook|graphile_worker/i;
let resolverStatements = 0;
const originalQuery = PgClient.prototype.query;
beforeAll(() => {
  PgClient.prototype.query = function (this: PgClient, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    if (!BACKGROUND.test(text)) resolverStatements++;
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof PgClient.prototype.query;
});
afterAll(() => {
  PgClient.prototype.query = originalQuery;
});

interface Raw {
  status: number;
  body: { errors?: Array<{ message: string; extensions?: { code?: string } }>; data?: unknown };
}

describe('hostile input', () => {
  let t: TestHub;
  let closed: TestHub;
  let admin: string;

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    closed = await startTestHub({
      databaseUrl: t.databaseUrl,
      env: { HUB_INTROSPECTION: 'false', HUB_WS_ORIGINS: 'https://gemeinde.example' },
    });
    admin = await t.token(Role.ADMIN);
  });
  afterAll(async () => {
    await closed.stop();
    await t.stop();
  });

  async function post(
    hub: TestHub,
    body: string,
    headers: Record<string, string> = {},
  ): Promise<Raw> {
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await res.text();
    let parsed: Raw['body'] = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { errors: [{ message: text }] };
    }
    return { status: res.status, body: parsed };
  }

  const q = (query: string, variables?: Record<string, unknown>) =>
    JSON.stringify({ query, variables });
  const nest = (n: number) => `{ regions { ${'children { '.repeat(n)}id${' }'.repeat(n)} } }`;

  type Case = {
    name: string;
    run: () => Promise<Raw>;
    status?: number[];
    code?: string | RegExp;
    message?: RegExp;
  };
  // Request errors answered as legacy application/json keep status 200 (GraphQL over HTTP);
  // what matters is the error, the absent data and that nothing ran.
  const cases: Case[] = [
    { name: 'deep nesting', run: () => post(t, q(nest(20))), code: 'QUERY_TOO_COMPLEX' },
    {
      name: 'deep introspection',
      run: () =>
        post(
          t,
          q(
            `{ __schema { types { fields { type { ${'ofType { '.repeat(20)}name${' }'.repeat(20)} } } } } }`,
          ),
        ),
      code: 'QUERY_TOO_COMPLEX',
    },
    {
      name: '100 aliases',
      run: () =>
        post(
          t,
          q(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: regions { id }`).join(' ')} }`),
        ),
      code: 'QUERY_TOO_COMPLEX',
    },
    {
      name: 'fragment cycle',
      run: () =>
        post(
          t,
          q(
            'query { regions { ...A } } fragment A on Region { children { ...B } } fragment B on Region { parent { ...A } }',
          ),
        ),
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      name: 'fragment bomb',
      run: () => {
        const frags = Array.from(
          { length: 9 },
          (_, i) => `fragment F${i} on Region { id ${`...F${i + 1} `.repeat(8)}}`,
        ).join(' ');
        return post(t, q(`{ regions { ...F0 } } ${frags} fragment F9 on Region { id }`));
      },
      code: 'QUERY_TOO_COMPLEX',
    },
    {
      name: 'huge first literal',
      run: () =>
        post(t, q('{ auditLog(first: 1000000) { nodes { operation } } }'), {
          authorization: `Bearer ${admin}`,
        }),
      code: 'QUERY_TOO_COMPLEX',
    },
    {
      name: 'huge first variable',
      run: () =>
        post(
          t,
          q('query($n: Int) { auditLog(first: $n) { nodes { operation } } }', { n: 900000 }),
          { authorization: `Bearer ${admin}` },
        ),
      code: 'QUERY_TOO_COMPLEX',
    },
    {
      name: 'directive flood',
      run: () =>
        post(
          t,
          q(
            `{ ${Array.from({ length: 25 }, (_, i) => `r${i}: regions @include(if: true) { id }`).join(' ')} }`,
          ),
        ),
      code: 'QUERY_TOO_COMPLEX',
    },
    {
      name: 'repeated directive',
      run: () => post(t, q('{ regions @include(if: true) @include(if: true) { id } }')),
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      name: 'token flood',
      run: () => post(t, q(`{ regions { ${'id '.repeat(5000)} } }`)),
      status: [200, 400],
      message: /tokens/i,
    },
    {
      name: 'batched array',
      run: () =>
        post(t, JSON.stringify([{ query: '{ regions { id } }' }, { query: '{ regions { id } }' }])),
      status: [400],
    },
    {
      name: 'oversized body',
      run: () => post(t, q(`{ regions { id } } # ${'x'.repeat(120 * 1024)}`)),
      status: [413],
    },
    { name: 'malformed JSON', run: () => post(t, '{"query": "{ regions { id } }"'), status: [400] },
    { name: 'empty query', run: () => post(t, q('')), status: [400] },
    { name: 'missing query', run: () => post(t, JSON.stringify({ variables: {} })), status: [400] },
    {
      name: 'syntax error',
      run: () => post(t, q('{ regions { id }')),
      status: [200, 400],
      code: 'GRAPHQL_PARSE_FAILED',
    },
    {
      name: 'unknown field',
      run: () => post(t, q('{ regions { idd } }')),
      status: [200, 400],
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      name: 'several operations without a name',
      run: () => post(t, q('query A { regions { id } } query B { regions { name } }')),
      status: [400],
    },
    {
      name: 'unknown operation name',
      run: () =>
        post(t, JSON.stringify({ query: 'query A { regions { id } }', operationName: 'Z' })),
      status: [400],
    },
    {
      name: 'wrong variable type',
      run: () =>
        post(t, q('query($l: RegionLevel) { regions(level: $l) { id } }', { l: 'PLANET' })),
      status: [200, 400],
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'introspection when disabled',
      run: () => post(closed, q('{ __schema { types { name } } }')),
      status: [200, 400],
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    {
      name: 'suggestion probe when introspection is off',
      run: () => post(closed, q('{ regons { id } }')),
      status: [200, 400],
      message: /^(?![\s\S]*Did you mean)/,
    },
    {
      name: 'GET mutation',
      run: async () => {
        const res = await fetch(
          `${t.url}?query=${encodeURIComponent('mutation { createRegion(input: {name: "X1", level: STATE}) { id } }')}`,
        );
        return { status: res.status, body: await res.json() };
      },
      status: [405],
    },
    {
      name: 'cross-site form post',
      run: async () => {
        const res = await fetch(t.url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'query=mutation%20%7B%20createRegion(input%3A%7Bname%3A%22Xy%22%2Clevel%3ASTATE%7D)%20%7B%20id%20%7D%20%7D',
        });
        return { status: res.status, body: await res.json().catch(() => ({})) };
      },
      status: [400, 415],
    },
    {
      name: 'text/plain simple request',
      run: async () => {
        const res = await fetch(t.url, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: q('{ regions { id } }'),
        });
        return { status: res.status, body: await res.json().catch(() => ({})) };
      },
      status: [400, 415],
    },
    {
      name: 'invalid bearer token',
      run: () => post(t, q('{ regions { id } }'), { authorization: 'Bearer not.a.token' }),
      status: [401],
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'token signed with another secret',
      run: async () => {
        const forged =
          'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiQURNSU4iLCJzdWIiOiJ4IiwiZXhwIjo5OTk5OTk5OTk5fQ.p0Dg2x2v7n8yYcdvS2m9eVJ6o7yQmFQ1lYw5tQ1nW3A';
        return post(t, q('{ regions { id } }'), { authorization: `Bearer ${forged}` });
      },
      status: [401],
      code: 'UNAUTHENTICATED',
    },
    {
      name: 'malformed authorization header',
      run: () => post(t, q('{ regions { id } }'), { authorization: 'Basic YWRtaW46YWRtaW4=' }),
      status: [401],
      code: 'UNAUTHENTICATED',
    },
    {
      // Asked as plain JSON: 406, naming the transports that serve subscriptions (issue 12).
      name: 'subscription over HTTP POST',
      run: () => post(t, q('subscription { __typename }')),
      status: [406],
      code: 'NOT_ACCEPTABLE',
    },
    {
      name: 'unknown persisted query hash',
      run: () =>
        post(
          t,
          JSON.stringify({
            extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
          }),
        ),
      status: [400, 404, 200],
      code: /PERSISTED_QUERY_NOT_(FOUND|SUPPORTED)|BAD_REQUEST|BAD_USER_INPUT/,
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))(
    'refuses %s over HTTP before any resolver runs',
    async (_name, c) => {
      const before = resolverStatements;
      const res = await c.run();
      expect(res.body.errors?.length).toBeGreaterThan(0);
      if (c.status) expect(c.status).toContain(res.status);
      if (c.code) {
        const code = res.body.errors?.[0].extensions?.code ?? '';
        if (c.code instanceof RegExp) expect(code).toMatch(c.code);
        else expect(code).toBe(c.code);
      }
      if (c.message) expect(res.body.errors?.[0].message).toMatch(c.message);
      expect(res.body.data ?? null).toBeNull();
      expect(resolverStatements - before).toBe(0);
    },
  );

  it('lets the standard introspection query through while introspection is on', async () => {
    const res = await post(t, q(getIntrospectionQuery()));
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it('never returns more than a few errors', async () => {
    const res = await post(
      t,
      q(`{ ${Array.from({ length: 20 }, (_, i) => `f${i}: nope${i}`).join(' ')} }`),
    );
    expect(res.body.errors?.length).toBeGreaterThan(0);
    expect(res.body.errors?.length).toBeLessThanOrEqual(5);
  });

  describe('over WebSocket', () => {
    function open(hub: TestHub, opts: { origin?: string; params?: Record<string, unknown> } = {}) {
      const ws = new WebSocket(
        hub.url.replace('http', 'ws'),
        'graphql-transport-ws',
        opts.origin ? { origin: opts.origin } : {},
      );
      const messages: Array<Record<string, unknown>> = [];
      const closedP = new Promise<{ code: number; reason: string }>((resolve) =>
        ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
      );
      const waiters = new Set<() => void>();
      ws.on('message', (d) => {
        messages.push(JSON.parse(d.toString()));
        for (const w of [...waiters]) w();
      });
      /** The first message (received or still to come) matching `pred`; fails after `ms`. */
      const next = (pred: (m: Record<string, unknown>) => boolean, ms = 5000) =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const check = () => {
            const hit = messages.find(pred);
            if (!hit) return;
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            reject(new Error('timed out waiting for a message'));
          }, ms);
          timer.unref();
          waiters.add(check);
          check();
        });
      const ready = new Promise<void>((resolve, reject) => {
        ws.on('open', () => resolve());
        ws.on('error', reject);
      });
      return {
        ws,
        messages,
        closed: closedP,
        next,
        ready,
        init: async () => {
          await ready;
          ws.send(JSON.stringify({ type: 'connection_init', payload: opts.params ?? {} }));
          await next((m) => m.type === 'connection_ack');
        },
      };
    }

    const refusedOverWs = async (query: string, variables?: Record<string, unknown>) => {
      const c = open(t);
      await c.init();
      const before = resolverStatements;
      c.ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      const m = await c.next((x) => x.id === '1' && x.type === 'error');
      c.ws.close();
      expect(resolverStatements - before).toBe(0);
      return (m.payload as Array<{ message: string; extensions?: { code?: string } }>)[0];
    };

    it('refuses deep nesting', async () => {
      expect((await refusedOverWs(nest(20))).extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('refuses 100 aliases', async () => {
      const e = await refusedOverWs(
        `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: regions { id }`).join(' ')} }`,
      );
      expect(e.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('refuses a huge first passed as a variable', async () => {
      const e = await refusedOverWs(
        'query($n: Int) { auditLog(first: $n) { nodes { operation } } }',
        { n: 900000 },
      );
      expect(e.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('refuses a token flood', async () => {
      const e = await refusedOverWs(`{ regions { ${'id '.repeat(5000)} } }`);
      expect(e.message).toMatch(/tokens/i);
    });

    it('refuses a fragment cycle', async () => {
      const e = await refusedOverWs(
        'query { regions { ...A } } fragment A on Region { children { ...A } }',
      );
      expect(e.message).toMatch(/cannot spread fragment/i);
    });

    it('closes a connection whose message exceeds 64 KiB', async () => {
      const c = open(t);
      await c.init();
      c.ws.send(
        JSON.stringify({
          id: '1',
          type: 'subscribe',
          payload: { query: `{ regions { id } } #${'x'.repeat(70 * 1024)}` },
        }),
      );
      expect((await c.closed).code).toBe(1009);
    });

    it('closes a connection with a bad token instead of treating it as PUBLIC', async () => {
      const c = open(t, { params: { authorization: 'Bearer not.a.token' } });
      await c.ready;
      c.ws.send(
        JSON.stringify({
          type: 'connection_init',
          payload: { authorization: 'Bearer not.a.token' },
        }),
      );
      expect((await c.closed).code).toBe(4403);
    });

    it('refuses a handshake from an origin outside the allowlist', async () => {
      const c = open(closed, { origin: 'https://evil.example' });
      await expect(c.ready).rejects.toThrow(/401|403|Unexpected server response/);
    });

    it('accepts a handshake from an allowed origin', async () => {
      const c = open(closed, { origin: 'https://gemeinde.example' });
      await c.init();
      c.ws.close();
    });

    it('closes a connection that never sends connection_init', async () => {
      const c = open(t);
      await c.ready;
      expect((await c.closed).code).toBe(4408);
    }, 15000);
  });
});

describe('hostile input over Server-Sent Events', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  const stream = (query: string, variables?: Record<string, unknown>) =>
    fetch(`${t.url}/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query, variables }),
    });

  it('refuses deep nesting before opening a stream', async () => {
    const before = resolverStatements;
    const res = await stream(
      `subscription { needEvents { need { region { ${'children { '.repeat(15)}id${' }'.repeat(15)} } } } }`,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ extensions?: { code?: string } }> };
    expect(body.errors[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(resolverStatements - before).toBe(0);
  });

  it('refuses a token flood', async () => {
    const res = await stream(`subscription { needEvents { cursor ${'cursor '.repeat(5000)} } }`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0].message).toMatch(/tokens/i);
  });
});

describe('client address for per-IP limits', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ seed: true, env: { HUB_VOLUNTEER_RATE_LIMIT: '1' } });
  });
  afterAll(() => t.stop());

  it('ignores a spoofed X-Forwarded-For unless HUB_TRUST_PROXY says otherwise', async () => {
    const needs = await t.gql<{ needs: { nodes: { id: string }[] } }>(
      '{ needs(first: 1, filter: { status: [OPEN] }) { nodes { id } } }',
    );
    const needId = needs.data?.needs.nodes[0].id;
    const volunteer = (n: number) =>
      fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${n}` },
        body: JSON.stringify({
          query: `mutation($i: VolunteerInput!) { volunteer(input: $i) { status } }`,
          variables: {
            i: { needId, name: 'Eva Test', email: `eva${n}@example.org`, consent: true },
          },
        }),
      });
    expect((await volunteer(1)).status).toBe(200);
    const second = await volunteer(2);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await second.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });
});
