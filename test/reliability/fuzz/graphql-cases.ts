import { GraphQLSchema, isNonNullType } from 'graphql';
import { hostileFor, slotWeight, sweepFor } from './hostile';
import { Actor, InputContext, plausibleArguments, setAt, Slot, slotsOf } from './inputs';
import { KnownObjects } from './known-objects';
import { Random } from './random';
import { Operation, selectionFor } from './schema';
import { describe, OMITTED, toJson, toLiteral, Value } from './values';

/** Whole-request mistakes, beside the hostile values put into one argument. */
const STRUCTURAL = [
  'required arguments left out',
  'unknown argument',
  'variable declared with a wrong type',
  'variable declared, no value given',
  'argument given twice',
] as const;
type Structural = (typeof STRUCTURAL)[number];

/** One generated GraphQL request. */
export interface GraphQLCase {
  round: 'calibration' | 'sweep' | 'hostile';
  index: number;
  op: Operation;
  actor: Actor;
  /** Arguments as variables (`$input`), or written into the document. */
  mode: 'variables' | 'literal';
  args: { [name: string]: Value };
  /** The hostile values put in, by argument path; empty for a plausible request. */
  mutations: { where: string; kind: string }[];
  structural?: Structural;
}

export interface CaseSources {
  seed: number;
  schema: GraphQLSchema;
  operations: readonly Operation[];
  actors: readonly Actor[];
  known: KnownObjects;
  /** By operation name: the actors whose plausible call succeeded (filled by the calibration round). */
  capable: ReadonlyMap<string, readonly Actor[]>;
}

/** The calibration round's size: one plausible request per (operation, actor). */
export const calibrationSize = (sources: CaseSources) => sources.operations.length * sources.actors.length;

/**
 * Calibration request `index`: operation and actor go round so that every
 * operation meets every actor once, with plausible arguments. What succeeds
 * tells the hostile round who can reach the code behind each operation's
 * authorization; it also writes the first rows to read back.
 */
export function calibrationCase(index: number, sources: CaseSources): GraphQLCase {
  const { seed, schema, operations, actors, known } = sources;
  const rng = Random.for(seed, 'calibration', index);
  const op = operations[index % operations.length];
  const actor = actors[Math.floor(index / operations.length) % actors.length];
  const args = plausibleArguments({ rng, actor, known, op, schema });
  return { round: 'calibration', index, op, actor, mode: 'variables', args, mutations: [] };
}

/**
 * The sweep: every argument slot of every query and mutation with each input
 * `sweepFor` gives for it (NUL and a lone surrogate in every text, every
 * impossible cursor, every object all null, every list [null], ...), as an
 * actor able to perform the operation where calibration found one.
 */
export function sweepCases(sources: CaseSources): GraphQLCase[] {
  const { seed, schema, operations, actors, known, capable } = sources;
  const cases: GraphQLCase[] = [];
  for (const op of operations.filter((o) => o.kind !== 'subscription')) {
    const able = capable.get(op.name) ?? [];
    for (const slot of slotsOf(op)) {
      const rng = Random.for(seed, `sweep ${op.name} ${slot.label}`, 0);
      const actor = able.length ? rng.pick(able) : actors[cases.length % actors.length];
      const ctx: InputContext = { rng, actor, known, op, schema };
      for (const hostile of sweepFor(slot, ctx)) {
        const args = plausibleArguments(ctx);
        setAt(args, slot, hostile.value, ctx);
        const mode = rng.chance(0.3) ? 'literal' : 'variables';
        const mutations = [{ where: slot.label, kind: hostile.kind }];
        cases.push({ round: 'sweep', index: cases.length, op, actor, mode, args, mutations });
      }
    }
  }
  return cases;
}

/**
 * Hostile request `index`: the operation goes round; the actor is mostly one
 * who can perform it (so values reach the service and SQL, not only the
 * authorization check), otherwise each actor in turn. The arguments start
 * plausible and get one hostile value (sometimes two or three, sometimes
 * none, sometimes a whole-request mistake instead).
 */
