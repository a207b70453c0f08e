import { LifecycleFacts, OPENED_LIFECYCLE, Precision, TalksLifecycle, lifecycleAfter, movesLifecycle } from '@parley/domain';
import { ClaimData, ClaimType, Range, ZERO_RANGE, addRanges, compact, isRecord, rangeOf, recordsOf, textOf, textsOf } from './claim-data';
import { startOf } from './claim-dates';
import { isCounted } from './claim-stance';
import { ClaimPlace, hostOf, placeOf } from './claim-place';

/**
 * The status of one track, as its live claims add up to. It has two halves: a core of constant
 * size (counts, lifecycle, dates) and the lists that grow with history (meetings still pending,
 * ceasefires and their violations), kept behind `StatusLists` so the projection can hold them as
 * rows and a fold in memory. One step (`stepStatus`) writes to either, so the rules exist once.
 * The lifecycle steps through the domain's own transitions (`lifecycleAfter`), so the read model
 * never disagrees with the decider.
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
  location: Partial<ClaimPlace>;
  hostedBy?: string;
}>;

export type CeasefireViolation = Readonly<{ eventId: string; at: string; precision: Precision; allegedBy?: string; against?: string }>;

/** An extension: from its own date (`at`) on, `endsAt` is the ceasefire's end in force. */
export type CeasefireExtension = Readonly<{
  eventId: string;
  at: string;
  precision: Precision;
  endsAt: string;
  terms?: Readonly<{ summary?: string; hostagesToRelease?: Range; prisonersToRelease?: Range }>;
}>;

export type CeasefireDoc = Readonly<{
  ceasefireId: string;
  eventId: string;
  brokeredAt: string;
  precision: Precision;
  effectiveFrom: string;
  endsAt?: string;
  parties: readonly string[];
  mediators: readonly string[];
  /** Where it was agreed, and who hosted (v2), when the claim says. */
  place?: ClaimPlace;
  hostedBy?: string;
  violations: readonly CeasefireViolation[];
  /** In the order of their dates (recorded order among equal dates): the last one dated by a day sets the end in force then. */
  extensions: readonly CeasefireExtension[];
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
  /** Absent when the track was opened undated. */
  openedAt?: string;
  lifecycle: TalksLifecycle;
  /** Whether a substantive claim (visit, held meeting, swap, ceasefire, release) ever made the talks active: kept for the lifecycle, not served. */
  engaged: boolean;
  concluded?: Readonly<{ outcome: string; summary: string; at: string }>;
  counts: StatusCounts;
  /** The latest occurredAt of any live claim (compared at each date's own grain); absent while none is dated. */
  lastActivityAt?: string;
  /** Scheduled meetings not (yet) held, in the order they were scheduled. */
  scheduledMeetings: readonly PendingMeeting[];
  ceasefires: readonly CeasefireDoc[];
  /** The last event applied to the track: a claim, or a correction or retraction that refolded it. */
  revision: number;
  position: string;
}>;


/** The part of the doc that does not grow with history: what the projection stores as one document. */
export type StatusCore = Omit<TalksStatusDoc, 'scheduledMeetings' | 'ceasefires'>;

/** A ceasefire without its violations, which are listed apart because they grow. */
export type CeasefireEntry = Omit<CeasefireDoc, 'violations'>;

/**
 * Where a status keeps what grows with history. Meetings and ceasefires list in the order of the
 * claim that added them, violations in the order they were reported (`position` orders them).
 */
export interface StatusLists {
  hasMeeting(meetingId: string): boolean;
  addMeeting(meeting: PendingMeeting, position: string): void;
  removeMeeting(meetingId: string): void;
  ceasefire(ceasefireId: string): CeasefireEntry | undefined;
  addCeasefire(ceasefire: CeasefireEntry, position: string): void;
  addViolation(ceasefireId: string, violation: CeasefireViolation, position: string): void;
  endCeasefire(ceasefireId: string, ended: NonNullable<CeasefireEntry['ended']>): void;
  extendCeasefire(ceasefireId: string, extension: CeasefireExtension): void;
  /** Forgets a meeting or a ceasefire (with its violations), before the claims about it are applied again. */
  reset(key: ListKey): void;
}

