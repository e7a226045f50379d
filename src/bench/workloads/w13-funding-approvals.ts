// W13: 1,000 approvals of 1,000 funding applications, 100 at a time, against a budget that covers
// 100: exactly 100 approved, every other one CONFLICT, and afterwards committed + remaining =
// budget, the sum of the approved amounts = committed, nothing overspent; and the rate.
import http from 'node:http';
import { toGlobalId } from '../../graphql/global-id';
import { Role } from '../../graphql/viewer';
import { percentiles, send } from '../load';
import { ServerProcess } from '../processes';
import { Ctx, round, token } from './kit';

const DECIDE = `mutation D($input: DecideApplicationInput!) {
  decideApplication(input: $input) { id status } }`;

export async function w13(ctx: Ctx, hub: ServerProcess): Promise<void> {
  const total = 1000;
  const grant = 1000;
  const fits = 100;
  const applicant = ctx.data.writeActorIds[0];
  const [{ region_id: regionId }] = (
    await ctx.db.query<{ region_id: number }>('SELECT region_id FROM actor WHERE id = $1', [
      applicant,
    ])
  ).map((r) => ({ region_id: Number(r.region_id) }));
  const [programme] = await ctx.db.query<{ id: number }>(
    `INSERT INTO funding_programme (name, region_id, period_start, period_end, budget_cents)
     VALUES ('Bench-Ehrenamtsbudget', $1, current_date, current_date + 365, $2) RETURNING id`,
    [regionId, fits * grant],
  );
  const applications = await ctx.db.query<{ id: number }>(
    `INSERT INTO funding_application (programme_id, applicant_id, region_id, title, purpose,
       requested_cents, status, submitted_at)
     SELECT $1, $2, $3, 'Bench-Antrag ' || g, 'Bench', $4, 'SUBMITTED', now()
       FROM generate_series(1, $5::int) g RETURNING id`,
    [programme.id, applicant, regionId, grant, total],
  );
  const coordinator = await token(Role.COORDINATOR, [], [regionId], 'bench-coordinator');
  // 100 in flight at once (each the coordinator's decision on another application): the
  // production pool (20 connections, 3 s to get one) answers SERVICE_UNAVAILABLE past what it
  // can queue, which is back pressure, not what this row measures.
  const inFlight = 100;
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  const latencies: number[] = [];
  const answers: Array<{ status: number; body: string }> = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < applications.length) {
        const a = applications[next++];
        const s = performance.now();
        const r = await send(agent, hub.port, {
          path: '/graphql',
          body: JSON.stringify({
            query: DECIDE,
            variables: {
              input: { applicationId: toGlobalId('FundingApplication', a.id), approve: true },
            },
          }),
          headers: { authorization: `Bearer ${coordinator}` },
        });
        latencies.push(performance.now() - s);
        answers.push(r);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  let ok = 0;
  let refused = 0;
  const other: string[] = [];
  for (const a of answers) {
    if (a.status === 200 && a.body.includes('"status":"APPROVED"')) ok++;
    else if (a.body.includes('"CONFLICT"') && a.body.includes('"remainingCents":0')) refused++;
    else other.push(`${a.status} ${a.body.slice(0, 160)}`);
  }
  const [check] = await ctx.db.query<{
    budget: number;
    committed: number;
    approved: number;
    approved_sum: number;
  }>(
    `SELECT p.budget_cents AS budget, p.committed_cents AS committed,
            count(a.id) FILTER (WHERE a.status = 'APPROVED')::int AS approved,
            coalesce(sum(a.approved_cents), 0)::int AS approved_sum
       FROM funding_programme p LEFT JOIN funding_application a ON a.programme_id = p.id
      WHERE p.id = $1 GROUP BY p.id`,
    [programme.id],
  );
  const budget = Number(check.budget);
  const committed = Number(check.committed);
  const remaining = budget - committed;
  const overspent = Math.max(0, committed - budget);
  const sumsEqual = Number(check.approved_sum) === committed && committed + remaining === budget;
  const lat = percentiles(latencies);
  ctx.raw.W13 = {
    requests: total,
    inFlight,
    budgetCents: budget,
    grantCents: grant,
    approved: ok,
    refusedConflict: refused,
    approvedRows: Number(check.approved),
    committedCents: committed,
    overspentCents: overspent,
    sumsEqual,
    otherErrors: other.slice(0, 5),
    otherErrorCount: other.length,
    approvalsPerSecond: round(total / seconds, 1),
    latencyMs: lat,
  };
  ctx.series.push({ label: 'W13 approvals (100 at once)', ...lat });
  ctx.rows.push(
    {
      workload: 'W13',
      measure: `1,000 approvals (100 at once), budget for ${fits}: approved / overspent cents / sums equal`,
      hub: `${ok} / ${overspent} / ${sumsEqual ? 'yes' : 'no'}`,
      baseline: null,
      ratio: null,
      goal: `${fits} approved, 0 overspent, sums equal`,
      met:
        ok === fits &&
        Number(check.approved) === fits &&
        refused === total - fits &&
        overspent === 0 &&
        sumsEqual,
    },
    {
      workload: 'W13',
      measure: 'funding decisions per second (100 requests at once)',
      hub: round(total / seconds, 1),
      baseline: null,
      ratio: null,
      goal: 'recorded',
      met: null,
    },
  );
  await ctx.db.query(`DELETE FROM funding_programme WHERE id = $1`, [programme.id]);
}
