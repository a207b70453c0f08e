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
  const fits = Array.isArray(key) && key.length === shape.length && key.every((value, i) => typeof value === shape[i]);
  if (!fits) throw new InvalidCursorError();
  return key as SortKey;
};

/** A $all position travels as a decimal string (it may exceed 2^53); anything else is not a cursor. */
export const positionOf = (text: string | number): bigint => {
  if (typeof text !== 'string' || !/^\d{1,20}$/.test(text)) throw new InvalidCursorError();
  return BigInt(text);
};
