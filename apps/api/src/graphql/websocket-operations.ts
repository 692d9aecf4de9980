import type { ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import {
  GraphQLError,
  OperationTypeNode,
  ValidationRule,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from 'graphql';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

interface Payload {
  query: string;
  operationName?: string | null;
}

/**
 * What a graphql-ws message goes through, as an HTTP request goes through
 * Apollo: the same token limit and validation rules (depth, aliases, cost…),
 * only subscriptions (queries and mutations take HTTP, with its CSRF
 * protection and rate limits), and every error formatted by the one error
 * formatter — coded, and masked when unexpected. Without this graphql-ws
 * parses with no limits, and a syntax error closed the socket as an internal
 * error.
 *
 * `validate` and `onError` are graphql-ws options that Nest's config type
 * leaves out but passes through to graphql-ws; the e2e test of the socket
 * fails if it stops doing so.
 */
export function webSocketOperations(options: {
  maxTokens: number;
  validationRules: readonly ValidationRule[];
  formatError: FormatError;
}) {
  const rules = [...specifiedRules, ...options.validationRules];
  const requestError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));

  return {
    onSubscribe: (_ctx: unknown, _id: string, payload: Payload): readonly GraphQLError[] | void => {
      if (typeof payload.query !== 'string') return [requestError('A query is required', 'BAD_REQUEST')];
      let document;
      try {
        document = parse(payload.query, { maxTokens: options.maxTokens });
      } catch (error) {
        return [requestError((error as Error).message, 'GRAPHQL_PARSE_FAILED')];
      }
      const operation = getOperationAST(document, payload.operationName ?? undefined);
      if (!operation) return [requestError('Unable to identify the operation', 'BAD_REQUEST')];
      if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
        return [
          requestError(
            'Only subscriptions are served over WebSocket; send queries and mutations over HTTP',
            'BAD_REQUEST',
          ),
        ];
      }
    },
    validate: (schema: Parameters<typeof validate>[0], document: Parameters<typeof validate>[1]) =>
      validate(schema, document, rules).map(
        (error) =>
          new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ),
    onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => format(errors),
    onNext: (
      _ctx: unknown,
      _id: string,
      _payload: unknown,
      _args: unknown,
      result: ExecutionResult,
    ): FormattedExecutionResult | void => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
  };
}
