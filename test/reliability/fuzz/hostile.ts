import { getNamedType, GraphQLInputType, isEnumType, isInputObjectType, isListType, isNonNullType } from 'graphql';
import { InputContext, plausible, plausibleObject, semanticOf, Semantic, Slot } from './inputs';
import { EnumValue, OMITTED, RawToken, Value } from './values';

/**
 * The catalogue of hostile values, by what a slot holds. Each entry names a
 * kind of input (the failure classes are grouped by it) and makes a value
 * for one slot. None of them contains what the oracle looks for in answers
 * (oracle.ts), so an input echoed back in a validation message is never
 * taken for a leak; the run checks every request body for that.
 */
export interface Hostile {
  kind: string;
  value: Value;
}

interface SlotShape {
  slot: Slot;
  /** The slot's type without its non-null wrapper. */
  inner: GraphQLInputType;
  scalar?: string;
  semantic: Semantic;
  list: boolean;
  object: boolean;
  enumeration: boolean;
}

type Maker = (ctx: InputContext, shape: SlotShape) => Value;

interface Entry {
  kind: string;
  applies: (shape: SlotShape) => boolean;
  make: Maker;
}

const MB = 1 << 20;
const stringLike = (s: SlotShape) => s.scalar === 'String' || s.scalar === 'ID' || s.scalar === 'DateTime';
const numeric = (s: SlotShape) => s.scalar === 'Int' || s.scalar === 'Float';
const any = () => true;
const sem = (semantic: Semantic) => (s: SlotShape) => stringLike(s) && s.semantic === semantic;
const fixed =
  (...values: Value[]): Maker =>
  (ctx) =>
    ctx.rng.pick(values);
const around: (wrap: (plausible: string) => string[]) => Maker = (wrap) => (ctx, shape) => {
  const base = plausible(shape.inner, shape.slot.name, shape.slot.parentInput, ctx);
  return ctx.rng.pick(wrap(typeof base === 'string' ? base : 'Kowalska'));
};

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** `created_at::text` as a cursor could claim it, that PostgreSQL will not take (or takes as something else). */
const CURSOR_TIMES = [
  '2026-01-01 00:00:00+99',
  '2026-01-01 00:00:00+00:99',
  '2026-01-01 00:00:00+14:60',
  '2026-01-01 00:00:00.123456-99:99:99',
  '2026-01-01 00:00:00+15:59:59',
  '99999-01-01 00:00:00+00',
  '0000-01-01 00:00:00+00',
  '2026-02-30 00:00:00+00',
  '2026-01-01 24:00:00+00',
  '2026-01-01 23:59:60+00',
  '2026-01-01 00:00:00.1234567+00',
  'infinity',
  '-infinity',
  'epoch',
  '2026-01-01T00:00:00Z',
  '',
  ' ',
];

/** Cursors that look like ours (`created_at::text|uuid`, base64url) but hold what SQL cannot take. */
const forgedCursor: Maker = (ctx) => {
  const { rng, known } = ctx;
  const uuid = rng.pick([rng.uuid(), '00000000-0000-0000-0000-000000000000', 'not-a-uuid', `${rng.uuid()}\u0000`]);
  const time = rng.pick(CURSOR_TIMES);
  const other = known.cursorLists().flatMap((l) => known.cursors(l));
  return rng.pick<Value>([
    base64url(`${time}|${uuid}`),
    base64url(`${time}|${uuid}|extra`),
    base64url(time),
    Buffer.from(`${time}|${uuid}`).toString('base64'),
    '!!!not base64!!!',
    '',
    base64url('\u0000|\u0000'),
    base64url(`2026-01-01 00:00:00+00|${uuid}`.repeat(1000)),
    ...(other.length ? [rng.pick(other), rng.pick(other).slice(0, -3), `${rng.pick(other)}==`] : []),
  ]);
};

const forgedId: Maker = (ctx) => {
  const { rng, known } = ctx;
  const uuid = rng.uuid();
  const anyKnown = known.types().flatMap((t) => known.of(t));
  const otherOrganisations = anyKnown.filter((o) => o.organisationId !== ctx.actor.organisationId);
  return rng.pick<Value>([
    '1',
    'abc',
    "' OR 1=1 --",
    '00000000-0000-0000-0000-00000000000g',
    `{${uuid}}`,
    `urn:uuid:${uuid}`,
    uuid.replace(/-/g, ''),
    uuid.toUpperCase(),
    ` ${uuid}`,
    `${uuid}\u0000`,
    uuid.slice(0, 35),
    `${uuid}-0000`,
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    uuid,
    ...(anyKnown.length ? [rng.pick(anyKnown).id] : []),
    ...(otherOrganisations.length ? [rng.pick(otherOrganisations).id, rng.pick(otherOrganisations).id] : []),
  ]);
};

