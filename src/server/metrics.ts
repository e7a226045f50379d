// Prometheus metrics: process figures, GraphQL request durations by operation name, pool and
// WebSocket figures. Operation names come from the document, never from variables.
import client from 'prom-client';

export class Metrics {
  readonly registry = new client.Registry();
  readonly requestDuration: client.Histogram<'operation' | 'status'>;
  readonly wsConnections: client.Gauge;
  readonly subscriptions: client.Gauge;
  readonly eventsDelivered: client.Counter;
  readonly subscriptionGroups: client.Gauge;
  readonly subscriptionExecutions: client.Counter;
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
      help: 'Distinct (document, variables, rights) groups of WebSocket subscriptions',
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
