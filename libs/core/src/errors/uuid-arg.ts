import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { BadUserInputError } from './app-error';

/** An `ID!` argument that must be a UUID: anything else is BAD_USER_INPUT before SQL sees it. */
export const UuidArg = (name: string): ParameterDecorator =>
  Args(
    name,
    { type: () => ID },
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadUserInputError(`${name} must be a UUID`, [{ field: name, problems: ['must be a UUID'] }]),
    }),
  );
