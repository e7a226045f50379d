// The events module's activities (EVENT_SCHEDULED, EVENT_REGISTRATION, EVENT_FULL,
// EVENT_CANCELLED) in Query.activity, and Subscription.eventChanges over graphql-ws: only
// events that match the filter, with seats and waitlist in the subject, no registrant's data.
import type { Client as WsClient } from 'graphql-ws';
import { Role } from '../../../src/graphql/viewer';
import { startTestHub, TestHub } from '../../helpers/test-hub';
import { waitFor } from '../../helpers/wait-for';
import { wsClient } from '../../helpers/ws-client';
import { demoIds } from '../actors/demo-ids';

const SUB = `subscription($filter: EventFilter) { eventChanges(filter: $filter) {
  cursor type summary subject { id ... on Event { registeredSeats waitlistedSeats remainingSeats status } } } }`;
const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
const REGISTER = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id status } }`;

interface Item {
  type: string;
  summary: string;
  subject: {
    id: string;
    registeredSeats: number;
    waitlistedSeats: number;
    remainingSeats: number;
    status: string;
  };
}

describe('event activities and eventChanges', () => {
  let t: TestHub;
  let client: WsClient;
  let member: string;
  let organizer: string;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  const create = async (kind: string) => {
    const start = new Date(Date.now() + 5 * 86400000);
    const res = await t.gql<{ createEvent: { id: string } }>(
      CREATE,
      {
        input: {
          kind,
          title: kind === 'WORKSHOP' ? 'Workshop Fördermittel' : 'Ehrenamtsstammtisch',
          organizerId: organizer,
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 7200000).toISOString(),
          capacity: 1,
        },
      },
      member,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createEvent.id;
  };

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
    ids = await demoIds(t);
    organizer = ids.actor('Sportverein Büsum');
    member = await t.token(Role.MEMBER, { actorIds: [organizer] });
    client = wsClient(t.url);
  });
  afterAll(async () => {
    await client?.dispose();
    await t.stop();
  });

  it('streams the changes of matching events with their seats, nothing else', async () => {
    const items: Item[] = [];
    const errors: unknown[] = [];
    const before = t.hub.services.activityHub.size + t.hub.services.sharedSubscriptions.members;
    const dispose = client.subscribe<{ eventChanges: Item }>(
      { query: SUB, variables: { filter: { kinds: ['WORKSHOP'], regionId: ids.region('Büsum') } } },
      {
        next: (v) =>
          v.errors ? errors.push(...v.errors) : v.data && items.push(v.data.eventChanges),
        error: (e) => errors.push(e),
        complete: () => undefined,
      },
    );
    await waitFor(
      'the subscription to register',
      async () =>
        t.hub.services.activityHub.size + t.hub.services.sharedSubscriptions.members > before ||
        errors.length > 0,
    );
    const other = await create('STAMMTISCH');
    const workshop = await create('WORKSHOP');
    const canary = { name: 'Kanarienvogel Live', email: 'canary-live@example.org', consent: true };
    await t.gql(REGISTER, { input: { eventId: other, ...canary } });
    await t.gql(REGISTER, { input: { eventId: workshop, ...canary } });
    await t.gql(REGISTER, {
      input: { eventId: workshop, name: 'Zweite', email: 'zweite@example.org', consent: true },
    });
    await t.gql('mutation($id: ID!) { cancelEvent(id: $id) { status } }', { id: workshop }, member);
    await waitFor('five changes', async () => items.length >= 5 || errors.length > 0, {
      timeoutMs: 15000,
    });
    dispose();
    expect(errors).toEqual([]);
    expect(items.map((i) => [i.type, i.subject.id])).toEqual([
      ['EVENT_SCHEDULED', workshop],
      ['EVENT_REGISTRATION', workshop],
      ['EVENT_FULL', workshop],
      ['EVENT_REGISTRATION', workshop],
      ['EVENT_CANCELLED', workshop],
    ]);
    // The subject is the event as it is now (after the cancellation), one seat held, one waiting.
    expect(items[4].subject).toMatchObject({
      registeredSeats: 1,
      waitlistedSeats: 1,
      remainingSeats: 0,
      status: 'CANCELLED',
    });
    expect(items.map((i) => i.summary)).toContain('Ausgebucht: Workshop Fördermittel');
    expect(JSON.stringify(items)).not.toMatch(/Kanarienvogel|canary-live/);
    // The same activities are in the region's feed, free of the registrant's data.
    const feed = await t.gql<{ activity: { nodes: { type: string; summary: string }[] } }>(
      'query($r: ID!) { activity(regionId: $r, types: [EVENT_SCHEDULED, EVENT_REGISTRATION, EVENT_FULL, EVENT_CANCELLED], first: 50) { nodes { type summary } } }',
      { r: ids.region('Büsum') },
    );
    expect(feed.data!.activity.nodes.map((n) => n.type).sort()).toEqual(
      [
        'EVENT_SCHEDULED',
        'EVENT_SCHEDULED',
        'EVENT_REGISTRATION',
        'EVENT_FULL',
        'EVENT_REGISTRATION',
        'EVENT_FULL',
        'EVENT_REGISTRATION',
        'EVENT_CANCELLED',
      ].sort(),
    );
    expect(JSON.stringify(feed)).not.toMatch(/Kanarienvogel|canary-live/);
  });
});
