import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateRange {
  /** YYYY-MM-DD, inclusive. */
  earliest: string;
  /** YYYY-MM-DD, inclusive, or `today` (evaluated when the input is validated). */
  latest: string;
}

/** Any date a person or an office can mean: 0100-01-01 or 99999-01-01 are typing errors, not dates. */
export const PLAUSIBLE_DATES: DateRange = { earliest: '1900-01-01', latest: '2199-12-31' };
/** Dates of records kept by the platform (consents, agreements, legal bases, due dates). */
export const RECORD_DATES: DateRange = { earliest: '2000-01-01', latest: '2199-12-31' };
/** A date in a person's past, e.g. a date of birth. */
export const PAST_DATES: DateRange = { earliest: '1900-01-01', latest: 'today' };

/** True for a real calendar day written YYYY-MM-DD: PostgreSQL refuses 2026-02-30, where Date rolls it over. */
export function isCalendarDate(text: string): boolean {
  const match = DATE_ONLY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function latestOf(range: DateRange): string {
  return range.latest === 'today' ? new Date().toISOString().slice(0, 10) : range.latest;
}

/**
 * A calendar date written YYYY-MM-DD within `range` (ISO dates compare as
 * text). The one rule for every date-only input.
 */
export const IsDateOnly = (range: DateRange = PLAUSIBLE_DATES, options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isDateOnly',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isCalendarDate(value) && value >= range.earliest && value <= latestOf(range),
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be a date YYYY-MM-DD between ${range.earliest} and ${range.latest === 'today' ? 'today' : range.latest}`,
          options,
        ),
      },
    },
    options,
  );
