// Accounts: who signs in (invited by e-mail), sign-in links, sessions and their end (signOut),
// OpenID Connect sign-in for the browser clients, and the CLI's `account` commands.
import type { AuditServices } from '../audit';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import { primaryConnection } from '../../events/log-listener';
import type { LinksServices } from '../links';
import type { MailServices } from '../mail';
import { Account } from './account.entity';
import { createAccountLoaders } from './account.loaders';
import { assertCanInviteAccount, canInviteAccount, canSeeAccount } from './account.permissions';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { SessionGenerations } from './session-generations';
import { LinkSessionResolver } from './link-session.resolver';
import { oidcRoutes } from './oidc.routes';
import { SignInResolver } from './sign-in.resolver';

export const accountsModule = defineModule({
  name: 'accounts',
  entities: [Account],
  resolvers: [AccountResolver, SignInResolver, LinkSessionResolver],
  nodeTypes: [
    // Seen by the account itself, ADMINs and coordinators of its regions; not an entity.
    {
      name: 'Account',
      fetch: async (ctx, id): Promise<object | null> => {
        const found = await ctx.loaders.accounts.byId.load(id);
        return found && canSeeAccount(ctx.viewer, id, found.scope) ? found.account : null;
      },
    },
  ],
  services: ({
    db,
    config,
    audit,
    links,
    mail,
  }: HubInfra & AuditServices & LinksServices & MailServices) => {
    const sessions = new SessionGenerations(db, primaryConnection(db.primary));
    return { accounts: new AccountService(db, config, audit, sessions, links, mail) };
  },
  loaders: ({ accounts }) => createAccountLoaders(accounts),
  jobs: ({ accounts }) => [
    {
      name: 'account-sessions',
      async start(log) {
        await accounts.sessions.start(log);
        return { stop: () => accounts.sessions.stop() };
      },
    },
  ],
  sessionGuards: ({ accounts }) => [accounts.sessions],
  routes: (app, { accounts }) => oidcRoutes(app, accounts.config, accounts),
  // On the embedded default with demo data: how to sign in as the demo coordinator.
  banner: async ({ accounts }) => {
    const { config } = accounts;
    if (config.databaseUrl || !config.seedDemo) return [];
    const demo = await accounts.demoSignIn().catch(() => null);
    if (!demo) return [];
    return [
      `  Sign in (demo)       as ${demo.email}, the demo coordinator:`,
      `                       ${demo.url}  (valid 24 h, once)`,
      `                       or request a link on the dashboard; without SMTP_URL mails are at /mailbox`,
    ];
  },
  permissions: { canInviteAccount, assertCanInviteAccount, canSeeAccount },
});

/** What the accounts module adds to ctx.services, for the factories of modules after it. */
export type AccountsServices = ServicesOf<typeof accountsModule>;
