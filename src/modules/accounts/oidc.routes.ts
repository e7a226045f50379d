// Browser sign-in through an OpenID Connect provider (HUB_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET):
// authorization code with PKCE, by `openid-client` 6 (ESM, loaded with import() on first use).
// The provider's verified e-mail is mapped to the hub's account, and the hub issues its own
// session, so every transport keeps checking one kind of token. State, nonce and the PKCE
// verifier travel in a short-lived signed cookie (HttpOnly, SameSite=Lax, path /auth/oidc), so
// the callback may reach any instance. The session reaches the workspace (/app) in the URL fragment,
// which browsers never send to a server.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/env';
import { resolveJwtSecret } from '../../graphql/auth';
import type { AccountService } from './account.service';
import { escapeHtml } from '../shared/html';

type OpenIdClient = typeof import('openid-client', { with: { 'resolution-mode': 'import' } });
type OidcConfiguration = InstanceType<OpenIdClient['Configuration']>;

const COOKIE = 'hub_oidc';
const COOKIE_PATH = '/auth/oidc';
const FLOW_TTL_MS = 10 * 60_000;

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  exp: number;
}

/** A short German page for what went wrong; no script, no details of the provider's answer. */
function failurePage(reply: FastifyReply, status: number, message: string): FastifyReply {
  reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
  reply.header('cache-control', 'no-store');
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Anmeldung nicht möglich</title>` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>` +
        `<h1>Anmeldung nicht möglich</h1><p>${escapeHtml(message)}</p>` +
        `<p><a href="/app">Zurück zur Anmeldeseite</a></p></main></body></html>`,
    );
}

class FlowCookie {
  constructor(private readonly key: Uint8Array) {}

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(`oidc-flow.${body}`).digest('base64url');
  }

  seal(flow: Flow): string {
    const body = Buffer.from(JSON.stringify(flow)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  open(value: string | undefined): Flow | null {
    const [body, mac] = (value ?? '').split('.');
    if (!body || !mac) return null;
    const want = Buffer.from(this.mac(body));
    const got = Buffer.from(mac);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
    try {
      const flow = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Flow;
      return flow.exp > Date.now() ? flow : null;
    } catch {
      return null;
    }
  }
}

function readCookie(req: FastifyRequest, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * The hub's address for the provider's redirect: HUB_PUBLIC_URL when set (behind a proxy the
 * request's own scheme and Host are the proxy's business, and a Host header is the client's
 * word), else as the browser reached it.
 */
function origin(config: Config, req: FastifyRequest): string {
  return config.publicUrl ?? `${req.protocol}://${req.headers.host ?? req.hostname}`;
}

export function oidcRoutes(app: FastifyInstance, config: Config, accounts: AccountService): void {
  const oidc = config.oidc;
  if (!oidc) return;
  const log = app.log;
  const cookies = new FlowCookie(resolveJwtSecret(config));
  let lib: Promise<OpenIdClient> | undefined;
  let discovered: Promise<OidcConfiguration> | undefined;
  const load = () => (lib ??= import('openid-client'));
  const configuration = async (): Promise<OidcConfiguration> => {
    const client = await load();
    discovered ??= client
      .discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        oidc.clientSecret,
        undefined,
        // Plain http only for a provider on this machine (development and tests).
        new URL(oidc.issuer).protocol === 'http:'
          ? { execute: [client.allowInsecureRequests] }
          : undefined,
      )
      .catch((e: unknown) => {
        discovered = undefined; // try again on the next sign-in
        throw e;
      });
    return discovered;
  };

  {
    {
      // The sign-in page asks whether to offer the provider's button.
      app.get('/auth/oidc/status', async () => ({ enabled: true }));
      app.get('/auth/oidc/start', async (req, reply) => {
        let cfg: OidcConfiguration;
        try {
          cfg = await configuration();
        } catch (e) {
          log.warn({ err: (e as Error).message }, 'OpenID Connect discovery failed');
          return failurePage(reply, 502, 'Der Anmeldedienst ist gerade nicht erreichbar.');
        }
        const client = await load();
        const flow: Flow = {
          state: client.randomState(),
          nonce: client.randomNonce(),
          verifier: client.randomPKCECodeVerifier(),
          exp: Date.now() + FLOW_TTL_MS,
        };
        const url = client.buildAuthorizationUrl(cfg, {
          redirect_uri: `${origin(config, req)}${COOKIE_PATH}/callback`,
          scope: 'openid email profile',
          code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
          code_challenge_method: 'S256',
          state: flow.state,
          nonce: flow.nonce,
        });
        const secure = req.protocol === 'https' ? '; Secure' : '';
        reply.header(
          'set-cookie',
          `${COOKIE}=${cookies.seal(flow)}; Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=600${secure}`,
        );
        return reply.redirect(url.href, 302);
      });

      app.get('/auth/oidc/callback', async (req, reply) => {
        const flow = cookies.open(readCookie(req, COOKIE));
        reply.header(
          'set-cookie',
          `${COOKIE}=; Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=0`,
        );
        if (!flow) {
          return failurePage(reply, 400, 'Die Anmeldung ist abgelaufen. Bitte beginnen Sie neu.');
        }
        let email: string | undefined;
        try {
          const cfg = await configuration();
          const client = await load();
          const current = new URL(req.url, origin(config, req));
          const tokens = await client.authorizationCodeGrant(cfg, current, {
            pkceCodeVerifier: flow.verifier,
            expectedState: flow.state,
            expectedNonce: flow.nonce,
          });
          const claims = tokens.claims();
          let info: Record<string, unknown> | undefined = claims;
          if (claims && (claims.email === undefined || claims.email_verified === undefined)) {
            info = await client.fetchUserInfo(cfg, tokens.access_token, claims.sub);
          }
          // Only an address the provider has verified names an account.
          if (info?.email_verified === true && typeof info.email === 'string') email = info.email;
        } catch (e) {
          log.warn({ err: (e as Error).message }, 'OpenID Connect sign-in failed');
          return failurePage(reply, 400, 'Der Anmeldedienst hat die Anmeldung nicht bestätigt.');
        }
        if (!email) {
          return failurePage(
            reply,
            403,
            'Der Anmeldedienst hat keine bestätigte E-Mail-Adresse übermittelt.',
          );
        }
        const session = await accounts.signInVerifiedEmail(email);
        if (!session) {
          return failurePage(
            reply,
            403,
            'Für diese E-Mail-Adresse gibt es kein Konto. Bitten Sie Ihre Koordination um eine Einladung.',
          );
        }
        reply.header('cache-control', 'no-store');
        return reply.redirect(`/app#session=${encodeURIComponent(session.token)}`, 302);
      });
    }
  }
}
