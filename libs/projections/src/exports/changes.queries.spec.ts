import { corrected, held, opened, retracted, visited } from '@parley/domain/testing/talks.fixtures';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { talksProjection } from '../talks/talks.projection';
import { timelinePage } from '../talks/talks.queries';
import { changesPage, versionPositions } from './changes.queries';

/** Positions 1…7: a visit and a meeting recorded, the meeting corrected twice, the visit retracted, another track opened. */
const readModel = () => {
  const recorder = eventRecorder();
  recorder.talks(opened()); // 1
  recorder.talks(withEventId('visit', visited())); // 2
  recorder.talks(withEventId('meet', held())); // 3
  recorder.talks(corrected({ eventId: 'meet', changes: { format: 'phone' } })); // 4
  recorder.talks(retracted({ eventId: 'visit' })); // 5
  recorder.talks(corrected({ eventId: 'meet', changes: { summary: 'Met for six hours' } })); // 6
  recorder.talks(opened({ talksId: 'other', parties: ['isr', 'hamas'], mediators: [] })); // 7
  const harness = projectionHarness(talksProjection);
  harness.applyAll(recorder.all());
  return harness;
};

const pull = (harness: ReturnType<typeof readModel>, since: bigint, more: Partial<Parameters<typeof changesPage>[1]> = {}) =>
  changesPage(harness.ctx, { changedSince: since, limit: 50, ...more }).items.map(({ item, change, changePosition }) => `${changePosition} ${change} ${item.type}#${item.corrected}`);

describe('changes since a position (incremental pulls)', () => {
  it('lists every version created or corrected, and every retraction once, in the order they happened', () => {
    const harness = readModel();
    expect(pull(harness, 0n, { talksId: 'us-russia-ukraine' })).toEqual([
      '1 created TalksOpened#0',
      '2 created EnvoyVisited#0',
      '3 created MeetingHeld#0',
      '4 corrected MeetingHeld#1',
      '5 retracted EnvoyVisited#0',
      '6 corrected MeetingHeld#2',
    ]);
  });

  it('after a position, only what changed since; a retraction is a tombstone of the last version', () => {
    const harness = readModel();
    expect(pull(harness, 3n)).toEqual(['4 corrected MeetingHeld#1', '5 retracted EnvoyVisited#0', '6 corrected MeetingHeld#2', '7 created TalksOpened#0']);
    expect(pull(harness, 7n)).toEqual([]);
  });

  it('filters by track and type, the facts no correction changes', () => {
    const harness = readModel();
    expect(pull(harness, 0n, { types: ['EnvoyVisited'] })).toEqual(['2 created EnvoyVisited#0', '5 retracted EnvoyVisited#0']);
    expect(pull(harness, 0n, { talksId: 'other' })).toEqual(['7 created TalksOpened#0']);
  });

  it('pages by cursor without losing or repeating a change', () => {
    const harness = readModel();
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = changesPage(harness.ctx, { changedSince: 0n, limit: 2, after });
      seen.push(...page.items.map(({ item, changePosition }) => `${changePosition} ${item.eventId}`));
      after = page.nextCursor ?? undefined;
    } while (after !== undefined);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('knows where each live claim’s current version began', () => {
    const harness = readModel();
    const items = timelinePage(harness.ctx, { talksId: 'us-russia-ukraine', limit: 50 }).items;
    expect(Object.fromEntries(versionPositions(harness.ctx, items))).toEqual({ [items[0].eventId]: '1', meet: '6' });
  });
});