/** The entity a claim's list entry belongs to: what a correction or retraction of it refolds. */
export type ListKey = Readonly<{ kind: 'meeting' | 'ceasefire'; id: string }>;

export const listKeyOf = (type: ClaimType, data: ClaimData): ListKey | undefined => {
  if (type === 'MeetingScheduled' || type === 'MeetingHeld') {
    const id = textOf(data.meetingId);
    return id === undefined ? undefined : { kind: 'meeting', id };
  }
  if (type === 'CeasefireBrokered' || type === 'CeasefireViolated' || type === 'CeasefireEnded' || type === 'CeasefireExtended') {
    const id = textOf(data.ceasefireId);
    return id === undefined ? undefined : { kind: 'ceasefire', id };
  }
  return undefined;
};

export const EMPTY_COUNTS: StatusCounts = { meetings: 0, visits: 0, swaps: 0, hostagesFreed: ZERO_RANGE, prisonersFreed: ZERO_RANGE };

const precisionOf = (data: ClaimData): Precision => (data.precision as Precision | undefined) ?? 'day';

/** What the opening says about the track; a correction of the opening rewrites exactly these. */
export const openingOf = (data: ClaimData) => ({
  talksId: textOf(data.talksId) ?? '',
  title: textOf(data.title) ?? '',
  subject: textOf(data.subject) ?? '',
  parties: textsOf(data.parties),
  mediators: textsOf(data.mediators),
  openedAt: textOf(data.occurredAt),
});

const opening = (claim: StatusClaim): StatusCore => {
  const fields = openingOf(claim.data);
  return compact({ ...fields, lifecycle: 'open', engaged: false, counts: EMPTY_COUNTS, lastActivityAt: fields.openedAt, revision: claim.revision, position: claim.position });
};

/**
 * How many a swap freed: its total where given (a swap of 26 that names 5 frees 26), else the
 * people it names. The named are certainly among the freed, so no bound falls below their number.
 */
export const swapFreed = (data: ClaimData): Range => {
  const named = recordsOf(data.releases).length;
  if (!isRecord(data.total)) return { best: named, low: named, high: named };
  const total = rangeOf(data.total);
  return { best: Math.max(total.best, named), low: Math.max(total.low, named), high: Math.max(total.high, named) };
};

/**
 * What one claim adds to the counts. Counts are sums, so a correction or retraction takes the old
 * contribution out and puts the new one in. A claim every source denies adds nothing: a denied
 * meeting is not a meeting held (a correction of its stances puts it back).
 */
export const contributionOf = (type: ClaimType, data: ClaimData): StatusCounts => {
  if (!isCounted(data)) return EMPTY_COUNTS;
  switch (type) {
    case 'EnvoyVisited':
      return { ...EMPTY_COUNTS, visits: 1 };
    case 'MeetingHeld':
      return { ...EMPTY_COUNTS, meetings: 1 };
    case 'PrisonerSwapped':
      return { ...EMPTY_COUNTS, swaps: 1, prisonersFreed: swapFreed(data) };
    case 'HostagesReleased':
      return { ...EMPTY_COUNTS, hostagesFreed: rangeOf(data.count), prisonersFreed: rangeOf(data.prisonersReleasedInExchange) };
    default:
      return EMPTY_COUNTS;
  }
};

export const addCounts = (a: StatusCounts, b: StatusCounts, sign: 1 | -1 = 1): StatusCounts => {
  const signed = sign === 1 ? (r: Range) => r : (r: Range) => ({ best: -r.best, low: -r.low, high: -r.high });
  return {
    meetings: a.meetings + sign * b.meetings,
    visits: a.visits + sign * b.visits,
    swaps: a.swaps + sign * b.swaps,
    hostagesFreed: addRanges(a.hostagesFreed, signed(b.hostagesFreed)),
    prisonersFreed: addRanges(a.prisonersFreed, signed(b.prisonersFreed)),
  };
};

