// A bounded HTTP load driver: N keep-alive connections on loopback, each sending its next
// request when the previous answer arrived (closed loop), for a fixed duration and at most a
// fixed number of requests. Latencies go into a preallocated array; percentiles by sorting.
import http from 'node:http';

export interface RequestSpec {
  path: string;
  body: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  port: number;
  connections: number;
  durationMs: number;
  maxRequests: number;
  /** Requests sent (and not recorded) before measuring, to fill caches and JIT. */
  warmupMs?: number;
  /** Builds request i (i counts every request, warm-up included). */
  request: (i: number) => RequestSpec;
  /** A 200 answer still fails when this returns false (e.g. a GraphQL error in the body). */
  accept?: (body: string) => boolean;
}

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  /** Milliseconds. */
  latency: Percentiles;
  /** A few distinct error samples (status and the first bytes of the body). */
  errorSamples: string[];
  /** The recorded latencies (ms), for merging rounds; not written to the results. */
  samples?: Float64Array;
}

/** Several rounds of the same measurement as one result (requests and time added up). */
export function mergeResults(parts: LoadResult[]): LoadResult {
  const count = parts.reduce((s, p) => s + p.requests, 0);
  const all = new Float64Array(count);
  let at = 0;
  for (const p of parts) {
    if (p.samples) all.set(p.samples.subarray(0, p.requests), at);
    at += p.requests;
  }
  const seconds = parts.reduce((s, p) => s + p.seconds, 0);
  return {
    requests: count,
    errors: parts.reduce((s, p) => s + p.errors, 0),
    seconds: Math.round(seconds * 100) / 100,
    rps: seconds > 0 ? Math.round(count / seconds) : 0,
    latency: percentiles(all, count),
    errorSamples: [...new Set(parts.flatMap((p) => p.errorSamples))].slice(0, 5),
    samples: all,
  };
}

export function percentiles(values: ArrayLike<number>, count = values.length): Percentiles {
  if (count === 0) return { p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  const sorted = Float64Array.from({ length: count }, (_, i) => values[i]).sort();
  const at = (q: number) => sorted[Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1))];
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i];
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    max: round(sorted[count - 1]),
    mean: round(sum / count),
  };
}

/** One request on the agent; resolves with status and body, never rejects. */
export function send(
  agent: http.Agent,
  port: number,
  spec: RequestSpec,
  timeoutMs = 30_000,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const body = Buffer.from(spec.body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: spec.path,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          ...spec.headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (e) => resolve({ status: 0, body: String(e) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, body: String(e) }));
    req.end(body);
  });
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: opts.connections,
    maxFreeSockets: opts.connections,
  });
  // Grown on demand: a request budget of millions must not allocate its whole array up front.
  let latencies = new Float64Array(Math.min(opts.maxRequests, 65_536));
  let recorded = 0;
  let errors = 0;
  let issued = 0;
  const samples = new Set<string>();
  const accept = opts.accept ?? (() => true);
  let measuring = !opts.warmupMs;
  let started = performance.now();
  const warmupEnd = started + (opts.warmupMs ?? 0);
  let deadline = warmupEnd + opts.durationMs;

  const worker = async () => {
    // Bounded twice: by the deadline and by the request budget.
    while (performance.now() < deadline && (!measuring || recorded + errors < opts.maxRequests)) {
      const i = issued++;
      const t0 = performance.now();
      const { status, body } = await send(agent, opts.port, opts.request(i));
      const t1 = performance.now();
      if (!measuring) {
        if (t1 >= warmupEnd) {
          measuring = true;
          started = performance.now();
          deadline = started + opts.durationMs;
        }
        continue;
      }
      if (status === 200 && accept(body)) {
        if (recorded === latencies.length && latencies.length < opts.maxRequests) {
          const grown = new Float64Array(Math.min(opts.maxRequests, latencies.length * 2));
          grown.set(latencies);
          latencies = grown;
        }
        if (recorded < latencies.length) latencies[recorded++] = t1 - t0;
      } else {
        errors++;
        if (samples.size < 5) samples.add(`${status} ${body.slice(0, 200)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requests: recorded,
    errors,
    seconds: Math.round(seconds * 100) / 100,
    rps: Math.round(recorded / seconds),
    latency: percentiles(latencies, recorded),
    errorSamples: [...samples],
    samples: latencies.subarray(0, recorded),
  };
}

/** Runs `op` with `concurrency` callers for a bounded time and count (for in-process baselines). */
export async function runOps(
  concurrency: number,
  durationMs: number,
  maxOps: number,
  op: (i: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies = new Float64Array(maxOps);
  let recorded = 0;
  let errors = 0;
  let issued = 0;
  const samples = new Set<string>();
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (performance.now() < deadline && recorded + errors < maxOps) {
      const t0 = performance.now();
      let ok = false;
      try {
        ok = await op(issued++);
      } catch (e) {
        if (samples.size < 5) samples.add(String(e).slice(0, 200));
      }
      if (ok && recorded < maxOps) latencies[recorded++] = performance.now() - t0;
      else if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: recorded,
    errors,
    seconds: Math.round(seconds * 100) / 100,
    rps: Math.round(recorded / seconds),
    latency: percentiles(latencies, recorded),
    errorSamples: [...samples],
    samples: latencies.subarray(0, recorded),
  };
}
