import { Precision, TalksLifecycle, lifecycleAfter, movesLifecycle } from '@parley/domain';
import { ClaimData, ClaimType, Range, ZERO_RANGE, addRanges, compact, isRecord, rangeOf, recordsOf, textOf, textsOf } from './claim-data';
import { startOf } from './claim-dates';

/**
 * The status of one track, as its live claims add up to. One pure step (`applyToStatus`) serves
 * both paths: a new claim is applied to the stored doc; after a correction or retraction, and for
 * time travel, the doc is refolded from the live claims (`foldStatus`). The lifecycle steps through
 * the domain's own transitions (`lifecycleAfter`), so the read model never disagrees with the decider.
 */

export type StatusClaim = Readonly<{
  eventId: string;
  type: ClaimType;
  /** The claim's data with every correction merged in. */
  data: ClaimData;
  revision: number;
  position: string;
}>;

export type PendingMeeting = Readonly<{
  meetingId: string;
  eventId: string;
  expectedAt: string;
  participants: readonly string[];
  location: Readonly<{ country?: string; city?: string }>;
}>;

export type CeasefireViolation = Readonly<{ eventId: string; at: string; precision: Precision; allegedBy?: string; against?: string }>;

export type CeasefireDoc = Readonly<{
  ceasefireId: string;
  eventId: string;
  brokeredAt: string;
  precision: Precision;
  effectiveFrom: string;
  endsAt?: string;
  parties: readonly string[];
  mediators: readonly string[];
  violations: readonly CeasefireViolation[];
  ended?: Readonly<{ eventId: string; at: string; precision: Precision; reason: string }>;
}>;

export type StatusCounts = Readonly<{
  meetings: number;
  visits: number;
  swaps: number;
  hostagesFreed: Range;
  prisonersFreed: Range;
}>;

export type TalksStatusDoc = Readonly<{
  talksId: string;
  title: string;
  subject: string;
  parties: readonly string[];
  mediators: readonly string[];
  openedAt: string;
  lifecycle: TalksLifecycle;
  concluded?: Readonly<{ outcome: string; summary: string; at: string }>;
  counts: StatusCounts;
  /** The latest occurredAt of any live claim (compared at each date's own grain). */
  lastActivityAt: string;
  /** Scheduled meetings not (yet) held, in the order they were scheduled. */
  scheduledMeetings: readonly PendingMeeting[];
  ceasefires: readonly CeasefireDoc[];
  /** The last event applied to the track: a claim, or a correction or retraction that refolded it. */
  revision: number;
  position: string;
}>;

const EMPTY_COUNTS: StatusCounts = { meetings: 0, visits: 0, swaps: 0, hostagesFreed: ZERO_RANGE, prisonersFreed: ZERO_RANGE };

const precisionOf = (data: ClaimData): Precision => (data.precision as Precision | undefined) ?? 'day';

const opening = (claim: StatusClaim): TalksStatusDoc => {
  const { data } = claim;
  const occurredAt = textOf(data.occurredAt) ?? '';
  return {
    talksId: textOf(data.talksId) ?? '',
    title: textOf(data.title) ?? '',
    subject: textOf(data.subject) ?? '',
    parties: textsOf(data.parties),
    mediators: textsOf(data.mediators),
    openedAt: occurredAt,
    lifecycle: 'open',
    counts: EMPTY_COUNTS,
    lastActivityAt: occurredAt,
    scheduledMeetings: [],
    ceasefires: [],
    revision: claim.revision,
    position: claim.position,
  };
};

/** A visit or a held meeting engages the talks: the doc counts them. */
const isEngaged = (doc: TalksStatusDoc): boolean => doc.counts.visits + doc.counts.meetings > 0;

/** The lifecycle after a claim, as the decider's facts would have it. Called before the claim is counted. */
const moveLifecycle = (doc: TalksStatusDoc, type: ClaimType): TalksStatusDoc => {
  if (!movesLifecycle(type)) return doc;
  const { status } = lifecycleAfter({ status: doc.lifecycle, engaged: isEngaged(doc) }, type);
  return status === doc.lifecycle ? doc : { ...doc, lifecycle: status };
};

const count = (doc: TalksStatusDoc, change: Partial<StatusCounts>): TalksStatusDoc => ({ ...doc, counts: { ...doc.counts, ...change } });

/** Changes a ceasefire brokered in this track; events about one that is not (any longer) change nothing. */
const withCeasefire = (doc: TalksStatusDoc, ceasefireId: unknown, change: (ceasefire: CeasefireDoc) => CeasefireDoc): TalksStatusDoc =>
  doc.ceasefires.some((c) => c.ceasefireId === ceasefireId)
    ? { ...doc, ceasefires: doc.ceasefires.map((c) => (c.ceasefireId === ceasefireId ? change(c) : c)) }
    : doc;

