import { PRECISIONS, Precision } from './claim';
import { canCarry, parseIsoDate, Period, periodOf } from './dates';
import { rejection, Verdict } from './error-codes';

/**
 * A date as a claim states it: the text, how precisely it is meant (its own grain if not said),
 * and, for a range, the latest it can be (`until`, at the same precision).
 */
export type Dated = Readonly<{ at: string; precision?: Precision; until?: string }>;

const FORMAT_HINT = 'an ISO 8601 date (YYYY-MM-DD) or date-time with Z or an offset';
const REDUCED_HINT = 'an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) or date-time with Z or an offset';

/** The span a stated date covers, or undefined when it cannot be read (its validity is checked elsewhere). */
const periodFor = (dated: Dated): Period | undefined => {
  const parsed = parseIsoDate(dated.at, true);
  if (!parsed) return undefined;
  const period = dated.precision && canCarry(parsed.grain, dated.precision) ? periodOf(parsed, dated.precision) : periodOf(parsed);
  const until = dated.until === undefined ? undefined : periodFor({ at: dated.until, precision: dated.precision });
  return until && until.latest > period.latest ? { earliest: period.earliest, latest: until.latest } : period;
};

export const checkDate = (value: unknown, field: string, allowReduced = false): Verdict =>
  parseIsoDate(value, allowReduced)
    ? undefined
    : rejection('DATE.INVALID', `${field} must be ${allowReduced ? REDUCED_HINT : FORMAT_HINT}.`, field);

/** Something that happened may not start after now; a month-precision date in the current month is fine. */
export const checkNotInFuture = (dated: Dated, now: Date, field: string): Verdict => {
  const period = periodFor(dated);
  return period && period.earliest > now.getTime()
    ? rejection('DATE.IN_FUTURE', `${field} (${dated.at}) is after now (${now.toISOString()}).`, field)
    : undefined;
};

/** A valid date of something that has already happened (e.g. departedAt, detainedSince). */
export const checkPastDate = (value: unknown, field: string, now: Date, allowReduced = false): Verdict =>
  checkDate(value, field, allowReduced) ?? checkNotInFuture({ at: value as string }, now, field);

/** `occurredAt` read at its stated `precision`: valid, carried by the date's form, and not in the future. */
export const checkOccurredAt = (
  basis: Readonly<{ occurredAt: unknown; precision: unknown }>,
  now: Date,
  field = 'occurredAt',
): Verdict => {
  const { occurredAt, precision } = basis;
  if (!PRECISIONS.includes(precision as Precision)) {
    return rejection('DATE.INVALID', `precision must be one of ${PRECISIONS.join(', ')}.`, 'precision');
  }
  const parsed = parseIsoDate(occurredAt);
  if (!parsed) return rejection('DATE.INVALID', `${field} must be ${FORMAT_HINT}.`, field);
  if (!canCarry(parsed.grain, precision as Precision)) {
    return rejection('DATE.INVALID', `precision '${String(precision)}' needs a date-time in ${field}.`, field);
  }
  return checkNotInFuture({ at: occurredAt as string, precision: precision as Precision }, now, field);
};

/**
 * `occurredUntil`, when given, is the latest moment of a range that starts at `occurredAt`: the
 * same form and precision rules, not in the future, and not starting before `occurredAt` does.
 */
export const checkOccurredUntil = (
  basis: Readonly<{ occurredAt: string; occurredUntil?: unknown; precision: Precision }>,
  now: Date,
  field = 'occurredUntil',
): Verdict => {
  const { occurredAt, occurredUntil, precision } = basis;
  if (occurredUntil === undefined) return undefined;
  const [until, at] = [parseIsoDate(occurredUntil), parseIsoDate(occurredAt)];
  if (!until) return rejection('DATE.INVALID', `${field} must be ${FORMAT_HINT}.`, field);
  if (!canCarry(until.grain, precision)) return rejection('DATE.INVALID', `precision '${precision}' needs a date-time in ${field}.`, field);
  if (at && periodOf(until, precision).earliest < periodOf(at, precision).earliest) {
    return rejection('DATE.RANGE_REVERSED', `${field} (${String(occurredUntil)}) is before occurredAt (${occurredAt}).`, field);
  }
  return checkNotInFuture({ at: occurredUntil as string, precision }, now, field);
};

/** `later` may not lie wholly before `earlier` (equal or overlapping spans pass). */
export const checkNotBefore = (later: Dated, earlier: Dated, field: string, message: string): Verdict => {
  const [end, start] = [periodFor(later), periodFor(earlier)];
  return end && start && end.latest < start.earliest ? rejection('DATE.END_BEFORE_START', message, field) : undefined;
};

/** `end` must come after `start`: rejected when it cannot be later than the start (e.g. the same instant). */
export const checkAfter = (end: Dated, start: Dated, field: string, message: string): Verdict => {
  const [endPeriod, startPeriod] = [periodFor(end), periodFor(start)];
  return endPeriod && startPeriod && endPeriod.latest <= startPeriod.earliest
    ? rejection('DATE.END_BEFORE_START', message, field)
    : undefined;
};

/** The span a stated date covers at its precision, for rules that compare or order dated claims; undefined when it cannot be read. */
export const spanOf = (dated: Dated): Period | undefined => periodFor(dated);

/**
 * The first moment on which a dated claim counts, for answers on a date (`asOf`): a single date
 * from its first moment (a month from its 1st, as it always has), a range only once its last
 * moment has passed, so a tally "released between the 24th and the 30th" is not counted before
 * the 30th is over. An unreadable `until` reads as no range; undefined when `at` cannot be read.
 */
export const countsFrom = (dated: Dated): number | undefined => {
  const period = periodFor(dated);
  const ranged = dated.until !== undefined && parseIsoDate(dated.until, true) !== undefined;
  return period && (ranged ? period.latest : period.earliest);
};
