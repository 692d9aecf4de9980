import {
  getNamedType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
} from 'graphql';
import { Actor } from './inputs';
import { selectionFor } from './schema';

/** A row a mutation answered with: what the fuzzer wrote (or changed), and who did it. */
export interface WrittenRow {
  typename: string;
  id: string;
  actor: Actor;
  /** The mutation that wrote it, for the report. */
  by: string;
  fields: Record<string, unknown>;
}

/** Every object a mutation returned, once per (row, actor). */
export class WrittenRows {
  private readonly rows = new Map<string, WrittenRow>();

  /** Records the row a mutation answered with (if it answered with one) and returns it. */
  add(actor: Actor, answer: unknown, by: string): WrittenRow | undefined {
    if (typeof answer !== 'object' || answer === null) return undefined;
    const fields = answer as Record<string, unknown>;
    if (typeof fields.__typename !== 'string' || typeof fields.id !== 'string') return undefined;
    const row: WrittenRow = { typename: fields.__typename, id: fields.id, actor, by, fields };
    const key = `${fields.__typename}:${fields.id}:${actor.key}`;
    if (!this.rows.has(key)) this.rows.set(key, row);
    return row;
  }

  all(): WrittenRow[] {
    return [...this.rows.values()];
  }
}

/** A query that reads a row back, and how to tell it was found. */
export interface ReadBack {
  query: string;
  variables: Record<string, unknown>;
  /** True when the answer holds the row (a list may legitimately no longer show it). */
  found(data: Record<string, any>): boolean;
  /** Whether the row must be there (read by id) or may have gone from a list. */
  mustFind: boolean;
}

const DEPTH = 3;

function returns(field: GraphQLField<unknown, unknown>): { named: GraphQLNamedType; list: boolean } {
  const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
  return { named: getNamedType(field.type), list: isListType(inner) };
}

const optionalExcept = (field: GraphQLField<unknown, unknown>, names: string[]) =>
  field.args.every((a) => names.includes(a.name) || !isRequiredArgument(a));

/** The value for argument `name` from the row's own fields: `organisationId` from `ownerOrganisationId`, ... */
function fillFrom(row: WrittenRow, name: string): string | undefined {
  if (typeof row.fields[name] === 'string') return row.fields[name];
  const suffix = name.charAt(0).toUpperCase() + name.slice(1);
  const key = Object.keys(row.fields).find((k) => k.endsWith(suffix) && typeof row.fields[k] === 'string');
  return key ? (row.fields[key] as string) : undefined;
}

const contains = (items: unknown, id: string) =>
  Array.isArray(items) && items.some((item) => (item as { id?: unknown })?.id === id);

/**
 * How to read a row of this type back, found from the schema: a root field
 * taking its id (participant(id), referral(id), ...); else a root list whose
 * required arguments the row's fields fill (consents(participantId),
 * legalBases(organisationId), webhookEndpoints(organisationId)); else a
 * connection's nodes (notifications); else a list field of a parent read by
 * id (Organisation.members for a membership, .services for a service).
 */
export function readBackFor(schema: GraphQLSchema, row: WrittenRow): ReadBack | undefined {
  const type = schema.getType(row.typename);
  if (!isObjectType(type)) return undefined;
  const selection = selectionFor(type, DEPTH);
  const roots = Object.values(schema.getQueryType()!.getFields());

  const getter = roots.find(
    (f) =>
      !returns(f).list && returns(f).named === type && f.args.some((a) => a.name === 'id') && optionalExcept(f, ['id']),
  );
  if (getter) {
    return {
      query: `query($id: ID!) { ${getter.name}(id: $id) ${selection} }`,
      variables: { id: row.id },
      found: (data) => data[getter.name]?.id === row.id,
      mustFind: true,
    };
  }

  for (const list of roots.filter((f) => returns(f).list && returns(f).named === type)) {
    const required = list.args.filter(isRequiredArgument);
    const values = Object.fromEntries(required.map((a) => [a.name, fillFrom(row, a.name)]));
    if (Object.values(values).some((v) => v === undefined)) continue;
    const declarations = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
    return {
      query: `query${declarations ? `(${declarations})` : ''} { ${list.name}${args ? `(${args})` : ''} ${selection} }`,
      variables: values,
      found: (data) => contains(data[list.name], row.id),
      mustFind: false,
    };
  }

  for (const connection of roots.filter((f) => optionalExcept(f, []))) {
    const named = returns(connection).named;
    if (!isObjectType(named)) continue;
    const edges = named.getFields().edges;
    const node =
      edges && isObjectType(getNamedType(edges.type))
        ? (getNamedType(edges.type) as GraphQLObjectType).getFields().node
        : undefined;
    if (!node || getNamedType(node.type) !== type) continue;
    const first = connection.args.find((a) => a.name === 'first');
    return {
      query: `{ ${connection.name}${first ? '(first: 20)' : ''} { edges { node ${selection} } } }`,
      variables: {},
      found: (data) =>
        contains(
          data[connection.name]?.edges?.map((e: { node: unknown }) => e.node),
          row.id,
        ),
      mustFind: false,
    };
  }

  for (const parent of Object.values(schema.getTypeMap())) {
    if (!isObjectType(parent) || parent.name.startsWith('__')) continue;
    const field = Object.values(parent.getFields()).find((f) => returns(f).list && returns(f).named === type);
    const parentGetter = roots.find(
      (f) => !returns(f).list && returns(f).named === parent && optionalExcept(f, ['id']),
    );
    const parentId = fillFrom(row, `${parent.name.charAt(0).toLowerCase()}${parent.name.slice(1)}Id`);
    if (!field || !parentGetter || !parentId) continue;
    return {
      query: `query($id: ID!) { ${parentGetter.name}(id: $id) { id ${field.name} ${selection} } }`,
      variables: { id: parentId },
      found: (data) => contains(data[parentGetter.name]?.[field.name], row.id),
      mustFind: false,
    };
  }
  return undefined;
}
