import { brokered, ended, opened, scheduled, violated } from '@parley/domain/testing/talks.fixtures';
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
