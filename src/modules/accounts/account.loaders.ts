import { byIdLoader } from '../../graphql/dataloader';
import type { AccountService } from './account.service';

export function createAccountLoaders(accounts: AccountService) {
  return {
    /** The account with the region paths that decide who sees it (account.permissions.ts). */
    byId: byIdLoader(
      (ids) => accounts.byIds(ids),
      (r) => r.account.id,
    ),
  };
}
