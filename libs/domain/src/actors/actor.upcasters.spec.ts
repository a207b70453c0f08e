import { EVENT_UPCASTERS } from '../upcasting/event-upcasters';
import { actorUpcasters } from './actor.upcasters';

const v1Update = { actorId: 'steve-witkoff', changes: { title: 'Special Envoy for Peace Missions' }, updatedAt: '2025-03-10T09:00:00.000Z' };
const v1Registration = { actorId: 'steve-witkoff', name: 'Steve Witkoff', kind: 'person', title: 'Special Envoy', aliases: [], registeredAt: '2025-01-20T10:00:00.000Z' };

describe('actor upcasters', () => {
  it('puts both actor events at version 2 in the shared registry', () => {
    expect(EVENT_UPCASTERS.currentVersion('ActorRegistered')).toBe(2);
    expect(EVENT_UPCASTERS.currentVersion('ActorUpdated')).toBe(2);
  });

  describe('ActorUpdated v1 → v2', () => {
    const toV2 = actorUpcasters.ActorUpdated[0];

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
      expect(actorUpcasters.ActorRegistered[0](v1Registration)).toEqual(v1Registration);
    });
  });

  describe('reading an event recorded at a version', () => {
    it('runs the steps from that version to the current one', () => {
      expect(EVENT_UPCASTERS.upcast('ActorUpdated', v1Update, 1).data).toMatchObject({ validFrom: { precision: 'exact' } });
      expect(EVENT_UPCASTERS.upcast('ActorUpdated', v1Update, 2).data).toBe(v1Update);
    });

    it('reads an event recorded before versions were written as v1', () => {
      expect(EVENT_UPCASTERS.upcast('ActorUpdated', v1Update, undefined)).toMatchObject({ data: { validFrom: { at: v1Update.updatedAt } }, schemaVersion: 2 });
    });
  });
});
