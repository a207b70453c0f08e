import { checkNotBefore, checkPastDate } from '../shared/date.rules';
import { rejection, Verdict } from '../shared/error-codes';
import { ClaimContext } from './claim.context';
import { PrisonerSwapped } from './talks.events';
import type { TalksFacts } from './talks.state';

/** At least one person freed; each detained (if known) in the past and before the swap. */
export const checkPrisonerSwapped = ({ releases, occurredAt, occurredUntil, precision }: PrisonerSwapped['data'], { now }: ClaimContext): Verdict => {
  if (releases.length === 0) return rejection('SWAP.NO_RELEASES', 'A prisoner swap releases at least one person.', 'releases');
  for (const [index, { detainedSince }] of releases.entries()) {
    if (detainedSince === undefined) continue;
    const field = `releases[${index}].detainedSince`;
    const verdict =
      checkPastDate(detainedSince, field, now, true) ??
      checkNotBefore({ at: occurredAt, precision, until: occurredUntil }, { at: detainedSince }, field, `${field} (${detainedSince}) is after the release (${occurredAt}).`);
    if (verdict) return verdict;
  }
  return undefined;
};

export const checkNewSwap = (facts: TalksFacts, swapId: string): Verdict =>
  facts.swaps.has(swapId) ? rejection('SWAP.DUPLICATE', `Prisoner swap '${swapId}' is already recorded.`, 'swapId') : undefined;
