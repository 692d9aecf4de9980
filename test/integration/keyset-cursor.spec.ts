import fc from 'fast-check';
import { Client } from 'pg';
import { AppError, decodeCursor, encodeCursor } from '@app/core';
import { readTestEnvironment } from '@app/testing';

const ID = '6f9619ff-8b86-4d11-b42d-00c04fc964ff';
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The cursor codec yields only positions PostgreSQL accepts: any cursor it
 * decodes is a timestamp the list's SQL can compare with (a forged one that
 * is not is BAD_USER_INPUT, never a SQL error), checked against a real server.
 */
describe('keyset cursor codec against PostgreSQL', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: readTestEnvironment().adminUrl });
    await client.connect();
  });
  afterAll(() => client.end());

  async function postgresAccepts(createdAt: string): Promise<boolean> {
    try {
      await client.query('SELECT $1::timestamptz', [createdAt]);
      return true;
    } catch {
      return false;
    }
  }

  function decodes(createdAt: string): boolean {
    try {
      decodeCursor(encodeCursor(createdAt, ID));
      return true;
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('BAD_USER_INPUT');
      return false;
    }
  }

  it.each([
    ['2026-01-01 10:00:00.123456+00', true],
    ['2026-01-01 10:00:00+05:30', true],
    ['2026-01-01 10:00:00-15:59:59', true],
    ['0001-01-01 00:00:00+00', true],
    ['2026-01-01 10:00:00+99', false],
    ['2026-01-01 10:00:00+00:99', false],
    ['2026-01-01 10:00:00+14:60', false],
    ['2026-01-01 10:00:00+16', false],
    ['0000-01-01 00:00:00+00', false],
    ['2026-02-29 00:00:00+00', false],
    ['2024-02-29 00:00:00+00', true],
    ['2026-01-01 24:00:00+00', false],
    ['2026-01-01T10:00:00Z', false],
  ])('%s decodes: %s (and PostgreSQL agrees)', async (createdAt, expected) => {
    expect(decodes(createdAt)).toBe(expected);
    expect(await postgresAccepts(createdAt)).toBe(expected || /T|Z|24:00/.test(createdAt));
  });

  it('never yields a time PostgreSQL refuses, over generated near-miss timestamps', async () => {
    const timestamp = fc
      .record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 61 }),
        second: fc.integer({ min: 0, max: 61 }),
        fraction: fc.option(fc.integer({ min: 0, max: 999_999 }), { nil: undefined }),
        sign: fc.constantFrom('+', '-'),
        offsetHours: fc.integer({ min: 0, max: 99 }),
        offsetMinutes: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
        offsetSeconds: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
      })
      .map(
        (t) =>
          `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}` +
          (t.fraction === undefined ? '' : `.${pad(t.fraction, 6)}`) +
          `${t.sign}${pad(t.offsetHours)}` +
          (t.offsetMinutes === undefined
            ? ''
            : `:${pad(t.offsetMinutes)}${t.offsetSeconds === undefined ? '' : `:${pad(t.offsetSeconds)}`}`),
      );
    let decoded = 0;
    await fc.assert(
      fc.asyncProperty(timestamp, async (createdAt) => {
        if (!decodes(createdAt)) return;
        decoded++;
        expect([createdAt, await postgresAccepts(createdAt)]).toEqual([createdAt, true]);
      }),
      { numRuns: 2000 },
    );
    expect(decoded).toBeGreaterThan(0); // the property was not vacuous
  });
});
