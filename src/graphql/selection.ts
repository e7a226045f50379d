import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/** Whether the client selected `name` directly under the current field (fragments included). */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): boolean => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD && sel.name.value === name) return true;
      if (sel.kind === Kind.INLINE_FRAGMENT && visit(sel.selectionSet)) return true;
      if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        if (visit(info.fragments[sel.name.value]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((f: FieldNode) => visit(f.selectionSet));
}
