import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as Record<string, unknown>).__HUB_TEST_PG__ as
    { handle: { stop(): Promise<void> }; dir: string } | undefined;
  if (!pg) return;
  await pg.handle.stop();
  fs.rmSync(pg.dir, { recursive: true, force: true });
}
