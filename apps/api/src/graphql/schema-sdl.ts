import 'reflect-metadata';
import { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants.js';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { loadConfig } from '@app/core';
import { ApiModule } from '../api.module';

type ModuleRef = Type | DynamicModule | ForwardReference | Promise<DynamicModule>;

/**
 * The API's schema as SDL, built from the code-first resolvers without a
 * database or a server: the resolvers are the ones the API module registers
 * (found by walking its imports, so a new module needs no list kept here),
 * and the schema is built and sorted as the running server builds it
 * (`autoSchemaFile`, `sortSchema`). The console's types are generated from it.
 */
export async function schemaSdl(): Promise<string> {
  // Placeholder settings: nothing connects, nothing is written to DATA_DIR.
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: 'postgres://schema-only@127.0.0.1:1/none',
    JWT_SECRET: 'schema-only-schema-only-schema-only-0123',
    LOG_LEVEL: 'silent',
  });
  const resolvers = await resolversOf(ApiModule.forRoot(config));
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await app.init();
    const schema = await app.get(GraphQLSchemaFactory).create(resolvers);
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}

/** Every class with `@Resolver()` among the providers of a module and of everything it imports. */
async function resolversOf(root: ModuleRef): Promise<Type[]> {
  const seen = new Set<unknown>();
  const resolvers = new Set<Type>();
  const visit = async (ref: ModuleRef | undefined): Promise<void> => {
    const resolved = await ref;
    if (!resolved) return;
    const module = 'forwardRef' in resolved ? (resolved.forwardRef as () => Type | DynamicModule)() : resolved;
    if (seen.has(module)) return;
    seen.add(module);
    const dynamic = 'module' in module ? module : undefined;
    const moduleClass: Type = dynamic ? dynamic.module : (module as Type);
    const providers = [
      ...((Reflect.getMetadata(MODULE_METADATA.PROVIDERS, moduleClass) as unknown[] | undefined) ?? []),
      ...(dynamic?.providers ?? []),
    ];
    for (const provider of providers) {
      if (typeof provider === 'function' && Reflect.hasMetadata(RESOLVER_TYPE_METADATA, provider)) {
        resolvers.add(provider as Type);
      }
    }
    const imports = [
      ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass) as ModuleRef[] | undefined) ?? []),
      ...((dynamic?.imports as ModuleRef[] | undefined) ?? []),
    ];
    for (const imported of imports) await visit(imported);
  };
  await visit(root);
  return [...resolvers];
}
