// Relay global ids, node/nodes, and the DateTime and Date scalars.
import { GraphQLError } from 'graphql';
import { BadUserInputError } from '../../src/graphql/errors';
import { decodeGlobalId, parseGlobalId, toGlobalId } from '../../src/graphql/global-id';
import { DateScalar, DateTimeScalar } from '../../src/graphql/scalars';
import { startTestHub, TestHub } from '../helpers/test-hub';

describe('global ids', () => {
  it('round-trip type and key and stay opaque', () => {
    const id = toGlobalId('Region', 42);
    expect(id).not.toContain('Region');
    expect(decodeGlobalId(id)).toEqual({ type: 'Region', id: 42 });
    expect(parseGlobalId(id, 'Region')).toBe(42);
  });

  it('refuse foreign, malformed and out-of-range ids', () => {
    for (const bad of [
      '',
      'x',
      toGlobalId('Region', 0),
      Buffer.from('Region:-1').toString('base64url'),
      Buffer.from('Region:99999999999').toString('base64url'),
      Buffer.from('Secret:1').toString('base64url'),
      'a'.repeat(200),
    ]) {
      expect(decodeGlobalId(bad)).toBeNull();
    }
    expect(() => parseGlobalId(toGlobalId('Need', 1), 'Region', 'regionId')).toThrow(
      BadUserInputError,
    );
    try {
      parseGlobalId('garbage', 'Region', 'regionId');
    } catch (e) {
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'regionId' } });
    }
  });
});

describe('node and nodes', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({ seed: true });
  });
  afterAll(() => t.stop());

  it('nodes answers in the order asked, null for what cannot be fetched', async () => {
    const list = await t.gql<{ regions: { id: string; name: string }[] }>(
      '{ regions { id name } }',
    );
    const [a, b] = list.data!.regions;
    const ids = [b.id, toGlobalId('Region', 999999), 'not-an-id', a.id, b.id];
    const r = await t.gql<{ nodes: Array<{ id: string; name?: string } | null> }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Region { name } } }',
      { ids },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.nodes).toEqual([
      { id: b.id, name: b.name },
      null,
      null,
      { id: a.id, name: a.name },
      { id: b.id, name: b.name },
    ]);
  });

  it('node resolves one id and answers null for an unknown one', async () => {
    const list = await t.gql<{ regions: { id: string }[] }>('{ regions { id } }');
    const id = list.data!.regions[0].id;
    const r = await t.gql<{ node: { __typename: string; id: string } | null }>(
      'query($id: ID!) { node(id: $id) { __typename id } }',
      { id },
    );
    expect(r.data?.node).toEqual({ __typename: 'Region', id });
    const none = await t.gql('query { node(id: "nope") { id } }');
    expect(none.data).toEqual({ node: null });
  });

  it('nodes refuses more than 100 ids', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => toGlobalId('Region', i + 1));
    const r = await t.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
  });
});

describe('DateTime', () => {
  it('accepts ISO 8601 with any offset and writes UTC', () => {
    const d = DateTimeScalar.parseValue('2026-06-13T10:00:00+02:00') as Date;
    expect(d.toISOString()).toBe('2026-06-13T08:00:00.000Z');
    expect(DateTimeScalar.serialize(d)).toBe('2026-06-13T08:00:00.000Z');
    expect((DateTimeScalar.parseValue('2026-06-13T08:00Z') as Date).toISOString()).toBe(
      '2026-06-13T08:00:00.000Z',
    );
  });

  it.each([
    '2026-06-13',
    '2026-06-13T10:00:00',
    'yesterday',
    '2026-13-40T10:00:00Z',
    1718000000,
    null,
  ])('refuses %p as BAD_USER_INPUT', (v) => {
    expect(() => DateTimeScalar.parseValue(v)).toThrow(GraphQLError);
    try {
      DateTimeScalar.parseValue(v);
    } catch (e) {
      expect((e as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('Date', () => {
  it('accepts a calendar date and keeps it as a string', () => {
    expect(DateScalar.parseValue('2026-02-28')).toBe('2026-02-28');
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.serialize(new Date('2026-06-13T23:30:00Z'))).toBe('2026-06-13');
  });

  it.each(['2026-02-29', '2026-6-1', '2026-06-13T00:00:00Z', '', 20260613])('refuses %p', (v) => {
    expect(() => DateScalar.parseValue(v)).toThrow(/Date must be a calendar date/);
  });
});
