// WS0: raw `ws` broadcasting the same JSON to the same clients. One LISTEN connection; on each
// notification it reads the new events with the need, actor and region in one statement, builds
// each event's message ONCE and sends that string to every socket of the need's region path.
import http from 'node:http';
import { Client } from 'pg';
import { WebSocketServer, WebSocket } from 'ws';
import { toGlobalId } from '../../graphql/global-id';
import { DB_URL, listen } from './baseline-server';

const byRegion = new Map<number, Set<WebSocket>>();
const server = http.createServer((_req, res) => res.end('ws0'));
const wss = new WebSocketServer({ server });
wss.on('connection', (socket, req) => {
  const region = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('region'));
  let set = byRegion.get(region);
  if (!set) byRegion.set(region, (set = new Set()));
  set.add(socket);
  socket.on('close', () => set?.delete(socket));
  socket.on('error', () => undefined);
});

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
let last = 0;
let running = false;
let again = false;
const db = new Client({ connectionString: DB_URL });

async function catchUp(): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      const { rows } = await db.query(
        `SELECT e.position, e.type, n.*, a.name AS actor_name, a.contact_address, r.name AS region_name, r.path
           FROM need_event e JOIN need n ON n.id = e.need_id JOIN actor a ON a.id = n.actor_id
           JOIN region r ON r.id = n.region_id
          WHERE e.position > $1 ORDER BY e.position LIMIT 1000`,
        [last],
      );
      for (const n of rows) {
        last = Number(n.position);
        if (n.visibility !== 'PUBLIC') continue;
        const message = JSON.stringify({
          id: '1',
          type: 'next',
          payload: {
            data: {
              needEvents: {
                cursor: String(n.position),
                type: n.type,
                need: {
                  id: toGlobalId('Need', n.id),
                  kind: n.kind,
                  title: n.title,
                  description: n.description,
                  quantity: n.quantity,
                  unit: n.unit,
                  pledgedQuantity: n.pledged_quantity,
                  remainingQuantity: n.quantity - n.pledged_quantity,
                  status: n.status,
                  urgency: n.urgency,
                  startsAt: iso(n.starts_at),
                  endsAt: iso(n.ends_at),
                  deadline: iso(n.deadline),
                  actor: {
                    id: toGlobalId('Actor', n.actor_id),
                    name: n.actor_name,
                    publicContact: n.contact_address ? { address: n.contact_address } : null,
                  },
                  region: { id: toGlobalId('Region', n.region_id), name: n.region_name },
                },
              },
            },
          },
        });
        for (const id of String(n.path).split('/').filter(Boolean).map(Number)) {
          for (const s of byRegion.get(id) ?? []) s.send(message);
        }
      }
    } while (again);
  } finally {
    running = false;
  }
}

void (async () => {
  await db.connect();
  last = Number(
    (await db.query('SELECT coalesce(max(position), 0) AS p FROM need_event')).rows[0].p,
  );
  db.on('notification', () => void catchUp().catch(() => undefined));
  await db.query('LISTEN need_events');
  listen(server, 'WS0');
})();
