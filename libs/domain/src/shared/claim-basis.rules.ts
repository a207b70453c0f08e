import { ClaimBasis, NOTE_MAX_LENGTH, OpeningBasis, Precision } from './claim';
import { checkOccurredAt, checkOccurredUntil, checkPastDate } from './date.rules';
import { rejection, Verdict } from './error-codes';

/** At least one source, and any publication date a real date that has already come. */
export const checkProvenance = (provenance: ClaimBasis['provenance'], now: Date, field = 'provenance'): Verdict => {
  const sources = Array.isArray(provenance?.sources) ? provenance.sources : [];
  if (sources.length === 0) return rejection('PROVENANCE.NO_SOURCES', 'A claim cites at least one source.', `${field}.sources`);
  for (const [index, source] of sources.entries()) {
    const publishedAt = source?.publishedAt;
    const verdict = publishedAt === undefined ? undefined : checkPastDate(publishedAt, `${field}.sources[${index}].publishedAt`, now);
    if (verdict) return verdict;
  }
  return undefined;
};

/** A note is counted in characters as a reader sees them (code points), as the edge counts a length. */
export const checkNote = (note: ClaimBasis['note'], field = 'note'): Verdict =>
  typeof note === 'string' && [...note].length > NOTE_MAX_LENGTH
    ? rejection('NOTE.TOO_LONG', `A note is at most ${NOTE_MAX_LENGTH} characters; this one has ${[...note].length}.`, field)
    : undefined;

/** What every claim, corrections and retractions included, must satisfy: a datable past (or range), a source, a note of bounded length. */
export const checkClaimBasis = (basis: ClaimBasis, now: Date): Verdict =>
  checkOccurredAt(basis, now) ?? checkOccurredUntil(basis, now) ?? checkProvenance(basis.provenance, now) ?? checkNote(basis.note);

/**
 * The opening of a track may be undated and unsourced; what it does say obeys the same rules.
 * A date is `occurredAt` and `precision` together, and a range needs its start.
 */
export const checkOpeningBasis = (basis: OpeningBasis, now: Date): Verdict => {
  const { occurredAt, precision, occurredUntil, provenance } = basis;
  const dated = occurredAt !== undefined || precision !== undefined;
  if (dated && (occurredAt === undefined || precision === undefined)) {
    const missing = occurredAt === undefined ? 'occurredAt' : 'precision';
    return rejection('DATE.INCOMPLETE', `An opening's date is occurredAt and precision together; ${missing} is missing.`, missing);
  }
  if (!dated && occurredUntil !== undefined) {
    return rejection('DATE.INCOMPLETE', 'occurredUntil ends a range that starts at occurredAt; occurredAt is missing.', 'occurredAt');
  }
  const dateVerdict = dated
    ? (checkOccurredAt(basis as { occurredAt: string; precision: Precision }, now) ??
      checkOccurredUntil(basis as { occurredAt: string; precision: Precision; occurredUntil?: string }, now))
    : undefined;
  return dateVerdict ?? (provenance === undefined ? undefined : checkProvenance(provenance, now)) ?? checkNote(basis.note);
};
