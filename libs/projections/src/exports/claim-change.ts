import type { TimelineItem } from '../talks/talks.queries';

/**
 * One version of a claim as an export hands it on: created (version 0), corrected (a later
 * version), or retracted (a tombstone: the claim's last version, closed). `changePosition` is the
 * position of `$all` at which this happened; a downstream copy pulls next with the largest it holds.
 */
export type ClaimChangeKind = 'created' | 'corrected' | 'retracted';

export type ClaimChange = Readonly<{ item: TimelineItem; change: ClaimChangeKind; changePosition: string }>;
