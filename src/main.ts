#!/usr/bin/env node
// CLI entry: `npm run hub -- <command>` or `npx engagement-hub <command>`.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, Config } from './config/env';
import type { Database } from './db/database';
import { decodeGlobalId } from './graphql/global-id';
import { Role } from './graphql/viewer';
import type { InviteData } from './modules/accounts/account.service';

// Each command loads what it needs when it runs: `token` and `help` answer in well under a
// second instead of loading the whole server first.
const USAGE = `Usage: engagement-hub <command> [options]

Commands:
  serve                 run the hub (HTTP and WebSocket on PORT, default 4000)
  migrate               apply pending database migrations
  seed                  load the demo data set into an empty database
  import FILE.csv [--skip-invalid]
                        import or update actors from a CSV file (header row: kind,name,
                        municipality,topics,website,email,phone,address,latitude,longitude;
                        separated by , or ; or tab; UTF-8 or Windows-1252; see the README)
  token --role ROLE [--region ID]... [--actor ID]... [--sub NAME] [--ttl 8h]
                        print a sign-in token for the configured secret (only the token goes
                        to stdout: TOKEN=$(npm run --silent hub -- token --role ADMIN));
                        COORDINATOR needs --region; --ttl is 30m, 8h, 7d, 2w (tokens expire)
  account invite --email ADDRESS --name NAME --role ROLE [--actor ID]... [--region ID]...
                        create an account and mail it a sign-in link (printed here too)
  account list          list the accounts (e-mail, role, name, last sign-in)
  account disable --email ADDRESS
                        disable an account and end all its sessions
  schema [FILE]         write the GraphQL schema (default schema/schema.graphql) and the
                        federation subgraph schema beside it (subgraph.graphql)
  bench [--quick] [--only W1,W3]
                        run the benchmark suite against hub_bench (BENCH_DATABASE_URL); writes bench/
  help                  show this text
`;

export function parseFlags(args: string[]): { positional: string[]; flags: Map<string, string[]> } {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      const value = inline ?? (args[i + 1] && !args[i + 1].startsWith('--') ? args[++i] : 'true');
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else positional.push(a);
  }
  return { positional, flags };
}

async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const { createLogger } = await import('./server/logger.js');
  const { connectDatabase } = await import('./server/hub.js');
  const { createDataSource } = await import('./db/data-source.js');
  const { Database } = await import('./db/database.js');
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const { url, embedded } = await connectDatabase(config, log);
  const ds = createDataSource({ url, statementTimeoutMs: 600000 });
  try {
    await ds.initialize();
    return await fn(new Database(ds));
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (embedded) await embedded.stop();
  }
}

