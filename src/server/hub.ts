// The hub's lifecycle: database (embedded or external), migrations, demo data on first start,
// HTTP and WebSocket serving, background work, and a clean, bounded shutdown.
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { Config } from '../config/env';
import { createDataSource } from '../db/data-source';
import { Database } from '../db/database';
import { EmbeddedPostgresHandle, useEmbeddedPostgres } from '../db/embedded-postgres';
import { migrate } from '../db/migrate';
import { Authenticator } from '../graphql/auth';
import { buildHubSchema } from '../graphql/build-schema';
import { Background, createServices, Services } from '../graphql/services';
import type { Readiness } from './health';
import { seedDemoIfEmpty } from '../modules/seed/demo-seed';
import { createHttpServer } from './http-server';
import { createLogger, Logger } from './logger';
import { Metrics } from './metrics';
import { MODULES } from '../modules';
import { registerQueueMetrics } from '../queue/queue-metrics';
import { registerSubgraphRoute } from './subgraph-server';
import { operationGuards } from './operation-guard';
import { createWsServer } from './ws-server';

export interface RunningHub {
  url: string;
  port: number;
  databaseUrl: string;
  services: Services;
  auth: Authenticator;
  log: Logger;
  /** The executable schema every transport serves (tests subscribe in-process with it). */
  schema: GraphQLSchema;
  /** Runs every due job until the queue is idle (tests; the runner does it on its own anyway). */
  runJobsUntilIdle(): Promise<void>;
  /** Stops serving and closes the pool (and the embedded database); idempotent. */
  stop(options?: StopOptions): Promise<void>;
}

export interface StopOptions {
  /** Answer /readyz with 503 for HUB_SHUTDOWN_DRAIN_MS before closing (SIGTERM behind a balancer). */
  drain?: boolean;
}

export interface HubOptions {
  log?: Logger;
  /** Print the "where is everything" banner (the CLI does; tests do not). */
  banner?: boolean;
}

/**
 * Connects to DATABASE_URL, or to the embedded PostgreSQL under the data directory: the one a
 * running hub already serves from there (so CLI commands work beside `npm start`), else a new one.
 */
export async function connectDatabase(
  config: Config,
  log: Logger,
): Promise<{ url: string; embedded: EmbeddedPostgresHandle | null }> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const dir = path.join(config.dataDir, 'pg');
  const { url, handle, sharedWith } = await useEmbeddedPostgres({
    dir,
    port: config.embeddedPgPort,
    database: 'hub',
    onLog: (line) => log.debug({ postgres: line }, 'embedded postgres'),
  });
  if (sharedWith)
    log.info({ dir, pid: sharedWith }, 'embedded PostgreSQL already running: using it');
  else log.info({ dir, port: config.embeddedPgPort }, 'embedded PostgreSQL started');
  return { url, embedded: handle };
}

/** The pool, at head: migrations applied and, when asked, the demo data loaded. */
async function openDatabase(config: Config, url: string, log: Logger): Promise<Database> {
  const ds = createDataSource({
    url,
    replicaUrls: config.databaseReplicaUrls,
    poolSize: config.dbPoolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    connectTimeoutMs: config.dbConnectTimeoutMs,
  });
  try {
    await ds.initialize();
    const applied = await migrate(ds);
    if (applied.length) log.info({ migrations: applied }, 'migrations applied');
    const db = new Database(ds);
    // A pool whose idle connection breaks (database restart) must not take the process down.
    db.primary.on('error', (err) => log.warn({ err: err.message }, 'database connection lost'));
    if (config.seedDemo) {
      const seeded = await seedDemoIfEmpty(db, (msg) => log.info(msg));
      if (seeded) log.info('demo data loaded (sample data, fictional)');
    }
    return db;
  } catch (e) {
    if (ds.isInitialized) await ds.destroy().catch(() => undefined);
    throw e;
  }
}

interface Serving {
  app: FastifyInstance;
  ws: { dispose(): Promise<void> };
  readiness: Readiness;
}

/** Every transport on one Fastify app: HTTP (+ SSE, multipart), the subgraph and WebSocket. */
async function createServing(
  services: Services,
  auth: Authenticator,
  log: Logger,
  schema: GraphQLSchema,
): Promise<Serving> {
  const metrics = new Metrics(() => services.db.poolStats());
  registerQueueMetrics(metrics.registry, services.queue, services.db);
  for (const m of MODULES) m.metrics(metrics.registry, services as never);
  const readiness: Readiness = { shuttingDown: false };
  const { app } = await createHttpServer({ schema, services, auth, log, metrics, readiness });
  await registerSubgraphRoute(app, { services, auth, log, metrics });
  const ws = createWsServer({
    server: app.server,
    schema,
    services,
    auth,
    log,
    metrics,
    guards: operationGuards(services),
  });
  return { app, ws, readiness };
}

