import { Precision, countsFrom, parseIsoDate, periodOf } from '@parley/domain';

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
 * precision (what the timeline sorts by), and `to`, the moment from which it counts on a date
 * (the domain's `countsFrom`: a range once its last moment has passed, a single date at `from`).
 */
export const spanOf = (occurredAt: unknown, precision: Precision, occurredUntil?: unknown): Readonly<{ from: number; to: number }> | undefined => {
  const from = startOf(occurredAt, precision);
  if (from === undefined || typeof occurredAt !== 'string') return undefined;
  const until = typeof occurredUntil === 'string' ? occurredUntil : undefined;
  return { from, to: Math.max(from, countsFrom({ at: occurredAt, precision, until }) ?? from) };
};
