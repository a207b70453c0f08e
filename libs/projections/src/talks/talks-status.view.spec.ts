import { brokered, ended, extended, opened, scheduled, violated } from '@parley/domain/testing/talks.fixtures';
import { StatusClaim, TalksStatusDoc, foldStatus } from './talks-status';
import { statusView } from './talks-status.view';

const docOf = (...events: { type: string; data: object }[]): TalksStatusDoc =>
  foldStatus(events.map((event, i) => ({ eventId: `e${i}`, type: event.type, data: event.data, revision: i, position: String(i + 1) }) as StatusClaim))!;

const on = (doc: TalksStatusDoc, at: string) => statusView(doc, new Date(at));

// Brokered 11 February, in effect from the 12th, ends 12 April (the fixtures' ceasefire).
describe('the ceasefire on a date', () => {
  const truce = docOf(opened(), brokered());

  it('is none before any ceasefire is brokered, or with none at all', () => {
    expect(on(truce, '2025-02-10T12:00:00Z').ceasefire).toEqual({ status: 'none' });
    expect(on(docOf(opened()), '2025-03-01').ceasefire).toEqual({ status: 'none' });
  });

  it('is agreed once brokered but before it takes effect', () => {
    expect(on(truce, '2025-02-11T18:00:00Z').ceasefire).toMatchObject({ status: 'agreed', ceasefireId: 'energy-truce', effectiveFrom: '2025-02-12', violations: 0 });
  });

  it('is in effect from effectiveFrom', () => {
    expect(on(truce, '2025-02-12T00:00:00Z').ceasefire.status).toBe('in_effect');
  });

  it('is ended once endsAt has come, without any CeasefireEnded', () => {
    expect(on(truce, '2025-04-12T00:00:00Z').ceasefire).toMatchObject({ status: 'ended' });
    expect(on(truce, '2025-04-12T00:00:00Z').ceasefire).not.toHaveProperty('ended');
  });

  it('is violated after a violation, not before it', () => {
    const doc = docOf(opened(), brokered(), violated({ occurredAt: '2025-02-20' }));
    expect(on(doc, '2025-02-19T23:59:59Z').ceasefire).toMatchObject({ status: 'in_effect', violations: 0 });
    expect(on(doc, '2025-02-20T00:00:00Z').ceasefire).toMatchObject({ status: 'violated', violations: 1 });
  });

  it('is collapsed or ended after a recorded end, by its reason', () => {
    const collapsed = docOf(opened(), brokered(), violated({ occurredAt: '2025-02-20' }), ended({ occurredAt: '2025-03-01', reason: 'collapsed' }));
    expect(on(collapsed, '2025-02-28').ceasefire.status).toBe('violated');
    expect(on(collapsed, '2025-03-01').ceasefire).toMatchObject({ status: 'collapsed', ended: { at: '2025-03-01', reason: 'collapsed' } });
    const superseded = docOf(opened(), brokered(), ended({ occurredAt: '2025-03-01', reason: 'superseded' }));
    expect(on(superseded, '2025-03-02').ceasefire.status).toBe('ended');
  });

  it('is judged on the most recent ceasefire brokered by the date', () => {
    const doc = docOf(
      opened(),
      brokered({ ceasefireId: 'first', occurredAt: '2025-01-10', effectiveFrom: '2025-01-12', endsAt: undefined }),
      ended({ ceasefireId: 'first', occurredAt: '2025-01-20', reason: 'collapsed' }),
      brokered({ ceasefireId: 'second', occurredAt: '2025-02-11', effectiveFrom: '2025-02-12' }),
    );
    expect(on(doc, '2025-01-25').ceasefire).toMatchObject({ status: 'collapsed', ceasefireId: 'first' });
    expect(on(doc, '2025-02-13').ceasefire).toMatchObject({ status: 'in_effect', ceasefireId: 'second' });
  });
});

