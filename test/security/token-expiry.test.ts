// Issue 23 item 8: expiry was not checked on an open WebSocket (events and new operations kept
// flowing as MEMBER after `exp`), a token without `exp` was accepted, and a token naming an actor
// id that did not exist was accepted and gained that actor once it was created. Now: the socket
// closes with 4403 at expiry, SSE and multipart streams end with UNAUTHENTICATED, tokens without
// `exp` are refused, and so are actor ids that do not exist or are younger than the token.
import { decodeJwt, SignJWT } from 'jose';
import { Role } from '../../src/graphql/viewer';
import { runCli } from '../helpers/cli-process';
import { startTestHub, TEST_JWT_SECRET, TestHub } from '../helpers/test-hub';
import { overHttp, overSse } from '../helpers/transports';
import { subscribeOver, TRANSPORTS } from '../helpers/subscribers';
import { waitFor } from '../helpers/wait-for';
import { openGraphqlSocket } from '../helpers/ws-client';
import { demoIds } from '../modules/actors/demo-ids';
import { openNeed } from '../modules/needs/need-fixtures';

const SECRET = new TextEncoder().encode(TEST_JWT_SECRET);
const VIEWER = { query: '{ viewer { role actors { id } } }' };

let t: TestHub;
let ids: Awaited<ReturnType<typeof demoIds>>;

beforeAll(async () => {
  t = await startTestHub({ seed: true, env: { HUB_SWEEP_INTERVAL_MS: '86400000' } });
  ids = await demoIds(t);
});
afterAll(() => t?.stop());

function sign(claims: Record<string, unknown>, exp?: number, iat?: number): Promise<string> {
  let jwt = new SignJWT({ actorIds: [], regionIds: [], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('expiry-test')
    .setIssuedAt(iat);
  if (exp !== undefined) jwt = jwt.setExpirationTime(exp);
  return jwt.sign(SECRET);
}

const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;

describe('tokens without exp', () => {
  it('are refused on HTTP, SSE and WebSocket', async () => {
    const forever = await sign({ role: 'ADMIN' });
    expect(decodeJwt(forever).exp).toBeUndefined();
    const http = await overHttp(t.url, VIEWER, forever);
    expect(http.status).toBe(401);
    expect(http.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(http.errors?.[0].message).toMatch(/exp/);
    expect((await overSse(t.url, VIEWER, forever)).status).toBe(401);
    await expect(openGraphqlSocket(t.url, `Bearer ${forever}`)).rejects.toThrow(/4403/);
  });

  it('are never printed by the token command: --ttl and its default both set exp', async () => {
    for (const args of [
      ['--role', 'ADMIN'],
      ['--role', 'ADMIN', '--ttl', '5m'],
    ]) {
      const p = runCli(['token', ...args], { HUB_JWT_SECRET: TEST_JWT_SECRET });
      expect((await p.exited).code).toBe(0);
      const payload = decodeJwt(p.stdout().trim());
      expect(typeof payload.exp).toBe('number');
      expect(payload.exp! - payload.iat!).toBe(args.includes('5m') ? 300 : 8 * 3600);
    }
  });
});

describe('a token that expires while its connection is open', () => {
  it('closes the WebSocket with 4403 at expiry', async () => {
    const token = await sign({ role: 'ADMIN' }, inSeconds(2));
    const { closed } = await openGraphqlSocket(t.url, `Bearer ${token}`);
    const { code, reason } = await closed;
    expect(code).toBe(4403);
    expect(reason).toMatch(/expired/);
  }, 20_000);

  it.each(TRANSPORTS)(
    'ends a %s subscription at expiry with UNAUTHENTICATED',
    async (transport) => {
      const token = await sign({ role: 'ADMIN' }, inSeconds(3));
      const sub = subscribeOver(transport, t.url, {
        query: `subscription { needEvents(filter: { text: "Ablauf ${transport}" }) { need { title } } }`,
        token,
      });
      await waitFor('the subscription', async () =>
        t.hub.services.sharedSubscriptions.members > 0 ? true : undefined,
      );
      await openNeed(t, ids.actor('Sportverein Büsum'), {
        title: `Ablauf ${transport} intern`,
        visibility: 'NETWORK',
      });
      await waitFor('the event before expiry', async () =>
        sub.results.length > 0 ? true : undefined,
      );
      expect(sub.results[0].data).toEqual({
        needEvents: { need: { title: `Ablauf ${transport} intern` } },
      });
      await waitFor('the end at expiry', async () => (sub.endedWith ? true : undefined), {
        timeoutMs: 15_000,
      });
      // WebSocket: the socket closes with 4403 (the client reports the close); SSE: a last result
      // with the error, then complete; multipart: the closing error part.
      if (transport === 'ws') expect(JSON.stringify(sub.endedWith)).toMatch(/4403|expired/);
      else if (transport === 'sse') {
        expect(sub.endedWith).toBe('complete');
        expect(sub.results.at(-1)?.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      } else {
        expect(sub.endedWith).toEqual([
          { message: 'The token has expired', extensions: { code: 'UNAUTHENTICATED' } },
        ]);
      }
      // Nothing after the expiry reaches it.
      const count = sub.results.length;
      await openNeed(t, ids.actor('Sportverein Büsum'), {
        title: `Ablauf ${transport} danach`,
        visibility: 'NETWORK',
      });
      await waitFor('the members to be gone', async () =>
        t.hub.services.sharedSubscriptions.members === 0 ? true : undefined,
      );
      expect(sub.results.length).toBe(count);
      sub.dispose();
    },
    30_000,
  );
});

describe('tokens naming actors', () => {
  it('refuse an actor id that does not exist', async () => {
    const token = await t.token(Role.MEMBER, { actorIds: ['QWN0b3I6OTk5OTk'] }); // Actor:99999
    const res = await overHttp(t.url, VIEWER, token);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].message).toMatch(/does not exist/);
  });

  it('refuse a token minted before the actor it names was created', async () => {
    const early = await sign({ role: 'MEMBER', actorIds: [] }, inSeconds(3600), inSeconds(-7200));
    const created = await t.gql<{ createActor: { id: string } }>(
      `mutation($input: CreateActorInput!) { createActor(input: $input) { id } }`,
      { input: { kind: 'CLUB', name: 'Später gegründet', regionId: ids.region('Büsum') } },
      await t.token(Role.ADMIN),
    );
    const actorId = created.data!.createActor.id;
    const stale = await sign(
      { role: 'MEMBER', actorIds: [actorId] },
      inSeconds(3600),
      decodeJwt(early).iat,
    );
    const refused = await overHttp(t.url, VIEWER, stale);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0].message).toMatch(/created after/);

    const fresh = await t.token(Role.MEMBER, { actorIds: [actorId] });
    const ok = await overHttp(t.url, VIEWER, fresh);
    expect(ok.status).toBe(200);
    expect(ok.data).toEqual({ viewer: { role: 'MEMBER', actors: [{ id: actorId }] } });
  });
});
