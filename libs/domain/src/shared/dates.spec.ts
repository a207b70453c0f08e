import { canCarry, isWhollyBefore, parseIsoDate, periodOf, rangeOf } from './dates';

const utc = (text: string): number => Date.parse(text);

describe('reading ISO 8601 dates', () => {
  it.each(['2025-02-11', '2024-02-29', '2025-02-11T09:30Z', '2025-02-11T09:30:15Z', '2025-02-11T09:30:15.123+03:00', '2025-02-11T23:59:59-05:00'])(
    'reads %s',
    (text) => expect(parseIsoDate(text)).toBeDefined(),
  );

  it.each(['', '2025', '2025-02', '2025-2-11', '20250211', '2025-02-11T09:30', '2025-02-11 09:30Z', '2025-13-01', '2025-02-29', '2025-04-31', '2025-02-11T24:00Z', '2025-02-11T09:60Z', '2025-02-11T09:30+0300', 'yesterday'])(
    'refuses %j',
    (text) => expect(parseIsoDate(text)).toBeUndefined(),
  );

  it('refuses what is not a string', () => {
    expect(parseIsoDate(20250211)).toBeUndefined();
    expect(parseIsoDate(null)).toBeUndefined();
  });

  it('reads a reduced year or year-month only when allowed', () => {
    expect(parseIsoDate('2021-08', true)).toMatchObject({ grain: 'month', year: 2021, month: 8 });
    expect(parseIsoDate('2021', true)).toMatchObject({ grain: 'year', year: 2021 });
    expect(parseIsoDate('2021-00', true)).toBeUndefined();
    expect(parseIsoDate('2021-08')).toBeUndefined();
  });

  it('applies the offset to the instant', () => {
    expect(parseIsoDate('2025-02-11T09:30:00+03:00')?.instant).toBe(utc('2025-02-11T06:30:00Z'));
    expect(parseIsoDate('2025-02-11T09:30:00.5Z')?.instant).toBe(utc('2025-02-11T09:30:00.500Z'));
  });

  it('handles years before 100 without the Date.UTC quirk', () => {
    expect(new Date(periodOf(parseIsoDate('0050-03-01')!).earliest).toISOString()).toBe('0050-03-01T00:00:00.000Z');
  });
});

describe('periods', () => {
  it('covers a day, a month, a year, or an instant', () => {
    const date = parseIsoDate('2024-02-11T10:00Z')!;
    expect(periodOf(date, 'exact')).toEqual({ earliest: utc('2024-02-11T10:00Z'), latest: utc('2024-02-11T10:00Z') });
    expect(periodOf(date, 'day')).toEqual({ earliest: utc('2024-02-11T00:00Z'), latest: utc('2024-02-12T00:00Z') - 1 });
    expect(periodOf(date, 'month')).toEqual({ earliest: utc('2024-02-01T00:00Z'), latest: utc('2024-03-01T00:00Z') - 1 });
    expect(periodOf(date, 'year')).toEqual({ earliest: utc('2024-01-01T00:00Z'), latest: utc('2025-01-01T00:00Z') - 1 });
  });

  it('covers the ISO week of a date, Monday to Sunday in UTC, across a month and a year', () => {
    const week = { earliest: utc('2025-11-17T00:00Z'), latest: utc('2025-11-24T00:00Z') - 1 };
    for (const day of ['2025-11-17', '2025-11-20', '2025-11-23', '2025-11-23T23:59Z']) expect(periodOf(parseIsoDate(day)!, 'week')).toEqual(week);
    expect(periodOf(parseIsoDate('2025-03-01')!, 'week')).toEqual({ earliest: utc('2025-02-24T00:00Z'), latest: utc('2025-03-03T00:00Z') - 1 });
    expect(periodOf(parseIsoDate('2027-01-01')!, 'week')).toEqual({ earliest: utc('2026-12-28T00:00Z'), latest: utc('2027-01-04T00:00Z') - 1 });
    expect(periodOf(parseIsoDate('1969-12-31')!, 'week')).toEqual({ earliest: utc('1969-12-29T00:00Z'), latest: utc('1970-01-05T00:00Z') - 1 });
  });

  it('knows a week needs at least a day: a month cannot be meant as one of its weeks', () => {
    expect(canCarry('day', 'week')).toBe(true);
    expect(canCarry('month', 'week')).toBe(false);
    expect(canCarry('week', 'month')).toBe(true);
  });

  it('spans a range from the first moment of its start to the last of its end, at one precision', () => {
    const [at, until] = [parseIsoDate('2025-11-25')!, parseIsoDate('2025-11-30')!];
    expect(rangeOf(at, 'day', until)).toEqual({ earliest: utc('2025-11-25T00:00Z'), latest: utc('2025-12-01T00:00Z') - 1 });
    expect(rangeOf(at, 'week', until)).toEqual({ earliest: utc('2025-11-24T00:00Z'), latest: utc('2025-12-01T00:00Z') - 1 });
    expect(rangeOf(at, 'day')).toEqual(periodOf(at, 'day'));
  });

  it('defaults to the grain the date is written in', () => {
    expect(periodOf(parseIsoDate('2021-08', true)!)).toEqual({ earliest: utc('2021-08-01T00:00Z'), latest: utc('2021-09-01T00:00Z') - 1 });
  });

  it('knows a day cannot be meant exactly, but an instant can be meant as a day', () => {
    expect(canCarry('day', 'exact')).toBe(false);
    expect(canCarry('exact', 'day')).toBe(true);
    expect(canCarry('day', 'month')).toBe(true);
  });

  it('calls one period wholly before another only when they do not overlap', () => {
    const day = periodOf(parseIsoDate('2025-02-11')!);
    expect(isWhollyBefore(periodOf(parseIsoDate('2025-02-10')!), day)).toBe(true);
    expect(isWhollyBefore(periodOf(parseIsoDate('2025-02-11T23:00Z')!), day)).toBe(false);
  });
});