// A four-day truce (24–28 November 2023) extended twice, then let lapse: each end applies from its extension's own date.
describe('the ceasefire on a date, as its extensions stand by then', () => {
  const truce = brokered({ ceasefireId: 'truce', occurredAt: '2023-11-22', effectiveFrom: '2023-11-24T05:00:00Z', endsAt: '2023-11-28T05:00:00Z' });
  const first = extended({ ceasefireId: 'truce', occurredAt: '2023-11-27', endsAt: '2023-11-30T05:00:00Z', terms: { summary: 'Two more days', hostagesToRelease: { best: 20 } } });
  const second = extended({ ceasefireId: 'truce', occurredAt: '2023-11-29', endsAt: '2023-12-01T05:00:00Z', terms: undefined });
  const doc = docOf(opened(), truce, first, second);

  it('keeps the end first agreed before any extension', () => {
    expect(on(doc, '2023-11-26').ceasefire).toMatchObject({ status: 'in_effect', endsAt: '2023-11-28T05:00:00Z' });
    expect(on(doc, '2023-11-26').ceasefire).not.toHaveProperty('extended');
  });

  it('takes each new end from the day of its extension on', () => {
    expect(on(doc, '2023-11-27T00:00:00Z').ceasefire).toMatchObject({
      status: 'in_effect',
      endsAt: '2023-11-30T05:00:00Z',
      extended: { count: 1, lastAt: '2023-11-27', originalEndsAt: '2023-11-28T05:00:00Z' },
    });
    expect(on(doc, '2023-11-28T12:00:00Z').ceasefire).toMatchObject({ status: 'in_effect', endsAt: '2023-11-30T05:00:00Z' });
    expect(on(doc, '2023-11-29T12:00:00Z').ceasefire).toMatchObject({ status: 'in_effect', endsAt: '2023-12-01T05:00:00Z', extended: { count: 2, lastAt: '2023-11-29' } });
  });

  it('is ended once the last end in force has come', () => {
    expect(on(doc, '2023-12-01T05:00:00Z').ceasefire).toMatchObject({ status: 'ended', endsAt: '2023-12-01T05:00:00Z' });
  });

  it('would have expired on the first end without the extension', () => {
    expect(on(docOf(opened(), truce), '2023-11-28T12:00:00Z').ceasefire).toMatchObject({ status: 'ended', endsAt: '2023-11-28T05:00:00Z' });
  });

  it('lists the extensions in the order of their dates, whatever order they were recorded in', () => {
    const late = docOf(opened(), truce, second, first);
    expect(late.ceasefires[0].extensions.map((e) => e.at)).toEqual(['2023-11-27', '2023-11-29']);
    expect(on(late, '2023-11-28T12:00:00Z').ceasefire).toMatchObject({ endsAt: '2023-11-30T05:00:00Z', extended: { count: 1 } });
    expect(late.ceasefires[0].extensions[0]).toEqual({
      eventId: 'e3', at: '2023-11-27', precision: 'day', endsAt: '2023-11-30T05:00:00Z',
      terms: { summary: 'Two more days', hostagesToRelease: { best: 20, low: 20, high: 20 } },
    });
  });

  it('collapses on a recorded end even while an extension runs', () => {
    const collapsed = docOf(opened(), truce, first, ended({ ceasefireId: 'truce', occurredAt: '2023-11-29', reason: 'collapsed' }));
    expect(on(collapsed, '2023-11-29T12:00:00Z').ceasefire).toMatchObject({ status: 'collapsed', endsAt: '2023-11-30T05:00:00Z' });
  });
});

describe('the next meeting on a date', () => {
  const doc = docOf(
    opened(),
    scheduled({ meetingId: 'late', expectedAt: '2025-04-01' }),
    scheduled({ meetingId: 'soon', expectedAt: '2025-03-20' }),
  );

  it('is the earliest pending meeting still to come', () => {
    expect(on(doc, '2025-03-14').nextMeeting).toMatchObject({ meetingId: 'soon', expectedAt: '2025-03-20' });
    expect(on(doc, '2025-03-20T15:00:00Z').nextMeeting).toMatchObject({ meetingId: 'soon' }); // still that day
    expect(on(doc, '2025-03-21').nextMeeting).toMatchObject({ meetingId: 'late' });
  });

  it('is null when every pending meeting lies in the past', () => {
    expect(on(doc, '2025-05-01').nextMeeting).toBeNull();
  });

  it('keeps the public fields of the doc', () => {
    expect(on(doc, '2025-03-14')).toMatchObject({ talksId: doc.talksId, lifecycle: 'open', counts: doc.counts, scheduledMeetings: doc.scheduledMeetings });
  });
});
