import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query asks, below the field being resolved, for the field at
 * `path` (field names, not aliases; fragments followed; `@skip`/`@include`
 * ignored, so the answer errs on "asked"). For work that only some selections
 * need: a list's total count, the facts behind `redactions`.
 */
export function selects(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, ...path: string[]): boolean {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    level = level.flatMap((node) => (node.selectionSet ? fieldsNamed(node.selectionSet, name, info) : []));
    if (level.length === 0) return false;
  }
  return true;
}

function fieldsNamed(
  set: SelectionSetNode,
  name: string,
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  seen = new Set<string>(),
): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name ? [selection] : [];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsNamed(selection.selectionSet, name, info, seen);
    const fragment = info.fragments[selection.name.value];
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return fieldsNamed(fragment.selectionSet, name, info, seen);
  });
}