const CATALOGUE: Entry[] = [
  // Any slot
  { kind: 'null', applies: any, make: () => null },
  { kind: 'missing', applies: any, make: () => OMITTED },
  { kind: 'wrong type: object', applies: (s) => !s.object, make: fixed({ value: 1 }, {}) },
  { kind: 'wrong type: list of lists', applies: any, make: fixed([[]], [[1, 'a']]) },
  { kind: 'wrong type: boolean', applies: (s) => s.scalar !== 'Boolean', make: fixed(true, false) },
  { kind: 'wrong type: number', applies: (s) => !numeric(s), make: fixed(42, -1.5, 0) },
  { kind: 'wrong type: string', applies: (s) => !stringLike(s), make: fixed('x', '', '1', 'true') },

  // Text
  { kind: 'empty string', applies: stringLike, make: () => '' },
  { kind: 'whitespace only', applies: stringLike, make: fixed(' ', '   ', '\t\n ', '\u00a0', '\u3000', '\u2028') },
  {
    kind: 'NUL character',
    applies: stringLike,
    make: around((p) => ['\u0000', `${p}\u0000`, `\u0000${p}`, `a\u0000b`]),
  },
  {
    kind: 'lone UTF-16 surrogate',
    applies: stringLike,
    make: around((p) => ['\ud800', `${p}\udbff`, `x\udfffy`, '\udc00\ud800', `${p.slice(0, 1)}\ud83d`]),
  },
  {
    kind: 'RTL override and invisible characters',
    applies: stringLike,
    make: around((p) => [`\u202e${p}\u202c`, `${p}\u200b\u200f\u2066`, `\u202egpj.exe`, `\ufeff${p}`]),
  },
  {
    kind: 'control characters',
    applies: stringLike,
    make: around((p) => [`${p}\u0001\u0007\u001b[31m\u007f`, 'a\r\nb']),
  },
  {
    kind: 'unusual Unicode',
    applies: stringLike,
    make: fixed('👩‍👩‍👧 𝔘𝔫𝔦', 'e\u0301', '\uffff\ufffe', '\u{10ffff}', 'ﬀ', 'İı', '٣٤٥', 'ẞ'),
  },
  { kind: '1 MB string', applies: stringLike, make: fixed('x'.repeat(MB), 'ż'.repeat(MB / 2)) },
  { kind: '64 KB string', applies: stringLike, make: fixed('a'.repeat(64 * 1024), 'Ł'.repeat(30_000)) },
  { kind: '5,000-character string', applies: stringLike, make: fixed('b'.repeat(5000)) },
  {
    kind: 'SQL-shaped text',
    applies: stringLike,
    make: fixed(
      "' OR '1'='1",
      "'); DROP TABLE participants; --",
      '%_%',
      '\\',
      '$1',
      "E'\\\\x00'",
      '::uuid',
      '"quoted"',
    ),
  },
  { kind: 'markup and templates', applies: stringLike, make: fixed('<script>alert(1)</script>', '{{7*7}}', '${7*7}') },
  { kind: 'path traversal', applies: stringLike, make: fixed('../../../etc/passwd', '..\\..\\windows', '%2e%2e%2f') },
  {
    kind: 'JSON-looking text',
    applies: stringLike,
    make: fixed('{"$gt":""}', '[]', 'null', 'undefined', '-0', '1e400'),
  },
  { kind: 'padded with spaces', applies: stringLike, make: around((p) => [` ${p} `, `${p}\n`]) },

  // Numbers
  { kind: 'zero', applies: numeric, make: () => 0 },
  { kind: 'negative', applies: numeric, make: fixed(-1, -2147483648) },
  { kind: 'above Int range (2^31)', applies: numeric, make: fixed(2147483648, -2147483649, 4294967296) },
  { kind: 'Int boundary (2^31-1)', applies: numeric, make: () => 2147483647 },
  { kind: '2^53 and beyond', applies: numeric, make: fixed(9007199254740992, new RawToken('9007199254740993'), 1e308) },
  { kind: 'float for Int', applies: (s) => s.scalar === 'Int', make: fixed(1.5, 0.1, 1e-7, -0.5) },
  {
    kind: 'NaN-ish number',
    applies: numeric,
    make: fixed(new RawToken('1e400'), new RawToken('-0'), new RawToken('NaN')),
  },
  { kind: 'number as string', applies: numeric, make: fixed('1', 'NaN', 'Infinity', '0x10', '') },
  { kind: 'boolean as string', applies: (s) => s.scalar === 'Boolean', make: fixed('true', 1, 0) },

  // Enums
  {
    kind: 'bad enum value',
    applies: (s) => s.enumeration,
    make: (ctx, s) => {
      const values = isEnumType(s.inner) ? s.inner.getValues().map((v) => v.name) : ['X'];
      return ctx.rng.pick<Value>([
        new EnumValue('NOT_A_VALUE'),
        ctx.rng.pick(values).toLowerCase(),
        `${ctx.rng.pick(values)} `,
        new EnumValue('ACTIVE'),
        '__proto__',
        '',
        1,
      ]);
    },
  },

  // Strings that mean something
  { kind: 'forged id', applies: sem('id'), make: forgedId },
  { kind: 'forged cursor', applies: sem('cursor'), make: forgedCursor },
  {
    kind: 'bad date',
    applies: sem('date'),
    make: fixed(
      '0100-01-01',
      '2026-02-30',
      '99999-01-01',
      '',
      ' ',
      '0000-00-00',
      '2026-13-01',
      '2026-1-1',
      '-0001-01-01',
      '0001-01-01',
      '1970-01-01',
      '9999-12-31',
      '2025-02-29',
      '2026-01-01T00:00:00Z',
      'infinity',
      'today',
      '２０２６-01-01',
      '20260101',
      '2026-01-01 ',
    ),
  },
  {
    kind: 'bad e-mail',
    applies: sem('email'),
    make: fixed(
      'a@\ud800.pl',
      'a\u0000@b.pl',
      '@',
      'a@b',
      `${'a'.repeat(300)}@x.pl`,
      'ż@żółw.pl',
      '"quoted"@x.pl',
      'a@[127.0.0.1]',
      'ADMIN@DEMO.LOCAL',
      ' admin@demo.local ',
    ),
  },
  {
    kind: 'internal or odd URL',
    applies: sem('url'),
    make: fixed(
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1:5432/',
      'http://[::1]:22/',
      'http://10.0.0.1/',
      'http://localhost:6379/',
      'http://0x7f000001/',
      'http://2130706433/',
      'http://[::ffff:127.0.0.1]/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'gopher://127.0.0.1:6379/_INFO',
      'http://\u0000/',
      'https://example.org/\u0000',
      'http://user:pass@example.org/',
      `https://${'a'.repeat(3000)}.org/`,
      'http://example.org:99999/',
      'https://例え.jp/',
      '//example.org',
      'http:/\\example.org',
    ),
  },
  {
    kind: 'bad PESEL',
    applies: sem('pesel'),
    make: fixed('00000000000', '4405140135X', '12345', '44051401358', '44051401359', ' 44051401359', '４４051401359'),
  },
  {
    kind: 'bad hash',
    applies: sem('hash'),
    make: fixed('zz', 'G'.repeat(64), 'A'.repeat(64), 'a'.repeat(63), 'a'.repeat(65), '\u0000'.repeat(64)),
  },
  {
    kind: 'unknown event type',
    applies: sem('eventType'),
    make: fixed('no.such.event', '*', 'referral.send\u0000', '__proto__', 'constructor', 'REFERRAL.SEND'),
  },

  // Lists
  { kind: 'list with a null item', applies: (s) => s.list, make: (ctx, s) => listOf(ctx, s, (item) => [item, null]) },
  { kind: 'list [null]', applies: (s) => s.list, make: () => [null] },
  { kind: 'empty list', applies: (s) => s.list, make: () => [] },
  {
    kind: 'list of 10,000 items',
    applies: (s) => s.list,
    make: (ctx, s) => listOf(ctx, s, (item) => Array(10_000).fill(item)),
  },
  { kind: 'duplicated items', applies: (s) => s.list, make: (ctx, s) => listOf(ctx, s, (item) => [item, item, item]) },
  { kind: 'item instead of a list', applies: (s) => s.list, make: (ctx, s) => listOf(ctx, s, (item) => item) },

  // Input objects
  { kind: 'every field null', applies: (s) => s.object, make: (ctx, s) => nulled(s.inner, false) },
  { kind: 'every field null, nested', applies: (s) => s.object, make: (ctx, s) => nulled(s.inner, true) },
  { kind: 'every list field [null]', applies: (s) => s.object, make: (ctx, s) => listsOfNull(s.inner, ctx) },
  { kind: 'empty object', applies: (s) => s.object, make: () => ({}) },
  {
    kind: 'unknown field',
    applies: (s) => s.object,
    make: (ctx, s) => ({ ...(plausibleObject(s.inner as never, ctx, 1) as object), bogus: 1 }),
  },
  {
    kind: '__proto__ field',
    applies: (s) => s.object,
    make: (ctx, s) => ({ ...(plausibleObject(s.inner as never, ctx, 1) as object), ['__proto__']: { admin: true } }),
  },
];

