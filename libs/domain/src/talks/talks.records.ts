import { Precision } from '../shared/claim';
import { CeasefireEndReason, TalksClaim } from './talks.events';

/** The records a track's state is made of, and the facts its live claims add up to. */

export type TalksLifecycle = 'open' | 'active' | 'stalled' | 'concluded';

/** A meeting is known once scheduled or held; holding a scheduled meeting fulfils it. */
export type MeetingRecord = Readonly<{
  meetingId: string;
  scheduled?: Readonly<{ eventId: string; expectedAt: string }>;
  held?: Readonly<{ eventId: string; occurredAt: string; precision: Precision }>;
}>;

export type SwapRecord = Readonly<{ swapId: string; eventId: string; occurredAt: string; releases: number }>;

export type CeasefireRecord = Readonly<{
  ceasefireId: string;
  eventId: string;
  occurredAt: string;
  precision: Precision;
  effectiveFrom: string;
  endsAt?: string;
  violations: readonly string[];
  ended?: Readonly<{ eventId: string; occurredAt: string; precision: Precision; reason: CeasefireEndReason }>;
}>;

/** A claim as it stands now: its data with every correction merged in, and whether it was withdrawn. */
export type ClaimRecord = Readonly<{ eventId: string; claim: TalksClaim; retracted: boolean }>;

/** What the live claims add up to; recomputed from them whenever one is corrected or retracted. */
export type TalksFacts = Readonly<{
  status: TalksLifecycle;
  /** Whether any visit or meeting was held: resuming returns to `active` rather than `open`. */
  engaged: boolean;
  parties: readonly string[];
  mediators: readonly string[];
  meetings: ReadonlyMap<string, MeetingRecord>;
  swaps: ReadonlyMap<string, SwapRecord>;
  ceasefires: ReadonlyMap<string, CeasefireRecord>;
}>;
