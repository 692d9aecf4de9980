import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { findUnstorableText } from '../validation/storable-text';
import { BadUserInputError, FieldProblem } from './app-error';

/**
 * Nest's kind for a GraphQL argument: `GqlParamtype.ARGS`, which
 * @nestjs/graphql does not export (the e2e tests would catch a change).
 */
const GRAPHQL_ARGS = 3;
/** Parameter kinds that carry client input: GraphQL arguments, and a REST body, query or route parameter. */
const CLIENT_INPUT = new Set<unknown>([GRAPHQL_ARGS, 'body', 'query', 'param']);

/**
 * The one input layer every resolver argument passes through, before the
 * resolver runs:
 * 1. every string in it (scalars, nested inputs, list items, object keys)
 *    must be text PostgreSQL can store — by default, not by decorator;
 * 2. input classes are validated (class-validator), unknown properties
 *    refused.
 * Either failure is BAD_USER_INPUT with the problems per field.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => new BadUserInputError('Invalid input', flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (CLIENT_INPUT.has(metadata.type)) {
      // Paths as class-validator names them: within an input object, or the argument's own name.
      const found = findUnstorableText(value);
      if (found) {
        const field = found.path || metadata.data || 'input';
        throw new BadUserInputError('Invalid input', [{ field, problems: [found.problem] }]);
      }
    }
    return super.transform(value, metadata);
  }
}

export function createInputValidationPipe(): ValidationPipe {
  return new InputValidationPipe();
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
