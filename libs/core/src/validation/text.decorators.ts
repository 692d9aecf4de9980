import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength, ValidateIf, ValidationOptions } from 'class-validator';

/**
 * Trims surrounding whitespace before the other rules run (the validation
 * pipe transforms, then validates), so "  a  " cannot pass a minimum length
 * and then reach a database CHECK as "a", and "   " is empty.
 */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Required free text: trimmed, then between `min` and `max` characters (so whitespace alone is refused). */
export const RequiredText = (min: number, max: number): PropertyDecorator =>
  applyDecorators(Trim(), IsString(), Length(min, max));

/** Optional free text: may be left out or null; otherwise trimmed and at most `max` characters. */
export const OptionalText = (max: number): PropertyDecorator =>
  applyDecorators(Trim(), IsOptional(), IsString(), MaxLength(max));

/**
 * An optional field that may be left out but not set to null (GraphQL cannot
 * say "optional but non-null"): the other rules then refuse a null, e.g. for
 * a NOT NULL column such as a name.
 */
export const OptionalNotNull = (options?: ValidationOptions): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined, options);
