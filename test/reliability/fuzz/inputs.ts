import {
  getNamedType,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { KnownObjects } from './known-objects';
import { Random } from './random';
import { Operation } from './schema';
import { EnumValue, isRecord, OMITTED, Value } from './values';

/** Who sends a request: a signed-in user of one role, or nobody. */
export interface Actor {
  /** e.g. CASEWORKER@PUP Legionowo, or ANONYMOUS */
  key: string;
  role: string;
  token?: string;
  organisationId?: string;
}

export interface InputContext {
  rng: Random;
  actor: Actor;
  known: KnownObjects;
  op: Operation;
  schema: GraphQLSchema;
}

/** What a string argument means, read from its name: decides what "plausible" and "hostile" look like. */
export type Semantic =
  | 'id'
  | 'cursor'
  | 'date'
  | 'email'
  | 'url'
  | 'pesel'
  | 'hash'
  | 'eventType'
  | 'password'
  | 'taxId'
  | 'postalCode'
  | 'phone'
  | 'token'
  | 'text';

export function semanticOf(name: string, type: GraphQLInputType): Semantic {
  if (getNamedType(type).name === 'ID' || /(^id|Id|Ids)$/.test(name)) return 'id';
  if (/^(after|before)$|cursor/i.test(name)) return 'cursor';
  if (/date|On$|Since$|From$|Until$|Before$/.test(name)) return 'date';
  if (/email/i.test(name)) return 'email';
  if (/url/i.test(name)) return 'url';
  if (/pesel/i.test(name)) return 'pesel';
  if (/hash|sha256/i.test(name)) return 'hash';
  if (/eventType/i.test(name)) return 'eventType';
  if (/password/i.test(name)) return 'password';
  if (/taxId/i.test(name)) return 'taxId';
  if (/postalCode/i.test(name)) return 'postalCode';
  if (/phone/i.test(name)) return 'phone';
  if (/idempotencyKey/i.test(name)) return 'token';
  return 'text';
}

/**
 * The GraphQL type an id argument names: `participantId` → Participant,
 * `endpointId` → WebhookEndpoint, `id` of UpdateOrganisationServiceInput →
 * OrganisationService, `id` of a root field → the type it returns.
 */
function idTarget(name: string, parentInput: string | undefined, ctx: InputContext): string | undefined {
  const types = Object.keys(ctx.schema.getTypeMap()).filter((t) => !t.startsWith('__'));
  if (name === 'id') {
    const updated = parentInput && /^Update(\w+)Input$/.exec(parentInput)?.[1];
    if (updated && types.includes(updated)) return updated;
    return ctx.op.returns.name;
  }
  const stem = name
    .replace(/Ids?$/, '')
    .replace(/^(as|to|recipient|counterpart|owner|proposedBy|lead|parent|member)(?=[A-Z])/, '');
  if (/organisation$/i.test(stem)) return 'Organisation';
  if (/service$/i.test(stem)) return 'OrganisationService';
  const capital = stem.charAt(0).toUpperCase() + stem.slice(1);
  return types.find((t) => t === capital) ?? types.find((t) => t.endsWith(capital));
}

/** Arguments that name the actor's own organisation, and those that name another one. */
const OWN_ORGANISATION = /^(as|owner|proposedBy|lead)OrganisationId$|^organisationId$/;
const OTHER_ORGANISATION = /^(to|recipient|counterpart|member)OrganisationIds?$/;

function plausibleId(name: string, parentInput: string | undefined, ctx: InputContext): Value {
  const { rng, actor, known } = ctx;
  const target = idTarget(name, parentInput, ctx);
  const all = target ? known.of(target) : [];
  if (all.length === 0) return rng.uuid();
  const own = all.filter((o) => o.organisationId === actor.organisationId);
  const others = all.filter((o) => o.organisationId !== actor.organisationId);
  if (target === 'Organisation' && OWN_ORGANISATION.test(name) && actor.organisationId) return actor.organisationId;
  if (target === 'Organisation' && OTHER_ORGANISATION.test(name)) {
    // Mostly a partner under an active agreement (where data, and so referrals and consents, may go).
    const partners = known.partnersOf(actor.organisationId);
    if (partners.length && rng.chance(0.7)) return rng.pick(partners);
    if (others.length) return rng.pick(others).id;
  }
  return rng.pick(own.length && rng.chance(0.75) ? own : all).id;
}

const WORDS = ['Anna', 'Kowalska', 'Zażółć gęślą jaźń', 'warsztat', 'Legionowo', 'opiekunka', 'Łódź', 'Świętokrzyska'];

export function isoDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A PESEL with a correct check digit, born 1960–1999 (YYMMDD + 4 digits + check). */
export function pesel(rng: Random): string {
  const year = 60 + rng.int(40);
  const month = 1 + rng.int(12);
  const day = 1 + rng.int(28);
  const digits = `${String(year).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(rng.int(10_000)).padStart(4, '0')}`;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

/** A NIP (tax id) with a correct check digit. */
export function nip(rng: Random): string {
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  for (;;) {
    const digits = `${1 + rng.int(9)}${String(rng.int(100_000_000)).padStart(8, '0')}`;
    const check = [...digits].reduce((acc, d, i) => acc + Number(d) * weights[i], 0) % 11;
    if (check < 10) return `${digits}${check}`;
  }
}

function plausibleString(semantic: Semantic, name: string, parentInput: string | undefined, ctx: InputContext): Value {
  const { rng, known } = ctx;
  switch (semantic) {
    case 'id':
      return plausibleId(name, parentInput, ctx);
    case 'cursor': {
      const lists = known.cursorLists();
      return lists.length ? rng.pick(known.cursors(rng.pick(lists))) : OMITTED;
    }
    case 'date':
      return /birth/i.test(name)
        ? `19${60 + rng.int(40)}-0${1 + rng.int(9)}-1${rng.int(9)}`
        : /Until|Due|Before/.test(name)
          ? isoDate(30 + rng.int(300))
          : isoDate(-rng.int(30));
    case 'email':
      return `fuzz.${rng.hex(8)}@example.org`;
    case 'url':
      // A public address: a name would need DNS, which the webhook guard asks and CI may not have.
      return `https://93.184.215.14/hooks/${rng.hex(6)}`;
    case 'pesel':
      return pesel(rng);
    case 'hash':
      return rng.hex(64);
    case 'eventType':
      return rng.pick(['referral.send', 'referral.accept', 'consent.withdrawn']);
    case 'password':
      return rng.chance(0.5) ? 'demo' : `pw-${rng.hex(16)}`;
    case 'taxId':
      return nip(rng);
    case 'postalCode':
      return `0${rng.int(10)}-${100 + rng.int(900)}`;
    case 'phone':
      return `+48 22 ${100 + rng.int(900)} ${10 + rng.int(90)} ${10 + rng.int(90)}`;
    case 'token':
      return `fuzz-${rng.hex(12)}`;
    case 'text':
      return `${rng.pick(WORDS)} ${rng.pick(WORDS)}`;
  }
}

function plausibleInt(name: string, rng: Random): number {
  if (/^first$/.test(name)) return 1 + rng.int(20);
  if (/hours/i.test(name)) return 1 + rng.int(24);
  if (/days/i.test(name)) return 7 + rng.int(24);
  if (/version/i.test(name)) return 1;
  return rng.int(30);
}

/**
 * A value that could pass validation: the right type, ids of objects that
 * exist (mostly the actor's own), well-formed dates, e-mails and PESELs.
 * Optional input fields are present about half the time.
 */
export function plausible(
  type: GraphQLInputType,
  name: string,
  parentInput: string | undefined,
  ctx: InputContext,
  depth = 0,
): Value {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const item = inner.ofType;
    const named = getNamedType(item);
    if (isEnumType(named)) return ctx.rng.subset(named.getValues()).map((v) => new EnumValue(v.name));
    const length = depth > 3 ? 0 : 1 + ctx.rng.int(2);
    return Array.from({ length }, () => plausible(item, name, parentInput, ctx, depth + 1));
  }
  if (isEnumType(inner)) return new EnumValue(ctx.rng.pick(inner.getValues()).name);
  if (isInputObjectType(inner)) return plausibleObject(inner, ctx, depth + 1);
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'Int':
        return plausibleInt(name, ctx.rng);
      case 'Float':
        return ctx.rng.int(100) / 4;
      case 'Boolean':
        return ctx.rng.chance(0.5);
      case 'DateTime':
        return new Date(Date.now() - ctx.rng.int(10) * 86_400_000).toISOString();
      default:
        return plausibleString(semanticOf(name, inner), name, parentInput, ctx);
    }
  }
  return null;
}

