// A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1, run as its own
// process because both it and openid-client are ES modules. Its one client is the hub under
// test (HUB_REDIRECT_URI). Who signs in next is set with POST /test/next-user {email, verified};
// the login and consent interactions complete on their own for that person.
import http from 'node:http';
import process from 'node:process';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const users = new Map();
let next = null;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.HUB_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: false,
  findAccount: (_ctx, id) =>
    users.has(id)
      ? {
          accountId: id,
          claims: () => ({
            sub: id,
            email: users.get(id).email,
            email_verified: users.get(id).verified,
          }),
        }
      : undefined,
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
});
const callback = provider.callback();

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  let result;
  if (details.prompt.name === 'login') {
    const id = `user-${users.size + 1}`;
    users.set(id, next);
    result = { login: { accountId: id } };
  } else {
    const grant = new provider.Grant({
      accountId: details.session.accountId,
      clientId: details.params.client_id,
    });
    grant.addOIDCScope(details.params.scope);
    result = { consent: { grantId: await grant.save() } };
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

const server = http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((e) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  } else if (req.url === '/test/next-user' && req.method === 'POST') {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      next = JSON.parse(body);
      res.end('ok');
    });
  } else callback(req, res);
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`ready ${issuer}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
