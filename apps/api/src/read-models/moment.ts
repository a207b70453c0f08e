import { parseIsoDate, periodOf } from '@parley/domain';
import { ApiProblem } from '../problem/problem';

/** The last instant a date or date-time names: `2025-01-18` asks about the whole of that day. */
export function endOf(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = parseIsoDate(value);
  if (!parsed) {
    throw new ApiProblem(400, 'REQUEST.INVALID', `${field} is not a real date`, { errors: [{ field, message: 'is not a real date' }] });
  }
  return new Date(periodOf(parsed).latest);
}
