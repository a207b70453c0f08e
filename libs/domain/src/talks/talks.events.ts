import { ClaimBasis, Coordinates, CountryCode, GeoPrecision, LooseCount, OpeningBasis, Place } from '../shared/claim';
import { Event } from '../shared/event';

export const MEETING_FORMATS = ['in_person', 'phone', 'video'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

export const CEASEFIRE_END_REASONS = ['expired', 'collapsed', 'superseded'] as const;
export type CeasefireEndReason = (typeof CEASEFIRE_END_REASONS)[number];

export const TALKS_OUTCOMES = ['agreement', 'breakdown', 'suspended'] as const;
export type TalksOutcome = (typeof TALKS_OUTCOMES)[number];

export type Release = Readonly<{
  person: string;
  nationality: CountryCode;
  /** The actor (usually a state) that let the person go. */
  releasedBy: string;
  /** The actor the person was handed over to, when reports say (a state, a mediator, the ICRC). */
  releasedTo?: string;
  /** An ISO date, possibly reduced: `2021-08` for "arrested in August 2021". */
  detainedSince?: string;
  sentence?: string;
}>;

/** Who hosted a claim that happens somewhere: distinct from its mediators, though often the same actor. */
export type Hosted = Readonly<{ hostedBy?: string }>;

/** Where a claim without a place of its own (hostCountry, location) happened: optional, added in v2. */
export type Placed = Readonly<{ place?: Place }>;

export type CeasefireTerms = Readonly<{
  hostagesToRelease?: LooseCount;
  prisonersToRelease?: LooseCount;
  summary: string;
}>;

/** Opens a track: undated and unsourced when we start following talks already under way. */
export type TalksOpened = Event<'TalksOpened', OpeningBasis & {
  talksId: string;
  title: string;
  subject: string;
  parties: readonly string[];
  mediators: readonly string[];
}>;

export type EnvoyVisited = Event<'EnvoyVisited', ClaimBasis & {
  talksId: string;
  envoyId: string;
  hostCountry: CountryCode;
  city?: string;
  /** A visit's place is hostCountry and city, kept where v1 put them; these grade it further. */
  coordinates?: Coordinates;
  geoPrecision?: GeoPrecision;
  purpose: string;
  departedAt?: string;
} & Hosted>;

export type MeetingScheduled = Event<'MeetingScheduled', ClaimBasis & {
  talksId: string;
  meetingId: string;
  participants: readonly string[];
  location: Place;
  expectedAt: string;
} & Hosted>;

export type MeetingHeld = Event<'MeetingHeld', ClaimBasis & {
  talksId: string;
  meetingId: string;
  participants: readonly string[];
  location: Place;
  format: MeetingFormat;
  summary: string;
} & Hosted>;

export type PrisonerSwapped = Event<'PrisonerSwapped', ClaimBasis & {
  talksId: string;
  swapId: string;
  /** The named people freed; `total` counts them all, named or not. */
  releases: readonly Release[];
  /** How many were freed in all, when reports give more than they name (26 freed, 5 named). */
  total?: LooseCount;
  mediators: readonly string[];
} & Placed & Hosted>;

export type CeasefireBrokered = Event<'CeasefireBrokered', ClaimBasis & {
  talksId: string;
  ceasefireId: string;
  parties: readonly string[];
  mediators: readonly string[];
  effectiveFrom: string;
  endsAt?: string;
  terms: CeasefireTerms;
} & Placed & Hosted>;

export type HostagesReleased = Event<'HostagesReleased', ClaimBasis & {
  talksId: string;
  ceasefireId?: string;
  count: LooseCount;
  names?: readonly string[];
  releasedBy: string;
  prisonersReleasedInExchange?: LooseCount;
} & Placed & Hosted>;

export type CeasefireViolated = Event<'CeasefireViolated', ClaimBasis & {
  talksId: string;
  ceasefireId: string;
  allegedBy: string;
  against: string;
  description: string;
} & Placed>;

/**
 * A ceasefire's end moved later, from the extension's own date (`occurredAt`): before it, the
 * end in force is the previous one. `terms` are what was agreed for the extension (e.g. more releases).
 */
export type CeasefireExtended = Event<'CeasefireExtended', ClaimBasis & {
  talksId: string;
  ceasefireId: string;
  /** The new end. */
  endsAt: string;
  terms?: CeasefireTerms;
}>;

export type CeasefireEnded = Event<'CeasefireEnded', ClaimBasis & {
  talksId: string;
  ceasefireId: string;
  reason: CeasefireEndReason;
}>;

export type TalksStalled = Event<'TalksStalled', ClaimBasis & { talksId: string; reason: string }>;

export type TalksResumed = Event<'TalksResumed', ClaimBasis & { talksId: string; reason: string }>;

export type TalksConcluded = Event<'TalksConcluded', ClaimBasis & {
  talksId: string;
  outcome: TalksOutcome;
  summary: string;
}>;

/** Replaces fields of an earlier claim; the claim itself is never rewritten. */
export type ClaimCorrected = Event<'ClaimCorrected', ClaimBasis & {
  talksId: string;
  /** The corrected claim's event id. */
  eventId: string;
  /** A partial of the claim's data (ids excluded); the merged claim obeys every rule. */
  changes: Readonly<Record<string, unknown>>;
  reason: string;
}>;

/** Withdraws an earlier claim: read models drop its effect. */
export type ClaimRetracted = Event<'ClaimRetracted', ClaimBasis & {
  talksId: string;
  eventId: string;
  reason: string;
}>;

/** Which two claims a link (or its withdrawal) is about, and why. */
type ClaimLinkData = ClaimBasis & {
  talksId: string;
  eventId: string;
  sameAs: string;
  /** The track of `sameAs` when it is another: the link is recorded in the track of `eventId`. */
  sameAsTalksId?: string;
  reason: string;
};

/**
 * An editor's statement that two claims of a track report the same real-world event: together
 * they form one incident, which counts once. `sameAs` is the other claim's event id. Dated and
 * sourced like a retraction: when and on whose word the identity was established.
 */
export type ClaimsLinked = Event<'ClaimsLinked', ClaimLinkData>;

/** Withdraws an earlier link between two claims: they count as separate events again. */
export type ClaimsUnlinked = Event<'ClaimsUnlinked', ClaimLinkData>;

/** Events that state something happened; corrections and retractions act on them. */
export type TalksClaim =
  | TalksOpened
  | EnvoyVisited
  | MeetingScheduled
  | MeetingHeld
  | PrisonerSwapped
  | CeasefireBrokered
  | HostagesReleased
  | CeasefireViolated
  | CeasefireEnded
  | CeasefireExtended
  | TalksStalled
  | TalksResumed
  | TalksConcluded;

export type TalksEvent = TalksClaim | ClaimCorrected | ClaimRetracted | ClaimsLinked | ClaimsUnlinked;

export type TalksEventType = TalksEvent['type'];

export const TALKS_CLAIM_TYPES = [
  'TalksOpened',
  'EnvoyVisited',
  'MeetingScheduled',
  'MeetingHeld',
  'PrisonerSwapped',
  'CeasefireBrokered',
  'HostagesReleased',
  'CeasefireViolated',
  'CeasefireEnded',
  'TalksStalled',
  'TalksResumed',
  'TalksConcluded',
  'CeasefireExtended',
] as const satisfies readonly TalksClaim['type'][];

export const TALKS_EVENT_TYPES = [...TALKS_CLAIM_TYPES, 'ClaimCorrected', 'ClaimRetracted', 'ClaimsLinked', 'ClaimsUnlinked'] as const satisfies readonly TalksEventType[];
