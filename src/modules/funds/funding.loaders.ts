import { byIdLoader, groupedInKeyOrder, HubLoader } from '../../graphql/dataloader';
import type { ApplicationService } from './application.service';
import { FundingReview } from './funding.entity';
import type { LedgerRow, ProgrammeService } from './programme.service';

/** Programmes and ledgers are public; applications and reviews are raw rows (funding-access.ts). */
export function createFundingLoaders(
  programmes: ProgrammeService,
  applications: ApplicationService,
) {
  return {
    programmeById: byIdLoader(
      (ids) => programmes.byIds(ids),
      (p) => p.id,
    ),
    applicationById: byIdLoader(
      (ids) => applications.byIds(ids),
      (a) => a.id,
    ),
    reviews: new HubLoader<number, FundingReview[]>(async (ids) =>
      groupedInKeyOrder(ids, await applications.reviewsOf([...ids]), (r) => r.applicationId),
    ),
    ledger: new HubLoader<number, LedgerRow[]>(async (ids) =>
      groupedInKeyOrder(ids, await programmes.ledger([...ids]), (r) => r.programmeId),
    ),
  };
}
