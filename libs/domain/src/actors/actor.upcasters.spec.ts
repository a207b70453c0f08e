import { ACTOR_EVENT_SCHEMA_VERSIONS, ACTOR_EVENT_TYPES } from './actor.events';
import { actorUpcasters, upcastActorData, upcastActorEvent } from './actor.upcasters';

const v1Update = { actorId: 'steve-witkoff', changes: { title: 'Special Envoy for Peace Missions' }, updatedAt: '2025-03-10T09:00:00.000Z' };
const v1Registration = { actorId: 'steve-witkoff', name: 'Steve Witkoff', kind: 'person', title: 'Special Envoy', aliases: [], registeredAt: '2025-01-20T10:00:00.000Z' };

describe('actor upcasters', () => {
  it('has one step for every version below the current one of every actor event type', () => {
    for (const type of ACTOR_EVENT_TYPES) {
      const steps = Object.keys(actorUpcasters[type]).map(Number);
      expect(steps).toEqual(Array.from({ length: ACTOR_EVENT_SCHEMA_VERSIONS[type] - 1 }, (_, index) => index + 1));
    }
  });

  describe('ActorUpdated v1 → v2', () => {
    const toV2 = actorUpcasters.ActorUpdated[1];

    it('dates a v1 change of title by when it was recorded', () => {
      expect(toV2(v1Update)).toEqual({ ...v1Update, validFrom: { at: '2025-03-10T09:00:00.000Z', precision: 'exact' } });
    });

    it('dates a v1 clearing of the principal the same way', () => {
      expect(toV2({ ...v1Update, changes: { represents: null } })).toMatchObject({ validFrom: { at: v1Update.updatedAt, precision: 'exact' } });
    });

    it('leaves a change of neither title nor principal undated', () => {
      const rename = { ...v1Update, changes: { name: 'Steven Witkoff', country: null } };
      expect(toV2(rename)).toEqual(rename);
    });

    it('leaves data that is already v2 as it is, so reading it twice changes nothing', () => {
      const v2 = { ...v1Update, validFrom: { at: '2025-03-01', precision: 'month' } };
      expect(toV2(v2)).toBe(v2);
      expect(toV2(toV2(v1Update))).toEqual(toV2(v1Update));
    });

    it('leaves data it cannot read for the fold to refuse', () => {
      expect(toV2({ actorId: 'x', changes: 'title' })).toEqual({ actorId: 'x', changes: 'title' });
    });

    it('does not change the data it reads', () => {
      const data = structuredClone(v1Update);
      toV2(data);
      expect(data).toEqual(v1Update);
    });
  });

  describe('ActorRegistered v1 → v2', () => {
    it('reads a v1 registration unchanged: its role is held since before any record', () => {
      expect(actorUpcasters.ActorRegistered[1](v1Registration)).toEqual(v1Registration);
    });
  });

  describe('reading an event recorded at a version', () => {
    it('runs the steps from that version to the current one', () => {
      expect(upcastActorData('ActorUpdated', v1Update, 1)).toMatchObject({ validFrom: { precision: 'exact' } });
      expect(upcastActorData('ActorUpdated', v1Update, 2)).toBe(v1Update);
    });

    it('passes other event types and data that is not an object through', () => {
      expect(upcastActorData('TalksOpened', v1Update, 1)).toBe(v1Update);
      expect(upcastActorData('ActorUpdated', null, 1)).toBeNull();
    });

    it('reads an event of unknown version as v1, which v2 data survives', () => {
      const event = { id: 'e1', type: 'ActorUpdated' as const, data: v1Update };
      expect(upcastActorEvent(event).data).toMatchObject({ validFrom: { at: v1Update.updatedAt } });
      const v2 = { ...event, data: { ...v1Update, validFrom: { at: '2025-03-01', precision: 'month' as const } } };
      expect(upcastActorEvent(v2)).toBe(v2);
    });
  });
});
