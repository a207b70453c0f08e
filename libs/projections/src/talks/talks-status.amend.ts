import { movesLifecycle } from '@parley/domain';
import { ClaimData, ClaimType, compact } from './claim-data';
import {
  EMPTY_COUNTS,
  ListKey,
  StatusClaim,
  StatusCore,
  StatusCounts,
  StatusLists,
  addCounts,
  applyToLists,
  concludedOf,
  contributionOf,
  lifecycleOf,
  listKeyOf,
  openingOf,
} from './talks-status';

/**
 * A correction or retraction changes one claim in place. Rather than refold the whole track, it
 * recomputes only the parts of the status that claim touches, each from the live claims of that
 * part alone: its contribution to the counts, the one meeting or ceasefire it is about, the
 * lifecycle (a retraction only: a correction cannot change a claim's type), the conclusion, the
 * opening's fields, and the last activity date.
 */

/** What recomputing a part reads about the track, as it stands after the amendment. */
export interface TrackClaims {
  /** The types of the live claims that move the lifecycle, in recorded order. */
  lifecycleTypes(): Iterable<string>;
  /** The data of the last live conclusion, if any. */
  lastConclusion(): ClaimData | undefined;
  /** The date of the live claim with the latest activity (the last recorded among equals). */
  latestActivity(): string | undefined;
  /** The live claims about one meeting or ceasefire, in recorded order. */
  claimsOf(key: ListKey): Iterable<StatusClaim>;
}

export type Amendment = Readonly<{
  type: ClaimType;
  before: ClaimData;
  /** The claim's data after a correction; absent when it was retracted. */
  after?: ClaimData;
  revision: number;
  position: string;
  /** What the claim's incident added to the counts before and after, when the claim is linked to others: it counts once. */
  incidentCounts?: Readonly<{ before: StatusCounts; after: StatusCounts }>;
}>;

const keysOf = ({ type, before, after }: Amendment): ListKey[] => {
  const keys = [listKeyOf(type, before), after && listKeyOf(type, after)].filter((key): key is ListKey => key !== undefined);
  return keys.filter((key, i) => keys.findIndex((other) => other.kind === key.kind && other.id === key.id) === i);
};

export const amendStatus = (core: StatusCore, lists: StatusLists, track: TrackClaims, amendment: Amendment): StatusCore => {
  const { type, before, after } = amendment;
  const [out, into] = amendment.incidentCounts
    ? [amendment.incidentCounts.before, amendment.incidentCounts.after]
    : [contributionOf(type, before), after ? contributionOf(type, after) : EMPTY_COUNTS];
  const counts = addCounts(addCounts(core.counts, out, -1), into);
  let next: StatusCore = { ...core, counts };
  if (type === 'TalksOpened' && after) {
    const { talksId: _sameTrack, ...fields } = openingOf(after);
    next = { ...next, ...fields };
  }
  if (movesLifecycle(type) && !after) {
    const { status, engaged } = lifecycleOf(track.lifecycleTypes());
    next = { ...next, lifecycle: status, engaged };
  }
  if (type === 'TalksConcluded') {
    const { concluded: _previous, ...rest } = next;
    const conclusion = track.lastConclusion();
    next = conclusion ? { ...rest, concluded: concludedOf(conclusion) } : rest;
  }
  for (const key of keysOf(amendment)) {
    lists.reset(key);
    for (const claim of track.claimsOf(key)) applyToLists(lists, claim);
  }
  // Read from the rows as they now stand: a correction that undates the opening can leave no dated claim at all.
  return compact({ ...next, lastActivityAt: track.latestActivity(), revision: amendment.revision, position: amendment.position });
};
