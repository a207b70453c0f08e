import type { Collection } from 'immutable';
import { List, Map as PersistentMap, OrderedMap, Set as PersistentSet } from 'immutable';
import { SnapshotFormError, StateCodec, expectForm, finished, isString, parseForm } from '../shared/state-snapshot';
import type { FactKey } from './talks.facts';
import type { CeasefireRecord, ClaimRecord, MeetingRecord, SwapRecord } from './talks.records';
import type { AmendmentType, OpenedTalks, TalksState } from './talks.state';
import type { TalksClaim } from './talks.events';

/**
 * The snapshot form of a track's state. Bump on any change to the state's shape, to `evolveTalks`,
 * or to the talks upcasters (see StateCodec); talks.snapshot.spec.ts pins the form of a fixed
 * fold per version, so a change that alters it fails there until the version moves on.
 */
export const TALKS_SNAPSHOT_VERSION = 2;

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
const idsForm = (ids: Iterable<string>): string[] => Array.from(ids);

/** How each collection other than the claims writes its values: for the form and the text alike. */
const VALUE_FORMS = { amendments: same, linked: idsForm, claimsByPart: idsForm, meetings: same, swaps: same, ceasefires: same } as const;
type EntryCollection = keyof typeof VALUE_FORMS;
const ENTRY_COLLECTIONS = Object.keys(VALUE_FORMS) as EntryCollection[];

/** The text a restored claim's data was read from: the next snapshot of it reuses it, parsed or not. */
const dataTexts = new WeakMap<object, string>();

const claimForm = (record: ClaimRecord): ClaimForm => [
  record.eventId,
  record.claim.type,
  record.retracted ? 1 : 0,
  dataTexts.get(record.claim) ?? JSON.stringify(record.claim.data),
];

/** The fields that are no collection, as they are. */
const factsOf = (state: OpenedTalks) => {
  const { claims, amendments, linked, claimsByPart, meetings, swaps, ceasefires, ...facts } = state;
  return facts;
};

export const encodeTalksState = (state: TalksState): TalksStateForm => {
  if (state.status === 'not_opened') return { status: 'not_opened' };
  return {
    ...factsOf(state),
    claims: Array.from(state.claims.values(), claimForm),
    amendments: entriesOf(state.amendments, VALUE_FORMS.amendments),
    linked: entriesOf(state.linked, VALUE_FORMS.linked),
    claimsByPart: entriesOf(state.claimsByPart, VALUE_FORMS.claimsByPart),
    meetings: entriesOf(state.meetings, VALUE_FORMS.meetings),
    swaps: entriesOf(state.swaps, VALUE_FORMS.swaps),
    ceasefires: entriesOf(state.ceasefires, VALUE_FORMS.ceasefires),
  };
};

/**
 * The claim with its data parsed on first look, then kept: to every reader a plain claim (an own,
 * enumerable `data`, read-only as a folded claim's is). An accessor in a literal, not one
 * defined per object: restoring 100,000 claims spent ~150 ms in Object.defineProperty.
 */
const lazyClaim = (type: string, text: string): TalksClaim => {
  let data: unknown;
  let parsed = false;
  const claim = {
    type,
    get data(): unknown {
      if (!parsed) [data, parsed] = [JSON.parse(text), true];
      return data;
    },
  };
  dataTexts.set(claim, text);
  return claim as TalksClaim;
};

const isArray = (value: unknown): value is unknown[] => Array.isArray(value);

const isEntry = (entry: unknown): entry is readonly [unknown, unknown] => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string';

// Entries a decoding step handles before it yields: a few milliseconds of work.
const ENTRIES_PER_STEP = 256;

/**
 * The entries in a fresh collection, in the form's order (a fresh collection then iterates as the
 * one encoded did), yielding every ENTRIES_PER_STEP. Built as a mutable copy that no one else
 * holds until it is returned, made immutable.
 */
function* filled<C extends { asMutable(): C; asImmutable(): C }, E>(empty: C, entries: readonly E[], add: (collection: C, entry: E) => void): Generator<void, C, void> {
  const collection = empty.asMutable();
  for (let i = 0; i < entries.length; i++) {
    add(collection, entries[i]);
    if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
  }
  return collection.asImmutable();
}

function* mapOf<V>(form: unknown, what: string, value: (raw: unknown) => V = (raw) => raw as V): Generator<void, PersistentMap<string, V>, void> {
  const entries = expectForm<unknown[]>(form, isArray, what);
  return yield* filled(PersistentMap<string, V>(), entries, (map, entry) => {
    if (!isEntry(entry)) throw new SnapshotFormError(`an entry of ${what}`);
    map.set(entry[0] as string, value(entry[1]));
  });
}

const idsOf = (raw: unknown): string[] => expectForm<string[]>(raw, (ids) => isArray(ids) && ids.every(isString), 'a list of ids');

