import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLInputField,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { startTestApp, TestApp } from '@app/testing';

/** The object type an input type is saved as and read back from, by the naming the code uses. */
function readBackType(input: GraphQLInputObjectType, types: Record<string, unknown>): GraphQLObjectType | undefined {
  const base = input.name.replace(/Input$/, '');
  for (const name of [base, `${base}Data`]) {
    const type = types[name];
    if (isObjectType(type)) return type;
  }
  return undefined;
}

/** Where an input accepts null (at the field or inside a list) but the value read back may not be null. */
function nullabilityGaps(path: string, input: GraphQLType, output: GraphQLType, hasDefault: boolean): string[] {
  if (isNonNullType(output)) {
    if (!isNonNullType(input)) {
      // With a default, leaving it out is fine, but an explicit null must be refused too.
      return [
        `${path}: input ${String(input)}${hasDefault ? ' (with a default)' : ''} accepts null, output is ${String(output)}`,
      ];
    }
    return nullabilityGaps(path, input.ofType as GraphQLType, output.ofType as GraphQLType, false);
  }
  const innerInput = isNonNullType(input) ? (input.ofType as GraphQLType) : input;
  if (isListType(innerInput) && isListType(output)) {
    return nullabilityGaps(`${path}[]`, innerInput.ofType as GraphQLType, output.ofType, false);
  }
  return [];
}

/**
 * What a client saves, it must be able to read back: for every input type
 * that is stored as an output type (`FooInput` → `Foo` / `FooData`), no
 * field may accept a null the output type cannot return — that once let one
 * `{ benefits: null }` make a participant's category unreadable for good.
 */
describe('input and output types agree about null', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ seedDemoData: false });
  });
  afterAll(() => api?.close());

  it('finds the read-back type of the stored inputs (the check is not vacuous)', () => {
    const types = api.app.get(GraphQLSchemaHost).schema.getTypeMap();
    const paired = Object.values(types)
      .filter(isInputObjectType)
      .filter((input) => readBackType(input, types))
      .map((input) => input.name);
    expect(paired).toEqual(
      expect.arrayContaining(['BenefitsInput', 'EducationInput', 'EmploymentInput', 'IdentityInput']),
    );
  });

  it('no input field accepts a null its read-back field cannot return', () => {
    const types = api.app.get(GraphQLSchemaHost).schema.getTypeMap();
    const gaps: string[] = [];
    for (const input of Object.values(types).filter(isInputObjectType)) {
      const output = readBackType(input, types);
      if (!output) continue;
      const outputFields = output.getFields();
      for (const field of Object.values<GraphQLInputField>(input.getFields())) {
        const read = outputFields[field.name];
        if (!read) continue;
        gaps.push(
          ...nullabilityGaps(`${input.name}.${field.name}`, field.type, read.type, field.defaultValue !== undefined),
        );
      }
    }
    expect(gaps).toEqual([]);
  });
});
