import { upcastRecorded, EventUpcaster } from './upcasting-event-store';
import { RecordedEvent } from './event-store.port';

const upcaster: EventUpcaster = {
  upcast: (type, data, schemaVersion) =>
    type === 'Opened' && schemaVersion !== 2 ? { data: { ...(data as object), note: null }, schemaVersion: 2 } : { data, schemaVersion: Number(schemaVersion ?? 1) },
};
const recorded = (type: string, metadata: Record<string, unknown>): RecordedEvent => ({
  id: 'e1', type, streamId: 's', revision: 0, position: 1n, data: { a: 1 }, metadata, recordedAt: new Date(0),
});

describe('a recorded event as this code reads it', () => {
  it('carries the upcast data, the version it now has and the version on disk', () => {
    expect(upcastRecorded(upcaster, recorded('Opened', { schemaVersion: 1, recordedBy: 'x' }))).toMatchObject({
      data: { a: 1, note: null },
      metadata: { schemaVersion: 2, recordedSchemaVersion: 1, recordedBy: 'x' },
    });
    expect(upcastRecorded(upcaster, recorded('Opened', {})).metadata).toMatchObject({ schemaVersion: 2, recordedSchemaVersion: 1 });
  });

  it('is the very event when nothing changes', () => {
    const event = recorded('Other', { schemaVersion: 1 });
    expect(upcastRecorded(upcaster, event)).toBe(event);
  });
});