function listOf(ctx: InputContext, shape: SlotShape, build: (item: Value) => Value): Value {
  const item = plausible(
    (shape.inner as { ofType: GraphQLInputType }).ofType,
    shape.slot.name,
    shape.slot.parentInput,
    ctx,
  );
  return build(item);
}

/** Every field null; with `nested`, nested input objects present with their own fields null (lists [null]). */
function nulled(type: GraphQLInputType, nested: boolean): Value {
  if (!isInputObjectType(type)) return null;
  const value: { [key: string]: Value } = {};
  for (const field of Object.values(type.getFields())) {
    const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
    value[field.name] =
      nested && isInputObjectType(inner) ? nulled(inner, true) : nested && isListType(inner) ? [null] : null;
  }
  return value;
}

/** A plausible object whose list fields (at any depth) are [null]. */
function listsOfNull(type: GraphQLInputType, ctx: InputContext): Value {
  if (!isInputObjectType(type)) return null;
  const value = plausibleObject(type, ctx, 1) as { [key: string]: Value };
  for (const field of Object.values(type.getFields())) {
    const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
    if (isListType(inner)) value[field.name] = [null];
    else if (isInputObjectType(inner)) value[field.name] = listsOfNull(inner, ctx);
  }
  return value;
}

function shapeOf(slot: Slot): SlotShape {
  const inner = isNonNullType(slot.type) ? slot.type.ofType : slot.type;
  const named = getNamedType(inner);
  return {
    slot,
    inner,
    scalar: isListType(inner) || isInputObjectType(inner) || isEnumType(inner) ? undefined : named.name,
    semantic: semanticOf(slot.name, slot.type),
    list: isListType(inner),
    object: isInputObjectType(inner),
    enumeration: isEnumType(inner),
  };
}

