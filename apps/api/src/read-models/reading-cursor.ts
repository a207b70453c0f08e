import { InvalidCursorError } from '@parley/projections';
import { ApiProblem } from '../problem/problem';

/** Runs a paged read; a cursor the API never gave out is the caller's mistake, a 400. */
export function readingCursor<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new ApiProblem(400, 'REQUEST.INVALID', 'cursor is not one this API gave out', { errors: [{ field: 'cursor', message: 'is not a valid cursor' }] });
    }
    throw error;
  }
}
