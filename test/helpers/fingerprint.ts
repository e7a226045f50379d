// "Nothing was written": a fingerprint of every table a mutation could touch (row count and a
// hash of every row). Equal fingerprints before and after a refused request mean nothing changed.
import { Client } from 'pg';
import { TestHub } from './test-hub';

export const WRITABLE_TABLES = [
  'region',
  'actor',
  'need',
  'offer',
  'pledge',
  'cooperation',
  'cooperation_participant',
  'need_event',
  'audit_entry',
];

export async function tableFingerprint(
  t: TestHub,
  tables: readonly string[] = WRITABLE_TABLES,
): Promise<string> {
  const c = new Client({ connectionString: t.databaseUrl });
  await c.connect();
  try {
    const parts: string[] = [];
    for (const table of tables) {
      const r = await c.query(
        `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`,
      );
      parts.push(`${table}:${r.rows[0].n}:${r.rows[0].h}`);
    }
    return parts.join(' ');
  } finally {
    await c.end();
  }
}
