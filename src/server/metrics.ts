// Prometheus metrics: process figures, GraphQL request durations by operation name, pool and
// WebSocket figures. Operation names come from the document, never from variables.
import { Kind, parse } from 'graphql';
import client from 'prom-client';
import { PERSISTED_DOCUMENTS } from './trusted-documents';

/** Distinct names outside the trusted documents that get a label of their own. */
export const MAX_OTHER_OPERATION_LABELS = 50;
/** Longer names are never a label (a label is repeated on every line of its series). */
export const MAX_OPERATION_LABEL_LENGTH = 64;

/** The operation names of the hub's own clients (the persisted-documents manifest). */
export function trustedOperationNames(manifest: Readonly<Record<string, string>>): Set<string> {
  const names = new Set<string>();
  for (const text of Object.values(manifest)) {
    for (const def of parse(text).definitions) {
      if (def.kind === Kind.OPERATION_DEFINITION && def.name) names.add(def.name.value);
    }
  }
  return names;
}

/**
 * The label for an operation name. Anyone can name an operation anything, and every label is a
 * series kept until restart: the names of trusted documents are labels, so are the first few
 * short names seen otherwise (partners' own operations), and everything else is `other`.
 */
export class OperationLabels {
  private readonly others = new Set<string>();

  constructor(
    private readonly trusted: ReadonlySet<string> = trustedOperationNames(PERSISTED_DOCUMENTS),
    private readonly maxOthers = MAX_OTHER_OPERATION_LABELS,
  ) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.trusted.has(name) || this.others.has(name)) return name;
    if (name.length > MAX_OPERATION_LABEL_LENGTH || this.others.size >= this.maxOthers) {
      return 'other';
    }
    this.others.add(name);
    return name;
  }
}

export class Metrics {
  readonly registry = new client.Registry();
  readonly requestDuration: client.Histogram<'operation' | 'status'>;
  readonly wsConnections: client.Gauge;
  readonly subscriptions: client.Gauge;
  readonly eventsDelivered: client.Counter;
  readonly subscriptionGroups: client.Gauge;
  readonly subscriptionExecutions: client.Counter;
  readonly operationLabels = new OperationLabels();
  private readonly shared: Array<{ groupCount: number; executions: number }> = [];
  private reportedExecutions = 0;

  trackSharedSubscriptions(shared: { groupCount: number; executions: number }): void {
    this.shared.push(shared);
  }

  constructor(poolStats: () => { total: number; idle: number; waiting: number }) {
    client.collectDefaultMetrics({ register: this.registry });
    this.requestDuration = new client.Histogram({
      name: 'hub_graphql_request_duration_seconds',
      help: 'GraphQL request duration by operation name',
      labelNames: ['operation', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.wsConnections = new client.Gauge({
      name: 'hub_websocket_connections',
      help: 'Open GraphQL WebSocket connections',
      registers: [this.registry],
    });
    this.subscriptions = new client.Gauge({
      name: 'hub_subscriptions',
      help: 'Active GraphQL subscriptions',
      registers: [this.registry],
    });
    this.eventsDelivered = new client.Counter({
      name: 'hub_need_events_delivered_total',
      help: 'Need events delivered to subscribers',
      registers: [this.registry],
    });
    const pool = (name: string, help: string, pick: (s: ReturnType<typeof poolStats>) => number) =>
      new client.Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(pick(poolStats()));
        },
      });
    this.subscriptionGroups = new client.Gauge({
      name: 'hub_subscription_groups',
      help: 'Distinct (document, variables, rights) groups of subscriptions, on every transport',
      registers: [this.registry],
      collect: () => {
        this.subscriptionGroups.set(this.shared.reduce((n, s) => n + s.groupCount, 0));
      },
    });
    this.subscriptionExecutions = new client.Counter({
      name: 'hub_subscription_executions_total',
      help: 'GraphQL executions of subscription events (one per event per group, not per socket)',
      registers: [this.registry],
      collect: () => {
        const total = this.shared.reduce((n, s) => n + s.executions, 0);
        this.subscriptionExecutions.inc(total - this.reportedExecutions);
        this.reportedExecutions = total;
      },
    });
    pool('hub_db_pool_connections', 'Connections in the primary pool', (s) => s.total);
    pool('hub_db_pool_idle', 'Idle connections in the primary pool', (s) => s.idle);
    pool('hub_db_pool_waiting', 'Requests waiting for a pooled connection', (s) => s.waiting);
  }
}
