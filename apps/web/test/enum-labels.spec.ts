import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLEnumType } from 'graphql';

/**
 * Every code the API can return is shown as words: each value of each enum in
 * the schema has a Polish and an English label in the console's `enums`
 * namespace (apps/web/src/i18n/enums), and no label is left for a value the
 * schema no longer has.
 */
const WEB = join(__dirname, '..');
const schema = buildSchema(readFileSync(join(WEB, 'schema.graphql'), 'utf8'));
const enums = Object.values(schema.getTypeMap()).filter(
  (type): type is GraphQLEnumType => type instanceof GraphQLEnumType && !type.name.startsWith('__'),
);
const labels = (language: string): Record<string, Record<string, string>> =>
  JSON.parse(readFileSync(join(WEB, 'src/i18n/enums', `${language}.json`), 'utf8'));

describe.each(['pl', 'en'])('enum labels (%s)', (language) => {
  const table = labels(language);

  it('the schema has enums to check', () => {
    expect(enums.length).toBeGreaterThan(10);
  });

  it.each(enums.map((type) => [type.name, type] as const))('%s: every value has a non-empty label', (_name, type) => {
    const missing = type
      .getValues()
      .map((value) => value.name)
      .filter((value) => typeof table[type.name]?.[value] !== 'string' || table[type.name][value].trim() === '');
    expect(missing).toEqual([]);
  });

  it('labels nothing the schema does not have', () => {
    const known = new Map(enums.map((type) => [type.name, new Set(type.getValues().map((value) => value.name))]));
    const stale = Object.entries(table).flatMap(([name, values]) =>
      Object.keys(values)
        .filter((value) => !known.get(name)?.has(value))
        .map((value) => `${name}.${value}`),
    );
    expect(stale).toEqual([]);
  });
});
