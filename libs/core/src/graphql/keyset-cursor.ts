import { BadUserInputError } from '../errors/app-error';

/**
 * Cursors for lists ordered by (created_at DESC, id DESC). The time is
 * `created_at::text` as PostgreSQL writes it, so microseconds survive (a JS
 * Date keeps milliseconds only and would skip or repeat rows).
 */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

/**
 * created_at::text as PostgreSQL writes it (ISO DateStyle): date, time, up to
 * six fractional digits, and the zone offset ±HH[:MM[:SS]].
 */
const CURSOR_TIME =
  /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,6})?[+-](\d{2})(?::([0-5]\d)(?::([0-5]\d))?)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** PostgreSQL refuses a zone displacement of 16 hours or more, and year 0. */
const MAX_OFFSET_HOURS = 15;

export function encodeCursor(createdAtText: string, id: string): string {
  return Buffer.from(`${createdAtText}|${id}`).toString('base64url');
}

/**
 * The position in a cursor from one of our lists. Anything else — including
 * a well-formed cursor PostgreSQL would not accept as a timestamp — is
 * BAD_USER_INPUT, never a SQL error.
 */
export function decodeCursor(cursor: string): KeysetPosition {
  const parts = Buffer.from(cursor, 'base64url').toString().split('|');
  const [createdAt, id] = parts;
  if (parts.length !== 2 || !isCursorTime(createdAt) || !UUID.test(id)) {
    throw new BadUserInputError('Invalid cursor', [{ field: 'after', problems: ['not a cursor from this list'] }]);
  }
  return { createdAt, id };
}

/** A timestamp PostgreSQL accepts: a real calendar day in years 1–9999, a zone offset under 16 hours. */
function isCursorTime(text: string | undefined): boolean {
  const match = text === undefined ? null : CURSOR_TIME.exec(text);
  if (!match) return false;
  const [year, month, day, offsetHours] = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[5])];
  if (year < 1 || offsetHours > MAX_OFFSET_HOURS) return false;
  const date = new Date(Date.UTC(2000, month - 1, day)); // a leap year stands in for years Date maps oddly
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
