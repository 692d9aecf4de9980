import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { AppError } from './app-error';

/** Codes Apollo and GraphQL produce for malformed requests: safe to pass through. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorFormatterOptions {
  /** Development only: keep the original message of unexpected errors. */
  exposeUnexpected: boolean;
  onUnexpected: (error: unknown) => void;
}

/**
 * Every error leaves the API as a message plus `extensions.code`. Unexpected
 * errors (SQL, driver, bugs) are logged in full and answered without detail,
 * so no SQL text, stack trace or row content ever reaches a client.
 */
export function createErrorFormatter(options: ErrorFormatterOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };

    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    if (original instanceof HttpException) {
      return { ...base, ...fromHttpException(original) };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      return { ...base, message: formatted.message, extensions: { code } };
    }
    options.onUnexpected(original);
    return {
      ...base,
      message: options.exposeUnexpected ? formatted.message : 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function fromHttpException(exception: HttpException): Omit<GraphQLFormattedError, 'path' | 'locations'> {
  const status = exception.getStatus();
  const code =
    status === 401
      ? 'UNAUTHENTICATED'
      : status === 403
        ? 'FORBIDDEN'
        : status === 404
          ? 'NOT_FOUND'
          : status === 409
            ? 'CONFLICT'
            : status === 429
              ? 'RATE_LIMITED'
              : 'BAD_USER_INPUT';
  return { message: exception.message, extensions: { code } };
}
