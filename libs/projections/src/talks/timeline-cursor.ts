/**
 * Opaque page cursors: the sort key of the last item returned, as base64url JSON. Clients pass
 * them back unchanged; anything that does not decode to the expected key is refused.
 */

export class InvalidCursorError extends Error {
  readonly code = 'QUERY.INVALID_CURSOR';
  readonly kind = 'validation';
  constructor() {
    super('The cursor is not one this API returned.');
  }
}

export type SortKey = readonly (number | string)[];

export const encodeCursor = (key: SortKey): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The key, when the cursor holds `shape` (e.g. ['number', 'string']); otherwise InvalidCursorError. */
export const decodeCursor = (cursor: string, shape: readonly ('number' | 'string')[]): SortKey => {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  // A number must be exact: past 2^53 it is not the one the API wrote, and SQLite would refuse it or round it.
  const fits =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((value, i) => typeof value === shape[i] && (typeof value !== 'number' || Number.isSafeInteger(value)));
  if (!fits) throw new InvalidCursorError();
  return key as SortKey;
};

/** The largest position SQLite's signed 64-bit INTEGER holds. */
const MAX_POSITION = 2n ** 63n - 1n;

/** A $all position travels as a decimal string (it may exceed 2^53); anything else, or past 2^63 - 1, is not a cursor. */
export const positionOf = (text: string | number): bigint => {
  if (typeof text !== 'string' || !/^\d{1,19}$/.test(text) || BigInt(text) > MAX_POSITION) throw new InvalidCursorError();
  return BigInt(text);
};
