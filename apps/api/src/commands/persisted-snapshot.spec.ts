import { talksDecider } from '@parley/domain';
import { opened, visited } from '@parley/domain/testing/talks.fixtures';
import type { RecordedEvent } from '@parley/event-store';
import { randomUUID } from 'node:crypto';
import type { AnyDecider } from './aggregates';
import { restoreInTurns, toRow, toRowInTurns } from './persisted-snapshot';
import type { SnapshotRow } from './snapshot.store';
import { turnsBeside } from './testing/turns-beside';
import { emptySnapshot, foldInto } from './stream-snapshot';

// As the command side holds it: any aggregate's decider.
const decider: AnyDecider = talksDecider;
const codec = decider.snapshot!;

/** A track opened, then visited `visits` times, as the store would hand it back. */
const trackEvents = (visits: number): RecordedEvent[] =>
  [opened(), ...Array.from({ length: visits }, () => visited())].map((event, revision) => ({
    ...event,
    id: randomUUID(),
    streamId: 'talks-t',
    revision,
    position: BigInt(revision + 1),
    metadata: {},
    recordedAt: new Date(0),
  }));

const foldedTrack = (visits: number) => foldInto(decider, emptySnapshot(decider), trackEvents(visits));

describe('a snapshot row made across turns of the event loop', () => {
  it('is the row made at once', async () => {
    const snapshot = foldedTrack(50);
    expect(await toRowInTurns('talks-t', 'store', codec, snapshot, 0)).toEqual(toRow('talks-t', 'store', codec, snapshot));
  });

  it('hands the event loop back between its parts, so other work runs while a long track is encoded', async () => {
    const snapshot = foldedTrack(20);
    // With no time allowed per turn, it hands back after every part: the head and each claim's line.
    expect(await turnsBeside(() => toRowInTurns('talks-t', 'store', codec, snapshot, 0))).toBeGreaterThanOrEqual(20);
  });
});

describe('a snapshot restored across turns of the event loop', () => {
  const events = trackEvents(2000);
  const snapshot = foldInto(decider, emptySnapshot(decider), events);
  const row = toRow('talks-t', 'store', codec, snapshot);
  const restore = ({ payload, ...head }: SnapshotRow, storeId: string, at: RecordedEvent | undefined, turnMs?: number) =>
    restoreInTurns({ ...head, parts: payload.length }, (idx) => payload[idx], storeId, at, codec, turnMs);

  it('is the snapshot the row was made of', async () => {
    const restored = await restore(row, 'store', events.at(-1), 0);
    expect(typeof restored).toBe('object');
    // Its row again, byte for byte (compared as text: a deep equality of megabytes of Buffer is slow).
    const { payload, ...head } = toRow('talks-t', 'store', codec, restored as typeof snapshot);
    const { payload: expectedPayload, ...expectedHead } = row;
    expect(head).toEqual(expectedHead);
    expect(Buffer.concat(payload).toString('utf8')).toBe(Buffer.concat(expectedPayload).toString('utf8'));
  });

  it('hands the event loop back while it decodes, so other work runs while a long track is restored', async () => {
    expect(await turnsBeside(() => restore(row, 'store', events.at(-1), 0))).toBeGreaterThanOrEqual(10);
  });

  it('is not used when the store holds another event at its revision, or its payload is damaged or incomplete', async () => {
    expect(await restore(row, 'store', events.at(-2))).toBe('mismatch');
    expect(await restore(row, 'another store', events.at(-1))).toBe('mismatch');
    const damaged = Buffer.from(row.payload[0]);
    damaged[damaged.length - 2] ^= 1;
    expect(await restore({ ...row, payload: [damaged, ...row.payload.slice(1)] }, 'store', events.at(-1))).toBe('corrupt');
    expect(await restoreInTurns({ ...row, parts: row.payload.length + 1 }, (idx) => row.payload[idx], 'store', events.at(-1), codec)).toBe('corrupt');
  });
});

describe('a long snapshot\'s payload', () => {
  it('is in parts of a few megabytes, each whole text, together the text encoded at once', () => {
    const long = foldedTrack(40_000);
    const { payload } = toRow('talks-t', 'store', codec, long);
    expect(payload.length).toBeGreaterThan(1);
    expect(Math.max(...payload.map((part) => part.length))).toBeLessThan(5 * 1024 * 1024);
    expect(payload.map((part) => part.toString('utf8')).join('')).toBe(Buffer.concat(payload).toString('utf8'));
    expect(Buffer.concat(payload).toString('utf8')).toContain(codec.encode(long.state));
  });
});

describe('a fold of many events', () => {
  it('taken in steps, is the fold of one event after another', () => {
    const events = trackEvents(1200);
    const oneByOne = events.reduce((state, { id, type, data }) => decider.evolve(state, { id, type, data }), decider.initialState());
    expect(codec.encode(foldInto(decider, emptySnapshot(decider), events).state)).toBe(codec.encode(oneByOne));
  });
});
