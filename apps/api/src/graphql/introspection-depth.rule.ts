import {
  FieldNode,
  GraphQLError,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  getIntrospectionQuery,
  parse,
} from 'graphql';

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * How deep selections nest below `node` (fields count, fragments are
 * flattened; a fragment already on the path counts as nothing, since
 * NoFragmentCyclesRule refuses such documents anyway).
 */
function depthBelow(
  context: Pick<ValidationContext, 'getFragment'>,
  selectionSet: SelectionSetNode | undefined,
  onPath: Set<string> = new Set(),
): number {
  let deepest = 0;
  for (const selection of selectionSet?.selections ?? []) {
    switch (selection.kind) {
      case Kind.FIELD:
        deepest = Math.max(deepest, 1 + depthBelow(context, selection.selectionSet, onPath));
        break;
      case Kind.INLINE_FRAGMENT:
        deepest = Math.max(deepest, depthBelow(context, selection.selectionSet, onPath));
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = context.getFragment(name);
        if (!fragment || onPath.has(name)) break;
        onPath.add(name);
        deepest = Math.max(deepest, depthBelow(context, fragment.selectionSet, onPath));
        onPath.delete(name);
        break;
      }
    }
  }
  return deepest;
}

/** The depth of the full introspection query that GraphiQL and code generators send. */
export function standardIntrospectionDepth(): number {
  const document = parse(
    getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    }),
  );
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const schemaField = operation?.selectionSet.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '__schema',
  );
  return 1 + depthBelow({ getFragment: (name) => fragments.get(name) }, schemaField?.selectionSet);
}

/**
 * graphql-armor's depth and cost limits skip `__schema` entirely, so that
 * GraphiQL's introspection query passes where introspection is on. That left
 * introspection-shaped nesting (`type { ofType { ofType … } }`) unbounded.
 * This rule bounds it at the depth of the standard introspection query: every
 * real client still works, nothing deeper does. (Nesting of the list fields,
 * `fields { type { fields …`, is bounded by graphql-js's own
 * MaxIntrospectionDepthRule.)
 */
export function introspectionDepthRule(maxDepth = standardIntrospectionDepth()): ValidationRule {
  return (context: ValidationContext) => ({
    // `__schema` and `__type` exist only on the query type, so each is the root of its branch.
    Field(node: FieldNode) {
      if (!INTROSPECTION_ROOTS.has(node.name.value)) return undefined;
      const depth = 1 + depthBelow(context, node.selectionSet);
      if (depth <= maxDepth) return undefined;
      context.reportError(
        new GraphQLError(`Introspection depth limit of ${maxDepth} exceeded, found ${depth}.`, { nodes: [node] }),
      );
      return false; // the branch is refused; no need to visit it
    },
  });
}
