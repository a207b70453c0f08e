import { parseIsoDate, periodOf } from '@parley/domain';
import { ApiProblem } from '../problem/problem';

const notADate = (field: string): ApiProblem =>
  new ApiProblem(400, 'REQUEST.INVALID', `${field} is not a real date`, { errors: [{ field, message: 'is not a real date' }] });

/** The last instant a date or date-time names: `2025-01-18` asks about the whole of that day. */
export function endOf(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = parseIsoDate(value);
  if (!parsed) throw notADate(field);
  return new Date(periodOf(parsed).latest);
}

/**
 * The instant a date or date-time starts at, as JavaScript reads it (a date at midnight UTC).
 * ISO 8601 forms it cannot read, such as week dates (`2025-W07`), would select nothing: a 400.
 */
export function startOf(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw notADate(field);
  return at;
}
