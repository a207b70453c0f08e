/** Event data as it was stored: a JSON object of whatever version wrote it. */
export type StoredData = Readonly<Record<string, unknown>>;

/** One version step of one event type: pure, total, and never throws (an odd value passes through). */
export type Upcaster = (data: StoredData) => StoredData;

/**
 * An aggregate's upcasters: for each event type whose shape changed, its steps in order. Step
 * `i` turns version `i + 1` into `i + 2`, so a type with two steps is at version 3. A type not
 * listed is at version 1.
 */
export type UpcasterTable = Readonly<Record<string, readonly Upcaster[]>>;
