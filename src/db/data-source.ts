import path from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';

export interface DataSourceSettings {
  url: string;
  replicaUrls?: string[];
  poolSize?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  applicationName?: string;
}

/** Migrations live at the project root; compiled ones sit beside dist/src. */
export const MIGRATIONS_GLOB = path.join(__dirname, '..', '..', 'migrations', '*.{ts,js}');

export function dataSourceOptions(s: DataSourceSettings): DataSourceOptions {
  const extra = {
    max: s.poolSize ?? 20,
    // A request waits at most this long for a connection: a database that went away fails fast.
    connectionTimeoutMillis: s.connectTimeoutMs ?? 3000,
    statement_timeout: s.statementTimeoutMs ?? 5000,
    query_timeout: (s.statementTimeoutMs ?? 5000) + 1000,
    idle_in_transaction_session_timeout: 30000,
    application_name: s.applicationName ?? 'engagement-hub',
    keepAlive: true,
  };
  const base = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra,
  };
  if (s.replicaUrls && s.replicaUrls.length > 0) {
    return {
      ...base,
      replication: {
        master: { url: s.url },
        slaves: s.replicaUrls.map((url) => ({ url })),
      },
    };
  }
  return { ...base, url: s.url };
}

export function createDataSource(s: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(s));
}