/** Kinds that only make sense for what the slot means (an id, a cursor, a date, ...). */
const SEMANTIC = new Set([
  'forged id',
  'forged cursor',
  'bad date',
  'bad e-mail',
  'internal or odd URL',
  'bad PESEL',
  'bad hash',
  'unknown event type',
]);
const GENERIC = new Set(['null', 'missing']);

/**
 * A hostile value for the slot: one made for what the slot means about half
 * the time (a forged cursor for `after`), otherwise one for its shape (text,
 * number, list, object), now and then null or left out.
 */
export function hostileFor(slot: Slot, ctx: InputContext): Hostile {
  const shape = shapeOf(slot);
  const entries = CATALOGUE.filter((e) => e.applies(shape));
  const semantic = entries.filter((e) => SEMANTIC.has(e.kind));
  const generic = entries.filter((e) => GENERIC.has(e.kind) || e.kind.startsWith('wrong type'));
  const specific = entries.filter((e) => !semantic.includes(e) && !generic.includes(e));
  const roll = ctx.rng.float();
  const pool = semantic.length && roll < 0.45 ? semantic : specific.length && roll < 0.85 ? specific : generic;
  const entry = ctx.rng.pick(pool);
  return { kind: entry.kind, value: entry.make(ctx, shape) };
}

/** Slots worth more attention: those with a meaning (ids, cursors, dates, ...), lists and input objects. */
export function slotWeight(slot: Slot): number {
  const shape = shapeOf(slot);
  return shape.semantic !== 'text' || shape.list || shape.object ? 3 : 1;
}

/**
 * The systematic part: for every slot, the inputs the issue names that its
 * shape allows — NUL and a lone surrogate in every text, every impossible
 * cursor time, the three bad dates, every input object with all its fields
 * null (and nested objects too), every list null and [null] — so that no run
 * can miss one by chance.
 */
export function sweepFor(slot: Slot, ctx: InputContext): Hostile[] {
  const shape = shapeOf(slot);
  const uuid = ctx.rng.uuid();
  if (shape.object) {
    return [
      { kind: 'every field null', value: nulled(shape.inner, false) },
      { kind: 'every field null, nested', value: nulled(shape.inner, true) },
    ];
  }
  if (shape.list) {
    return [
      { kind: 'null', value: null },
      { kind: 'list [null]', value: [null] },
    ];
  }
  if (!stringLike(shape)) return [];
  if (shape.semantic === 'cursor') {
    return CURSOR_TIMES.map((time) => ({ kind: 'forged cursor', value: base64url(`${time}|${uuid}`) }));
  }
  const base = plausible(shape.inner, slot.name, slot.parentInput, ctx);
  const text = typeof base === 'string' ? base : 'x';
  return [
    { kind: 'NUL character', value: `${text}\u0000` },
    { kind: 'lone UTF-16 surrogate', value: `${text}\ud800` },
    ...(shape.semantic === 'date'
      ? ['0100-01-01', '2026-02-30', '99999-01-01'].map((value) => ({ kind: 'bad date', value }))
      : []),
  ];
}
