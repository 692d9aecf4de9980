import { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { AppConfig, createErrorFormatter } from '@app/core';
import { graphiqlLandingPage } from './graphiql';
import { introspectionDepthRule } from './introspection-depth.rule';

/**
 * Apollo, code-first, hardened from day one: depth, alias, token, directive
 * and cost limits (graphql-armor); no batching; CSRF prevention on;
 * introspection and GraphiQL off in production; every error masked to a
 * message and `extensions.code` except in development.
 */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const logger = new Logger('GraphQL');
  const armor = new ApolloArmor({
    maxDepth: {
      n: config.graphql.maxDepth,
      // Count fragment contents at their real depth (the fragment bypass), and
      // let only introspection through, and only where introspection is on.
      flattenFragments: true,
      ignoreIntrospection: !config.isProduction,
    },
    maxAliases: { n: config.graphql.maxAliases },
    // The token limit is graphql-js's own (parseOptions below): armor's Apollo
    // plugin re-parsed every document in a hook, so an over-long or malformed
    // document came back as HTTP 500 instead of a 400 parse failure.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: config.graphql.maxCost },
    blockFieldSuggestion: { enabled: config.isProduction },
  }).protect();

  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: !config.isProduction,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: config.isDevelopment,
    parseOptions: { maxTokens: config.graphql.maxTokens },
    validationRules: [...armor.validationRules, introspectionDepthRule()],
    // Cast: armor and Apollo's plugin helpers type against Apollo's ESM build,
    // Nest against its CommonJS build; at run time they are the same objects.
    plugins: [
      ...armor.plugins,
      config.isProduction ? ApolloServerPluginLandingPageDisabled() : graphiqlLandingPage(),
    ] as unknown as ApolloDriverConfig['plugins'],
    formatError: createErrorFormatter({
      exposeUnexpected: config.isDevelopment,
      onUnexpected: (error) => logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    }),
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
  };
}
