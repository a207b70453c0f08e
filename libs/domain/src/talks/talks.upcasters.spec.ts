import { EVENT_UPCASTERS } from '../upcasting/event-upcasters';
import { Upcaster } from '../upcasting/upcaster';
import { brokered, concluded, corrected, ended, extended, held, linked, unlinked, opened, released, resumed, retracted, scheduled, stalled, swapped, violated, visited } from '../testing/talks.fixtures';
import { TALKS_EVENT_TYPES, TalksEvent } from './talks.events';
import { talksUpcasters } from './talks.upcasters';

/** What v1 wrote for a denial: the sources, and `denied` as the confidence. */
const v1Denial = { sources: [{ publisher: 'TASS', originator: 'Dmitry Peskov' }, { publisher: 'RIA' }], confidence: 'denied' };
const v2Denial = { sources: [{ publisher: 'TASS', originator: 'Dmitry Peskov', stance: 'denies' }, { publisher: 'RIA', stance: 'denies' }], confidence: 'reported' };

const stepOf = (type: string): Upcaster => talksUpcasters[type][0];
const v1 = (event: TalksEvent, provenance: unknown = v1Denial): Record<string, unknown> => ({ ...event.data, provenance });

const EVERY_TYPE: readonly TalksEvent[] = [
  opened(), visited(), scheduled(), held(), swapped(), brokered(), released(), violated(), ended(), extended(), stalled(), resumed(), concluded(),
  corrected({ eventId: 'e2', changes: { summary: 'x' } }),
  retracted({ eventId: 'e2' }),
  linked(),
  unlinked(),
];

describe('talks upcasters', () => {
  it('list every talks event type, each at version 2 in the shared registry', () => {
    expect(Object.keys(talksUpcasters).sort()).toEqual([...TALKS_EVENT_TYPES].sort());
    expect(EVERY_TYPE.map((event) => event.type).sort()).toEqual([...TALKS_EVENT_TYPES].sort());
    for (const type of TALKS_EVENT_TYPES) expect(EVENT_UPCASTERS.currentVersion(type)).toBe(2);
  });

  describe.each(EVERY_TYPE.map((event) => [event.type, event] as const))('%s v1 → v2', (type, event) => {
    const toV2 = stepOf(type);

    it('reads a v1 denial as a report whose every source denies the claim', () => {
      expect(toV2(v1(event))).toEqual({ ...event.data, provenance: v2Denial });
    });

    it('passes any other v1 confidence as the very same data: notes and stances are new optional fields', () => {
      for (const confidence of ['rumoured', 'reported', 'confirmed']) {
        const data = v1(event, { sources: [{ publisher: 'Reuters' }], confidence });
        expect(toV2(data)).toBe(data);
      }
    });

    it('leaves v2 data as it is, so reading it twice changes nothing', () => {
      const v2 = toV2(v1(event));
      expect(toV2(v2)).toEqual(v2);
    });

    it('does not change the data it reads, and leaves what it cannot read for the projection to skip', () => {
      const data = v1(event);
      const copy = structuredClone(data);
      toV2(data);
      expect(data).toEqual(copy);
      expect(toV2(v1(event, 'denied'))).toEqual(v1(event, 'denied'));
      expect(toV2(v1(event, { sources: 'TASS', confidence: 'denied' }))).toEqual(v1(event, { sources: 'TASS', confidence: 'reported' }));
    });
  });

  describe('ClaimCorrected v1 → v2', () => {
    const toV2 = stepOf('ClaimCorrected');
    const correction = corrected({ eventId: 'e2', changes: { summary: 'x' } }).data;

    it('reads a denial the correction gives the claim the same way', () => {
      const data = { ...correction, changes: { summary: 'x', provenance: v1Denial } };
      expect(toV2(data)).toEqual({ ...correction, changes: { summary: 'x', provenance: v2Denial } });
    });

    it('reads both the correction’s own denial and the one it gives the claim', () => {
      const data = { ...correction, provenance: v1Denial, changes: { provenance: v1Denial } };
      expect(toV2(data)).toEqual({ ...correction, provenance: v2Denial, changes: { provenance: v2Denial } });
    });

    it('passes changes that name no denial, and a provenance cleared with null', () => {
      const asserted = { ...correction, changes: { provenance: { sources: [{ publisher: 'AP' }], confidence: 'confirmed' } } };
      expect(toV2(asserted)).toBe(asserted);
      const odd = { ...correction, changes: { provenance: null } };
      expect(toV2(odd)).toBe(odd);
    });
  });

  describe('reading an event recorded at a version', () => {
    it('runs the step from v1 (or no recorded version), and none from v2', () => {
      const data = v1(held());
      expect(EVENT_UPCASTERS.upcast('MeetingHeld', data, 1)).toEqual({ data: { ...held().data, provenance: v2Denial }, schemaVersion: 2 });
      expect(EVENT_UPCASTERS.upcast('MeetingHeld', data, undefined).data).toMatchObject({ provenance: v2Denial });
      expect(EVENT_UPCASTERS.upcast('MeetingHeld', data, 2).data).toBe(data);
    });
  });
});
