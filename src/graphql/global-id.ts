// Relay global ids: base64url("Type:key"). Opaque to clients, they tell which table to read.
import { BadUserInputError } from './errors';

export type NodeTypeName = 'Region' | 'Actor' | 'Cooperation' | 'Need' | 'Pledge' | 'Offer';
const NODE_TYPES = new Set<string>(['Region', 'Actor', 'Cooperation', 'Need', 'Pledge', 'Offer']);

export function toGlobalId(type: NodeTypeName, id: number | string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes any node id; null when it is not one of ours. */
export function decodeGlobalId(globalId: string): { type: NodeTypeName; id: number } | null {
  if (typeof globalId !== 'string' || globalId.length > 100) return null;
  const raw = Buffer.from(globalId, 'base64url').toString('utf8');
  const m = /^([A-Za-z]+):(\d{1,10})$/.exec(raw);
  if (!m || !NODE_TYPES.has(m[1])) return null;
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
