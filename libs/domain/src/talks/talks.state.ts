import { List, Map as PersistentMap, OrderedMap, Set as PersistentSet } from 'immutable';
import { Identified } from '../shared/event';
import { mergeChanges } from './claim.fields';
import { EMPTY_FACTS, FactKey, applyClaim, factKeysOf, recomputePart } from './talks.facts';

export type { CeasefireExtensionRecord, CeasefireRecord, ClaimRecord, MeetingRecord, SwapRecord, TalksFacts, TalksLifecycle } from './talks.records';
import { ClaimsLinked, ClaimsUnlinked, TALKS_CLAIM_TYPES, TalksClaim, TalksEvent } from './talks.events';
import { ClaimRecord, TalksFacts } from './talks.records';

export type NotOpenedTalks = Readonly<{ status: 'not_opened' }>;

export type OpenedTalks = TalksFacts &
  Readonly<{
    talksId: string;
    /** Every claim by event id, in recorded order. */
    claims: OrderedMap<string, ClaimRecord>;
    /** Ids of the corrections, retractions and links recorded, which are not claims themselves. */
    amendments: PersistentMap<string, AmendmentType>;
    /** The live links between claims (same real-world event), both ways: claim id → the claims it is linked to. */
    linked: PersistentMap<string, PersistentSet<string>>;
    /** For each part of the facts, the claims that touch it in recorded order: what an amendment recomputes. */
    claimsByPart: PersistentMap<FactKey, List<string>>;
  }>;

export type TalksState = NotOpenedTalks | OpenedTalks;

export type AmendmentType = 'ClaimCorrected' | 'ClaimRetracted' | 'ClaimsLinked' | 'ClaimsUnlinked';

export const initialTalksState = (): TalksState => ({ status: 'not_opened' });

const IS_CLAIM_TYPE: ReadonlySet<string> = new Set(TALKS_CLAIM_TYPES);

const indexed = (state: OpenedTalks, record: ClaimRecord): OpenedTalks['claimsByPart'] =>
  factKeysOf(record.claim).reduce(
    (index, key) => index.update(key, List<string>(), (ids) => ids.push(record.eventId)),
    state.claimsByPart,
  );

const withClaim = (state: OpenedTalks, record: ClaimRecord): OpenedTalks => ({
  ...state,
  ...applyClaim(state, record),
  claims: state.claims.set(record.eventId, record),
  claimsByPart: indexed(state, record),
});

/** The claim changed in place: the parts it touches are refolded from their own claims only. */
const amended = (state: OpenedTalks, eventId: string, amendment: Identified<TalksEvent>, change: (record: ClaimRecord) => ClaimRecord): OpenedTalks => {
  const amendments = state.amendments.set(amendment.id, amendment.type as AmendmentType);
  const target = state.claims.get(eventId);
  if (!target) return { ...state, amendments };
  const record = change(target);
  if (record === target) return { ...state, amendments };
  const claims = state.claims.set(eventId, record);
  // The lifecycle depends on claim types alone, which a correction cannot change.
  const parts = factKeysOf(record.claim).filter((key) => key !== 'lifecycle' || record.retracted);
  const facts = parts.reduce<TalksFacts>((refolded, key) => {
    const ids = state.claimsByPart.get(key) ?? List<string>();
    return recomputePart(refolded, key, ids.map((id) => claims.get(id)!));
  }, state);
  return { ...state, ...facts, amendments, claims };
};

const EMPTY_LINKS = PersistentSet<string>();

/**
 * A link adds the pair both ways, an unlink removes it. Its first claim is of this track, the other
 * too unless the link names another track; links naming claims not so found change nothing.
 */
const withLink = (state: OpenedTalks, event: Identified<ClaimsLinked | ClaimsUnlinked>): OpenedTalks => {
  const amendments = state.amendments.set(event.id, event.type);
  const { eventId, sameAs, sameAsTalksId } = event.data;
  const elsewhere = sameAsTalksId !== undefined && sameAsTalksId !== state.talksId;
  if (!state.claims.has(eventId) || (!elsewhere && !state.claims.has(sameAs)) || eventId === sameAs) return { ...state, amendments };
  const turn = (linked: OpenedTalks['linked'], from: string, to: string) =>
    linked.update(from, EMPTY_LINKS, (others) => (event.type === 'ClaimsLinked' ? others.add(to) : others.delete(to)));
  return { ...state, amendments, linked: turn(turn(state.linked, eventId, sameAs), sameAs, eventId) };
};

/**
 * Folds a recorded event. Never throws: whatever cannot apply (a claim before the opening, a
 * second opening, an amendment of an unknown claim) is kept out of the facts. Costs O(log n)
 * per event (persistent maps), plus, for an amendment, the claims of the parts it touches.
 */
export const evolveTalks = (state: TalksState, event: Identified<TalksEvent>): TalksState => {
  if (state.status === 'not_opened') {
    if (event.type !== 'TalksOpened') return state;
    const record: ClaimRecord = { eventId: event.id, claim: { type: event.type, data: event.data }, retracted: false };
    const opened: OpenedTalks = {
      ...EMPTY_FACTS,
      talksId: event.data.talksId,
      claims: OrderedMap(),
      amendments: PersistentMap(),
      linked: PersistentMap(),
      claimsByPart: PersistentMap(),
    };
    return withClaim(opened, record);
  }
  if (state.claims.has(event.id) || state.amendments.has(event.id)) return state;

  switch (event.type) {
    case 'ClaimCorrected':
      return amended(state, event.data.eventId, event, (record) => ({ ...record, claim: mergeChanges(record.claim, event.data.changes) }));
    case 'ClaimRetracted':
      return amended(state, event.data.eventId, event, (record) =>
        record.claim.type === 'TalksOpened' || record.retracted ? record : { ...record, retracted: true },
      );
    case 'ClaimsLinked':
    case 'ClaimsUnlinked':
      return withLink(state, event);
    case 'TalksOpened':
      return state;
    default:
      if (!IS_CLAIM_TYPE.has(event.type)) return state;
      return withClaim(state, { eventId: event.id, claim: { type: event.type, data: event.data } as TalksClaim, retracted: false });
  }
};

type Collections = Pick<OpenedTalks, 'claims' | 'amendments' | 'claimsByPart' | 'meetings' | 'swaps' | 'ceasefires'>;

/** The state with every persistent collection turned mutable, or back. */
const withCollections = (state: OpenedTalks, turn: <C extends { asMutable(): C; asImmutable(): C }>(collection: C) => C): OpenedTalks => {
  const collections: Collections = {
    claims: turn(state.claims),
    amendments: turn(state.amendments),
    claimsByPart: turn(state.claimsByPart),
    meetings: turn(state.meetings),
    swaps: turn(state.swaps),
    ceasefires: turn(state.ceasefires),
  };
  return { ...state, ...collections };
};

/**
 * Folds many events: the same steps as `evolveTalks`, on mutable copies of the state's
 * collections that nothing else sees until the fold ends (Immutable's asMutable/asImmutable
 * leave the state passed in untouched). A cold read of a long stream then allocates a fraction
 * of what a persistent update per event would.
 */
export const evolveAllTalks = (state: TalksState, events: Iterable<Identified<TalksEvent>>): TalksState => {
  let current = state;
  let building = false;
  for (const event of events) {
    if (!building && current.status !== 'not_opened') {
      current = withCollections(current, (collection) => collection.asMutable());
      building = true;
    }
    current = evolveTalks(current, event);
  }
  return building && current.status !== 'not_opened' ? withCollections(current, (collection) => collection.asImmutable()) : current;
};
