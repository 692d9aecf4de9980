import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf, ValidationOptions, buildMessage } from 'class-validator';

/**
 * Trims surrounding whitespace before the other rules run (the validation
 * pipe transforms, then validates), so "  a  " cannot pass a minimum length
 * and then reach a database CHECK as "a".
 */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** PostgreSQL text cannot hold U+0000: refuse it as bad input rather than fail in SQL. */
export const NoNulCharacter = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'noNulCharacter',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !value.includes('\u0000'),
        defaultMessage: buildMessage((each) => `${each}$property must not contain NUL characters`, options),
      },
    },
    options,
  );

/**
 * An optional field that may be left out but not set to null (GraphQL cannot
 * say "optional but non-null"): the other rules then refuse a null, e.g. for
 * a NOT NULL column such as a name.
 */
export const OptionalNotNull = (options?: ValidationOptions): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined, options);