const later = (a: string, b: string): string => ((startOf(b) ?? -Infinity) >= (startOf(a) ?? -Infinity) ? b : a);

/** What one claim changes in the doc's own records, besides the lifecycle, activity date and revision. */
const applyClaim = (doc: TalksStatusDoc, { eventId, type, data }: StatusClaim): TalksStatusDoc => {
  switch (type) {
    case 'TalksOpened':
      return doc; // a second opening changes nothing (the projection does not even store one)
    case 'EnvoyVisited':
      return count(doc, { visits: doc.counts.visits + 1 });
    case 'MeetingScheduled': {
      const meetingId = textOf(data.meetingId);
      const expectedAt = textOf(data.expectedAt);
      if (!meetingId || !expectedAt || doc.scheduledMeetings.some((m) => m.meetingId === meetingId)) return doc;
      const location = isRecord(data.location) ? { country: textOf(data.location.country), city: textOf(data.location.city) } : {};
      const meeting: PendingMeeting = { meetingId, eventId, expectedAt, participants: textsOf(data.participants), location: compact(location) };
      return { ...doc, scheduledMeetings: [...doc.scheduledMeetings, meeting] };
    }
    case 'MeetingHeld': {
      const fulfilled = { ...doc, scheduledMeetings: doc.scheduledMeetings.filter((m) => m.meetingId !== data.meetingId) };
      return count(fulfilled, { meetings: doc.counts.meetings + 1 });
    }
    case 'PrisonerSwapped': {
      const freed = recordsOf(data.releases).length;
      return count(doc, { swaps: doc.counts.swaps + 1, prisonersFreed: addRanges(doc.counts.prisonersFreed, { best: freed, low: freed, high: freed }) });
    }
    case 'HostagesReleased':
      return count(doc, {
        hostagesFreed: addRanges(doc.counts.hostagesFreed, rangeOf(data.count)),
        prisonersFreed: addRanges(doc.counts.prisonersFreed, rangeOf(data.prisonersReleasedInExchange)),
      });
    case 'CeasefireBrokered': {
      const ceasefireId = textOf(data.ceasefireId);
      const effectiveFrom = textOf(data.effectiveFrom);
      if (!ceasefireId || !effectiveFrom || doc.ceasefires.some((c) => c.ceasefireId === ceasefireId)) return doc;
      const endsAt = textOf(data.endsAt);
      const ceasefire: CeasefireDoc = {
        ceasefireId,
        eventId,
        brokeredAt: textOf(data.occurredAt) ?? '',
        precision: precisionOf(data),
        effectiveFrom,
        ...(endsAt === undefined ? {} : { endsAt }),
        parties: textsOf(data.parties),
        mediators: textsOf(data.mediators),
        violations: [],
      };
      return { ...doc, ceasefires: [...doc.ceasefires, ceasefire] };
    }
    case 'CeasefireViolated':
      return withCeasefire(doc, data.ceasefireId, (c) => ({
        ...c,
        violations: [
          ...c.violations,
          compact({ eventId, at: textOf(data.occurredAt) ?? '', precision: precisionOf(data), allegedBy: textOf(data.allegedBy), against: textOf(data.against) }),
        ],
      }));
    case 'CeasefireEnded':
      return withCeasefire(doc, data.ceasefireId, (c) =>
        c.ended ? c : { ...c, ended: { eventId, at: textOf(data.occurredAt) ?? '', precision: precisionOf(data), reason: textOf(data.reason) ?? 'expired' } },
      );
    case 'TalksStalled':
    case 'TalksResumed':
      return doc;
    case 'TalksConcluded':
      return { ...doc, concluded: { outcome: textOf(data.outcome) ?? '', summary: textOf(data.summary) ?? '', at: textOf(data.occurredAt) ?? '' } };
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
};

/**
 * The doc with one more live claim applied. A track starts with its opening; anything before it
 * (which the projection never stores) leaves the doc undefined.
 */
export const applyToStatus = (doc: TalksStatusDoc | undefined, claim: StatusClaim): TalksStatusDoc | undefined => {
  if (!doc) return claim.type === 'TalksOpened' ? opening(claim) : undefined;
  const applied = applyClaim(moveLifecycle(doc, claim.type), claim);
  const occurredAt = textOf(claim.data.occurredAt);
  return {
    ...applied,
    lastActivityAt: occurredAt === undefined ? applied.lastActivityAt : later(applied.lastActivityAt, occurredAt),
    revision: claim.revision,
    position: claim.position,
  };
};

/** The doc as a track's live claims (in position order) establish it. */
export const foldStatus = (claims: readonly StatusClaim[]): TalksStatusDoc | undefined =>
  claims.reduce<TalksStatusDoc | undefined>(applyToStatus, undefined);