export function generateCase(index: number, sources: CaseSources): GraphQLCase {
  const { seed, schema, operations, actors, known, capable } = sources;
  const rng = Random.for(seed, 'graphql', index);
  const op = operations[index % operations.length];
  const able = capable.get(op.name) ?? [];
  const actor =
    able.length && rng.chance(0.7) ? rng.pick(able) : actors[Math.floor(index / operations.length) % actors.length];
  const ctx: InputContext = { rng, actor, known, op, schema };
  const args = plausibleArguments(ctx);
  const mutations: GraphQLCase['mutations'] = [];
  let structural: Structural | undefined;
  const slots = slotsOf(op);
  const roll = rng.float();
  if (roll < 0.08) {
    // plausible: reaches the code behind validation, and writes rows to read back at the end
  } else if (roll < 0.15 || slots.length === 0) {
    structural = rng.pick(STRUCTURAL);
  } else {
    const count = roll < 0.9 ? 1 : 2 + rng.int(2);
    for (let i = 0; i < count; i++) {
      const slot = pickWeighted(rng, slots);
      const hostile = hostileFor(slot, ctx);
      setAt(args, slot, hostile.value, ctx);
      mutations.push({ where: slot.label, kind: hostile.kind });
    }
  }
  const mode = rng.chance(0.3) ? 'literal' : 'variables';
  return { round: 'hostile', index, op, actor, mode, args, mutations, structural };
}

function pickWeighted(rng: Random, slots: readonly Slot[]): Slot {
  const total = slots.reduce((sum, s) => sum + slotWeight(s), 0);
  let at = rng.float() * total;
  for (const slot of slots) {
    at -= slotWeight(slot);
    if (at < 0) return slot;
  }
  return slots[slots.length - 1];
}

/** The class a case's failure falls in: where the hostile value went and what kind it was. */
export function caseClass(c: GraphQLCase): { where: string; input: string } {
  if (c.structural) return { where: '(request)', input: c.structural };
  if (c.mutations.length === 0) return { where: '(plausible input)', input: 'plausible' };
  return {
    where: c.mutations.map((m) => m.where).join(' + '),
    input: `${c.mutations.map((m) => m.kind).join(' + ')}${c.mode === 'literal' ? ' (literal)' : ''}`,
  };
}

/** The selection every case asks for: the returned type's fields two levels down. */
function selectionOf(op: Operation): string {
  return selectionFor(op.returns, 2);
}

/** The document (its operation line, without the selection) and the variables of a case. */
function parts(c: GraphQLCase): { head: string; call: string; variables: { [name: string]: Value } } {
  const { op } = c;
  const present = op.args.filter((a) => c.args[a.name] !== OMITTED);
  let call: string[];
  let declarations: string[] = [];
  let variables: { [name: string]: Value } = {};
  if (c.mode === 'literal') {
    call = present.map((a) => `${a.name}: ${toLiteral(c.args[a.name])}`);
  } else {
    call = present.map((a) => `${a.name}: $${a.name}`);
    declarations = present.map((a) => `$${a.name}: ${a.type.toString()}`);
    variables = Object.fromEntries(present.map((a) => [a.name, c.args[a.name]]));
  }
  switch (c.structural) {
    case 'required arguments left out':
      call = [];
      declarations = [];
      variables = {};
      break;
    case 'unknown argument':
      call.push('bogus: 1');
      break;
    case 'variable declared with a wrong type':
      declarations = present.map((a) => `$${a.name}: ${isNonNullType(a.type) ? '[Int!]!' : 'Boolean'}`);
      break;
    case 'variable declared, no value given':
      variables = {};
      break;
    case 'argument given twice':
      if (call.length) call.push(call[0]);
      break;
  }
  return {
    head: `${op.kind} Fuzz${c.index}${declarations.length ? `(${declarations.join(', ')})` : ''}`,
    call: `${op.name}${call.length ? `(${call.join(', ')})` : ''}`,
    variables,
  };
}

/** The HTTP body for a case. */
export function bodyOf(c: GraphQLCase): string {
  const { head, call, variables } = parts(c);
  const document = `${head} { ${call} ${selectionOf(c.op)} }`;
  return `{"query":${JSON.stringify(document)},"operationName":"Fuzz${c.index}","variables":${toJson(variables)}}`;
}

/** The request in a line, for reports: the call with its arguments (long strings shortened). */
export function describeCase(c: GraphQLCase): string {
  const args = describe(Object.fromEntries(c.op.args.map((a) => [a.name, c.args[a.name]])), 360);
  return `${c.op.name}${c.structural ? ` [${c.structural}]` : ''} ${c.mode} ${args}`;
}