function* claimsOf(form: unknown): Generator<void, OrderedMap<string, ClaimRecord>, void> {
  const claims = expectForm<unknown[]>(form, isArray, 'claims');
  return yield* filled(OrderedMap<string, ClaimRecord>(), claims, (map, claim) => {
    if (!Array.isArray(claim) || claim.length !== 4 || !isString(claim[0]) || !isString(claim[1]) || !isString(claim[3])) {
      throw new SnapshotFormError('a claim');
    }
    const [eventId, type, retracted, data] = claim as unknown as ClaimForm;
    map.set(eventId, { eventId, claim: lazyClaim(type, data), retracted: retracted === 1 });
  });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The state a form holds, in steps (see StateCodec.decodeSteps). */
function* talksStateOfForm(form: unknown): Generator<void, TalksState, void> {
  const state = expectForm<Record<string, unknown>>(form, isObject, 'a talks state');
  if (state.status === 'not_opened') return { status: 'not_opened' };
  if (!isString(state.talksId) || !isString(state.status)) throw new SnapshotFormError('an opened talks state');
  const { claims, amendments, linked, claimsByPart, meetings, swaps, ceasefires, ...facts } = state;
  return {
    ...(facts as Omit<OpenedTalks, keyof CollectionForms>),
    claims: yield* claimsOf(claims),
    amendments: yield* mapOf(amendments, 'amendments'),
    linked: yield* mapOf(linked, 'links', (ids) => PersistentSet(idsOf(ids))),
    claimsByPart: (yield* mapOf(claimsByPart, 'claims by part', (ids) => List(idsOf(ids)))) as PersistentMap<FactKey, List<string>>,
    meetings: yield* mapOf(meetings, 'meetings'),
    swaps: yield* mapOf(swaps, 'swaps'),
    ceasefires: yield* mapOf(ceasefires, 'ceasefires'),
  };
}

export const decodeTalksState = (form: unknown): TalksState => finished(talksStateOfForm(form));

/**
 * As text: the form's other fields as one JSON line, then a line per entry of each collection,
 * the collection's name first and tab-separated from the rest (JSON text never holds a raw tab or
 * newline). A claim line holds its id, type and retracted flag, then its data as the JSON text it
 * is, not escaped a second time inside a JSON string; any other entry, [key, value] as JSON. So
 * no step of a write or a read handles more than one entry: on a track of 100,000 claims (and
 * 60,000 fact parts, 40,000 meetings) a whole-document parse or stringify held the event loop
 * for a tenth of a second or more, and escaping every claim's data cost most of a write.
 */
const claimLine = ([eventId, type, retracted, data]: ClaimForm): string => `claims\t${JSON.stringify(eventId)}\t${JSON.stringify(type)}\t${retracted}\t${data}`;

/** That text in parts: the head, then a line per entry, each entry's form made as it is reached. */
function* textParts(state: TalksState): Generator<string> {
  if (state.status === 'not_opened') {
    yield JSON.stringify(encodeTalksState(state));
    return;
  }
  yield JSON.stringify(factsOf(state));
  for (const record of state.claims.values()) yield `\n${claimLine(claimForm(record))}`;
  for (const name of ENTRY_COLLECTIONS) {
    const form: (value: never) => unknown = VALUE_FORMS[name];
    for (const [key, value] of state[name] as Iterable<[string, never]>) yield `\n${name}\t${JSON.stringify([key, form(value)])}`;
  }
}

const claimOfLine = (line: string, from: number): ClaimForm => {
  const first = line.indexOf('\t', from);
  const second = line.indexOf('\t', first + 1);
  const third = line.indexOf('\t', second + 1);
  if (first < 0 || second < 0 || third < 0) throw new SnapshotFormError('a claim line');
  const retracted = line.slice(second + 1, third);
  if (retracted !== '0' && retracted !== '1') throw new SnapshotFormError('a claim line');
  // Parsed, not sliced: a parsed id is a string of its own, quicker to hash as a key than a slice of the whole text.
  const eventId = expectForm<string>(parseForm(line.slice(from, first)), isString, 'an event id');
  const type = expectForm<string>(parseForm(line.slice(first + 1, second)), isString, 'a claim type');
  return [eventId, type, retracted === '1' ? 1 : 0, line.slice(third + 1)];
};

const IS_ENTRY_COLLECTION: ReadonlySet<string> = new Set(ENTRY_COLLECTIONS);

/** The form the text holds, ENTRIES_PER_STEP lines per step. */
function* formOfText(text: string): Generator<void, unknown, void> {
  const headEnd = text.indexOf('\n');
  const head = parseForm(headEnd < 0 ? text : text.slice(0, headEnd));
  if (!isObject(head) || head.status === 'not_opened') {
    if (headEnd >= 0) throw new SnapshotFormError('a state with no collections');
    return head;
  }
  const form: Record<string, unknown[]> = { claims: [] };
  for (const name of ENTRY_COLLECTIONS) form[name] = [];
  // Line by line through the text rather than split at once: a split of a long track's text is itself a long step.
  for (let start = headEnd + 1, read = 1; start > 0; read++) {
    const end = text.indexOf('\n', start);
    const line = end < 0 ? text.slice(start) : text.slice(start, end);
    const tab = line.indexOf('\t');
    const name = line.slice(0, tab);
    if (name === 'claims') form.claims.push(claimOfLine(line, tab + 1));
    else if (tab > 0 && IS_ENTRY_COLLECTION.has(name)) form[name].push(parseForm(line.slice(tab + 1)));
    else throw new SnapshotFormError('a line of a collection');
    start = end + 1;
    if (read % ENTRIES_PER_STEP === 0) yield;
  }
  return { ...head, ...form };
}

function* textSteps(text: string): Generator<void, TalksState, void> {
  return yield* talksStateOfForm(yield* formOfText(text));
}

export const talksStateCodec: StateCodec<TalksState> = {
  version: TALKS_SNAPSHOT_VERSION,
  encode: (state) => Array.from(textParts(state)).join(''),
  encodeParts: textParts,
  decode: (text) => finished(textSteps(text)),
  decodeSteps: textSteps,
};
