import { StateCodec, finished } from '@parley/domain';
import type { RecordedEvent } from '@parley/event-store';
import { Map as PersistentMap } from 'immutable';
import { crc32 } from 'node:zlib';
import { TURN_MS, inTurns } from './in-turns';
import type { SnapshotHead, SnapshotRow } from './snapshot.store';
import type { KeyedCommand, StreamSnapshot } from './stream-snapshot';

/**
 * The payload's own format, beside the decider's state version: the state's form and the
 * commands sent with an Idempotency-Key (so a retry after a restart still finds its first answer
 * without the events the snapshot stands for being read again). Bump when this envelope changes.
 */
export const SNAPSHOT_FORMAT = 1;

type KeyedForm = readonly [commandId: string, fingerprint: string, revision: number, position: string, events: KeyedCommand['events']];

// The payload: the keyed commands as one JSON line, then the state's text (StateCodec).

/** Why a persisted snapshot was not used: folding the stream from its events instead is always correct. */
export type Unusable = 'version' | 'mismatch' | 'corrupt';

/** The payload's text in parts: the keyed commands' line, then the state's text in the codec's parts. */
function* payloadParts(codec: StateCodec<unknown>, snapshot: StreamSnapshot): Generator<string> {
  const keyed: KeyedForm[] = [];
  for (const [commandId, { fingerprint, revision, position, events }] of snapshot.keyedCommands) {
    keyed.push([commandId, fingerprint, revision, position.toString(), events]);
  }
  yield `${JSON.stringify(keyed)}\n`;
  if (codec.encodeParts) yield* codec.encodeParts(snapshot.state);
  else yield codec.encode(snapshot.state);
}

// Characters of payload text per part: a part is made bytes, checksummed, stored and read back in one step each.
const PART_CHARS = 4 * 1024 * 1024;

/**
 * The payload as parts of about PART_CHARS, each cut at the end of a part of the text (so never
 * inside a character), and its checksum: a step per part of the text.
 */
function* payloadOf(codec: StateCodec<unknown>, snapshot: StreamSnapshot): Generator<void, { payload: Buffer[]; checksum: number }, void> {
  const payload: Buffer[] = [];
  let checksum = 0;
  let pending: string[] = [];
  let length = 0;
  const cut = () => {
    const part = Buffer.from(pending.join(''));
    checksum = crc32(part, checksum);
    payload.push(part);
    [pending, length] = [[], 0];
  };
  for (const text of payloadParts(codec, snapshot)) {
    pending.push(text);
    length += text.length;
    if (length >= PART_CHARS) cut();
    yield;
  }
  if (length > 0 || payload.length === 0) cut();
  return { payload, checksum };
}

const rowOf = (streamId: string, storeId: string, codec: StateCodec<unknown>, snapshot: StreamSnapshot, { payload, checksum }: { payload: Buffer[]; checksum: number }): SnapshotRow => ({
  streamId,
  storeId,
  stateVersion: codec.version,
  format: SNAPSHOT_FORMAT,
  revision: snapshot.revision,
  eventId: snapshot.eventId,
  position: snapshot.position,
  bytes: snapshot.bytes,
  checksum,
  payload,
});

export const toRow = (streamId: string, storeId: string, codec: StateCodec<unknown>, snapshot: StreamSnapshot): SnapshotRow =>
  rowOf(streamId, storeId, codec, snapshot, finished(payloadOf(codec, snapshot)));

/**
 * The same row, made a part at a time across turns of the event loop (inTurns). The snapshot
 * is immutable, so it may be read across turns.
 */
export const toRowInTurns = async (streamId: string, storeId: string, codec: StateCodec<unknown>, snapshot: StreamSnapshot, turnMs = TURN_MS): Promise<SnapshotRow> =>
  rowOf(streamId, storeId, codec, snapshot, await inTurns(payloadOf(codec, snapshot), turnMs));

/** Whether the row can be read by this code at all, before anything of the stream is read. */
export const readable = (row: SnapshotHead, codec: StateCodec<unknown>): boolean => row.stateVersion === codec.version && row.format === SNAPSHOT_FORMAT;

/** Reads a part of a stored payload; undefined when it is not there (any more). */
export type PartReader = (idx: number) => Buffer | undefined;

/**
 * The snapshot the head's payload holds, when it is of the events the store has: `at` is the
 * stream's event at the head's revision, as read now. None there (the store is behind the
 * snapshot: an older backup restored) or another event there (another history, another store) is
 * a mismatch, known before any part is read. A step per part read and made text, then as the
 * codec decodes (StateCodec.decodeSteps).
 */
function* restoreSteps(
  head: SnapshotHead & { parts: number },
  readPart: PartReader,
  storeId: string,
  at: RecordedEvent | undefined,
  codec: StateCodec<unknown>,
): Generator<void, StreamSnapshot | Unusable, void> {
  if (head.storeId !== storeId || !at || at.id !== head.eventId || at.position !== head.position || at.revision !== head.revision) return 'mismatch';
  const texts: string[] = [];
  let checksum = 0;
  for (let idx = 0; idx < head.parts; idx++) {
    const part = readPart(idx);
    if (!part) return 'corrupt';
    checksum = crc32(part, checksum);
    texts.push(part.toString('utf8'));
    yield;
  }
  // Checked before parsing: the state's claims keep their data as text, parsed when first looked at.
  if (checksum !== head.checksum) return 'corrupt';
  try {
    const text = texts.join('');
    const end = text.indexOf('\n');
    const keyed = JSON.parse(text.slice(0, end)) as KeyedForm[];
    if (end < 0 || !Array.isArray(keyed)) return 'corrupt';
    const stateText = text.slice(end + 1);
    const state = codec.decodeSteps ? yield* codec.decodeSteps(stateText) : codec.decode(stateText);
    const keyedCommands = PersistentMap<string, KeyedCommand>().withMutations((commands) => {
      for (const [commandId, fingerprint, revision, position, events] of keyed) {
        commands.set(commandId, { fingerprint, revision, position: BigInt(position), events });
      }
    });
    return { state, revision: head.revision, position: head.position, eventId: head.eventId, keyedCommands, bytes: head.bytes };
  } catch {
    return 'corrupt';
  }
}

/** The snapshot a stored head's payload holds, restored across turns of the event loop (inTurns); or why not. */
export const restoreInTurns = (
  head: SnapshotHead & { parts: number },
  readPart: PartReader,
  storeId: string,
  at: RecordedEvent | undefined,
  codec: StateCodec<unknown>,
  turnMs = TURN_MS,
): Promise<StreamSnapshot | Unusable> => inTurns(restoreSteps(head, readPart, storeId, at, codec), turnMs);
