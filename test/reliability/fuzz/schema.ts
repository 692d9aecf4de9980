import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  IntrospectionQuery,
  isLeafType,
  isObjectType,
  isRequiredArgument,
} from 'graphql';

export type OperationKind = 'query' | 'mutation' | 'subscription';

/** One root field of the schema: what the fuzzer calls. */
export interface Operation {
  kind: OperationKind;
  name: string;
  field: GraphQLField<unknown, unknown>;
  args: readonly GraphQLArgument[];
  /** The named type it returns (Participant for `Participant!`, for `[Participant!]!`, ...). */
  returns: GraphQLNamedType;
  label: string;
}

/** The schema as the running API describes it (introspection is on outside production). */
export async function fetchSchema(baseUrl: string): Promise<GraphQLSchema> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await response.json()) as { data?: IntrospectionQuery; errors?: unknown };
  if (!body.data) throw new Error(`introspection failed: ${JSON.stringify(body.errors)}`);
  return buildClientSchema(body.data);
}

export function operationsOf(schema: GraphQLSchema): Operation[] {
  const roots: [OperationKind, GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, root]) =>
    root
      ? Object.values(root.getFields()).map((field) => ({
          kind,
          name: field.name,
          field,
          args: field.args,
          returns: getNamedType(field.type),
          label: `${kind} ${field.name}`,
        }))
      : [],
  );
}

/** Leaf fields the selection can take without arguments. */
function selectable(type: GraphQLObjectType): GraphQLField<unknown, unknown>[] {
  return Object.values(type.getFields()).filter((field) => !field.args.some(isRequiredArgument));
}

/**
 * A selection set reading every field of `type` down to `depth` levels of
 * objects (always with `__typename`, so answers can be sorted by type). Empty
 * for a leaf type.
 */
export function selectionFor(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '';
  const parts = ['__typename'];
  for (const field of selectable(type)) {
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 1 && isObjectType(named)) parts.push(`${field.name} ${selectionFor(named, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}
