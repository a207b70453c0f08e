import { progressLine, secondsLeft } from './rebuild-progress';

describe('rebuild progress', () => {
  const reading = { name: 'talks', position: 40_000, head: 100_000, events: 40_000, elapsedMs: 4000 };

  it('says where the rebuild is, how fast it goes and how long is left', () => {
    expect(progressLine(reading)).toBe('Rebuilding talks: position 40000 of 100000 (40%), 10000 events/s, about 6 s left');
  });

  it('has no ETA before the first batch', () => {
    expect(secondsLeft({ ...reading, position: 0, events: 0 })).toBeUndefined();
    expect(progressLine({ ...reading, position: 0, events: 0, elapsedMs: 0 })).toBe('Rebuilding talks: position 0 of 100000 (0%), 0 events/s, time left unknown');
  });

  it('is done at the head, however the head moved meanwhile', () => {
    expect(progressLine({ ...reading, position: 120_000, events: 120_000, head: 120_000 })).toMatch(/\(100%\).*about 0 s left$/);
  });
});