/** The lifecycle after a claim, as the decider's facts would have it. */
const moveLifecycle = (core: StatusCore, type: ClaimType): StatusCore => {
  if (!movesLifecycle(type)) return core;
  const { status, engaged } = lifecycleAfter({ status: core.lifecycle, engaged: core.engaged }, type);
  return status === core.lifecycle && engaged === core.engaged ? core : { ...core, lifecycle: status, engaged };
};

/** The lifecycle that live lifecycle claims of these types (in recorded order) lead to. */
export const lifecycleOf = (types: Iterable<string>): LifecycleFacts => {
  let facts = OPENED_LIFECYCLE;
  for (const type of types) facts = lifecycleAfter(facts, type);
  return facts;
};

export const concludedOf = (data: ClaimData): NonNullable<StatusCore['concluded']> => ({
  outcome: textOf(data.outcome) ?? '',
  summary: textOf(data.summary) ?? '',
  at: textOf(data.occurredAt) ?? '',
});

/** Which of two activity dates is later at each one's own grain; on a tie, the one recorded later. */
export const later = (a: string | undefined, b: string): string => (a === undefined || (startOf(b) ?? -Infinity) >= (startOf(a) ?? -Infinity) ? b : a);

const extensionTermsOf = (terms: unknown): CeasefireExtension['terms'] =>
  isRecord(terms)
    ? compact({
        summary: textOf(terms.summary),
        hostagesToRelease: isRecord(terms.hostagesToRelease) ? rangeOf(terms.hostagesToRelease) : undefined,
        prisonersToRelease: isRecord(terms.prisonersToRelease) ? rangeOf(terms.prisonersToRelease) : undefined,
      })
    : undefined;

/** The extensions with one more, kept in the order of their dates; a later-recorded one goes after those of the same start. */
export const withExtension = (extensions: readonly CeasefireExtension[] | undefined, extension: CeasefireExtension): readonly CeasefireExtension[] => {
  const start = startOf(extension.at, extension.precision) ?? -Infinity;
  const list = [...(extensions ?? [])];
  const after = list.findIndex((other) => (startOf(other.at, other.precision) ?? -Infinity) > start);
  list.splice(after < 0 ? list.length : after, 0, extension);
  return list;
};

/** What one claim changes in the lists: pending meetings, ceasefires, violations, extensions. */
export const applyToLists = (lists: StatusLists, { eventId, type, data, position }: StatusClaim): void => {
  const key = listKeyOf(type, data);
  if (!key) return;
  switch (type) {
    case 'MeetingScheduled': {
      const expectedAt = textOf(data.expectedAt);
      if (!expectedAt || lists.hasMeeting(key.id)) return;
      const location = placeOf(type, data) ?? {};
      lists.addMeeting(compact({ meetingId: key.id, eventId, expectedAt, participants: textsOf(data.participants), location, hostedBy: hostOf(data) }), position);
      return;
    }
    case 'MeetingHeld':
      lists.removeMeeting(key.id);
      return;
    case 'CeasefireBrokered': {
      const effectiveFrom = textOf(data.effectiveFrom);
      if (!effectiveFrom || lists.ceasefire(key.id)) return;
      const endsAt = textOf(data.endsAt);
      lists.addCeasefire(
        {
          ceasefireId: key.id,
          eventId,
          brokeredAt: textOf(data.occurredAt) ?? '',
          precision: precisionOf(data),
          effectiveFrom,
          ...(endsAt === undefined ? {} : { endsAt }),
          parties: textsOf(data.parties),
          mediators: textsOf(data.mediators),
          extensions: [],
          ...compact({ place: placeOf(type, data), hostedBy: hostOf(data) }),
        },
        position,
      );
      return;
    }
    case 'CeasefireViolated':
      if (!lists.ceasefire(key.id)) return;
      lists.addViolation(
        key.id,
        compact({ eventId, at: textOf(data.occurredAt) ?? '', precision: precisionOf(data), allegedBy: textOf(data.allegedBy), against: textOf(data.against) }),
        position,
      );
      return;
    case 'CeasefireExtended': {
      const endsAt = textOf(data.endsAt);
      if (!endsAt || !lists.ceasefire(key.id)) return;
      lists.extendCeasefire(key.id, compact({ eventId, at: textOf(data.occurredAt) ?? '', precision: precisionOf(data), endsAt, terms: extensionTermsOf(data.terms) }));
      return;
    }
    case 'CeasefireEnded': {
      const ceasefire = lists.ceasefire(key.id);
      if (!ceasefire || ceasefire.ended) return;
      lists.endCeasefire(key.id, { eventId, at: textOf(data.occurredAt) ?? '', precision: precisionOf(data), reason: textOf(data.reason) ?? 'expired' });
      return;
    }
  }
};

