import type { Map as PersistentMap } from 'immutable';
import { Precision } from '../shared/claim';
import { CeasefireEndReason, TalksClaim } from './talks.events';
import type { LifecycleFacts } from './talks.lifecycle';

/** The records a track's state is made of, and the facts its live claims add up to. */

export type { TalksLifecycle } from './talks.lifecycle';

/** A meeting is known once scheduled or held; holding a scheduled meeting fulfils it. */
export type MeetingRecord = Readonly<{
  meetingId: string;
  scheduled?: Readonly<{ eventId: string; expectedAt: string }>;
  held?: Readonly<{ eventId: string; occurredAt: string; precision: Precision }>;
}>;

export type SwapRecord = Readonly<{ swapId: string; eventId: string; occurredAt: string; releases: number }>;

/** An extension as the rules compare it: when it was agreed and the end it set. */
export type CeasefireExtensionRecord = Readonly<{ eventId: string; occurredAt: string; precision: Precision; endsAt: string }>;

export type CeasefireRecord = Readonly<{
  ceasefireId: string;
  eventId: string;
  occurredAt: string;
  occurredUntil?: string;
  precision: Precision;
  effectiveFrom: string;
  endsAt?: string;
  violations: readonly string[];
  /** In recorded order; the rules keep their ends increasing in the order of their dates. */
  extensions?: readonly CeasefireExtensionRecord[];
  ended?: Readonly<{ eventId: string; occurredAt: string; occurredUntil?: string; precision: Precision; reason: CeasefireEndReason }>;
}>;

/** A claim as it stands now: its data with every correction merged in, and whether it was withdrawn. */
export type ClaimRecord = Readonly<{ eventId: string; claim: TalksClaim; retracted: boolean }>;

/**
 * What the live claims add up to. The maps are persistent (structural sharing): a new event costs
 * O(log32 n), not a copy, and every earlier state a caller holds stays as it was.
 */
export type TalksFacts = LifecycleFacts &
  Readonly<{
    parties: readonly string[];
    mediators: readonly string[];
    meetings: PersistentMap<string, MeetingRecord>;
    swaps: PersistentMap<string, SwapRecord>;
    ceasefires: PersistentMap<string, CeasefireRecord>;
  }>;
