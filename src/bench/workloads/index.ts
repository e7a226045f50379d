// The workloads W0..W12, each beside its baseline in the same run and each in its own file, named
// for what it measures. Every loop is bounded by a duration and a request budget; every process
// started here is stopped here.
export { Ctx, gql, hubEnv, JWT_SECRET, Settings, token, WIDGET_QUERY } from './kit';
export type { LatencySeries, Row } from './kit';
export { w0 } from './w0-ceilings';
export { w1 } from './w1-widget-uncached';
export { w2 } from './w2-widget-cached';
export { w3 } from './w3-statements-per-query';
export { w4 } from './w4-graph-queries';
export { w5 } from './w5-subscriber-fanout';
export { w6 } from './w6-cross-instance-delivery';
export { w7 } from './w7-concurrent-pledges';
export { w8 } from './w8-cold-start';
export { w9 } from './w9-search';
export { w10 } from './w10-reconnect-storm';
export { w11 } from './w11-open-data';
export { w12 } from './w12-webhooks';
export { w13 } from './w13-funding-approvals';
