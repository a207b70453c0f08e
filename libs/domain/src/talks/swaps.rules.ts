import { checkNotBefore, checkPastDate } from '../shared/date.rules';
import { rejection, Verdict } from '../shared/error-codes';
import { checkLooseCount } from '../shared/loose-count';
import { checkPlace } from '../shared/place.rules';
import { ClaimContext } from './claim.context';
import { PrisonerSwapped } from './talks.events';
import type { TalksFacts } from './talks.state';

/** Each person detained (if known) in the past and before the swap, and not handed to their own releaser. */
const checkRelease = ({ occurredAt, occurredUntil, precision }: PrisonerSwapped['data'], release: PrisonerSwapped['data']['releases'][number], index: number, now: Date): Verdict => {
  const { detainedSince, releasedBy, releasedTo } = release;
  if (releasedTo !== undefined && releasedTo === releasedBy) {
    return rejection('SWAP.RELEASED_TO_RELEASER', `releases[${index}] is released to '${releasedTo}', who released them.`, `releases[${index}].releasedTo`);
  }
  if (detainedSince === undefined) return undefined;
  const field = `releases[${index}].detainedSince`;
  return (
    checkPastDate(detainedSince, field, now, true) ??
    checkNotBefore({ at: occurredAt, precision, until: occurredUntil }, { at: detainedSince }, field, `${field} (${detainedSince}) is after the release (${occurredAt}).`)
  );
};

/**
 * The named people are some of those freed, so a total never falls short of them: neither its
 * best guess nor its upper bound may be below the number named (a low bound may, see the status).
 */
const checkTotal = ({ total, releases }: PrisonerSwapped['data']): Verdict => {
  if (total === undefined) return undefined;
  const verdict = checkLooseCount(total, 'total');
  if (verdict) return verdict;
  const named = releases.length;
  const short = (['high', 'best'] as const).find((bound) => total[bound] !== undefined && total[bound]! < named);
  return short === undefined
    ? undefined
    : rejection('SWAP.TOTAL_BELOW_NAMED', `total.${short} (${total[short]}) is below the ${named} people named in releases.`, `total.${short}`);
};

/** At least one person named; a total that covers them; each release sound; the place graded if pinned. */
export const checkPrisonerSwapped = (data: PrisonerSwapped['data'], { now }: ClaimContext): Verdict => {
  if (data.releases.length === 0) return rejection('SWAP.NO_RELEASES', 'A prisoner swap releases at least one person.', 'releases');
  for (const [index, release] of data.releases.entries()) {
    const verdict = checkRelease(data, release, index, now);
    if (verdict) return verdict;
  }
  return checkTotal(data) ?? checkPlace(data.place, 'place');
};

export const checkNewSwap = (facts: TalksFacts, swapId: string): Verdict =>
  facts.swaps.has(swapId) ? rejection('SWAP.DUPLICATE', `Prisoner swap '${swapId}' is already recorded.`, 'swapId') : undefined;
