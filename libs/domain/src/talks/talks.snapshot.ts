import type { Collection } from 'immutable';
import { List, Map as PersistentMap, OrderedMap, Set as PersistentSet } from 'immutable';
import { SnapshotFormError, StateCodec, expectForm, isString, parseForm } from '../shared/state-snapshot';
import type { FactKey } from './talks.facts';
import type { CeasefireRecord, ClaimRecord, MeetingRecord, SwapRecord } from './talks.records';
import type { AmendmentType, OpenedTalks, TalksState } from './talks.state';
import type { TalksClaim } from './talks.events';

/**
 * The snapshot form of a track's state. Bump on any change to the state's shape, to `evolveTalks`,
 * or to the talks upcasters (see StateCodec); talks.snapshot.spec.ts pins the form of a fixed
 * fold per version, so a change that alters it fails there until the version moves on.
 */
export const TALKS_SNAPSHOT_VERSION = 1;

/**
 * A claim as [event id, type, retracted, its data as JSON text]. The data stays text until a
 * rule looks at it: the rules only ever look claims up one by one (a correction's target, a
 * link's ends), so a restored track of 100,000 claims parses the few it is asked about instead
 * of all of them. The snapshot's checksum (checked before decoding) keeps that text sound.
 */
type ClaimForm = readonly [eventId: string, type: string, retracted: 0 | 1, data: string];

type Entries<K, V> = ReadonlyArray<readonly [K, V]>;

/** The persistent collections of the state, each as the entries it iterates, in its order. */
type CollectionForms = Readonly<{
  claims: readonly ClaimForm[];
  amendments: Entries<string, AmendmentType>;
  linked: Entries<string, readonly string[]>;
  claimsByPart: Entries<FactKey, readonly string[]>;
  meetings: Entries<string, MeetingRecord>;
  swaps: Entries<string, SwapRecord>;
  ceasefires: Entries<string, CeasefireRecord>;
}>;

/**
 * Every other field is copied as it is. A new persistent collection in the state makes this type
 * `never` for it, so `encode` stops compiling until the collection has a form of its own.
 */
type OpenedForm = CollectionForms & {
  readonly [K in Exclude<keyof OpenedTalks, keyof CollectionForms>]: OpenedTalks[K] extends Collection<unknown, unknown> ? never : OpenedTalks[K];
};

export type TalksStateForm = Readonly<{ status: 'not_opened' }> | OpenedForm;

const entriesOf = <K, V, F>(collection: Iterable<readonly [K, V]>, form: (value: V) => F): Array<readonly [K, F]> => {
  const entries: Array<readonly [K, F]> = [];
  for (const [key, value] of collection) entries.push([key, form(value)]);
  return entries;
};

const same = <V>(value: V): V => value;

/** The text a restored claim's data was read from: the next snapshot of it reuses it, parsed or not. */
const dataTexts = new WeakMap<object, string>();

const claimForm = (record: ClaimRecord): ClaimForm => [
  record.eventId,
  record.claim.type,
  record.retracted ? 1 : 0,
  dataTexts.get(record.claim) ?? JSON.stringify(record.claim.data),
];

export const encodeTalksState = (state: TalksState): TalksStateForm => {
  if (state.status === 'not_opened') return { status: 'not_opened' };
  const { claims, amendments, linked, claimsByPart, meetings, swaps, ceasefires, ...facts } = state;
  return {
    ...facts,
    claims: Array.from(claims.values(), claimForm),
    amendments: entriesOf(amendments, same),
    linked: entriesOf(linked, (others) => others.toArray()),
    claimsByPart: entriesOf(claimsByPart, (ids) => ids.toArray()),
    meetings: entriesOf(meetings, same),
    swaps: entriesOf(swaps, same),
    ceasefires: entriesOf(ceasefires, same),
  };
};

/** The claim with its data parsed on first look, then kept: to every reader a plain claim. */
const lazyClaim = (type: string, text: string): TalksClaim => {
  const claim = { type } as { type: string; data: unknown };
  Object.defineProperty(claim, 'data', {
    enumerable: true,
    configurable: true,
    get: () => {
      const data: unknown = JSON.parse(text);
      Object.defineProperty(claim, 'data', { value: data, enumerable: true, writable: false, configurable: false });
      return data;
    },
  });
  dataTexts.set(claim, text);
  return claim as TalksClaim;
};

const isArray = (value: unknown): value is unknown[] => Array.isArray(value);

const isEntry = (entry: unknown): entry is readonly [unknown, unknown] => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string';

