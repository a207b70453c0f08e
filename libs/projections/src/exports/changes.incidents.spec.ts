import { corrected, linked, opened, retracted, unlinked, visited } from '@parley/domain/testing/talks.fixtures';
import type { TalksEvent } from '@parley/domain';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { incidentColumnsOf } from '../talks/incidents';
import { talksProjection } from '../talks/talks.projection';
import { timelinePage } from '../talks/talks.queries';
import { timelineAt } from '../talks/talks.time-travel';
import { changesPage, versionPositions } from './changes.queries';

const reported = (publisher: string) => ({ provenance: { sources: [{ publisher }], confidence: 'reported' as const } });

/** Positions 1…4: an opening and three reports of one visit, each from its own outlet. */
const setup = () => {
  const recorder = eventRecorder();
  const harness = projectionHarness(talksProjection);
  const given = (...events: (TalksEvent | ReturnType<typeof withEventId>)[]) => events.forEach((event) => expect(harness.apply(recorder.talks(event)).applied).toBe(true));
  given(withEventId('open', opened()), withEventId('a', visited(reported('TASS'))), withEventId('b', visited(reported('Reuters'))), withEventId('c', visited(reported('AP'))));
  /** What a pull since a position hands on about incidents: position, kind, claim, its incident id and source count. */
  const pull = (since: bigint) =>
    changesPage(harness.ctx, { changedSince: since, types: ['EnvoyVisited'], limit: 50 }).items.map(({ item, change, changePosition }) =>
      change === 'retracted' ? `${changePosition} retracted ${item.eventId}` : `${changePosition} ${change} ${item.eventId} in ${incidentColumnsOf(item).incidentId} (${incidentColumnsOf(item).incidentSourceCount})`,
    );
  return { harness, given, pull };
};

describe('changes since a position: incidents', () => {
  it('given a link, re-sends both claims as corrected, each with its incident as it stands', () => {
    const t = setup();
    t.given(linked({ eventId: 'b', sameAs: 'a' })); // 5
    expect(t.pull(4n)).toEqual(['5 corrected a in a (2)', '5 corrected b in a (2)']);
  });

  it('given an unlink, re-sends both sides, each its own incident again', () => {
    const t = setup();
    t.given(linked({ eventId: 'b', sameAs: 'a' }), unlinked({ eventId: 'a', sameAs: 'b' })); // 5, 6
    expect(t.pull(5n)).toEqual(['6 corrected a in a (1)', '6 corrected b in b (1)']);
  });

  it('gives every row the incident as known at its change, so a pull from the start replays the history', () => {
    const t = setup();
    t.given(linked({ eventId: 'b', sameAs: 'a' })); // 5
    expect(t.pull(0n)).toEqual(['2 created a in a (1)', '3 created b in b (1)', '4 created c in c (1)', '5 corrected a in a (2)', '5 corrected b in a (2)']);
  });

  it('given a correction of one report, re-sends the others of its incident: their source count moved', () => {
    const t = setup();
    t.given(linked({ eventId: 'b', sameAs: 'a' }), linked({ eventId: 'c', sameAs: 'a' }), corrected({ eventId: 'c', changes: reported('Reuters') })); // 5, 6, 7
    expect(t.pull(6n)).toEqual(['7 corrected a in a (2)', '7 corrected b in a (2)', '7 corrected c in a (2)']);
  });

  it('given the retraction of the report that names the incident, re-sends the others under their new incident id', () => {
    const t = setup();
    t.given(linked({ eventId: 'b', sameAs: 'a' }), linked({ eventId: 'c', sameAs: 'a' }), retracted({ eventId: 'a' })); // 5, 6, 7
    expect(t.pull(6n)).toEqual(['7 retracted a', '7 corrected b in b (2)', '7 corrected c in b (2)']);
  });

  it('does not touch other claims when a claim linked to nothing is corrected', () => {
    const t = setup();
    t.given(corrected({ eventId: 'c', changes: reported('Reuters') })); // 5
    expect(t.pull(4n)).toEqual(['5 corrected c in c (1)']);
  });

  it('dates a full export’s row at its incident’s last change when that is later than its version, as known then', () => {
    const t = setup();
    t.given(linked({ eventId: 'b', sameAs: 'a' })); // 5, recorded at 12:04
    const positions = (knownAt?: Date) => {
      const items = timelineAt(t.harness.ctx, { types: ['EnvoyVisited'], limit: 50 }, { knownAt }).items;
      return Object.fromEntries(versionPositions(t.harness.ctx, items, knownAt));
    };
    expect(positions()).toEqual({ a: '5', b: '5', c: '4' });
    expect(positions(new Date('2025-03-14T12:03:30Z'))).toEqual({ a: '2', b: '3', c: '4' });
  });

  it('a copy kept by applying each pull in order equals a fresh export', () => {
    const t = setup();
    const copy = new Map<string, string>();
    let since = 0n;
    const sync = () => {
      for (const { item, change, changePosition } of changesPage(t.harness.ctx, { changedSince: since, limit: 50 }).items) {
        if (change === 'retracted') copy.delete(item.eventId);
        else copy.set(item.eventId, JSON.stringify(incidentColumnsOf(item)));
        since = BigInt(changePosition) > since ? BigInt(changePosition) : since;
      }
    };
    const fresh = () => new Map(timelinePage(t.harness.ctx, { limit: 50 }).items.map((item) => [item.eventId, JSON.stringify(incidentColumnsOf(item))]));
    for (const event of [
      linked({ eventId: 'b', sameAs: 'a' }),
      linked({ eventId: 'c', sameAs: 'b' }),
      corrected({ eventId: 'b', changes: reported('TASS') }),
      unlinked({ eventId: 'b', sameAs: 'a' }),
      retracted({ eventId: 'b' }),
    ]) {
      t.given(event);
      sync();
      expect(copy).toEqual(fresh());
    }
  });
});
