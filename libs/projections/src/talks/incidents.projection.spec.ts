import type { Source } from '@parley/domain';
import { TALKS_ID, corrected, linked, opened, released, retracted, swapped, unlinked, visited } from '@parley/domain/testing/talks.fixtures';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { talksProjection } from './talks.projection';
import { getStatus, timelinePage } from './talks.queries';
import { statusAt, timelineAt } from './talks.time-travel';

const source = (publisher: string, extra: Partial<Source> = {}): Source => ({ publisher, ...extra });
const provenance = (confidence: 'rumoured' | 'reported' | 'confirmed', ...sources: Source[]) => ({ sources, confidence });

/** One release of hostages, reported three times with different counts and dates. */
const reports = {
  tass: released({ count: { best: 3 }, occurredAt: '2025-02-11', provenance: provenance('reported', source('TASS', { originator: 'Kremlin' })) }),
  reuters: released({ count: { best: 4, low: 3, high: 5 }, occurredAt: '2025-02-01', precision: 'month', provenance: provenance('confirmed', source('Reuters')) }),
  anadolu: released({ count: { best: 2 }, occurredAt: '2025-02-11', provenance: provenance('rumoured', source('Anadolu'), source('Daily Sabah', { syndicatedFrom: 'Anadolu' })) }),
};

const setup = () => {
  const harness = projectionHarness(talksProjection);
  const recorder = eventRecorder({ start: new Date('2025-03-01T00:00:00Z'), stepMs: 86_400_000 }); // one event a day
  const given = (...events: Parameters<typeof recorder.talks>[0][]) =>
    events.map((event) => harness.apply(recorder.talks(event))).filter((outcome) => !outcome.applied);
  return {
    harness,
    given,
    counts: () => getStatus(harness.ctx, TALKS_ID)?.counts,
    timeline: () => timelinePage(harness.ctx, { talksId: TALKS_ID, limit: 50 }).items,
  };
};

const threeReports = () => {
  const t = setup();
  t.given(withEventId('open', opened()), withEventId('tass', reports.tass), withEventId('reuters', reports.reuters), withEventId('anadolu', reports.anadolu));
  return t;
};
const freed = (best: number, low = best, high = best) => ({ best, low, high });

describe('incidents: linked claims count once', () => {
  it('sums unlinked reports, as every claim counts alone', () => {
    expect(threeReports().counts()?.hostagesFreed).toEqual(freed(9, 8, 10));
  });

  it('counts linked reports once: the union range, best from the most confident report', () => {
    const t = threeReports();
    expect(t.given(linked({ eventId: 'reuters', sameAs: 'tass' }), linked({ eventId: 'anadolu', sameAs: 'tass' }))).toEqual([]);
    expect(t.counts()?.hostagesFreed).toEqual(freed(4, 2, 5));
  });

  it('splits the incident again on an unlink', () => {
    const t = threeReports();
    t.given(linked({ eventId: 'reuters', sameAs: 'tass' }), linked({ eventId: 'anadolu', sameAs: 'tass' }), unlinked({ eventId: 'tass', sameAs: 'anadolu' }));
    expect(t.counts()?.hostagesFreed).toEqual(freed(4 + 2, 3 + 2, 5 + 2));
  });

  it('takes a retracted report out of its incident, which still holds the others', () => {
    const t = threeReports();
    t.given(linked({ eventId: 'reuters', sameAs: 'tass' }), linked({ eventId: 'anadolu', sameAs: 'reuters' }), retracted({ eventId: 'reuters' }));
    // TASS and Anadolu stay one incident through the retracted Reuters report: best from TASS (reported > rumoured).
    expect(t.counts()?.hostagesFreed).toEqual(freed(3, 2, 3));
  });

  it('recomputes the incident when one of its reports is corrected, not the sum', () => {
    const t = threeReports();
    t.given(linked({ eventId: 'reuters', sameAs: 'tass' }), corrected({ eventId: 'tass', changes: { count: { best: 7 } } }));
    expect(t.counts()?.hostagesFreed).toEqual(freed(4 + 2, 3 + 2, 7 + 2));
  });

  it('counts a linked swap once', () => {
    const t = setup();
    t.given(withEventId('open', opened()), withEventId('a', swapped({ swapId: 'a' })), withEventId('b', swapped({ swapId: 'b' })), linked({ eventId: 'a', sameAs: 'b' }));
    expect(t.counts()).toMatchObject({ swaps: 1, prisonersFreed: freed(1) });
  });

  it('skips a link naming a claim it does not know, or of another track', () => {
    const t = threeReports();
    t.given(withEventId('other', opened({ talksId: 'other' })), withEventId('v', visited({ talksId: 'other' })));
    expect(t.given(linked({ eventId: 'tass', sameAs: 'nothing' }))).toEqual([{ applied: false, reason: 'ClaimsLinked names nothing, which is not a stored claim' }]);
    expect(t.given(linked({ eventId: 'tass', sameAs: 'v' }))[0]).toMatchObject({ applied: false });
    expect(t.given(unlinked({ eventId: 'tass', sameAs: 'reuters' }))).toEqual([{ applied: false, reason: 'tass and reuters are not linked' }]);
  });
});

