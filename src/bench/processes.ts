// Child processes of a bench run: the hub (the real CLI, `serve`) and the baselines, each with its
// own event loop, so RSS and CPU belong to one server. Every wait is bounded.
import { ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const DIST = path.resolve(__dirname, '..');

export interface ServerProcess {
  name: string;
  port: number;
  pid: number;
  /** Milliseconds from spawn to ready. */
  startMs: number;
  child: ChildProcess;
  rssBytes(): number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function httpGet(
  port: number,
  pathname: string,
  timeoutMs = 2000,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathname, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('timeout', () => req.destroy());
    req.on('error', (e) => resolve({ status: 0, body: String(e) }));
  });
}

async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  child: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${what} exited with ${child.exitCode} before it was ready`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${what} was not ready within ${timeoutMs} ms`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGINT');
    });
}

/** Starts the hub through its CLI; ready when /readyz answers 200. */
export async function startHubProcess(
  name: string,
  env: Record<string, string>,
  log: (m: string) => void,
): Promise<ServerProcess> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(DIST, 'main.js'), 'serve'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'error',
      HUB_SEED_DEMO: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString();
  });
  try {
    await waitUntil(
      async () => (await httpGet(port, '/readyz', 1000)).status === 200,
      60_000,
      name,
      child,
    );
  } catch (e) {
    child.kill('SIGKILL');
    log(`${name} stderr: ${stderr.slice(0, 2000)}`);
    throw e;
  }
  return {
    name,
    port,
    pid: child.pid as number,
    startMs: performance.now() - t0,
    child,
    rssBytes: () => rssOf(child.pid as number),
    stop: stopper(child),
  };
}

/** Starts a baseline script from dist/src/bench/baselines; ready when it prints its "ready" line. */
export async function startBaseline(
  script: string,
  env: Record<string, string>,
): Promise<ServerProcess> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(__dirname, 'baselines', `${script}.js`)], {
    env: { ...process.env, BENCH_PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  await waitUntil(async () => out.includes('ready'), 30_000, script, child).catch((e) => {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}: ${out.slice(0, 500)}`);
  });
  return {
    name: script,
    port,
    pid: child.pid as number,
    startMs: performance.now() - t0,
    child,
    rssBytes: () => rssOf(child.pid as number),
    stop: stopper(child),
  };
}

/** The subscriber fleet process, driven by request/answer messages. */
export class Fleet {
  private readonly child: ChildProcess;
  constructor() {
    this.child = fork(path.join(__dirname, 'subscribers.js'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  ask<T>(msg: unknown, timeoutMs = 180_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('subscriber fleet did not answer')),
        timeoutMs,
      );
      this.child.once('message', (m) => {
        clearTimeout(timer);
        resolve(m as T);
      });
      this.child.send(msg as object);
    });
  }

  async close(): Promise<void> {
    await this.ask({ cmd: 'close' }, 10_000).catch(() => undefined);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
