import { Precision } from '../shared/claim';
import { checkDate, Dated, spanOf } from '../shared/date.rules';
import { isWhollyBefore, Period } from '../shared/dates';
import { ErrorCode, rejection, Verdict } from '../shared/error-codes';
import { checkLooseCount } from '../shared/loose-count';
import { ClaimContext } from './claim.context';
import { CeasefireExtended } from './talks.events';
import type { CeasefireRecord } from './talks.state';

/** What the extension rules read of a ceasefire: when it was brokered and took effect, its first end, its recorded end. */
export type ExtendedCeasefire = Pick<CeasefireRecord, 'occurredAt' | 'precision' | 'effectiveFrom' | 'endsAt'> &
  Readonly<{ ended?: Readonly<{ occurredAt: string; precision: Precision }> }>;

type Extension = Readonly<{ occurredAt: string; precision: Precision; endsAt: string }>;

/** Whose field a rejection points at: the extension judged, or the brokering or end whose correction broke the sequence. */
type Subject = 'extension' | 'brokering' | 'end';

const FIELD: Readonly<Record<Subject, Partial<Record<ErrorCode, string>>>> = {
  extension: { 'CEASEFIRE.NO_END_TO_EXTEND': 'ceasefireId', 'CEASEFIRE.EXTENSION_BEFORE_START': 'occurredAt', 'CEASEFIRE.EXTENSION_AFTER_END': 'occurredAt', 'CEASEFIRE.EXTENSION_NOT_LATER': 'endsAt' },
  brokering: { 'CEASEFIRE.EXTENSION_BEFORE_START': 'effectiveFrom', 'CEASEFIRE.EXTENSION_NOT_LATER': 'endsAt', 'CEASEFIRE.NO_END_TO_EXTEND': 'endsAt' },
  end: { 'CEASEFIRE.EXTENSION_AFTER_END': 'occurredAt' },
};

const when = (claim: { occurredAt: string; precision: Precision }): Dated => ({ at: claim.occurredAt, precision: claim.precision });

/** Vague or unreadable dates get the benefit of the doubt, as everywhere in the rules. */
const whollyBefore = (a: Period | undefined, b: Period | undefined): boolean => a !== undefined && b !== undefined && isWhollyBefore(a, b);

/** Extensions in the order of their dates; among equal starts, in the order given (the sort is stable). */
export const inDateOrder = <E extends Extension>(extensions: readonly E[]): readonly E[] =>
  [...extensions].sort((a, b) => (spanOf(when(a))?.earliest ?? 0) - (spanOf(when(b))?.earliest ?? 0));

/**
 * A ceasefire and its extensions hold together, taken in the order of the extensions' dates:
 * each one is dated once the ceasefire was brokered and in effect, not after the end then in
 * force nor after a recorded end, and sets an end later than the one in force. This is what lets
 * a status on any date read the end in force from the extensions dated by then.
 */
export const checkExtensions = (ceasefire: ExtendedCeasefire, extensions: readonly Extension[], subject: Subject): Verdict => {
  if (extensions.length === 0) return undefined;
  const fail = (code: ErrorCode, message: string, field = FIELD[subject][code] ?? 'occurredAt'): Verdict => rejection(code, message, field);
  if (ceasefire.endsAt === undefined) {
    return fail('CEASEFIRE.NO_END_TO_EXTEND', 'An open-ended ceasefire has no end to extend: give the brokering an endsAt first.');
  }
  const [brokered, effective] = [spanOf(when(ceasefire)), spanOf({ at: ceasefire.effectiveFrom })];
  const recordedEnd = ceasefire.ended && spanOf(when(ceasefire.ended));
  let inForce = ceasefire.endsAt;
  for (const extension of inDateOrder(extensions)) {
    const dated = spanOf(when(extension));
    const [end, newEnd] = [spanOf({ at: inForce }), spanOf({ at: extension.endsAt })];
    if (whollyBefore(dated, brokered)) {
      const field = subject === 'brokering' ? 'occurredAt' : undefined;
      return fail('CEASEFIRE.EXTENSION_BEFORE_START', `An extension dated ${extension.occurredAt} comes before the ceasefire was brokered (${ceasefire.occurredAt}).`, field);
    }
    if (whollyBefore(dated, effective)) {
      return fail('CEASEFIRE.EXTENSION_BEFORE_START', `An extension dated ${extension.occurredAt} comes before the ceasefire took effect (${ceasefire.effectiveFrom}).`);
    }
    if (whollyBefore(end, dated)) {
      return fail('CEASEFIRE.EXTENSION_AFTER_END', `An extension dated ${extension.occurredAt} comes after the ceasefire expired (${inForce}); a lapsed ceasefire is brokered anew.`);
    }
    if (ceasefire.ended && whollyBefore(recordedEnd, dated)) {
      return fail('CEASEFIRE.EXTENSION_AFTER_END', `An extension dated ${extension.occurredAt} comes after the ceasefire ended (${ceasefire.ended.occurredAt}).`);
    }
    // Not later: neither edge of the new end's span lies beyond the old one's (a vaguer or finer end passes).
    if (end && newEnd && newEnd.earliest <= end.earliest && newEnd.latest <= end.latest) {
      return fail('CEASEFIRE.EXTENSION_NOT_LATER', `An extension dated ${extension.occurredAt} must end after the end in force then (${inForce}), not at ${extension.endsAt}.`);
    }
    inForce = extension.endsAt;
  }
  return undefined;
};

/**
 * An extension names a brokered ceasefire, sets a real date as its end, carries sane counts in
 * its terms, and fits among the ceasefire's other extensions (a correction is judged against the
 * others, in its own recorded place).
 */
export const checkCeasefireExtended = (data: CeasefireExtended['data'], { facts, claimId }: ClaimContext): Verdict => {
  const ceasefire = facts.ceasefires.get(data.ceasefireId);
  if (!ceasefire) return rejection('CEASEFIRE.NOT_FOUND', `No ceasefire '${data.ceasefireId}' is brokered in this track.`, 'ceasefireId');
  const recorded = ceasefire.extensions ?? [];
  const place = recorded.findIndex((extension) => extension.eventId === claimId);
  const others = recorded.filter((extension) => extension.eventId !== claimId);
  const extensions = place < 0 ? [...others, data] : [...others.slice(0, place), data, ...others.slice(place)];
  return (
    checkDate(data.endsAt, 'endsAt') ??
    checkLooseCount(data.terms?.hostagesToRelease, 'terms.hostagesToRelease') ??
    checkLooseCount(data.terms?.prisonersToRelease, 'terms.prisonersToRelease') ??
    checkExtensions(ceasefire, extensions, 'extension')
  );
};
