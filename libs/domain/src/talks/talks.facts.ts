import type { CeasefireRecord, ClaimRecord, MeetingRecord, TalksFacts } from './talks.records';

export const EMPTY_FACTS: TalksFacts = {
  status: 'open',
  engaged: false,
  parties: [],
  mediators: [],
  meetings: new Map(),
  swaps: new Map(),
  ceasefires: new Map(),
};

/** A visit or a held meeting makes open talks active; stalled talks stay stalled until resumed. */
const engage = (facts: TalksFacts): TalksFacts => ({ ...facts, engaged: true, status: facts.status === 'open' ? 'active' : facts.status });

const withMeeting = (facts: TalksFacts, meetingId: string, change: (meeting: MeetingRecord) => MeetingRecord): TalksFacts => ({
  ...facts,
  meetings: new Map(facts.meetings).set(meetingId, change(facts.meetings.get(meetingId) ?? { meetingId })),
});

/** Changes a known ceasefire; events about one that is not (or no longer) brokered change nothing. */
const withCeasefire = (facts: TalksFacts, ceasefireId: string, change: (ceasefire: CeasefireRecord) => CeasefireRecord): TalksFacts => {
  const ceasefire = facts.ceasefires.get(ceasefireId);
  return ceasefire ? { ...facts, ceasefires: new Map(facts.ceasefires).set(ceasefireId, change(ceasefire)) } : facts;
};

/** What one live claim adds to the facts. Tolerant: a claim that no longer fits is skipped, never thrown on. */
export const applyClaim = (facts: TalksFacts, { eventId, claim }: ClaimRecord): TalksFacts => {
  switch (claim.type) {
    case 'TalksOpened':
      return { ...facts, parties: claim.data.parties, mediators: claim.data.mediators };
    case 'EnvoyVisited':
      return engage(facts);
    case 'MeetingScheduled': {
      const { meetingId, expectedAt } = claim.data;
      return withMeeting(facts, meetingId, (meeting) => (meeting.scheduled ? meeting : { ...meeting, scheduled: { eventId, expectedAt } }));
    }
    case 'MeetingHeld': {
      const { meetingId, occurredAt, precision } = claim.data;
      const held = withMeeting(facts, meetingId, (meeting) => (meeting.held ? meeting : { ...meeting, held: { eventId, occurredAt, precision } }));
      return engage(held);
    }
    case 'PrisonerSwapped': {
      const { swapId, occurredAt, releases } = claim.data;
      if (facts.swaps.has(swapId)) return facts;
      const releaseCount = Array.isArray(releases) ? releases.length : 0;
      return { ...facts, swaps: new Map(facts.swaps).set(swapId, { swapId, eventId, occurredAt, releases: releaseCount }) };
    }
    case 'CeasefireBrokered': {
      const { ceasefireId, occurredAt, precision, effectiveFrom, endsAt } = claim.data;
      if (facts.ceasefires.has(ceasefireId)) return facts;
      const ceasefire: CeasefireRecord = { ceasefireId, eventId, occurredAt, precision, effectiveFrom, violations: [], ...(endsAt === undefined ? {} : { endsAt }) };
      return { ...facts, ceasefires: new Map(facts.ceasefires).set(ceasefireId, ceasefire) };
    }
    case 'HostagesReleased':
      return facts;
    case 'CeasefireViolated':
      return withCeasefire(facts, claim.data.ceasefireId, (ceasefire) => ({ ...ceasefire, violations: [...ceasefire.violations, eventId] }));
    case 'CeasefireEnded': {
      const { occurredAt, precision, reason } = claim.data;
      return withCeasefire(facts, claim.data.ceasefireId, (ceasefire) =>
        ceasefire.ended ? ceasefire : { ...ceasefire, ended: { eventId, occurredAt, precision, reason } },
      );
    }
    case 'TalksStalled':
      return facts.status === 'open' || facts.status === 'active' ? { ...facts, status: 'stalled' } : facts;
    case 'TalksResumed':
      return facts.status === 'stalled' ? { ...facts, status: facts.engaged ? 'active' : 'open' } : facts;
    case 'TalksConcluded':
      return { ...facts, status: 'concluded' };
    default: {
      const _exhaustive: never = claim;
      // A type from a newer version of this code: nothing here knows how to apply it.
      void _exhaustive;
      return facts;
    }
  }
};

/** The facts as the live claims (not retracted, corrections merged) establish them, in recorded order. */
export const deriveFacts = (records: Iterable<ClaimRecord>): TalksFacts => {
  let facts = EMPTY_FACTS;
  for (const record of records) if (!record.retracted) facts = applyClaim(facts, record);
  return facts;
};
