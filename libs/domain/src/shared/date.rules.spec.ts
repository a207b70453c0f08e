import { countsFrom } from './date.rules';

const at = (iso: string) => Date.parse(iso);

describe('when a dated claim counts on a date (countsFrom)', () => {
  it('counts a single date from its first moment, whatever its precision', () => {
    expect(countsFrom({ at: '2023-11-24', precision: 'day' })).toBe(at('2023-11-24T00:00:00Z'));
    expect(countsFrom({ at: '2023-11-24', precision: 'month' })).toBe(at('2023-11-01T00:00:00Z'));
    expect(countsFrom({ at: '2023-11-22', precision: 'week' })).toBe(at('2023-11-20T00:00:00Z'));
  });

  it('counts a range only once its last moment has passed', () => {
    expect(countsFrom({ at: '2023-11-24', precision: 'day', until: '2023-11-30' })).toBe(at('2023-11-30T23:59:59.999Z'));
    expect(countsFrom({ at: '2023-11', precision: 'month', until: '2023-12' })).toBe(at('2023-12-31T23:59:59.999Z'));
  });

  it('reads an unreadable end as no range, and cannot place an unreadable date', () => {
    expect(countsFrom({ at: '2023-11-24', precision: 'day', until: 'soon' })).toBe(at('2023-11-24T00:00:00Z'));
    expect(countsFrom({ at: 'last week' })).toBeUndefined();
  });
});
