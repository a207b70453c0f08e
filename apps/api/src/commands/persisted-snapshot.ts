import { StateCodec, finished } from '@parley/domain';
import type { RecordedEvent } from '@parley/event-store';
import { Map as PersistentMap } from 'immutable';
import { crc32 } from 'node:zlib';
import { TURN_MS, inTurns } from './in-turns';
import type { SnapshotRow } from './snapshot.store';
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

const rowOf = (streamId: string, storeId: string, codec: StateCodec<unknown>, snapshot: StreamSnapshot, text: string): SnapshotRow => {
  const payload = Buffer.from(text);
  return {
    streamId,
    storeId,
    stateVersion: codec.version,
    format: SNAPSHOT_FORMAT,
    revision: snapshot.revision,
    eventId: snapshot.eventId,
    position: snapshot.position,
    bytes: snapshot.bytes,
    checksum: crc32(payload),
    payload,
  };
};

/** The payload's text: a step per part. */
function* payloadText(codec: StateCodec<unknown>, snapshot: StreamSnapshot): Generator<void, string, void> {
  const parts: string[] = [];
  for (const part of payloadParts(codec, snapshot)) {
    parts.push(part);
    yield;
  }
  return parts.join('');
}

export const toRow = (streamId: string, storeId: string, codec: StateCodec<unknown>, snapshot: StreamSnapshot): SnapshotRow =>
  rowOf(streamId, storeId, codec, snapshot, finished(payloadText(codec, snapshot)));

/**
 * The same row, made a part at a time across turns of the event loop (inTurns). The snapshot
 * is immutable, so it may be read across turns.
 */
export const toRowInTurns = async (streamId: string, storeId: string, codec: StateCodec<unknown>, snapshot: StreamSnapshot, turnMs = TURN_MS): Promise<SnapshotRow> =>
  rowOf(streamId, storeId, codec, snapshot, await inTurns(payloadText(codec, snapshot), turnMs));

/** Whether the row can be read by this code at all, before anything of the stream is read. */
export const readable = (row: SnapshotRow, codec: StateCodec<unknown>): boolean => row.stateVersion === codec.version && row.format === SNAPSHOT_FORMAT;

// Bytes of a payload made text per step: a few milliseconds.
const TEXT_PER_STEP = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

/** The payload as text, a few megabytes per step, cut after line ends (a newline byte is never inside a UTF-8 sequence). */
function* textOf(payload: Buffer): Generator<void, string, void> {
  const parts: string[] = [];
  for (let start = 0; start < payload.length; yield) {
    const cut = payload.indexOf(NEWLINE, Math.min(start + TEXT_PER_STEP, payload.length));
    const end = cut < 0 ? payload.length : cut + 1;
    parts.push(payload.toString('utf8', start, end));
    start = end;
  }
  return parts.join('');
}

/**
 * The snapshot the row holds, when it is of the events the store has: `at` is the stream's event
 * at the row's revision, as read now. None there (the store is behind the snapshot: an older
 * backup restored) or another event there (another history, another store) is a mismatch.
 * In steps, as the codec decodes (StateCodec.decodeSteps).
 */
function* restoreSteps(row: SnapshotRow, storeId: string, at: RecordedEvent | undefined, codec: StateCodec<unknown>): Generator<void, StreamSnapshot | Unusable, void> {
  if (row.storeId !== storeId || !at || at.id !== row.eventId || at.position !== row.position || at.revision !== row.revision) return 'mismatch';
  // Checked before parsing: the state's claims keep their data as text, parsed when first looked at.
  if (crc32(row.payload) !== row.checksum) return 'corrupt';
  try {
    const text = yield* textOf(row.payload);
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
    return { state, revision: row.revision, position: row.position, eventId: row.eventId, keyedCommands, bytes: row.bytes };
  } catch {
    return 'corrupt';
  }
}

/** The snapshot the row holds, restored across turns of the event loop (inTurns); or why not. */
export const fromRowInTurns = (row: SnapshotRow, storeId: string, at: RecordedEvent | undefined, codec: StateCodec<unknown>, turnMs = TURN_MS): Promise<StreamSnapshot | Unusable> =>
  inTurns(restoreSteps(row, storeId, at, codec), turnMs);
