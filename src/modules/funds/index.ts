// Engagement funds (issue 19, programmes and applications): programmes of a region with a
// budget held by the database, applications confidential to three parties, reviews of the
// advisory board (Engagementbeirat) without conflicts of interest, the coordinators'
// decisions, payments and use reports, and the public ledger (GraphQL and CSV).
import type { AccountsServices } from '../accounts';
import type { ActivityServices } from '../activity';
import type { AuditServices } from '../audit';
import { defineModule, HubInfra, ServicesOf } from '../define-module';
import type { LinksServices } from '../links';
import type { MailServices } from '../mail';
import { ApplicationService } from './application.service';
import {
  FundingApplicationFieldsResolver,
  FundingApplicationResolver,
} from './application.resolver';
import { visibleApplication } from './funding-access';
import { FundingApplication, FundingProgramme, FundingReview } from './funding.entity';
import { createFundingLoaders } from './funding.loaders';
import { canSeeApplication, canSeeReviews } from './funding.permissions';
import { registerLedgerRoutes } from './ledger.routes';
import { FundingProgrammeResolver, LedgerEntryResolver } from './programme.resolver';
import { ProgrammeService } from './programme.service';

export const fundsModule = defineModule({
  name: 'funds',
  entities: [FundingProgramme, FundingApplication, FundingReview],
  resolvers: [
    FundingProgrammeResolver,
    LedgerEntryResolver,
    FundingApplicationResolver,
    FundingApplicationFieldsResolver,
  ],
  nodeTypes: [
    {
      name: 'FundingProgramme',
      fetch: (ctx, id): Promise<object | null> => ctx.loaders.funds.programmeById.load(id),
      entities: ['FundingProgramme'],
      displayName: (p) => (p as FundingProgramme).name,
    },
    // Only the three parties; null for everyone else, on node(), `_entities`, the feed and
    // webhooks (which see what PUBLIC sees), even once approved: the ledger is the public view.
    {
      name: 'FundingApplication',
      fetch: (ctx, id): Promise<object | null> => visibleApplication(ctx, id),
      entities: ['FundingApplication'],
    },
  ],
  services: ({
    db,
    audit,
    activity,
    mail,
    links,
  }: HubInfra &
    AuditServices &
    ActivityServices &
    MailServices &
    LinksServices &
    AccountsServices) => {
    const programmes = new ProgrammeService(db, audit);
    return {
      programmes,
      applications: new ApplicationService(db, programmes, audit, activity, mail, links),
    };
  },
  loaders: ({ programmes, applications }) => createFundingLoaders(programmes, applications),
  routes: (app, services) => registerLedgerRoutes(app, services),
  permissions: { canSeeApplication, canSeeReviews },
});

/** What the funds module adds to ctx.services, for the modules after it. */
export type FundsServices = ServicesOf<typeof fundsModule>;