/** The base URL as a person would type it (a wildcard host is shown as localhost). */
function baseUrl(config: Config, app: FastifyInstance): { base: string; port: number } {
  const port = (app.server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return { base: `http://${shownHost}:${port}`, port };
}

interface Running {
  config: Config;
  log: Logger;
  serving: Serving;
  services: Services;
  background: Background;
  embedded: EmbeddedPostgresHandle | null;
}

/**
 * Readiness 503 first, an optional drain, background work stopped, WebSockets closed, HTTP
 * drained with a timeout, then the pool and the embedded database; bounded by a last-resort exit.
 */
function shutdown(running: Running): (opts?: StopOptions) => Promise<void> {
  const { config, log, serving, services, background, embedded } = running;
  const { app, ws, readiness } = serving;
  let stopping: Promise<void> | null = null;
  return (opts: StopOptions = {}) =>
    (stopping ??= (async () => {
      readiness.shuttingDown = true;
      const drainMs = opts.drain ? config.shutdownDrainMs : 0;
      log.info({ drainMs }, 'shutting down: readiness is 503, then HTTP and WebSocket drain');
      // The last resort: a shutdown that hangs anyway ends the process, never the data.
      const deadline = setTimeout(
        () => {
          log.error('shutdown took too long, exiting');
          process.exit(1);
        },
        drainMs + config.shutdownTimeoutMs + 3000,
      );
      deadline.unref();
      // Load balancers see the 503 and stop sending before connections close.
      if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
      await background.stop();
      await services.rateLimiter.stop();
      await ws.dispose();
      // In-flight requests finish; ones that outlast the timeout lose their connection.
      const force = setTimeout(() => app.server.closeAllConnections(), config.shutdownTimeoutMs);
      await app.close();
      clearTimeout(force);
      await services.db.dataSource.destroy();
      if (embedded) await embedded.stop();
      clearTimeout(deadline);
      log.info('stopped');
    })());
}

function printBanner(
  config: Config,
  base: string,
  embedded: boolean,
  url: string,
  extra: string[],
): void {
  const database = config.databaseUrl
    ? 'DATABASE_URL'
    : `embedded PostgreSQL${embedded ? '' : ' (shared with a running hub)'}, data in ${path.join(config.dataDir, 'pg')}`;
  const lines = [
    '',
    `  engagement-hub is running`,
    `  GraphQL (HTTP)       ${base}/graphql`,
    `  GraphQL (WebSocket)  ${base.replace('http', 'ws')}/graphql`,
    `  GraphQL (SSE)        ${base}/graphql/stream`,
    `  Federation subgraph  ${base}/subgraph${config.subgraphSecret ? ' (gateway secret required)' : ''}`,
    `  Explorer             ${base}/`,
    `  Workspace            ${base}/app`,
    `  Dashboard            ${base}/dashboard`,
    `  Widget               ${base}/widget.js  (how to embed it: ${base}/widget-demo)`,
    config.introspection ? `  Schema (SDL)         ${base}/schema.graphql` : '',
    `  Health / readiness   ${base}/healthz  ${base}/readyz`,
    `  Metrics              ${base}/metrics`,
    `  Database             ${database}`,
    config.databaseUrl ? '' : `                       ${url}`,
    `  Sign-in tokens       npm run hub -- token --role ADMIN`,
    ...extra,
    `  Stop with Ctrl-C`,
    '',
  ];
  process.stdout.write(lines.filter((l) => l !== '').join('\n') + '\n');
}

export async function startHub(config: Config, options: HubOptions = {}): Promise<RunningHub> {
  const log = options.log ?? createLogger(config.logLevel);
  const { url, embedded } = await connectDatabase(config, log);
  let db: Database | undefined;
  let background: Background | undefined;
  try {
    db = await openDatabase(config, url, log);
    const services = createServices(config, db);
    // The token check asks the actors module (through its services) when an actor was created;
    // the modules' session guards refuse ended sessions on every transport.
    const guards = MODULES.flatMap((m) => m.sessionGuards(services as never));
    const auth = new Authenticator(config, (ids) => services.actors.creationTimes(ids), guards);
    services.sharedSubscriptions.onRevoked = (listener) => auth.onRevoked(listener);
    const schema = await buildHubSchema();
    const serving = await createServing(services, auth, log, schema);
    background = await services.startBackground(log);
    services.rateLimiter.start();

    await serving.app.listen({ port: config.port, host: config.host });
    const { base, port } = baseUrl(config, serving.app);
    // Links in mails point at HUB_PUBLIC_URL, or else where this hub listens.
    services.links.useListeningUrl(base);
    log.info({ port, url: `${base}/graphql` }, 'listening');
    const stop = shutdown({ config, log, serving, services, background, embedded });
    if (options.banner) {
      const extra: string[] = [];
      for (const m of MODULES) extra.push(...(await m.banner(services as never)));
      printBanner(config, base, embedded !== null, url, extra);
    }
    const jobs = background.jobs;
    const runJobsUntilIdle = (): Promise<void> => jobs.runUntilIdle();
    return {
      url: base,
      port,
      databaseUrl: url,
      services,
      auth,
      log,
      schema,
      runJobsUntilIdle,
      stop,
    };
  } catch (e) {
    await background?.stop().catch(() => undefined);
    if (db?.dataSource.isInitialized) await db.dataSource.destroy().catch(() => undefined);
    if (embedded) await embedded.stop().catch(() => undefined);
    throw e;
  }
}