export function plausibleObject(type: GraphQLInputObjectType, ctx: InputContext, depth: number): Value {
  const value: { [key: string]: Value } = {};
  for (const field of Object.values(type.getFields())) {
    const required = isNonNullType(field.type) && field.defaultValue === undefined;
    // Optional ids less often: one that does not fit the rest (a service of another organisation) refuses it all.
    const share = semanticOf(field.name, field.type) === 'id' ? 0.25 : 0.5;
    value[field.name] =
      required || (depth <= 3 && ctx.rng.chance(share))
        ? plausible(field.type, field.name, type.name, ctx, depth)
        : OMITTED;
  }
  // "Give exactly one of a and b" (the input's description says so): mostly keep one of them.
  const exclusive = /exactly one of (\w+) and (\w+)/i.exec(type.description ?? '');
  if (exclusive && ctx.rng.chance(0.9)) {
    const [keep, drop] = ctx.rng.chance(0.5) ? [exclusive[1], exclusive[2]] : [exclusive[2], exclusive[1]];
    const field = type.getFields()[keep];
    if (field && value[keep] === OMITTED) value[keep] = plausible(field.type, keep, type.name, ctx, depth);
    value[drop] = OMITTED;
  }
  // Name the version last read of the object being changed, so that an update can succeed.
  if (typeof value.expectedVersion === 'number') {
    const target = [value.id, value.referralId].find((v): v is string => typeof v === 'string');
    value.expectedVersion = (target && ctx.known.version(target)) ?? 1;
  }
  return value;
}

