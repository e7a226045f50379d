// The widget's data in one hand-written statement (B0 and W0), and the JSON the widget query
// answers with, built from its rows. Visibility and region rules match the hub's for PUBLIC
// callers: PUBLIC needs, OPEN, in the region or any region below it, newest first.
import type { Pool } from 'pg';
import { toGlobalId } from '../../graphql/global-id';

export const WIDGET_SQL = `
  SELECT r0.id AS region_id0, r0.name AS region_name0, cnt.total, p.*
    FROM region r0
   CROSS JOIN LATERAL (
      SELECT count(*)::int AS total FROM need c
       WHERE c.region_id IN (SELECT s.id FROM region s WHERE s.path LIKE r0.path || '%')
         AND c.status = 'OPEN' AND c.visibility = 'PUBLIC') cnt
    LEFT JOIN LATERAL (
      SELECT n.id, n.kind, n.title, n.description, n.quantity, n.unit, n.pledged_quantity, n.status,
             n.urgency, n.starts_at, n.ends_at, n.deadline, a.id AS actor_id, a.name AS actor_name,
             a.contact_address, r.id AS need_region_id, r.name AS need_region_name
        FROM need n
        JOIN actor a ON a.id = n.actor_id
        JOIN region r ON r.id = n.region_id
       WHERE n.region_id IN (SELECT s.id FROM region s WHERE s.path LIKE r0.path || '%')
         AND n.status = 'OPEN' AND n.visibility = 'PUBLIC'
       ORDER BY n.id DESC
       LIMIT $2) p ON true
   WHERE r0.id = $1`;

type Row = Record<string, unknown>;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);

export function widgetJson(rows: Row[]): unknown {
  if (rows.length === 0) return { data: { region: null, needs: { totalCount: 0, nodes: [] } } };
  const head = rows[0];
  const nodes = rows
    .filter((r) => r.id != null)
    .map((r) => ({
      id: toGlobalId('Need', r.id as number),
      kind: r.kind,
      title: r.title,
      description: r.description,
      quantity: r.quantity,
      unit: r.unit,
      pledgedQuantity: r.pledged_quantity,
      remainingQuantity: (r.quantity as number) - (r.pledged_quantity as number),
      status: r.status,
      urgency: r.urgency,
      startsAt: iso(r.starts_at),
      endsAt: iso(r.ends_at),
      deadline: iso(r.deadline),
      actor: {
        id: toGlobalId('Actor', r.actor_id as number),
        name: r.actor_name,
        publicContact: r.contact_address == null ? null : { address: r.contact_address },
      },
      region: { id: toGlobalId('Region', r.need_region_id as number), name: r.need_region_name },
    }));
  return {
    data: {
      region: { id: toGlobalId('Region', head.region_id0 as number), name: head.region_name0 },
      needs: { totalCount: head.total, nodes },
    },
  };
}

export async function widgetQuery(pool: Pool, regionId: number, first: number): Promise<unknown> {
  const { rows } = await pool.query(WIDGET_SQL, [regionId, first]);
  return widgetJson(rows);
}
