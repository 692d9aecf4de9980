import { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { Logger } from '@nestjs/common';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Actor, RequestAuthenticator } from '@app/authz';
import { AppConfig, createErrorFormatter } from '@app/core';
import { graphiqlLandingPage } from './graphiql';
import { introspectionDepthRule } from './introspection-depth.rule';
import { webSocketOnlySubscriptions } from './websocket-only-subscriptions.plugin';
import { webSocketOperations } from './websocket-operations';

/**
 * Apollo, code-first, hardened from day one: depth, alias, token, directive
 * and cost limits (graphql-armor); no batching; CSRF prevention on;
 * introspection and GraphiQL off in production; every error masked to a
 * message and `extensions.code` except in development. Subscriptions run over
 * graphql-ws on the same path; a connection must carry
 * `connectionParams.authorization` ("Bearer <token>") naming an active user,
 * or the session cookie from an allowed origin (a browser), or it is refused.
 */
export function graphqlOptions(config: AppConfig, authenticator: RequestAuthenticator): ApolloDriverConfig {
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

  const validationRules = [...armor.validationRules, introspectionDepthRule()];
  const formatError = createErrorFormatter({
    exposeUnexpected: config.isDevelopment,
    onUnexpected: (error) => logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
  });

  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: !config.isProduction,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: the console sends whole documents, and an
    // unused protocol is one more parser for hostile input.
    persistedQueries: false,
    includeStacktraceInErrorResponses: config.isDevelopment,
    parseOptions: { maxTokens: config.graphql.maxTokens },
    validationRules,
    // Cast: armor and Apollo's plugin helpers type against Apollo's ESM build,
    // Nest against its CommonJS build; at run time they are the same objects.
    plugins: [
      ...armor.plugins,
      ApolloServerPluginCacheControlDisabled(),
      noStore,
      webSocketOnlySubscriptions,
      config.isProduction ? ApolloServerPluginLandingPageDisabled() : graphiqlLandingPage(),
    ] as unknown as ApolloDriverConfig['plugins'],
    formatError,
    subscriptions: {
      'graphql-ws': {
        ...(webSocketOperations({
          maxTokens: config.graphql.maxTokens,
          validationRules,
          formatError,
        }) as GraphQLWsSubscriptionsConfig),
        onConnect: async (connection) => {
          const ctx = connection as WsContext;
          try {
            const authorization = ctx.connectionParams?.authorization;
            if (typeof authorization === 'string') {
              ctx.extra.authorization = authorization;
              ctx.extra.actor = await authenticator.bearer(authorization);
              return true;
            }
            // A browser: the cookie of the upgrade request, from an allowed Origin (a websocket is not
            // bound by CORS, so the origin check is what keeps other sites' pages out).
            const request = ctx.extra.request;
            const token = request && authenticator.sessionToken({ headers: request.headers });
            if (!token) return false;
            await authenticator.session(token);
            ctx.extra.sessionToken = token;
            return true;
          } catch {
            return false;
          }
        },
      },
    },
    // Over graphql-ws the "request" is built from the authenticated connection,
    // so the global guard and `@CurrentActor()` read it as they read HTTP's.
    context: (arg: { req?: unknown; res?: unknown } | WsContext) => {
      if ('extra' in arg) {
        const { extra } = arg;
        // A cookie socket's session is checked again for every operation (the guard): signing out ends it.
        return {
          req: {
            headers: extra.authorization ? { authorization: extra.authorization } : {},
            ip: extra.request?.socket.remoteAddress,
            actor: extra.actor,
            sessionToken: extra.sessionToken,
          },
        };
      }
      const { req, res } = arg;
      return { req, res };
    },
  };
}

/**
 * `cache-control: no-store` on every answer, as Apollo's cache-control plugin gave it (no type or field
 * has a cache hint, so no answer was ever cacheable), without that plugin's per-field hook: it made
 * Apollo wrap every resolver and run the hook for every field of every answer to find that out.
 */
const noStoreListener: GraphQLRequestListener<BaseContext> = {
  async willSendResponse({ response }) {
    response.http.headers.set('cache-control', 'no-store');
  },
};
const noStore: ApolloServerPlugin = { requestDidStart: async () => noStoreListener };

/** The part of graphql-ws's connection context used here. */
interface WsContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra: {
    request?: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> };
    authorization?: string;
    actor?: Actor;
    sessionToken?: string;
  };
}
