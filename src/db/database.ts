// Thin access to the pg pools behind the TypeORM DataSource. Reads go to a replica when
// DATABASE_REPLICA_URLS is set; writes, transactions and event catch-up stay on the primary.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { requestBudgets } from './request-budget';

// DATE columns stay 'YYYY-MM-DD' strings (no time-zone shift); int8 counts become numbers.
types.setTypeParser(1082, (v: string) => v);
types.setTypeParser(20, (v: string) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

/**
 * Reads made while this holds 'primary' skip the replicas: what a mutation answers and what a
 * subscription event shows must include the change just committed, whatever the replica lag.
 */
export const readRouting = new AsyncLocalStorage<'primary'>();

export class Database {
  private replicaIndex = 0;

  constructor(readonly dataSource: DataSource) {}

  get primary(): Pool {
    const driver = this.dataSource.driver as unknown as { master: Pool };
    return driver.master;
  }

  private get replicas(): Pool[] {
    return (this.dataSource.driver as unknown as { slaves?: Pool[] }).slaves ?? [];
  }

  /** A read that may be served by a replica. */
  async read<R extends QueryResultRow = QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    const replicas = this.replicas;
    const pool =
      replicas.length > 0 && readRouting.getStore() !== 'primary'
        ? replicas[this.replicaIndex++ % replicas.length]
        : this.primary;
    return this.run<R>(pool, sql, params);
  }

  /** One statement; within a request's time budget on a connection the budget can cancel. */
  private async run<R extends QueryResultRow>(
    pool: Pool,
    sql: string,
    params: unknown[],
  ): Promise<R[]> {
    const budget = requestBudgets.getStore();
    if (!budget) return (await pool.query<R>(sql, params)).rows;
    return budget.withClient(pool, async (client) => (await client.query<R>(sql, params)).rows);
  }

  get hasReplicas(): boolean {
    return this.replicas.length > 0;
  }

  /** A read or single statement on the primary. */
  async query<R extends QueryResultRow = QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    return this.run<R>(this.primary, sql, params);
  }

  /**
   * Runs fn in one transaction on the primary; after-commit hooks run only when it committed.
   * Within a request's time budget, expiry cancels the statement running and rolls it back.
   */
  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const budget = requestBudgets.getStore();
    const { result, tx } = budget
      ? await budget.withClient(this.primary, (client, discard) =>
          this.inTransaction(client, fn, (destroy) => destroy && discard()),
        )
      : await this.primary
          .connect()
          .then((client) => this.inTransaction(client, fn, (destroy) => client.release(destroy)));
    for (const hook of tx.afterCommit) hook();
    return result;
  }

  /** BEGIN, fn, COMMIT (ROLLBACK on failure); `release` hands the connection back. */
  private async inTransaction<T>(
    client: PoolClient,
    fn: (tx: Transaction) => Promise<T>,
    release: (destroy: boolean) => void,
  ): Promise<{ result: T; tx: Transaction }> {
    const tx = new Transaction(client);
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      release(false);
      return { result, tx };
    } catch (e) {
      try {
        await client.query('ROLLBACK');
        release(false);
      } catch {
        release(true);
      }
      throw e;
    }
  }

  /** Pool figures for /metrics. */
  poolStats(): { total: number; idle: number; waiting: number } {
    const p = this.primary as unknown as {
      totalCount: number;
      idleCount: number;
      waitingCount: number;
    };
    return { total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount };
  }
}

export class Transaction implements Queryable {
  readonly afterCommit: Array<() => void> = [];
  constructor(readonly client: PoolClient) {}

  async query<R extends QueryResultRow = QueryResultRow>(sql: string, params: unknown[] = []) {
    const r = await this.client.query<R>(sql, params);
    return { rows: r.rows, rowCount: r.rowCount };
  }

  async rows<R extends QueryResultRow = QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    return (await this.client.query<R>(sql, params)).rows;
  }
}
