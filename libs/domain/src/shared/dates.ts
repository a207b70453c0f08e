import { Precision } from './claim';

/** A span of time in epoch milliseconds, both ends inclusive; an exact instant has earliest = latest. */
export type Period = Readonly<{ earliest: number; latest: number }>;

/** How fine a written date is: `2021` is a year, `2021-08` a month, `2021-08-14` a day, a date-time exact. */
export type DateGrain = Precision;

export type ParsedDate = Readonly<{
  grain: DateGrain;
  year: number;
  month: number;
  day: number;
  /** Only for date-times: the instant, offset applied. */
  instant?: number;
}>;

const YEAR = /^(\d{4})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const DAY_MS = 86_400_000;
const GRAIN_ORDER: readonly DateGrain[] = ['year', 'month', 'week', 'day', 'exact'];

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil); Date.UTC mangles years < 100. */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
};

const startOfDay = (year: number, month: number, day: number): number => daysFromCivil(year, month, day) * DAY_MS;

const parseOffsetMinutes = (offset: string): number | undefined => {
  if (offset === 'Z') return 0;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
};

/**
 * Reads an ISO 8601 calendar date or a date-time with `Z` or an offset; with `allowReduced`,
 * also a bare year or year-month. Anything else, or an impossible date, is `undefined`.
 */
export const parseIsoDate = (text: unknown, allowReduced = false): ParsedDate | undefined => {
  if (typeof text !== 'string') return undefined;
  const reduced = allowReduced ? (YEAR.exec(text) ?? YEAR_MONTH.exec(text)) : null;
  if (reduced) {
    const year = Number(reduced[1]);
    const month = reduced[2] === undefined ? 1 : Number(reduced[2]);
    if (month < 1 || month > 12) return undefined;
    return { grain: reduced[2] === undefined ? 'year' : 'month', year, month, day: 1 };
  }
  const match = CALENDAR_DATE.exec(text) ?? DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (match[4] === undefined) return { grain: 'day', year, month, day };

  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  const offsetMinutes = parseOffsetMinutes(match[8] ?? '');
  if (hour > 23 || minute > 59 || second > 59 || offsetMinutes === undefined) return undefined;
  const fraction = match[7] === undefined ? 0 : Math.floor(Number(`0${match[7]}`) * 1000);
  const local = startOfDay(year, month, day) + ((hour * 60 + minute) * 60 + second) * 1000 + fraction;
  return { grain: 'exact', year, month, day, instant: local - offsetMinutes * 60_000 };
};

/** Whether a date written at `grain` can be meant at `precision` (a day cannot be meant exactly). */
export const canCarry = (grain: DateGrain, precision: Precision): boolean =>
  GRAIN_ORDER.indexOf(precision) <= GRAIN_ORDER.indexOf(grain);

/**
 * The span a date covers when meant at `precision` (its own grain by default): "2021-08-14"
 * meant as a month is all of August 2021. Calendar periods are taken in UTC.
 */
export const periodOf = (date: ParsedDate, precision: Precision = date.grain): Period => {
  switch (precision) {
    case 'exact': {
      const instant = date.instant ?? startOfDay(date.year, date.month, date.day);
      return { earliest: instant, latest: instant };
    }
    case 'day': {
      const earliest = startOfDay(date.year, date.month, date.day);
      return { earliest, latest: earliest + DAY_MS - 1 };
    }
    case 'week': {
      // ISO weeks start on Monday; 1970-01-01 was a Thursday, three days into its week.
      const days = daysFromCivil(date.year, date.month, date.day);
      const monday = days - ((((days + 3) % 7) + 7) % 7);
      return { earliest: monday * DAY_MS, latest: (monday + 7) * DAY_MS - 1 };
    }
    case 'month': {
      const earliest = startOfDay(date.year, date.month, 1);
      return { earliest, latest: earliest + daysInMonth(date.year, date.month) * DAY_MS - 1 };
    }
    case 'year':
      return { earliest: startOfDay(date.year, 1, 1), latest: startOfDay(date.year + 1, 1, 1) - 1 };
    default: {
      const _exhaustive: never = precision;
      return _exhaustive;
    }
  }
};

/**
 * The span a claim's date covers: from the first moment of `at` to the last of `until` (or of
 * `at` when there is no range), both meant at `precision`.
 */
export const rangeOf = (at: ParsedDate, precision: Precision, until?: ParsedDate): Period => {
  const start = periodOf(at, precision);
  return until === undefined ? start : { earliest: start.earliest, latest: periodOf(until, precision).latest };
};

/** True only when every moment of `a` lies before every moment of `b`: vague dates get the benefit of the doubt. */
export const isWhollyBefore = (a: Period, b: Period): boolean => a.latest < b.earliest;
