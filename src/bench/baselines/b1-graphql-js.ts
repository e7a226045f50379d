// B1: plain graphql-js (buildSchema SDL and resolvers) on raw node http with pg and DataLoader,
// answering the widget query from the same data. Parsed and validated documents are cached, as
// any production server does.
import http from 'node:http';
import DataLoader from 'dataloader';
import { buildSchema, DocumentNode, execute, GraphQLError, parse, validate } from 'graphql';
import { decodeGlobalId, toGlobalId } from '../../graphql/global-id';
import { benchPool, listen, readBody, sendJson } from './baseline-server';

const schema = buildSchema(`
  type Query {
    region(id: ID!): Region
    needs(filter: NeedFilter, first: Int): NeedConnection!
  }
  input NeedFilter { regionId: ID, kinds: [NeedKind!], status: [NeedStatus!] }
  enum NeedKind { HELPERS EQUIPMENT ROOM EXPERTISE TRANSPORT FUNDING BOARD_POSITION OTHER }
  enum NeedStatus { OPEN FILLED CLOSED EXPIRED }
  enum Urgency { LOW NORMAL HIGH }
  type Region { id: ID!, name: String! }
  type ContactInfo { email: String, phone: String, address: String }
  type Actor { id: ID!, name: String!, publicContact: ContactInfo }
  type NeedConnection { totalCount: Int!, nodes: [Need!]! }
  type Need {
    id: ID!, kind: NeedKind!, title: String!, description: String, quantity: Int!, unit: String,
    pledgedQuantity: Int!, remainingQuantity: Int!, status: NeedStatus!, urgency: Urgency!,
    startsAt: String, endsAt: String, deadline: String, actor: Actor!, region: Region!
  }
`);

type Row = Record<string, unknown>;
const pool = benchPool();

const byId = (table: string) =>
  new DataLoader<number, Row | null>(async (ids) => {
    const { rows } = await pool.query(`SELECT * FROM ${table} WHERE id = ANY($1::int[])`, [ids]);
    const map = new Map(rows.map((r: Row) => [r.id as number, r]));
    return ids.map((id) => map.get(id) ?? null);
  });

interface Ctx {
  actors: DataLoader<number, Row | null>;
  regions: DataLoader<number, Row | null>;
}

const REGION_FILTER = `n.region_id IN (SELECT s.id FROM region s WHERE s.path LIKE (SELECT r.path FROM region r WHERE r.id = $1) || '%')`;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);

const root = {
  region: ({ id }: { id: string }, ctx: Ctx) => {
    const d = decodeGlobalId(id);
    return d ? ctx.regions.load(d.id) : null;
  },
  needs: async ({
    filter,
    first,
  }: {
    filter?: { regionId?: string; kinds?: string[]; status?: string[] };
    first?: number;
  }) => {
    const regionId = decodeGlobalId(filter?.regionId ?? '')?.id ?? 0;
    const params = [regionId, filter?.status ?? ['OPEN'], filter?.kinds ?? null];
    const where = `${REGION_FILTER} AND n.status = ANY($2::need_status[]) AND ($3::need_kind[] IS NULL OR n.kind = ANY($3::need_kind[])) AND n.visibility = 'PUBLIC'`;
    const { rows } = await pool.query(
      `SELECT n.* FROM need n WHERE ${where} ORDER BY n.id DESC LIMIT ${Math.min(100, first ?? 20)}`,
      params,
    );
    return {
      nodes: rows,
      totalCount: async () =>
        (await pool.query(`SELECT count(*)::int AS c FROM need n WHERE ${where}`, params)).rows[0]
          .c,
    };
  },
};

const resolvers: Record<string, Record<string, (row: Row, args: unknown, ctx: Ctx) => unknown>> = {
  Region: { id: (r) => toGlobalId('Region', r.id as number) },
  Actor: {
    id: (a) => toGlobalId('Actor', a.id as number),
    publicContact: (a) =>
      a.contact_email || a.contact_phone || a.contact_address
        ? { email: a.contact_email, phone: a.contact_phone, address: a.contact_address }
        : null,
  },
  Need: {
    id: (n) => toGlobalId('Need', n.id as number),
    pledgedQuantity: (n) => n.pledged_quantity,
    remainingQuantity: (n) => (n.quantity as number) - (n.pledged_quantity as number),
    startsAt: (n) => iso(n.starts_at),
    endsAt: (n) => iso(n.ends_at),
    deadline: (n) => iso(n.deadline),
    actor: (n, _a, ctx) => ctx.actors.load(n.actor_id as number),
    region: (n, _a, ctx) => ctx.regions.load(n.region_id as number),
  },
};
for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName) as unknown as {
    getFields(): Record<string, { resolve?: unknown }>;
  };
  for (const [field, fn] of Object.entries(fields)) type.getFields()[field].resolve = fn;
}

const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
function prepare(query: string): DocumentNode | readonly GraphQLError[] {
  let doc = documents.get(query);
  if (!doc) {
    try {
      const parsed = parse(query);
      const errors = validate(schema, parsed);
      doc = errors.length ? errors : parsed;
    } catch (e) {
      doc = [e as GraphQLError];
    }
    if (documents.size < 1000) documents.set(query, doc);
  }
  return doc;
}

const server = http.createServer(async (req, res) => {
  try {
    const body = JSON.parse(await readBody(req)) as {
      query: string;
      variables?: Record<string, unknown>;
      operationName?: string;
    };
    const doc = prepare(body.query);
    if (Array.isArray(doc))
      return sendJson(res, 400, { errors: doc.map((e) => ({ message: e.message })) });
    const ctx: Ctx = { actors: byId('actor'), regions: byId('region') };
    const result = await execute({
      schema,
      document: doc as DocumentNode,
      rootValue: root,
      contextValue: ctx,
      variableValues: body.variables,
      operationName: body.operationName,
    });
    sendJson(res, 200, result);
  } catch (e) {
    sendJson(res, 500, { errors: [{ message: String(e) }] });
  }
});
listen(server, 'B1');
