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

/** created_at::text as PostgreSQL writes it (ISO DateStyle). */
const CURSOR_TIME = /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(createdAtText: string, id: string): string {
  return Buffer.from(`${createdAtText}|${id}`).toString('base64url');
}

/** The position in a cursor from one of our lists; anything else is BAD_USER_INPUT, never a SQL error. */
export function decodeCursor(cursor: string): KeysetPosition {
  const parts = Buffer.from(cursor, 'base64url').toString().split('|');
  const [createdAt, id] = parts;
  if (parts.length !== 2 || !isCursorTime(createdAt) || !UUID.test(id)) {
    throw new BadUserInputError('Invalid cursor', [{ field: 'after', problems: ['not a cursor from this list'] }]);
  }
  return { createdAt, id };
}

/** A real calendar day: PostgreSQL refuses 2026-02-30, where Date.parse rolls it over to March. */
function isCursorTime(text: string | undefined): boolean {
  const match = text === undefined ? null : CURSOR_TIME.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