async function serve(config: Config): Promise<void> {
  const { startHub } = await import('./server/hub.js');
  const hub = await startHub(config, { banner: true });
  let signals = 0;
  const shutdown = (signal: string) => {
    signals++;
    if (signals > 1) process.exit(1);
    hub.log.info({ signal }, 'signal received');
    // SIGTERM comes from an orchestrator: let the balancer see the 503 first. Ctrl-C stops at once.
    hub.stop({ drain: signal === 'SIGTERM' }).then(
      () => process.exit(0),
      (err) => {
        hub.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** A token lifetime as jose reads it ("8h"); a token without an expiry is never minted. */
export function tokenTtl(value: string | undefined): string {
  if (value === 'true') throw new UsageError('--ttl needs a lifetime like 30m, 8h, 7d or 2w');
  const m = /^([1-9][0-9]*) ?([smhdw])$/i.exec(value ?? '8h');
  if (!m) {
    throw new UsageError(
      `--ttl ${JSON.stringify(value)} is not a lifetime: use minutes, hours, days or weeks like 30m, 8h, 7d, 2w (every token expires)`,
    );
  }
  return `${m[1]}${m[2].toLowerCase()}`;
}

async function token(config: Config, flags: Map<string, string[]>): Promise<void> {
  const role = flags.get('role')?.[0]?.toUpperCase();
  if (!role || !(role in Role) || role === Role.PUBLIC || role === Role.PILOT) {
    // A PILOT acts as a pilot (claim pilotId): it signs in with its account instead.
    throw new UsageError('token needs --role MEMBER|NETWORKER|COORDINATOR|ADMIN');
  }
  // The hub refuses a token whose ids are not global ids of the right type: say so now instead.
  const ids = (flag: string, type: 'Region' | 'Actor') =>
    (flags.get(flag) ?? []).map((id) => {
      if (decodeGlobalId(id)?.type !== type) {
        throw new UsageError(`--${flag} ${id} is not a ${type} id (use the id the API shows)`);
      }
      return id;
    });
  const regionIds = ids('region', 'Region');
  const actorIds = ids('actor', 'Actor');
  // A coordinator acts in its regions only: without one the token could do nothing.
  if (role === Role.COORDINATOR && regionIds.length === 0) {
    throw new UsageError(
      'a COORDINATOR token needs --region ID, the region it coordinates (`{ regions { id name } }` lists them)',
    );
  }
  const ttl = tokenTtl(flags.get('ttl')?.[0]);
  const { Authenticator } = await import('./graphql/auth.js');
  const auth = new Authenticator(config);
  const jwt = await auth.sign({
    sub: flags.get('sub')?.[0] ?? `cli-${role.toLowerCase()}`,
    role: role as Role,
    regionIds,
    actorIds,
    ttl,
  });
  process.stdout.write(jwt + '\n');
}

class UsageError extends Error {}

function oneFlag(flags: Map<string, string[]>, name: string, command: string): string {
  const v = flags.get(name)?.[0];
  if (v === undefined || v === 'true') throw new UsageError(`${command} needs --${name}`);
  return v;
}

/** `account invite|list|disable`: beside a running hub, on the database it uses. */
async function accountCommand(
  config: Config,
  positional: string[],
  flags: Map<string, string[]>,
): Promise<void> {
  const sub = positional[0];
  if (!['invite', 'list', 'disable'].includes(sub)) {
    throw new UsageError('account needs invite, list or disable (engagement-hub help)');
  }
  const ids = (flag: string, type: 'Region' | 'Actor') =>
    (flags.get(flag) ?? []).map((id) => {
      const d = decodeGlobalId(id);
      if (d?.type !== type) {
        throw new UsageError(`--${flag} ${id} is not a ${type} id (use the id the API shows)`);
      }
      return d.id;
    });
  let invite: InviteData | undefined;
  if (sub === 'invite') {
    const role = oneFlag(flags, 'role', 'account invite').toUpperCase();
    if (!(role in Role) || role === Role.PUBLIC) {
      throw new UsageError('--role must be MEMBER, NETWORKER, COORDINATOR, ADMIN or PILOT');
    }
    invite = {
      email: oneFlag(flags, 'email', 'account invite'),
      displayName: oneFlag(flags, 'name', 'account invite'),
      role: role as never,
      actorIds: ids('actor', 'Actor'),
      regionIds: ids('region', 'Region'),
    };
  }
  const email = sub === 'disable' ? oneFlag(flags, 'email', 'account disable') : '';
  await withDatabase(config, async (db) => {
    const { migrate } = await import('./db/migrate.js');
    const { createServices } = await import('./graphql/services.js');
    const { SYSTEM_VIEWER } = await import('./graphql/viewer.js');
    const { DomainError } = await import('./graphql/errors.js');
    await migrate(db.dataSource);
    const { accounts } = createServices(config, db);
    try {
      if (invite) {
        const { account, url } = await accounts.invite(SYSTEM_VIEWER, invite);
        process.stdout.write(
          `invited ${account.email} as ${account.role}; the mail with the sign-in link is queued\n` +
            `sign-in link (valid 7 days, once): ${url}\n`,
        );
      } else if (sub === 'disable') {
        const account = await accounts.disable(email);
        process.stdout.write(`disabled ${account.email}; its sessions have ended\n`);
      } else {
        let after: string | null = null;
        let count = 0;
        for (;;) {
          const page = await accounts.list(SYSTEM_VIEWER, { first: 100, after });
          for (const a of page.nodes) {
            const last = a.lastSignInAt ? a.lastSignInAt.toISOString() : 'never signed in';
            process.stdout.write(
              `${a.email}\t${a.role}\t${a.displayName}\t${a.disabled ? 'disabled' : last}\n`,
            );
          }
          count += page.nodes.length;
          if (!(await page.pageInfo.hasNextPage)) break;
          after = page.pageInfo.endCursor;
        }
        if (count === 0) process.stdout.write('no accounts yet\n');
      }
    } catch (e) {
      if (e instanceof DomainError) throw new UsageError(e.message);
      throw e;
    }
  });
}

async function importCommand(
  config: Config,
  positional: string[],
  flags: Map<string, string[]>,
): Promise<void> {
  const file = positional[0];
  if (!file) throw new UsageError('import needs a CSV file: engagement-hub import FILE.csv');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new UsageError(`there is no file ${file}`);
  }
  const { ImportFailedError, ImportFileError, importActors, readCsvRecords, readHeader } =
    await import('./modules/import/actor-import.js');
  const skipInvalid = flags.get('skip-invalid')?.[0] === 'true';
  const progress = (done: number, total: number) => {
    if (total < 1000) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`,
    );
  };
  const refuse = (why: string) => {
    process.stderr.write(`import refused: ${file}: ${why}; nothing imported\n`);
    process.exitCode = 1;
  };
  try {
    // What is wrong with the file as a whole is said before any database is started.
    const bytes = fs.readFileSync(file);
    const { records, separator, encoding } = readCsvRecords(bytes);
    readHeader(records[0]);
    if (encoding !== 'UTF-8' || separator !== ',') {
      const sep = separator === '\t' ? 'tab' : `"${separator}"`;
      process.stderr.write(`reading ${file} as ${encoding}, separated by ${sep}\n`);
    }
    if (records.length === 1) {
      process.stdout.write(`nothing to import: ${file} has a header row and no actors\n`);
      return;
    }
    await withDatabase(config, async (db) => {
      const { migrate } = await import('./db/migrate.js');
      const { AuditService } = await import('./modules/audit/audit.service.js');
      await migrate(db.dataSource);
      const r = await importActors(db, new AuditService(db), bytes, { skipInvalid, progress });
      process.stdout.write(
        `imported: ${r.created} created, ${r.updated} updated, ${r.rejected.length} rejected\n`,
      );
      for (const x of r.rejected) process.stdout.write(`  line ${x.line}: ${x.reason}\n`);
    });
  } catch (e) {
    if (e instanceof ImportFileError) return refuse(e.message);
    if (!(e instanceof ImportFailedError)) throw e;
    for (const x of e.rejected) process.stderr.write(`line ${x.line}: ${x.reason}\n`);
    process.stderr.write(`${e.message} (use --skip-invalid to import the good rows)\n`);
    process.exitCode = 1;
  }
}

export async function main(argv: string[]): Promise<void> {
  const [command = 'help', ...rest] = argv;
  const { positional, flags } = parseFlags(rest);
  if (command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return;
  }
  if (command === 'schema') {
    const { printHubSchema } = await import('./graphql/build-schema.js');
    const file = path.resolve(positional[0] ?? 'schema/schema.graphql');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await printHubSchema());
    process.stdout.write(`schema written to ${path.relative(process.cwd(), file)}\n`);
    // The federation subgraph SDL (what `_service { sdl }` answers) goes beside it.
    const subgraphFile = path.join(path.dirname(file), 'subgraph.graphql');
    // Federation's modules load only for this command and for /subgraph's first request.
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const subgraph: typeof import('./graphql/build-subgraph') = require('./graphql/build-subgraph');
    fs.writeFileSync(subgraphFile, await subgraph.printHubSubgraphSchema());
    process.stdout.write(
      `subgraph schema written to ${path.relative(process.cwd(), subgraphFile)}\n`,
    );
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return withDatabase(config, async (db) => {
        const { migrate } = await import('./db/migrate.js');
        const applied = await migrate(db.dataSource);
        process.stdout.write(
          applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n',
        );
      });
    case 'seed':
      return withDatabase(config, async (db) => {
        const { migrate } = await import('./db/migrate.js');
        const { seedDemoIfEmpty } = await import('./modules/seed/demo-seed.js');
        await migrate(db.dataSource);
        const done = await seedDemoIfEmpty(db, (m) => process.stdout.write(m + '\n'));
        process.stdout.write(
          done ? 'demo data loaded\n' : 'database already has data; nothing loaded\n',
        );
      });
    case 'import':
      return importCommand(config, positional, flags);
    case 'token':
      return token(config, flags);
    case 'account':
      return accountCommand(config, positional, flags);
    case 'bench': {
      // Loaded on demand: the bench is a tool beside the hub, not part of serving.
      const { runBench, benchOptionsFromArgs } = await import('./bench/run.js');
      const r = await runBench(benchOptionsFromArgs(flags, config.benchDatabaseUrl));
      process.stdout.write(
        `${r.rows.filter((x) => x.met === false).length} goal(s) not met; ${r.failures.length} workload(s) failed\n`,
      );
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}" (engagement-hub help lists them)`);
  }
}

/**
 * What a failed command prints: one line that says what went wrong, never a stack trace (that
 * only with LOG_LEVEL=debug). Errors from the network or the file system get their address.
 */
export function describeFailure(e: unknown): string {
  if (!(e instanceof Error)) return e === undefined ? 'failed for an unknown reason' : String(e);
  const err = e as NodeJS.ErrnoException & { address?: string; port?: number; errors?: unknown[] };
  if (err.code === 'EADDRINUSE') {
    return `port ${err.port} is in use (is the hub already running?): stop it or set PORT`;
  }
  // Node reports a refused connection to localhost (IPv4 and IPv6) as an AggregateError.
  const first = !err.message && err.errors?.length ? (err.errors[0] as Error) : err;
  const where = (first as typeof err).address
    ? ` (${(first as typeof err).address}:${(first as typeof err).port})`
    : '';
  const message = (first.message || first.name || 'failed').split('\n')[0];
  return (first as typeof err).code === 'ECONNREFUSED'
    ? `cannot connect to the database${where}: is it running? (${message})`
    : message;
}

function debugging(): boolean {
  try {
    return ['debug', 'trace'].includes(loadConfig().logLevel);
  } catch {
    return false;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    const command = process.argv[2] ? ` ${process.argv[2]}` : '';
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
    } else if (e instanceof UsageError) {
      process.stderr.write(`engagement-hub${command}: ${e.message}\n`);
    } else {
      process.stderr.write(`engagement-hub${command}: ${describeFailure(e)}\n`);
      if (debugging() && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    }
    process.exit(1);
  });
}
