// The activity log's services: recording (in the caller's transaction) and reading it as the
// caller may see it (Query.activity; the subscription reads through ActivityStream).
import type { Database, Queryable } from '../../db/database';
import { ActivityInput, recordActivities } from './activity.writer';

export class ActivityService {
  constructor(private readonly db: Database) {}

  /**
   * Appends one activity inside the caller's transaction (interfaces.md "Activity log"): it
   * commits or rolls back with the change, gets its position in commit order, and is announced
   * (NOTIFY) only on commit. Returns its position.
   */
  async record(tx: Queryable, a: ActivityInput): Promise<number> {
    const [position] = await recordActivities(tx, [a]);
    return position;
  }

  /** Several at once, in the given order. */
  recordMany(tx: Queryable, list: ActivityInput[]): Promise<number[]> {
    return recordActivities(tx, list);
  }

  get database(): Database {
    return this.db;
  }
}
