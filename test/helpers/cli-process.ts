// Runs the built CLI (dist/src/main.js, built by `npm test`'s pretest) as a real process.
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'src', 'main.js');

export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface CliOptions {
  /**
   * Run in a process group of its own, as a terminal runs a command: interrupt() then sends
   * SIGINT to the whole group, as Ctrl-C does (children such as PostgreSQL included).
   */
  terminal?: boolean;
}

/** The environment a CLI gets: PATH and HOME only, plus what the test sets. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  cwd = ROOT,
  options: CliOptions = {},
): CliProcess {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.terminal ?? false,
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Ctrl-C in a terminal: SIGINT to the process group of a CLI started with `terminal: true`. */
export function interrupt(cli: CliProcess): void {
  process.kill(-cli.child.pid!, 'SIGINT');
}

/** Log lines at warn level or above (pino JSON lines on stdout). */
export function warnings(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .filter((line) => {
      try {
        return (JSON.parse(line) as { level?: number }).level! >= 40;
      } catch {
        return false;
      }
    });
}

/** The port the hub announced in its "listening" log line. */
export function announcedPort(stdout: string): number | undefined {
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === 'listening' && entry.port) return entry.port;
    } catch {
      /* not a log line */
    }
  }
  return undefined;
}
