import { Precision, parseIsoDate, periodOf, rangeOf } from '@parley/domain';

/**
 * The first moment (epoch ms) a written date can mean at a precision: "2025-02-11" meant as a
 * month starts on 1 February. A finer precision than the text carries starts where the text
 * does, so `earliest` is right either way. Reduced dates (`2021-08`) are read too.
 */
export const startOf = (at: unknown, precision?: Precision): number | undefined => {
  const parsed = parseIsoDate(at, true);
  return parsed && periodOf(parsed, precision ?? parsed.grain).earliest;
};

/** The last moment a written date can mean at its own grain: a meeting expected "on the 20th" is upcoming all that day. */
export const endOf = (at: unknown): number | undefined => {
  const parsed = parseIsoDate(at, true);
  return parsed && periodOf(parsed).latest;
};

/**
 * Where an undated claim (only an opening may be) sits on the time axis: before every dated claim
 * (the earliest moment a JavaScript date holds), so a track's timeline starts with its opening and
 * the opening counts on every date `asOf` asks about; `from`/`to` never select it.
 */
export const UNDATED = -8_640_000_000_000_000;

/**
 * A claim's place on the time axis: `from`, the first moment `occurredAt` can mean at its
 * precision (what the timeline sorts by), and `to`, the last moment of `occurredUntil` when the
 * claim states a range. Without a range `to` is `from`: a single date counts from its first
 * moment, as it always has. An unreadable `occurredUntil` reads as no range.
 */
export const spanOf = (occurredAt: unknown, precision: Precision, occurredUntil?: unknown): Readonly<{ from: number; to: number }> | undefined => {
  const at = parseIsoDate(occurredAt, true);
  if (!at) return undefined;
  const until = occurredUntil === undefined ? undefined : parseIsoDate(occurredUntil, true);
  const from = periodOf(at, precision).earliest;
  return { from, to: until ? Math.max(from, rangeOf(at, precision, until).latest) : from };
};