describe('incidents across tracks', () => {
  // Two reports of one release in this track; a third in another track links to both, from there.
  const across = () => {
    const t = threeReports();
    t.given(withEventId('other', opened({ talksId: 'other' })), withEventId('elsewhere', released({ talksId: 'other', count: { best: 6 } })));
    const link = (sameAs: string) => linked({ talksId: 'other', eventId: 'elsewhere', sameAs, sameAsTalksId: TALKS_ID });
    expect(t.given(link('tass'), link('reuters'))).toEqual([]);
    return t;
  };

  it('counts once in each track the reports it holds there, joined through the other track', () => {
    const t = across();
    expect(t.counts()?.hostagesFreed).toEqual(freed(4 + 2, 3 + 2, 5 + 2));
    expect(getStatus(t.harness.ctx, 'other')?.counts.hostagesFreed).toEqual(freed(6));
    expect(statusAt(t.harness.ctx, TALKS_ID, {})?.counts).toEqual(t.counts());
  });

  it('lists the reports of every track in the incident', () => {
    const incident = across().timeline().find((item) => item.eventId === 'tass')?.incident;
    expect(incident?.reports.map((report) => report.eventId)).toEqual(['tass', 'reuters', 'elsewhere']);
  });

  it('skips a link whose other claim is not of the track it names', () => {
    const t = threeReports();
    t.given(withEventId('other', opened({ talksId: 'other' })), withEventId('elsewhere', released({ talksId: 'other' })));
    expect(t.given(linked({ talksId: 'other', eventId: 'elsewhere', sameAs: 'tass' }))[0]).toMatchObject({ applied: false });
  });
});

