import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLType,
  getNamedType,
  isInputObjectType,
  isObjectType,
} from 'graphql';
import { startTestApp, TestApp } from '@app/testing';

/**
 * The schema speaks one dialect, so a typed client can rely on it: one
 * connection shape, `ID` for every id, no JSON strings posing as fields.
 */
describe('schema consistency', () => {
  let api: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    api = await startTestApp({ seedDemoData: false });
    schema = api.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => api.close());

  const ownTypes = () =>
    Object.values(schema.getTypeMap()).filter((type: GraphQLNamedType) => !type.name.startsWith('__'));
  const objectTypes = () => ownTypes().filter(isObjectType);

  it('every list with first/after is a connection of edges with the one PageInfo', () => {
    const paged: string[] = [];
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const args = field.args.map((a) => a.name);
      if (!args.includes('first') && !args.includes('after')) continue;
      paged.push(field.name);
      expect(args).toEqual(expect.arrayContaining(['first', 'after']));
      const connection = getNamedType(field.type) as GraphQLObjectType;
      expect(connection.name).toMatch(/Connection$/);
      const fields = connection.getFields();
      expect(String(fields.pageInfo?.type)).toBe('PageInfo!');
      expect(String(fields.edges?.type)).toMatch(/^\[\w+Edge!\]!$/);
      const edge = getNamedType(fields.edges.type) as GraphQLObjectType;
      expect(Object.keys(edge.getFields()).sort()).toEqual(['cursor', 'node']);
    }
    expect(paged.sort()).toEqual(['notifications', 'participants', 'referrals', 'webhookDeliveries']);
    const pageInfo = schema.getType('PageInfo') as GraphQLObjectType;
    expect(Object.keys(pageInfo.getFields()).sort()).toEqual(['endCursor', 'hasNextPage']);
    // Nothing else carries paging fields of its own.
    const paging = objectTypes().filter(
      (type) =>
        type.name !== 'PageInfo' && Object.keys(type.getFields()).some((f) => /^(hasNextPage|endCursor)$/.test(f)),
    );
    expect(paging.map((t) => t.name)).toEqual([]);
  });

  it('every id, as argument, field or input field, is an ID', () => {
    // taxId is the NIP, a number the tax office gives, not one of our ids.
    const isIdName = (name: string) => name !== 'taxId' && (name === 'id' || /Ids?$/.test(name));
    const wrong: string[] = [];
    const check = (owner: string, name: string, type: GraphQLType) => {
      if (isIdName(name) && getNamedType(type).name !== 'ID') wrong.push(`${owner}.${name}: ${String(type)}`);
    };
    for (const type of ownTypes()) {
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
          check(type.name, field.name, field.type);
          for (const arg of field.args) check(`${type.name}.${field.name}`, arg.name, arg.type);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(type.name, field.name, field.type);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a notification’s summary is typed fields, not a JSON string', () => {
    const notification = schema.getType('Notification') as GraphQLObjectType;
    const summary = getNamedType(notification.getFields().summary.type);
    expect(isObjectType(summary)).toBe(true);
    expect(String(notification.getFields().summary.type)).toBe('NotificationSummary!');
  });
});
