// What every baseline process shares: settings from the runner, a pg pool like the hub's, the
// JSON body reader, and the "ready" line the runner waits for.
import http from 'node:http';
import { Pool, types } from 'pg';

types.setTypeParser(20, (v: string) => Number(v));

export const PORT = Number(process.env.BENCH_PORT ?? 0);
export const DB_URL = process.env.BENCH_DB_URL ?? '';

/** The same pool size and statement timeout as the hub's defaults. */
export function benchPool(): Pool {
  return new Pool({
    connectionString: DB_URL,
    max: Number(process.env.BENCH_POOL_SIZE ?? 20),
    statement_timeout: 5000,
  });
}

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

export function listen(server: http.Server, name: string): void {
  server.keepAliveTimeout = 65_000;
  server.listen(PORT, '127.0.0.1', () => {
    const addr = server.address();
    process.stdout.write(`ready ${name} ${typeof addr === 'object' && addr ? addr.port : PORT}\n`);
  });
  process.on('SIGTERM', () => process.exit(0));
}
