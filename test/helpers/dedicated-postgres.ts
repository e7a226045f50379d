// A PostgreSQL server of a test's own (embedded, temp dir, free port), which the test may stop
// and start again. Runs in a child process (see embedded-pg-process.ts).
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { freePort } from './global-setup';

export interface DedicatedPostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server for good and removes its data. */
  destroy(): Promise<void>;
}

const ROOT = path.join(__dirname, '..', '..');

export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-dedicated-pg-'));
  fs.chmodSync(dir, 0o777);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      path.join(ROOT, 'test/helpers/embedded-pg-process.ts'),
      path.join(dir, 'pg'),
      String(await freePort()),
    ],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const replies: Array<(msg: Record<string, unknown>) => void> = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return; // postgres chatter
    }
    replies.shift()?.(msg);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      replies.push(resolve);
      void exited.then((code) => reject(new Error(`postgres helper exited (${code}): ${stderr}`)));
    });
  const send = async (command: string) => {
    const reply = next();
    child.stdin!.write(command + '\n');
    const msg = await reply;
    if (msg.failed) throw new Error(`${command} failed: ${String(msg.error)}`);
  };
  const first = await next();
  return {
    url: String(first.url),
    stop: () => send('stop'),
    start: () => send('start'),
    destroy: async () => {
      child.stdin!.end();
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
