import { ForbiddenException, HttpException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { BadUserInputError, ConflictError, NotFoundError, RateLimitedError } from './app-error';
import { createErrorFormatter } from './graphql-error-formatter';

const SQL = 'SELECT "u"."password_hash" FROM "users" "u" WHERE "u"."email" = $1';

/** What Apollo hands to `formatError` for an error thrown inside a resolver. */
function fromResolver(thrown: unknown): [GraphQLFormattedError, unknown] {
  const error = new GraphQLError(thrown instanceof Error ? thrown.message : String(thrown), {
    path: ['organisations'],
    originalError: thrown instanceof Error ? thrown : undefined,
  });
  const formatted: GraphQLFormattedError = {
    message: error.message,
    locations: [{ line: 1, column: 3 }],
    path: ['organisations'],
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      stacktrace: (thrown instanceof Error ? (thrown.stack ?? '') : '').split('\n'),
    },
  };
  return [formatted, error];
}

function formatter(exposeUnexpected = false) {
  const logged: unknown[] = [];
  const format = createErrorFormatter({ exposeUnexpected, onUnexpected: (error) => logged.push(error) });
  return { format, logged };
}

describe('GraphQL error formatter', () => {
  it('masks a database error: no SQL, no driver name, no stack; logs the original', () => {
    const { format, logged } = formatter();
    const driverError = Object.assign(new Error('relation "users" does not exist'), { code: '42P01' });
    const queryFailed = new QueryFailedError(SQL, ['someone@example.org'], driverError);

    const result = format(...fromResolver(queryFailed));

    expect(result).toEqual({
      message: 'Internal server error',
      locations: [{ line: 1, column: 3 }],
      path: ['organisations'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const text = JSON.stringify(result);
    for (const leak of ['SELECT', 'users', 'password_hash', 'QueryFailedError', 'someone@example.org', 'stack']) {
      expect(text).not.toContain(leak);
    }
    expect(logged).toEqual([queryFailed]);
  });

  it('masks a plain Error whose message carries SQL text', () => {
    const { format, logged } = formatter();
    const bug = new Error(`could not run ${SQL}`);
    const result = format(...fromResolver(bug));
    expect(result.message).toBe('Internal server error');
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(logged).toEqual([bug]);
  });

  it('masks a value graphql-js could not serialise (it would echo row content)', () => {
    const { format } = formatter();
    const serialisation = new GraphQLError('Int cannot represent non-integer value: "PESEL 85010112345"');
    const result = format(...fromResolver(serialisation));
    expect(result.message).toBe('Internal server error');
    expect(JSON.stringify(result)).not.toContain('PESEL');
  });

  it('in development only, keeps the message of an unexpected error (still no stack)', () => {
    const { format } = formatter(true);
    const result = format(...fromResolver(new Error('boom in development')));
    expect(result.message).toBe('boom in development');
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it.each([
    [
      'NotFoundError',
      new NotFoundError('Organisation', 'abc'),
      { code: 'NOT_FOUND', id: 'abc' },
      'Organisation not found',
    ],
    ['ConflictError', new ConflictError('Already a member'), { code: 'CONFLICT' }, 'Already a member'],
    [
      'BadUserInputError',
      new BadUserInputError('Invalid input', [{ field: 'name', problems: ['too short'] }]),
      { code: 'BAD_USER_INPUT', fields: [{ field: 'name', problems: ['too short'] }] },
      'Invalid input',
    ],
    [
      'RateLimitedError',
      new RateLimitedError(60),
      { code: 'RATE_LIMITED', retryAfterSeconds: 60 },
      'Too many attempts, try again later',
    ],
  ])('passes an AppError through with its code and details: %s', (_name, error, extensions, message) => {
    const { format, logged } = formatter();
    const result = format(...fromResolver(error));
    expect(result).toEqual({ message, locations: [{ line: 1, column: 3 }], path: ['organisations'], extensions });
    expect(logged).toEqual([]);
  });

  it.each([
    [401, new UnauthorizedException(), 'UNAUTHENTICATED'],
    [403, new ForbiddenException(), 'FORBIDDEN'],
    [404, new NotFoundException(), 'NOT_FOUND'],
    [429, new HttpException('slow down', 429), 'RATE_LIMITED'],
    [400, new HttpException('bad', 400), 'BAD_USER_INPUT'],
  ])('maps a Nest HTTP exception with status %i to a code', (_status, error, code) => {
    const { format } = formatter();
    expect(format(...fromResolver(error)).extensions).toEqual({ code });
  });

  it('passes request errors (parse, validation) through unchanged but without a stack', () => {
    const { format, logged } = formatter();
    const validation = new GraphQLError('Cannot query field "nope" on type "Query".');
    const result = format(
      {
        message: validation.message,
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['GraphQLError: …', '    at validate'] },
      },
      validation,
    );
    expect(result).toEqual({
      message: 'Cannot query field "nope" on type "Query".',
      locations: [{ line: 1, column: 3 }],
      path: undefined,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(logged).toEqual([]);
  });
});
