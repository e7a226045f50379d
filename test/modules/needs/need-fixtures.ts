// Small factories for need tests: open a need (with overrides) as an ADMIN, read the event log.
import { Client } from 'pg';
import { Role } from '../../../src/graphql/viewer';
import { TestHub } from '../../helpers/test-hub';

export const OPEN = `mutation($input: OpenNeedInput!) {
  openNeed(input: $input) { id status quantity pledgedQuantity remainingQuantity visibility tags actor { id name } region { id name } }
}`;
export const PLEDGE = `mutation($input: PledgeInput!) { pledge(input: $input) { id status quantity need { id status pledgedQuantity } } }`;
export const VOLUNTEER = `mutation($input: VolunteerInput!) {
  volunteer(input: $input) { id status quantity volunteerName volunteerEmail note need { id pledgedQuantity } }
}`;

export interface OpenedNeed {
  id: string;
  status: string;
  quantity: number;
  pledgedQuantity: number;
  remainingQuantity: number;
}

export async function openNeed(
  t: TestHub,
  actorId: string,
  overrides: Record<string, unknown> = {},
): Promise<OpenedNeed> {
  const admin = await t.token(Role.ADMIN);
  const res = await t.gql<{ openNeed: OpenedNeed }>(
    OPEN,
    {
      input: {
        actorId,
        kind: 'HELPERS',
        title: 'Helfende für das Dorffest',
        quantity: 5,
        tags: ['fest'],
        ...overrides,
      },
    },
    admin,
  );
  if (!res.data?.openNeed) throw new Error(`openNeed failed: ${JSON.stringify(res.errors)}`);
  return res.data.openNeed;
}

export function dbId(globalId: string): number {
  return Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);
}

/** Runs fn with a plain pg client on the hub's database. */
export async function withPg<T>(t: TestHub, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: t.databaseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Event types of one need, in log order. */
export async function eventTypes(t: TestHub, needGlobalId: string): Promise<string[]> {
  return withPg(t, async (c) =>
    (
      await c.query('SELECT type FROM need_event WHERE need_id = $1 ORDER BY position', [
        dbId(needGlobalId),
      ])
    ).rows.map((r: { type: string }) => r.type),
  );
}

/**
 * An OPEN need whose deadline has passed (what the sweep expires). openNeed refuses a deadline
 * in the past, so it is opened with a future one that is then moved back in the database.
 */
export async function openOverdueNeed(
  t: TestHub,
  actorId: string,
  overrides: Record<string, unknown> = {},
  agoMs = 60_000,
): Promise<OpenedNeed> {
  const deadline = new Date(Date.now() + 3_600_000).toISOString();
  const need = await openNeed(t, actorId, { ...overrides, deadline });
  await withPg(t, (c) =>
    c.query(`UPDATE need SET deadline = now() - make_interval(secs => $2) WHERE id = $1`, [
      dbId(need.id),
      agoMs / 1000,
    ]),
  );
  return need;
}
