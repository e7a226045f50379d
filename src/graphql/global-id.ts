// Relay global ids: base64url("Type:key"). Opaque to clients, they tell which table to read.
// The types are the node types the modules register (MODULES, each manifest's nodeTypes).
import type { AllNodeTypeNames } from '../modules';
import { BadUserInputError } from './errors';

export type NodeTypeName = AllNodeTypeNames;

let registered: ReadonlySet<string> | undefined;

/** The registered node types, read on first use: the modules import this file, so it cannot import them first. */
function nodeTypes(): ReadonlySet<string> {
  if (!registered) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { MODULES } = require('../modules') as typeof import('../modules');
    registered = new Set(MODULES.flatMap((m) => m.nodeTypes.map((n) => n.name)));
  }
  return registered;
}

export function toGlobalId(type: NodeTypeName, id: number | string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes any node id; null when it is not one of ours. */
export function decodeGlobalId(globalId: string): { type: NodeTypeName; id: number } | null {
  if (typeof globalId !== 'string' || globalId.length > 100) return null;
  const raw = Buffer.from(globalId, 'base64url').toString('utf8');
  const m = /^([A-Za-z]+):(\d{1,10})$/.exec(raw);
  if (!m || !nodeTypes().has(m[1])) return null;
  const id = Number(m[2]);
  if (!Number.isSafeInteger(id) || id < 1 || id > 2147483647) return null;
  return { type: m[1] as NodeTypeName, id };
}

/** Decodes an id that must be of one type; a malformed or foreign id is BAD_USER_INPUT on `field`. */
export function parseGlobalId(globalId: string, type: NodeTypeName, field = 'id'): number {
  const decoded = decodeGlobalId(globalId);
  if (!decoded || decoded.type !== type) {
    throw new BadUserInputError(`${field} is not a valid ${type} id`, field);
  }
  return decoded.id;
}

export function parseOptionalGlobalId(
  globalId: string | null | undefined,
  type: NodeTypeName,
  field: string,
): number | undefined {
  return globalId == null ? undefined : parseGlobalId(globalId, type, field);
}
