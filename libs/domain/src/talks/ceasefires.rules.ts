import { countDistinct } from '../shared/actor-refs';
import { checkAfter, checkDate, checkNotBefore } from '../shared/date.rules';
import { rejection, Verdict } from '../shared/error-codes';
import { checkLooseCount } from '../shared/loose-count';
import { checkExtensions } from './ceasefire-extensions.rules';
import { checkPlace } from '../shared/place.rules';
import { ClaimContext } from './claim.context';
import { CeasefireBrokered, CeasefireEnded, CeasefireViolated, HostagesReleased } from './talks.events';
import type { CeasefireRecord, TalksFacts } from './talks.state';

const notFound = (ceasefireId: string): Verdict =>
  rejection('CEASEFIRE.NOT_FOUND', `No ceasefire '${ceasefireId}' is brokered in this track.`, 'ceasefireId');

/** An end stated as a range may have come as late as its `occurredUntil`: only a range wholly before the brokering is refused. */
const checkEndNotBeforeBrokering = (
  ended: Pick<CeasefireRecord, 'occurredAt' | 'precision' | 'occurredUntil'>,
  brokered: Pick<CeasefireRecord, 'occurredAt' | 'precision'>,
  field: string,
): Verdict =>
  checkNotBefore(
    { at: ended.occurredAt, precision: ended.precision, until: ended.occurredUntil },
    { at: brokered.occurredAt, precision: brokered.precision },
    field,
    `The ceasefire cannot end (${ended.occurredAt}) before it was brokered (${brokered.occurredAt}).`,
  );

/** Two or more parties, real dates with the end after the start, sane counts in the terms. */
export const checkCeasefireBrokered = (data: CeasefireBrokered['data'], { facts }: ClaimContext): Verdict => {
  const { parties, effectiveFrom, endsAt, terms } = data;
  if (countDistinct(parties) < 2) {
    return rejection('CEASEFIRE.TOO_FEW_PARTIES', `A ceasefire needs at least two distinct parties, got ${countDistinct(parties)}.`, 'parties');
  }
  // Only a correction finds its own ceasefire here: re-dating the brokering must keep it before its end and its extensions.
  const recorded = facts.ceasefires.get(data.ceasefireId);
  const ended = recorded?.ended;
  return (
    checkDate(effectiveFrom, 'effectiveFrom') ??
    (endsAt === undefined
      ? undefined
      : (checkDate(endsAt, 'endsAt') ??
        checkAfter({ at: endsAt }, { at: effectiveFrom }, 'endsAt', `endsAt (${endsAt}) must be after effectiveFrom (${effectiveFrom}).`))) ??
    checkLooseCount(terms.hostagesToRelease, 'terms.hostagesToRelease') ??
    checkLooseCount(terms.prisonersToRelease, 'terms.prisonersToRelease') ??
    checkPlace(data.place, 'place') ??
    (ended ? checkEndNotBeforeBrokering(ended, data, 'occurredAt') : undefined) ??
    checkExtensions({ ...data, ended }, recorded?.extensions ?? [], 'brokering')
  );
};

/** Counts that hold, and a ceasefire (if named) that this track brokered. */
export const checkHostagesReleased = (data: HostagesReleased['data'], { facts }: ClaimContext): Verdict =>
  checkLooseCount(data.count, 'count') ??
  checkLooseCount(data.prisonersReleasedInExchange, 'prisonersReleasedInExchange') ??
  checkPlace(data.place, 'place') ??
  (data.ceasefireId === undefined || facts.ceasefires.has(data.ceasefireId)
    ? undefined
    : rejection('CEASEFIRE.UNKNOWN', `No ceasefire '${data.ceasefireId}' is brokered in this track.`, 'ceasefireId'));

export const checkCeasefireViolated = ({ ceasefireId, place }: CeasefireViolated['data'], { facts }: ClaimContext): Verdict =>
  (facts.ceasefires.has(ceasefireId) ? undefined : notFound(ceasefireId)) ?? checkPlace(place, 'place');

/** An end names a brokered ceasefire and does not come before its brokering. */
export const checkCeasefireEnded = (data: CeasefireEnded['data'], { facts }: ClaimContext): Verdict => {
  const ceasefire = facts.ceasefires.get(data.ceasefireId);
  return ceasefire
    ? (checkEndNotBeforeBrokering(data, ceasefire, 'occurredAt') ?? checkExtensions({ ...ceasefire, ended: data }, ceasefire.extensions ?? [], 'end'))
    : notFound(data.ceasefireId);
};

export const checkNewCeasefire = (facts: TalksFacts, ceasefireId: string): Verdict =>
  facts.ceasefires.has(ceasefireId)
    ? rejection('CEASEFIRE.DUPLICATE', `Ceasefire '${ceasefireId}' is already brokered in this track.`, 'ceasefireId')
    : undefined;

/** Ending twice, or reporting a violation of an ended ceasefire, is refused when asked (not when re-judging a correction). */
export const checkNotEnded = (facts: TalksFacts, ceasefireId: string): Verdict =>
  facts.ceasefires.get(ceasefireId)?.ended
    ? rejection('CEASEFIRE.ALREADY_ENDED', `Ceasefire '${ceasefireId}' has already ended.`, 'ceasefireId')
    : undefined;
