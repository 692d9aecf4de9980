import { validate } from 'class-validator';
import { IsDateOnly, PAST_DATES, RECORD_DATES, isCalendarDate } from './date-only';

class Dates {
  @IsDateOnly(RECORD_DATES) validFrom!: unknown;
  @IsDateOnly(PAST_DATES) born!: unknown;
}

async function problems(validFrom: unknown, born: unknown = '1980-05-01'): Promise<string[]> {
  const dates = Object.assign(new Dates(), { validFrom, born });
  return (await validate(dates)).map((error) => error.property);
}

describe('date-only inputs', () => {
  it('knows real calendar days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('99999-01-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate(' 2026-01-01')).toBe(false);
  });

  it.each(['0100-01-01', '1999-12-31', '2200-01-01', '2026-02-30', '', '   ', 20260101, null])(
    'refuses %p as a record date',
    async (value) => {
      expect(await problems(value)).toEqual(['validFrom']);
    },
  );

  it('accepts a record date within the range', async () => {
    expect(await problems('2000-01-01')).toEqual([]);
    expect(await problems('2199-12-31')).toEqual([]);
  });

  it('refuses a date of birth in the future', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(await problems('2026-01-01', tomorrow)).toEqual(['born']);
    expect(await problems('2026-01-01', '1899-12-31')).toEqual(['born']);
  });
});
