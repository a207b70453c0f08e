import { Precision, parseIsoDate, periodOf } from '@parley/domain';

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