/** Plausible values for every argument of an operation (optional ones about half the time). */
export function plausibleArguments(ctx: InputContext): { [key: string]: Value } {
  const args: { [key: string]: Value } = {};
  for (const arg of ctx.op.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    args[arg.name] = required || ctx.rng.chance(0.5) ? plausible(arg.type, arg.name, undefined, ctx) : OMITTED;
  }
  return args;
}

/** A place in an operation's arguments a hostile value can go: `input.identity.firstName`, `input.attachments[].name`. */
export interface Slot {
  path: (string | 0)[];
  label: string;
  name: string;
  type: GraphQLInputType;
  parentInput?: string;
}

/** Every argument and every input field below it (list items as their first element), to `maxDepth`. */
export function slotsOf(op: Operation, maxDepth = 4): Slot[] {
  const slots: Slot[] = [];
  const visit = (type: GraphQLInputType, path: (string | 0)[], label: string, name: string, parentInput?: string) => {
    slots.push({ path, label, name, type, parentInput });
    if (path.length >= maxDepth) return;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      visit(inner.ofType, [...path, 0], `${label}[]`, name, parentInput);
      return;
    }
    if (isInputObjectType(inner)) {
      for (const field of Object.values(inner.getFields()))
        visit(field.type, [...path, field.name], `${label}.${field.name}`, field.name, inner.name);
    }
  };
  for (const arg of op.args) visit(arg.type, [arg.name], arg.name, arg.name);
  return slots;
}

/**
 * Puts `value` at `slot` in `args`, making the objects and lists on the way
 * (plausible ones) where the baseline left them out.
 */
export function setAt(args: { [key: string]: Value }, slot: Slot, value: Value, ctx: InputContext): void {
  let container: Value = args;
  let type: GraphQLInputType | undefined;
  const argType = ctx.op.args.find((a) => a.name === slot.path[0])?.type;
  for (let i = 0; i < slot.path.length - 1; i++) {
    const key = slot.path[i];
    type = i === 0 ? argType : childType(type!, key);
    let next: Value = Array.isArray(container) ? container[key as number] : (container as { [k: string]: Value })[key];
    const nextIsContainer = Array.isArray(next) || (next !== null && next !== OMITTED && isRecord(next));
    if (!nextIsContainer) {
      const inner = isNonNullType(type!) ? type.ofType : type!;
      next = isListType(inner)
        ? [plausible(inner.ofType, slot.name, slot.parentInput, ctx)]
        : isInputObjectType(inner)
          ? plausibleObject(inner, ctx, i + 1)
          : {};
      if (Array.isArray(container)) container[key as number] = next;
      else (container as { [k: string]: Value })[key] = next;
    }
    if (Array.isArray(next) && next.length === 0) next.push(null);
    container = next;
  }
  const last = slot.path[slot.path.length - 1];
  if (Array.isArray(container)) container[last as number] = value;
  else if (value === OMITTED) delete (container as { [k: string]: Value })[last];
  else (container as { [k: string]: Value })[last] = value;
}

function childType(type: GraphQLInputType, key: string | 0): GraphQLInputType {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return inner.ofType;
  if (isInputObjectType(inner)) return inner.getFields()[key as string].type;
  throw new Error(`no field ${String(key)} in ${String(type)}`);
}
