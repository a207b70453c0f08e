import { Period, parseIsoDate, periodOf } from '@parley/domain';
import { ApiProblem } from '../problem/problem';

const notADate = (field: string, reduced: boolean): ApiProblem => {
  const forms = reduced ? 'a year, month or day (2025, 2025-01, 2025-01-18) or a date-time with an offset' : 'a day (2025-01-18) or a date-time with an offset';
  const message = `is not a real date: give ${forms}`;
  return new ApiProblem(400, 'REQUEST.INVALID', `${field} ${message}`, { errors: [{ field, message }] });
};

/**
 * The period a date names, read as the domain reads claims' dates (a day is all of it, a time
 * needs its offset): not as JavaScript's Date reads text, which takes a time without an offset
 * in the server's own zone and cannot read a week date at all. `reduced`: a year or a month too.
 */
const periodIn = (value: string, field: string, reduced: boolean): Period => {
  const parsed = parseIsoDate(value, reduced);
  if (!parsed) throw notADate(field, reduced);
  return periodOf(parsed);
};

/** The last instant a date or date-time names: `2025-01-18` asks about the whole of that day. */
export function endOf(value: string | undefined, field: string, reduced = false): Date | undefined {
  return value === undefined ? undefined : new Date(periodIn(value, field, reduced).latest);
}

/** The first instant a date or date-time names (of a window, so a year or month too). */
export function startOf(value: string | undefined, field: string): Date | undefined {
  return value === undefined ? undefined : new Date(periodIn(value, field, true).earliest);
}
