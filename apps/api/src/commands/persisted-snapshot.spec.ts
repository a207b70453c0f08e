import { talksDecider } from '@parley/domain';
import { opened, visited } from '@parley/domain/testing/talks.fixtures';
import type { RecordedEvent } from '@parley/event-store';
import { randomUUID } from 'node:crypto';
import type { AnyDecider } from './aggregates';
import { fromRowInTurns, toRow, toRowInTurns } from './persisted-snapshot';
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

/** How many other turns of the event loop ran while `work` did. */
async function turnsBeside(work: () => Promise<unknown>): Promise<number> {
  let otherTurns = 0;
  let done = false;
  const other = (): void => {
    if (done) return;
    otherTurns += 1;
    setImmediate(other);
  };
  setImmediate(other);
  await work();
  done = true;
  return otherTurns;
}

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

  it('is the snapshot the row was made of', async () => {
    const restored = await fromRowInTurns(row, 'store', events.at(-1), codec, 0);
    expect(typeof restored).toBe('object');
    expect(toRow('talks-t', 'store', codec, restored as typeof snapshot)).toEqual(row);
  });

  it('hands the event loop back while it decodes, so other work runs while a long track is restored', async () => {
    expect(await turnsBeside(() => fromRowInTurns(row, 'store', events.at(-1), codec, 0))).toBeGreaterThanOrEqual(10);
  });

  it('is not used when the store holds another event at its revision, or its payload is damaged', async () => {
    expect(await fromRowInTurns(row, 'store', events.at(-2), codec)).toBe('mismatch');
    expect(await fromRowInTurns(row, 'another store', events.at(-1), codec)).toBe('mismatch');
    const damaged = Buffer.from(row.payload);
    damaged[damaged.length - 2] ^= 1;
    expect(await fromRowInTurns({ ...row, payload: damaged }, 'store', events.at(-1), codec)).toBe('corrupt');
  });
});

describe('a fold of many events', () => {
  it('taken in steps, is the fold of one event after another', () => {
    const events = trackEvents(1200);
    const oneByOne = events.reduce((state, { id, type, data }) => decider.evolve(state, { id, type, data }), decider.initialState());
    expect(codec.encode(foldInto(decider, emptySnapshot(decider), events).state)).toBe(codec.encode(oneByOne));
  });
});
