import { brokered, ended, held, opened, released, resumed, scheduled, stalled, swapped, violated, visited } from '@parley/domain/testing/talks.fixtures';
import { StatusClaim, applyToStatus, foldStatus } from './talks-status';

let position = 0;
const claimOf = (event: { type: string; data: object }, eventId = `e${++position}`): StatusClaim =>
  ({ eventId, type: event.type, data: event.data, revision: position, position: String(position) }) as StatusClaim;

describe('the status fold', () => {
  it('has no doc until the track opens, and none for claims before it', () => {
    expect(foldStatus([])).toBeUndefined();
    expect(applyToStatus(undefined, claimOf(visited()))).toBeUndefined();
  });

  it('applying claims one by one equals folding them', () => {
    const claims = [opened(), visited(), scheduled(), held(), brokered(), violated(), released(), stalled()].map((event) => claimOf(event));
    let doc = undefined as ReturnType<typeof foldStatus>;
    for (const claim of claims) doc = applyToStatus(doc, claim);
    expect(doc).toEqual(foldStatus(claims));
  });

  it.each([['a swap', swapped()], ['a ceasefire', brokered()], ['a release', released()]] as const)('makes open talks active on %s, and resumes them active', (_, claim) => {
    expect(foldStatus([claimOf(opened()), claimOf(claim)])?.lifecycle).toBe('active');
    expect(foldStatus([claimOf(opened()), claimOf(stalled()), claimOf(claim), claimOf(resumed())])?.lifecycle).toBe('active');
    expect(foldStatus([claimOf(opened()), claimOf(scheduled()), claimOf(stalled()), claimOf(resumed())])?.lifecycle).toBe('open');
  });

  it('keeps the latest occurredAt as the last activity, whatever the order of recording', () => {
    const doc = foldStatus([claimOf(opened({ occurredAt: '2025-01-05' })), claimOf(visited({ occurredAt: '2025-03-01' })), claimOf(visited({ occurredAt: '2025-02-01' }))]);
    expect(doc?.lastActivityAt).toBe('2025-03-01');
  });

  it('fills absent low and high bounds with best', () => {
    const doc = foldStatus([claimOf(opened()), claimOf(released({ count: { best: 3, high: 5 }, prisonersReleasedInExchange: { best: 100, low: 90 } }))]);
    expect(doc?.counts).toMatchObject({ hostagesFreed: { best: 3, low: 3, high: 5 }, prisonersFreed: { best: 100, low: 90, high: 100 } });
  });

  it('keeps the first ceasefire of an id and its first end; ignores events about an unknown one', () => {
    const doc = foldStatus([
      claimOf(opened()),
      claimOf(brokered({ effectiveFrom: '2025-02-12' })),
      claimOf(brokered({ effectiveFrom: '2025-02-20' })),
      claimOf(violated({ ceasefireId: 'ghost' })),
      claimOf(ended({ ceasefireId: 'ghost' })),
      claimOf(ended({ reason: 'expired' }), 'first-end'),
      claimOf(ended({ reason: 'collapsed' })),
    ]);
    expect(doc?.ceasefires).toHaveLength(1);
    expect(doc?.ceasefires[0]).toMatchObject({ effectiveFrom: '2025-02-12', violations: [], ended: { eventId: 'first-end', reason: 'expired' } });
  });

  it('keeps the first schedule of a meeting pending until it is held', () => {
    const doc = foldStatus([claimOf(opened()), claimOf(scheduled(), 'plan'), claimOf(scheduled({ expectedAt: '2025-04-01' })), claimOf(scheduled({ meetingId: 'other' }))]);
    expect(doc?.scheduledMeetings.map((m) => [m.meetingId, m.eventId])).toEqual([['riyadh-1', 'plan'], ['other', expect.any(String)]]);
    expect(doc && applyToStatus(doc, claimOf(held()))?.scheduledMeetings.map((m) => m.meetingId)).toEqual(['other']);
  });
});
