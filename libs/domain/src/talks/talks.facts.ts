import { Map as PersistentMap } from 'immutable';
import { TalksClaim } from './talks.events';
import { OPENED_LIFECYCLE, lifecycleAfter, movesLifecycle } from './talks.lifecycle';
import type { CeasefireRecord, ClaimRecord, MeetingRecord, TalksFacts } from './talks.records';

export const EMPTY_FACTS: TalksFacts = {
  ...OPENED_LIFECYCLE,
  parties: [],
  mediators: [],
  meetings: PersistentMap(),
  swaps: PersistentMap(),
  ceasefires: PersistentMap(),
};

/**
 * The independent parts of the facts. Each claim touches one or two of them, and each part is a
 * fold of the claims that touch it alone, so a correction or retraction recomputes only the parts
 * its claim touches from their own claims: no refold of the whole track.
 */
export type FactKey = 'opening' | 'lifecycle' | `meeting:${string}` | `swap:${string}` | `ceasefire:${string}`;

const entityKeyOf = (claim: TalksClaim): FactKey | undefined => {
  switch (claim.type) {
    case 'TalksOpened':
      return 'opening';
    case 'MeetingScheduled':
    case 'MeetingHeld':
      return `meeting:${claim.data.meetingId}`;
    case 'PrisonerSwapped':
      return `swap:${claim.data.swapId}`;
    case 'CeasefireBrokered':
    case 'CeasefireViolated':
    case 'CeasefireEnded':
    case 'CeasefireExtended':
      return `ceasefire:${claim.data.ceasefireId}`;
    default:
      return undefined;
  }
};

/** The parts a claim touches. Ids cannot be corrected, so they are the same for every version of it. */
export const factKeysOf = (claim: TalksClaim): readonly FactKey[] => {
  const entity = entityKeyOf(claim);
  const keys: FactKey[] = entity === undefined ? [] : [entity];
  if (movesLifecycle(claim.type)) keys.push('lifecycle');
  return keys;
};

const withMeeting = (facts: TalksFacts, meetingId: string, change: (meeting: MeetingRecord) => MeetingRecord): TalksFacts => ({
  ...facts,
  meetings: facts.meetings.set(meetingId, change(facts.meetings.get(meetingId) ?? { meetingId })),
});

/** Changes a known ceasefire; events about one that is not (or no longer) brokered change nothing. */
const withCeasefire = (facts: TalksFacts, ceasefireId: string, change: (ceasefire: CeasefireRecord) => CeasefireRecord): TalksFacts => {
  const ceasefire = facts.ceasefires.get(ceasefireId);
  return ceasefire ? { ...facts, ceasefires: facts.ceasefires.set(ceasefireId, change(ceasefire)) } : facts;
};

/** What a claim changes in its own entity (the opening, a meeting, a swap, a ceasefire). */
const applyToEntity = (facts: TalksFacts, { eventId, claim }: ClaimRecord): TalksFacts => {
  switch (claim.type) {
    case 'TalksOpened':
      return { ...facts, parties: claim.data.parties, mediators: claim.data.mediators };
    case 'MeetingScheduled': {
      const { meetingId, expectedAt } = claim.data;
      return withMeeting(facts, meetingId, (meeting) => (meeting.scheduled ? meeting : { ...meeting, scheduled: { eventId, expectedAt } }));
    }
    case 'MeetingHeld': {
      const { meetingId, occurredAt, precision } = claim.data;
      return withMeeting(facts, meetingId, (meeting) => (meeting.held ? meeting : { ...meeting, held: { eventId, occurredAt, precision } }));
    }
    case 'PrisonerSwapped': {
      const { swapId, occurredAt, releases } = claim.data;
      if (facts.swaps.has(swapId)) return facts;
      const releaseCount = Array.isArray(releases) ? releases.length : 0;
      return { ...facts, swaps: facts.swaps.set(swapId, { swapId, eventId, occurredAt, releases: releaseCount }) };
    }
    case 'CeasefireBrokered': {
      const { ceasefireId, occurredAt, precision, effectiveFrom, endsAt } = claim.data;
      if (facts.ceasefires.has(ceasefireId)) return facts;
      const ceasefire: CeasefireRecord = { ceasefireId, eventId, occurredAt, precision, effectiveFrom, violations: [], ...(endsAt === undefined ? {} : { endsAt }) };
      return { ...facts, ceasefires: facts.ceasefires.set(ceasefireId, ceasefire) };
    }
    case 'CeasefireViolated':
      return withCeasefire(facts, claim.data.ceasefireId, (ceasefire) => ({ ...ceasefire, violations: [...ceasefire.violations, eventId] }));
    case 'CeasefireExtended': {
      const { occurredAt, precision, endsAt } = claim.data;
      return withCeasefire(facts, claim.data.ceasefireId, (ceasefire) => ({
        ...ceasefire,
        extensions: [...(ceasefire.extensions ?? []), { eventId, occurredAt, precision, endsAt }],
      }));
    }
    case 'CeasefireEnded': {
      const { occurredAt, occurredUntil, precision, reason } = claim.data;
      const range = occurredUntil === undefined ? {} : { occurredUntil };
      return withCeasefire(facts, claim.data.ceasefireId, (ceasefire) =>
        ceasefire.ended ? ceasefire : { ...ceasefire, ended: { eventId, occurredAt, precision, reason, ...range } },
      );
    }
    default:
      // Visits, releases, lifecycle claims, and types from a newer version of this code.
      return facts;
  }
};

const applyToPart = (facts: TalksFacts, key: FactKey, record: ClaimRecord): TalksFacts => {
  if (key !== 'lifecycle') return applyToEntity(facts, record);
  const { status, engaged } = lifecycleAfter(facts, record.claim.type);
  return status === facts.status && engaged === facts.engaged ? facts : { ...facts, status, engaged };
};

/** What one live claim adds to the facts. Tolerant: a claim that no longer fits is skipped, never thrown on. */
export const applyClaim = (facts: TalksFacts, record: ClaimRecord): TalksFacts =>
  factKeysOf(record.claim).reduce((applied, key) => applyToPart(applied, key, record), facts);

const resetPart = (facts: TalksFacts, key: FactKey): TalksFacts => {
  if (key === 'opening') return { ...facts, parties: EMPTY_FACTS.parties, mediators: EMPTY_FACTS.mediators };
  if (key === 'lifecycle') return { ...facts, ...OPENED_LIFECYCLE };
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'meeting') return { ...facts, meetings: facts.meetings.delete(id) };
  if (kind === 'swap') return { ...facts, swaps: facts.swaps.delete(id) };
  return { ...facts, ceasefires: facts.ceasefires.delete(id) };
};

/** One part as the live claims that touch it (in recorded order) establish it, the rest left as it is. */
export const recomputePart = (facts: TalksFacts, key: FactKey, records: Iterable<ClaimRecord>): TalksFacts => {
  let recomputed = resetPart(facts, key);
  for (const record of records) if (!record.retracted) recomputed = applyToPart(recomputed, key, record);
  return recomputed;
};

/** The facts as the live claims (not retracted, corrections merged) establish them, in recorded order. */
export const deriveFacts = (records: Iterable<ClaimRecord>): TalksFacts => {
  let facts = EMPTY_FACTS;
  for (const record of records) if (!record.retracted) facts = applyClaim(facts, record);
  return facts;
};
