import { talksDecider } from '@parley/domain';
import { opened, visited } from '@parley/domain/testing/talks.fixtures';
import type { RecordedEvent } from '@parley/event-store';
import { randomUUID } from 'node:crypto';
import type { AnyDecider } from './aggregates';
import { toRow, toRowInTurns } from './persisted-snapshot';
import { emptySnapshot, foldInto } from './stream-snapshot';

/** A track opened, then visited `visits` times, as the store would hand it back. */
const foldedTrack = (visits: number) => {
  const events = [opened(), ...Array.from({ length: visits }, () => visited())].map(
    (event, revision): RecordedEvent => ({ ...event, id: randomUUID(), streamId: 'talks-t', revision, position: BigInt(revision + 1), metadata: {}, recordedAt: new Date(0) }),
  );
  return foldInto(decider, emptySnapshot(decider), events);
};

// As the command side holds it: any aggregate's decider.
const decider: AnyDecider = talksDecider;
const codec = decider.snapshot!;

describe('a snapshot row made across turns of the event loop', () => {
  it('is the row made at once', async () => {
    const snapshot = foldedTrack(50);
    expect(await toRowInTurns('talks-t', 'store', codec, snapshot, 0)).toEqual(toRow('talks-t', 'store', codec, snapshot));
  });

  it('hands the event loop back between its parts, so other work runs while a long track is encoded', async () => {
    const snapshot = foldedTrack(20);
    let otherTurns = 0;
    let done = false;
    const other = (): void => {
      if (done) return;
      otherTurns += 1;
      setImmediate(other);
    };
    setImmediate(other);
    // With no time allowed per turn, it hands back after every part: the head and each claim's line.
    await toRowInTurns('talks-t', 'store', codec, snapshot, 0);
    done = true;
    expect(otherTurns).toBeGreaterThanOrEqual(20);
  });
});
