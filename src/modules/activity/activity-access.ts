// Who sees an activity: exactly who may see its subject. The stored visibility is a ceiling
// checked first (cheap, in memory); then the subject is fetched through its module's node
// fetcher, with the same predicates as node(), so a PUBLIC caller sees a public need opening
// but never a record only coordinators may read. Fetches go through the per-request loaders,
// so a page or a batch costs one statement per subject type.
import type { HubContext } from '../../graphql/context';
import type { NodeTypeName } from '../../graphql/global-id';
import { fetchNodeByType } from '../../graphql/node.resolver';
import { canSeeVisibility } from '../shared/visibility';
import type { ActivityRecord } from './activity.store';

/** The subject as the caller may see it, or null. */
export async function visibleSubject(ctx: HubContext, r: ActivityRecord): Promise<object | null> {
  if (!canSeeVisibility(ctx.viewer, r.visibility)) return null;
  return fetchNodeByType(ctx, r.subjectType as NodeTypeName, r.subjectId);
}

/** The positions of the records whose subject the caller may see. */
export async function visiblePositions(
  ctx: HubContext,
  records: ActivityRecord[],
): Promise<Set<number>> {
  const seen = await Promise.all(records.map((r) => visibleSubject(ctx, r)));
  return new Set(records.filter((_, i) => seen[i] !== null).map((r) => r.position));
}