/** What one claim changes in the core: lifecycle, counts, conclusion, last activity, and the stamp. */
const applyToCore = (core: StatusCore, claim: StatusClaim): StatusCore => {
  const moved = moveLifecycle(core, claim.type);
  const occurredAt = textOf(claim.data.occurredAt);
  return {
    ...moved,
    counts: addCounts(moved.counts, contributionOf(claim.type, claim.data)),
    ...(claim.type === 'TalksConcluded' ? { concluded: concludedOf(claim.data) } : {}),
    lastActivityAt: occurredAt === undefined ? moved.lastActivityAt : later(moved.lastActivityAt, occurredAt),
    revision: claim.revision,
    position: claim.position,
  };
};

/**
 * The core with one more live claim applied, its lists changed in place. A track starts with its
 * opening; anything before it (which the projection never stores) leaves the core undefined.
 */
export const stepStatus = (core: StatusCore | undefined, lists: StatusLists, claim: StatusClaim): StatusCore | undefined => {
  if (!core) return claim.type === 'TalksOpened' ? opening(claim) : undefined;
  applyToLists(lists, claim);
  return applyToCore(core, claim);
};

/** Lists held in memory, in the order the step adds to them: what a fold of claims uses. */
const memoryLists = (doc?: TalksStatusDoc) => {
  const meetings = new Map((doc?.scheduledMeetings ?? []).map((m) => [m.meetingId, m]));
  const ceasefires = new Map((doc?.ceasefires ?? []).map(({ violations, ...c }) => [c.ceasefireId, { entry: c as CeasefireEntry, violations: [...violations] }]));
  const lists: StatusLists = {
    hasMeeting: (id) => meetings.has(id),
    addMeeting: (meeting) => void meetings.set(meeting.meetingId, meeting),
    removeMeeting: (id) => void meetings.delete(id),
    ceasefire: (id) => ceasefires.get(id)?.entry,
    addCeasefire: (entry) => void ceasefires.set(entry.ceasefireId, { entry, violations: [] }),
    addViolation: (id, violation) => void ceasefires.get(id)?.violations.push(violation),
    endCeasefire: (id, ended) => {
      const held = ceasefires.get(id);
      if (held) held.entry = { ...held.entry, ended };
    },
    extendCeasefire: (id, extension) => {
      const held = ceasefires.get(id);
      if (held) held.entry = { ...held.entry, extensions: withExtension(held.entry.extensions, extension) };
    },
    reset: ({ kind, id }) => void (kind === 'meeting' ? meetings.delete(id) : ceasefires.delete(id)),
  };
  const docOf = (core: StatusCore): TalksStatusDoc => ({
    ...core,
    scheduledMeetings: [...meetings.values()],
    ceasefires: [...ceasefires.values()].map(({ entry, violations }) => ({ ...entry, violations })),
  });
  return { lists, docOf };
};

const coreOf = ({ scheduledMeetings: _meetings, ceasefires: _ceasefires, ...core }: TalksStatusDoc): StatusCore => core;

/** The doc with one more live claim applied. */
export const applyToStatus = (doc: TalksStatusDoc | undefined, claim: StatusClaim): TalksStatusDoc | undefined => {
  const { lists, docOf } = memoryLists(doc);
  const core = stepStatus(doc && coreOf(doc), lists, claim);
  return core && docOf(core);
};

/** The doc as a track's live claims (in position order) establish it. */
export const foldStatus = (claims: readonly StatusClaim[]): TalksStatusDoc | undefined => {
  const { lists, docOf } = memoryLists();
  let core: StatusCore | undefined;
  for (const claim of claims) core = stepStatus(core, lists, claim);
  return core && docOf(core);
};
