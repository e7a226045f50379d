// relay-compiler (the Relay team's compiler, v21) over the committed schema/schema.graphql, the
// way a partner's Relay app would use the hub: paginated fragments with @connection both ways,
// @refetchable on a node type, on an interface and on Query (refetching through node(id:)), and
// a subscription. It must report no error, and what it generates must refetch through node().
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.join(__dirname, '../..');

/** Source files of the little Relay app, named as Relay wants: `<Module>_<prop>`. */
const SOURCES: Record<string, string> = {
  'RegionNeeds.ts': `
    graphql\`
      fragment RegionNeeds_region on Region
      @refetchable(queryName: "RegionNeedsPaginationQuery")
      @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" }) {
        name
        needs(first: $count, after: $cursor) @connection(key: "RegionNeeds_needs") {
          edges { node { id title remainingQuantity unit ...NeedCard_need } }
        }
      }
    \`;`,
  // Backward and forward on one connection of an interface that implements Node.
  'ActorCooperations.ts': `
    graphql\`
      fragment ActorCooperations_actor on Actor
      @refetchable(queryName: "ActorCooperationsPaginationQuery")
      @argumentDefinitions(
        first: { type: "Int" }
        after: { type: "String" }
        last: { type: "Int", defaultValue: 5 }
        before: { type: "String" }
      ) {
        name
        cooperations(first: $first, after: $after, last: $last, before: $before)
          @connection(key: "ActorCooperations_cooperations") {
          edges { node { id title status participants { id name } } }
        }
      }
    \`;`,
  'NeedsList.ts': `
    graphql\`
      fragment NeedsList_query on Query
      @refetchable(queryName: "NeedsListPaginationQuery")
      @argumentDefinitions(
        count: { type: "Int", defaultValue: 20 }
        cursor: { type: "String" }
        filter: { type: "NeedFilter" }
      ) {
        needs(first: $count, after: $cursor, filter: $filter)
          @connection(key: "NeedsList_needs", filters: ["filter"]) {
          totalCount
          edges { node { id ...NeedCard_need } }
        }
      }
    \`;`,
  'AuditLog.ts': `
    graphql\`
      fragment AuditLog_query on Query
      @refetchable(queryName: "AuditLogPaginationQuery")
      @argumentDefinitions(last: { type: "Int", defaultValue: 20 }, before: { type: "String" }) {
        auditLog(last: $last, before: $before) @connection(key: "AuditLog_auditLog") {
          edges { node { operation occurredAt targetIds } }
        }
      }
    \`;`,
  'NeedCard.ts': `
    graphql\`
      fragment NeedCard_need on Need {
        title kind urgency remainingQuantity deadline
        actor { name ... on Club { registeredAssociation } }
        region { name }
      }
    \`;`,
  'App.ts': `
    graphql\`
      query AppQuery($regionId: ID!, $actorId: ID!) {
        region(id: $regionId) { ...RegionNeeds_region }
        actor(id: $actorId) { ...ActorCooperations_actor }
        ...NeedsList_query
        ...AuditLog_query
      }
    \`;
    graphql\`
      subscription AppNeedEventsSubscription($filter: NeedFilter, $after: String) {
        needEvents(filter: $filter, after: $after) { cursor type need { id ...NeedCard_need } }
      }
    \`;`,
};

describe('relay-compiler over schema/schema.graphql', () => {
  let dir: string;
  let output: string;
  let exitCode: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-relay-'));
    fs.mkdirSync(path.join(dir, 'src/__generated__'), { recursive: true });
    for (const [file, source] of Object.entries(SOURCES)) {
      fs.writeFileSync(path.join(dir, 'src', file), `declare const graphql: any;\n${source}\n`);
    }
    fs.writeFileSync(
      path.join(dir, 'relay.config.json'),
      JSON.stringify({
        src: './src',
        schema: path.join(ROOT, 'schema/schema.graphql'),
        language: 'typescript',
        artifactDirectory: './src/__generated__',
        eagerEsModules: true,
      }),
    );
    const res = await promisify(execFile)(
      path.join(ROOT, 'node_modules/.bin/relay-compiler'),
      ['--noWatchman', '--output', 'verbose', 'relay.config.json'],
      { cwd: dir },
    ).then(
      (r) => ({ ...r, code: 0 }),
      (e: { stdout?: string; stderr?: string; code?: number }) => ({
        stdout: e.stdout ?? '',
        stderr: e.stderr ?? '',
        code: e.code ?? 1,
      }),
    );
    // eslint-disable-next-line no-control-regex -- the compiler colours its output
    output = `${res.stdout}\n${res.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    exitCode = res.code;
  });

  afterAll(() => {
    if (dir && !process.env.KEEP_RELAY) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('compiles every fragment, query and subscription with 0 errors', () => {
    expect({ exitCode, errors: output.match(/^.*\berror\b.*$/gim) ?? [] }).toEqual({
      exitCode: 0,
      errors: [],
    });
    const generated = fs.readdirSync(path.join(dir, 'src/__generated__')).sort();
    expect(generated).toEqual(
      expect.arrayContaining([
        'ActorCooperationsPaginationQuery.graphql.ts',
        'ActorCooperations_actor.graphql.ts',
        'AppNeedEventsSubscription.graphql.ts',
        'AppQuery.graphql.ts',
        'AuditLogPaginationQuery.graphql.ts',
        'NeedsListPaginationQuery.graphql.ts',
        'RegionNeedsPaginationQuery.graphql.ts',
      ]),
    );
  });

  it('refetches node types and the Actor interface through node(id:), paging both ways', () => {
    const read = (f: string) => fs.readFileSync(path.join(dir, 'src/__generated__', f), 'utf8');
    // The operation text the artifact sends to the hub.
    const text = (f: string) =>
      JSON.parse(/"text": ("(?:[^"\\]|\\.)*")/.exec(read(f))![1]) as string;
    for (const query of ['RegionNeedsPaginationQuery', 'ActorCooperationsPaginationQuery']) {
      expect(text(`${query}.graphql.ts`)).toMatch(/\$id: ID!\n\) \{\n {2}node\(id: \$id\) \{/);
    }
    expect(text('ActorCooperationsPaginationQuery.graphql.ts')).toMatch(
      /cooperations\(first: \$first, after: \$after, last: \$last, before: \$before\)/,
    );
    const cooperations = read('ActorCooperations_actor.graphql.ts');
    expect(cooperations).toContain('"direction": "bidirectional"');
    expect(read('AuditLog_query.graphql.ts')).toContain('"direction": "backward"');
  });
});
