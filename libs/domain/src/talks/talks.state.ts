import { Identified } from '../shared/event';
import { mergeChanges } from './claim.fields';
import { EMPTY_FACTS, applyClaim, deriveFacts } from './talks.facts';

export type { CeasefireRecord, ClaimRecord, MeetingRecord, SwapRecord, TalksFacts, TalksLifecycle } from './talks.records';
import { TALKS_CLAIM_TYPES, TalksClaim, TalksEvent } from './talks.events';
import { ClaimRecord, TalksFacts } from './talks.records';

export type NotOpenedTalks = Readonly<{ status: 'not_opened' }>;

export type OpenedTalks = TalksFacts &
  Readonly<{
    talksId: string;
    /** Every claim by event id, in recorded order. */
    claims: ReadonlyMap<string, ClaimRecord>;
    /** Ids of the corrections and retractions recorded, which are not claims themselves. */
    amendments: ReadonlyMap<string, 'ClaimCorrected' | 'ClaimRetracted'>;
  }>;

export type TalksState = NotOpenedTalks | OpenedTalks;

export const initialTalksState = (): TalksState => ({ status: 'not_opened' });

const withClaims = (state: OpenedTalks, claims: ReadonlyMap<string, ClaimRecord>): OpenedTalks => ({
  ...state,
  ...deriveFacts(claims.values()),
  claims,
});

const amend = (state: OpenedTalks, eventId: string, change: (record: ClaimRecord) => ClaimRecord): ReadonlyMap<string, ClaimRecord> => {
  const target = state.claims.get(eventId);
  return target ? new Map(state.claims).set(eventId, change(target)) : state.claims;
};

/**
 * Folds a recorded event. Never throws: whatever cannot apply (a claim before the opening, a
 * second opening, an amendment of an unknown claim) is kept out of the facts.
 */
export const evolveTalks = (state: TalksState, event: Identified<TalksEvent>): TalksState => {
  if (state.status === 'not_opened') {
    if (event.type !== 'TalksOpened') return state;
    const record: ClaimRecord = { eventId: event.id, claim: { type: event.type, data: event.data }, retracted: false };
    return {
      ...applyClaim(EMPTY_FACTS, record),
      talksId: event.data.talksId,
      claims: new Map([[event.id, record]]),
      amendments: new Map(),
    };
  }
  if (state.claims.has(event.id) || state.amendments.has(event.id)) return state;

  switch (event.type) {
    case 'ClaimCorrected': {
      const amended = { ...state, amendments: new Map(state.amendments).set(event.id, event.type) };
      const claims = amend(state, event.data.eventId, (record) => ({ ...record, claim: mergeChanges(record.claim, event.data.changes) }));
      return withClaims(amended, claims);
    }
    case 'ClaimRetracted': {
      const amended = { ...state, amendments: new Map(state.amendments).set(event.id, event.type) };
      const claims = amend(state, event.data.eventId, (record) =>
        record.claim.type === 'TalksOpened' ? record : { ...record, retracted: true },
      );
      return withClaims(amended, claims);
    }
    case 'TalksOpened':
      return state;
    default: {
      if (!(TALKS_CLAIM_TYPES as readonly string[]).includes(event.type)) return state;
      const record: ClaimRecord = { eventId: event.id, claim: { type: event.type, data: event.data } as TalksClaim, retracted: false };
      return { ...state, ...applyClaim(state, record), claims: new Map(state.claims).set(event.id, record) };
    }
  }
};