/** Built in place, in the form's order: a fresh collection iterates as the one encoded did. */
const mapOf = <V>(form: unknown, what: string, value: (raw: unknown) => V = (raw) => raw as V): PersistentMap<string, V> => {
  const entries = expectForm<unknown[]>(form, isArray, what);
  return PersistentMap<string, V>().withMutations((map) => {
    for (const entry of entries) {
      if (!isEntry(entry)) throw new SnapshotFormError(`an entry of ${what}`);
      map.set(entry[0] as string, value(entry[1]));
    }
  });
};

const idsOf = (raw: unknown): string[] => expectForm<string[]>(raw, (ids) => isArray(ids) && ids.every(isString), 'a list of ids');

const claimsOf = (form: unknown): OrderedMap<string, ClaimRecord> => {
  const claims = expectForm<unknown[]>(form, isArray, 'claims');
  return OrderedMap<string, ClaimRecord>().withMutations((map) => {
    for (const claim of claims) {
      if (!Array.isArray(claim) || claim.length !== 4 || !isString(claim[0]) || !isString(claim[1]) || !isString(claim[3])) {
        throw new SnapshotFormError('a claim');
      }
      const [eventId, type, retracted, data] = claim as unknown as ClaimForm;
      map.set(eventId, { eventId, claim: lazyClaim(type, data), retracted: retracted === 1 });
    }
  });
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const decodeTalksState = (form: unknown): TalksState => {
  const state = expectForm<Record<string, unknown>>(form, isObject, 'a talks state');
  if (state.status === 'not_opened') return { status: 'not_opened' };
  if (!isString(state.talksId) || !isString(state.status)) throw new SnapshotFormError('an opened talks state');
  const { claims, amendments, linked, claimsByPart, meetings, swaps, ceasefires, ...facts } = state;
  return {
    ...(facts as Omit<OpenedTalks, keyof CollectionForms>),
    claims: claimsOf(claims),
    amendments: mapOf(amendments, 'amendments'),
    linked: mapOf(linked, 'links', (ids) => PersistentSet(idsOf(ids))),
    claimsByPart: mapOf(claimsByPart, 'claims by part', (ids) => List(idsOf(ids))) as PersistentMap<FactKey, List<string>>,
    meetings: mapOf(meetings, 'meetings'),
    swaps: mapOf(swaps, 'swaps'),
    ceasefires: mapOf(ceasefires, 'ceasefires'),
  };
};

/**
 * As text: the form without its claims as one JSON line, then a line per claim, its fields
 * tab-separated (JSON text never holds a raw tab or newline) and its data as the JSON text it
 * is. Read back with a split rather than a JSON parse, and written without escaping every
 * claim's data a second time inside a JSON string: on a track of 100,000 claims, the bulk of the
 * time a snapshot takes either way.
 */
const claimLine = ([eventId, type, retracted, data]: ClaimForm): string => `${JSON.stringify(eventId)}\t${JSON.stringify(type)}\t${retracted}\t${data}`;

/** That text in parts: the head, then a line per claim, each claim's form made as it is reached. */
function* textParts(state: TalksState): Generator<string> {
  if (state.status === 'not_opened') {
    yield JSON.stringify(encodeTalksState(state));
    return;
  }
  const { claims: _none, ...head } = encodeTalksState({ ...state, claims: OrderedMap() }) as OpenedForm;
  yield JSON.stringify(head);
  for (const record of state.claims.values()) yield `\n${claimLine(claimForm(record))}`;
}

const claimOfLine = (line: string): ClaimForm => {
  const first = line.indexOf('\t');
  const second = line.indexOf('\t', first + 1);
  const third = line.indexOf('\t', second + 1);
  if (first < 0 || second < 0 || third < 0) throw new SnapshotFormError('a claim line');
  const retracted = line.slice(second + 1, third);
  if (retracted !== '0' && retracted !== '1') throw new SnapshotFormError('a claim line');
    // Parsed, not sliced: a parsed id is a string of its own, quicker to hash as a key than a slice of the whole text.
  const eventId = expectForm<string>(parseForm(line.slice(0, first)), isString, 'an event id');
  const type = expectForm<string>(parseForm(line.slice(first + 1, second)), isString, 'a claim type');
  return [eventId, type, retracted === '1' ? 1 : 0, line.slice(third + 1)];
};

const fromText = (text: string): unknown => {
  const lines = text.split('\n');
  const head = parseForm(lines[0]);
  if (lines.length === 1 || typeof head !== 'object' || head === null) return head;
  return { ...head, claims: lines.slice(1).map(claimOfLine) };
};

export const talksStateCodec: StateCodec<TalksState> = {
  version: TALKS_SNAPSHOT_VERSION,
  encode: (state) => Array.from(textParts(state)).join(''),
  encodeParts: textParts,
  decode: (text) => decodeTalksState(fromText(text)),
};
