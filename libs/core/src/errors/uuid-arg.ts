import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { BadUserInputError } from './app-error';

const uuidPipe = (name: string, optional: boolean) =>
  new ParseUUIDPipe({
    optional,
    exceptionFactory: () =>
      new BadUserInputError(`${name} must be a UUID`, [{ field: name, problems: ['must be a UUID'] }]),
  });

/** An `ID!` argument that must be a UUID: anything else is BAD_USER_INPUT before SQL sees it. */
export const UuidArg = (name: string): ParameterDecorator => Args(name, { type: () => ID }, uuidPipe(name, false));

/** An optional `ID` argument: absent, or a UUID. */
export const OptionalUuidArg = (name: string, description?: string): ParameterDecorator =>
  Args(name, { type: () => ID, nullable: true, description }, uuidPipe(name, true));

/** `asOrganisationId`: which of your organisations you act for, when you belong to several. */
export const AsOrganisationArg = (): ParameterDecorator =>
  OptionalUuidArg('asOrganisationId', 'Your organisation, if you belong to several.');
