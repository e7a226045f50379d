// The emitted schema keeps the descriptions the API contract gives (contract-check compares
// types only, not descriptions), and the lint rule that wants a description everywhere
// (hub/schema-descriptions in .eslint.config.mjs) passes on the committed schema and names
// what is missing when it does not.
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  buildSchema,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from 'graphql';

const ROOT = path.join(__dirname, '../..');

interface LintMessage {
  line: number;
  message: string;
  ruleId: string;
}

/** ESLint as `npm run lint` runs it (its flat config is ESM, which jest cannot import). */
async function lint(text?: string): Promise<LintMessage[]> {
  const args = ['--config', '.eslint.config.mjs', '--format', 'json'];
  const run = promisify(execFile)(
    path.join(ROOT, 'node_modules/.bin/eslint'),
    text === undefined
      ? [...args, 'schema/schema.graphql']
      : [...args, '--stdin', '--stdin-filename', 'schema/schema.graphql'],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  if (text !== undefined) run.child.stdin?.end(text);
  // ESLint exits 1 when it reports problems; the JSON on stdout is the answer either way.
  const { stdout } = await run.catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  return (JSON.parse(stdout) as Array<{ messages: LintMessage[] }>)[0].messages;
}
const CONTRACT_DIR = path.join(ROOT, '../shared/contract');

/** Every described element of a schema by its schema coordinate (Type, Type.field, Type.field(arg:)). */
function descriptions(schema: GraphQLSchema): Map<string, string> {
  const out = new Map<string, string>();
  const put = (coordinate: string, d: string | null | undefined) => {
    if (d) out.set(coordinate, d);
  };
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (type.name.startsWith('__')) continue;
    put(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const f of Object.values(type.getFields())) {
        put(`${type.name}.${f.name}`, f.description);
        for (const a of f.args) put(`${type.name}.${f.name}(${a.name}:)`, a.description);
      }
    } else if (isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) put(`${type.name}.${f.name}`, f.description);
    } else if (isEnumType(type)) {
      for (const v of type.getValues()) put(`${type.name}.${v.name}`, v.description);
    }
  }
  return out;
}

const emitted = buildSchema(fs.readFileSync(path.join(ROOT, 'schema/schema.graphql'), 'utf8'));
const emittedDescriptions = descriptions(emitted);
const exists = (coordinate: string) => {
  const [typeName, rest] = coordinate.split('.');
  const type = emitted.getType(typeName);
  if (!type || !rest) return Boolean(type);
  const [field, arg] = rest.replace(/:\)$/, '').split('(');
  if (isEnumType(type)) return Boolean(type.getValue(field));
  if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) return false;
  const f = type.getFields()[field];
  return Boolean(f && (!arg || ('args' in f && f.args.some((a) => a.name === arg))));
};

describe('schema descriptions', () => {
  it.each([['hub.graphql'], ['coordination.graphql']])(
    'keeps every description %s gives, for what the schema has of it',
    (file) => {
      const hub = fs.readFileSync(path.join(CONTRACT_DIR, 'hub.graphql'), 'utf8');
      const hubDescriptions = descriptions(buildSchema(hub));
      // coordination.graphql extends hub.graphql: build it on top, as contract-check does, and
      // compare what it describes itself.
      const own =
        file === 'hub.graphql'
          ? hubDescriptions
          : new Map(
              [
                ...descriptions(
                  buildSchema(`${hub}\n${fs.readFileSync(path.join(CONTRACT_DIR, file), 'utf8')}`),
                ),
              ].filter(([c, d]) => hubDescriptions.get(c) !== d),
            );
      const changed: string[] = [];
      let compared = 0;
      for (const [coordinate, contractText] of own) {
        // A line break in the contract's block string is layout (the schema keeps one line).
        const wanted = contractText.replace(/\s+/g, ' ');
        if (!exists(coordinate)) continue; // not built yet
        // The block string that opens hub.graphql parses as the description of its first type.
        if (wanted.startsWith("The engagement hub's public API contract")) continue;
        compared++;
        const got = emittedDescriptions.get(coordinate) ?? '';
        // The same words; the hub may go on after them ("Actors the viewer may edit: a MEMBER …").
        if (got !== wanted && !got.startsWith(wanted.replace(/\.$/, ''))) {
          changed.push(`${coordinate}: contract "${wanted}", schema "${got}"`);
        }
      }
      expect(changed).toEqual([]);
      if (file === 'hub.graphql') expect(compared).toBeGreaterThan(40);
    },
  );

  it('lints schema/schema.graphql clean: every element has a one-line description', async () => {
    expect((await lint()).map((m) => `${m.line}: ${m.message}`)).toEqual([]);
  });

  it('names the coordinate and the place in the code of each missing description', async () => {
    const sdl = `"""A region."""
type Region { """Its name."""
  name: String! needs(after: String): Int }
input NeedFilter { regionId: ID }
"""Kinds."""
enum NeedKind { """Helpers (Helfende)."""
  HELPERS ROOM }
type Undocumented { """Two
lines."""
  x: Int }
`;
    const messages = await lint(sdl);
    expect(messages.map((m) => m.message.split(': write')[0])).toEqual([
      'The field Region.needs has no description',
      'The argument Region.needs(after:) has no description',
      'The type NeedFilter has no description',
      'The input field NeedFilter.regionId has no description',
      'The enum value NeedKind.ROOM has no description',
      'The type Undocumented has no description',
      'The description of the field Undocumented.x is more than one line',
    ]);
    expect(messages[1].message).toContain('in the description of its @Arg');
    expect(messages.map((m) => m.line)).toEqual([3, 3, 4, 4, 7, 8, 10]);
    expect(messages.every((m) => m.ruleId === 'hub/schema-descriptions')).toBe(true);
  });
});
