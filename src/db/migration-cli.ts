// `npm run migration:generate -- <Name>` and `npm run migration:check`: TypeORM's generator run
// against a database at head, so a new migration holds exactly what the entities changed. Uses
// DATABASE_URL, or the embedded PostgreSQL under HUB_DATA_DIR on a machine without one.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/env';
import { connectDatabase } from '../server/hub';
import { createLogger } from '../server/logger';
import { createDataSource } from './data-source';
import { migrate } from './migrate';

// The project root, from src/db (ts-node) or dist/src/db (compiled).
const ROOT = [path.join(__dirname, '..', '..'), path.join(__dirname, '..', '..', '..')].find((d) =>
  fs.existsSync(path.join(d, 'ormconfig.ts')),
) as string;
const USAGE = 'Usage: migration-cli generate <Name> | check';

function runTypeorm(args: string[], databaseUrl: string): Promise<number> {
  const cli = path.join(ROOT, 'node_modules', 'typeorm', 'cli-ts-node-commonjs.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args, '-d', 'ormconfig.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
      // ormconfig.ts reads DATABASE_URL through src/config/env.ts like the hub does
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, name] = argv;
  if (
    command !== 'check' &&
    !(command === 'generate' && name && /^[A-Za-z][A-Za-z0-9]*$/.test(name))
  ) {
    process.stderr.write(
      `${USAGE}\n  <Name> is PascalCase letters and digits, e.g. AddOfferExpiry\n`,
    );
    return 2;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const { url, embedded } = await connectDatabase(config, log);
  try {
    const ds = createDataSource({ url });
    await ds.initialize();
    try {
      const applied = await migrate(ds);
      if (applied.length) process.stdout.write(`applied first: ${applied.join(', ')}\n`);
    } finally {
      await ds.destroy();
    }
    const target = path.join('migrations', command === 'check' ? 'PendingEntityChanges' : name);
    const args = ['migration:generate', target, '--pretty'];
    if (command === 'check') args.push('--check');
    const code = await runTypeorm(args, url);
    if (command === 'check') {
      process.stdout.write(
        code === 0 ? 'migrations match the entities\n' : 'entities changed without a migration\n',
      );
    }
    return code;
  } finally {
    if (embedded) await embedded.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(
      e instanceof ConfigError ? `${e.message}\n` : `${(e as Error).stack ?? String(e)}\n`,
    );
    process.exit(1);
  },
);
