import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import { migrationsAtHead } from '../db/migrate';

export interface Readiness {
  shuttingDown: boolean;
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** /healthz: the process is alive. /readyz: it can serve traffic (database, schema, not draining). */
export function registerHealthRoutes(app: FastifyInstance, ds: DataSource, state: Readiness): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    if (state.shuttingDown)
      return reply.code(503).send({ status: 'unavailable', reason: 'shutting down' });
    try {
      await withTimeout(ds.query('SELECT 1'), 2000);
    } catch (e) {
      return reply
        .code(503)
        .send({ status: 'unavailable', reason: `database not reachable: ${(e as Error).message}` });
    }
    try {
      if (!(await withTimeout(migrationsAtHead(ds), 2000))) {
        return reply
          .code(503)
          .send({ status: 'unavailable', reason: 'migrations are not at head' });
      }
    } catch (e) {
      return reply
        .code(503)
        .send({ status: 'unavailable', reason: `migrations unknown: ${(e as Error).message}` });
    }
    return { status: 'ready' };
  });
}
