/**
 * The values the fuzzer puts in arguments: plain JSON values, plus three
 * markers that the two ways of sending them (variables, inline literals)
 * print differently.
 */

/** An enum value: a JSON string in variables, a bare name in a literal. */
export class EnumValue {
  constructor(readonly name: string) {}
}

/**
 * Text sent exactly as written: a JSON number JSON.stringify cannot make
 * (1e400, -0) or a literal graphql-js must refuse (NaN).
 */
export class RawToken {
  constructor(readonly text: string) {}
}

/** A field or argument left out. */
export const OMITTED = Symbol('omitted');

export type Value =
  null | string | number | boolean | EnumValue | RawToken | typeof OMITTED | Value[] | { [key: string]: Value };

export function isRecord(value: Value): value is { [key: string]: Value } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof EnumValue) &&
    !(value instanceof RawToken)
  );
}

/** JSON text of a variables object (markers included); omitted fields are left out. */
export function toJson(value: Value): string {
  if (value === OMITTED) return 'null';
  if (value instanceof RawToken) return value.text;
  if (value instanceof EnumValue) return JSON.stringify(value.name);
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (isRecord(value)) {
    const fields = Object.entries(value).filter(([, v]) => v !== OMITTED);
    return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * GraphQL literal syntax. Strings go through JSON's escaping, which GraphQL
 * shares (\n, \u0000, and \ud800 for a lone surrogate, which graphql-js refuses).
 */
export function toLiteral(value: Value): string {
  if (value === OMITTED || value === null) return 'null';
  if (value instanceof RawToken) return value.text;
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return `[${value.map(toLiteral).join(', ')}]`;
  if (isRecord(value)) {
    const fields = Object.entries(value).filter(([, v]) => v !== OMITTED);
    return `{${fields.map(([k, v]) => `${k}: ${toLiteral(v)}`).join(', ')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}

/** A short, printable description of a value for reports (escapes, 1 MB strings shortened). */
export function describe(value: Value, max = 300): string {
  const text = toJson(shorten(value));
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function shorten(value: Value): Value {
  if (typeof value === 'string' && value.length > 80) {
    return `${value.slice(0, 40)}…(${value.length} chars)…${value.slice(-10)}`;
  }
  if (Array.isArray(value)) {
    return value.length > 6 ? [...value.slice(0, 5).map(shorten), `…(${value.length} items)`] : value.map(shorten);
  }
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]));
  return value;
}