describe('incidents on the timeline', () => {
  it('gives each linked report its incident: every source, the independent ones, each report and the reconciled values', () => {
    const t = threeReports();
    t.given(linked({ eventId: 'reuters', sameAs: 'tass' }), linked({ eventId: 'anadolu', sameAs: 'tass' }));
    const items = t.timeline();
    const incident = items.find((item) => item.eventId === 'tass')?.incident;
    expect(items.filter((item) => item.incident).map((item) => item.incident)).toEqual([incident, incident, incident]);
    expect(incident).toEqual({
      id: 'tass',
      reports: [
        expect.objectContaining({ eventId: 'tass', talksId: TALKS_ID, occurredAt: '2025-02-11', precision: 'day', confidence: 'reported', stance: 'asserted', counts: { hostagesFreed: freed(3) } }),
        expect.objectContaining({ eventId: 'reuters', talksId: TALKS_ID, occurredAt: '2025-02-01', precision: 'month', confidence: 'confirmed', counts: { hostagesFreed: freed(4, 3, 5) } }),
        expect.objectContaining({ eventId: 'anadolu', talksId: TALKS_ID, occurredAt: '2025-02-11', precision: 'day', confidence: 'rumoured', counts: { hostagesFreed: freed(2) } }),
      ],
      sources: [
        { eventId: 'tass', publisher: 'TASS', originator: 'Kremlin' },
        { eventId: 'reuters', publisher: 'Reuters' },
        { eventId: 'anadolu', publisher: 'Anadolu' },
        { eventId: 'anadolu', publisher: 'Daily Sabah', syndicatedFrom: 'Anadolu' },
      ],
      independentSources: 3,
      reconciled: { occurredFrom: '2025-02-11T00:00:00.000Z', occurredUntil: '2025-02-11T23:59:59.999Z', hostagesFreed: freed(4, 2, 5) },
      conflicting: ['counts'],
    });
  });

  it('says of each report where its sources stand, what it says, and its note', () => {
    const t = threeReports();
    t.given(linked({ eventId: 'reuters', sameAs: 'tass' }));
    const [tass] = t.timeline().find((item) => item.eventId === 'tass')?.incident?.reports ?? [];
    expect(tass).toMatchObject({ stance: 'asserted', summary: expect.stringMatching(/released 3 hostages/) });
    expect(tass).not.toHaveProperty('note');
  });

  it('flags dates that do not overlap, and spans them', () => {
    const t = setup();
    t.given(withEventId('open', opened()), withEventId('a', visited({ occurredAt: '2025-02-10' })), withEventId('b', visited({ occurredAt: '2025-02-12' })), linked({ eventId: 'a', sameAs: 'b' }));
    expect(t.timeline().find((item) => item.eventId === 'a')?.incident).toMatchObject({
      reconciled: { occurredFrom: '2025-02-10T00:00:00.000Z', occurredUntil: '2025-02-12T23:59:59.999Z' },
      conflicting: ['dates'],
    });
    expect(t.counts()?.visits).toBe(1);
  });

  it('leaves a claim linked to nothing without an incident', () => {
    expect(threeReports().timeline().every((item) => item.incident === undefined)).toBe(true);
  });

  it('lists one entry per incident when asked, at its first recorded report, as known then too', () => {
    const t = threeReports();
    t.given(linked({ eventId: 'reuters', sameAs: 'tass' }), linked({ eventId: 'anadolu', sameAs: 'tass' })); // 5 and 6 March
    const ids = (page: { items: { eventId: string; incident?: { reports: readonly unknown[] } }[] }) => page.items.map((item) => [item.eventId, item.incident?.reports.length ?? 1]);
    expect(ids(timelinePage(t.harness.ctx, { talksId: TALKS_ID, onePerIncident: true, limit: 50 }))).toEqual([['open', 1], ['tass', 3]]);
    expect(ids(timelineAt(t.harness.ctx, { talksId: TALKS_ID, onePerIncident: true, limit: 50 }, { knownAt: new Date('2025-03-04T12:00:00Z') }))).toEqual([
      ['reuters', 1],
      ['open', 1],
      ['tass', 1],
      ['anadolu', 1],
    ]);
    // Pages keep their cursor: the reports left out do not stop the walk.
    const first = timelinePage(t.harness.ctx, { talksId: TALKS_ID, onePerIncident: true, limit: 2 });
    expect(ids(first)).toEqual([['open', 1]]);
    expect(ids(timelinePage(t.harness.ctx, { talksId: TALKS_ID, onePerIncident: true, limit: 2, after: first.nextCursor! }))).toEqual([['tass', 3]]);
  });
});

describe('incidents in time travel', () => {
  // Recorded one a day from 1 March: opening, three reports (2–4 March), link (5), link (6), unlink (7).
  const history = () => {
    const t = threeReports();
    t.given(linked({ eventId: 'reuters', sameAs: 'tass' }), linked({ eventId: 'anadolu', sameAs: 'tass' }), unlinked({ eventId: 'anadolu', sameAs: 'tass' }));
    return t;
  };
  const knownAt = (t: ReturnType<typeof setup>, at: string) => ({
    counts: statusAt(t.harness.ctx, TALKS_ID, { knownAt: new Date(at) })?.counts,
    incidents: Object.fromEntries(
      timelineAt(t.harness.ctx, { talksId: TALKS_ID, limit: 50 }, { knownAt: new Date(at) }).items.map((item) => [item.eventId, item.incident?.reports.length ?? 1]),
    ),
  });

  it('shows separate claims before the link, one incident after it, and both again after the unlink', () => {
    const t = history();
    expect(knownAt(t, '2025-03-04T12:00:00Z')).toEqual({ counts: expect.objectContaining({ hostagesFreed: freed(9, 8, 10) }), incidents: { open: 1, tass: 1, reuters: 1, anadolu: 1 } });
    expect(knownAt(t, '2025-03-06T12:00:00Z')).toEqual({ counts: expect.objectContaining({ hostagesFreed: freed(4, 2, 5) }), incidents: { open: 1, tass: 3, reuters: 3, anadolu: 3 } });
    expect(knownAt(t, '2025-03-07T12:00:00Z')).toEqual({ counts: expect.objectContaining({ hostagesFreed: freed(4 + 2, 3 + 2, 5 + 2) }), incidents: { open: 1, tass: 2, reuters: 2, anadolu: 1 } });
  });

  it('answers the live counts the status keeps', () => {
    const t = history();
    expect(statusAt(t.harness.ctx, TALKS_ID, {})?.counts).toEqual(t.counts());
  });
});
