import {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from './event-store.port';

/** Reads stored data of a version as the current version of its type (the domain's registry). */
export type EventUpcaster = Readonly<{
  upcast: (type: string, data: unknown, schemaVersion: unknown) => Readonly<{ data: unknown; schemaVersion: number }>;
}>;

/**
 * A recorded event as this code reads it. An upcast event says so in its metadata: its
 * `schemaVersion` is the shape its data now has, `recordedSchemaVersion` the shape on disk.
 */
export const upcastRecorded = (upcaster: EventUpcaster, event: RecordedEvent): RecordedEvent => {
  const recorded = event.metadata.schemaVersion;
  const { data, schemaVersion } = upcaster.upcast(event.type, event.data, recorded);
  if (data === event.data) return event;
  return { ...event, data, metadata: { ...event.metadata, schemaVersion, recordedSchemaVersion: recorded ?? 1 } };
};

class UpcastingSubscription implements AllSubscription {
  constructor(
    private readonly source: AllSubscription,
    private readonly upcaster: EventUpcaster,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    for await (const event of this.source) yield upcastRecorded(this.upcaster, event);
  }

  unsubscribe(): Promise<void> {
    return this.source.unsubscribe();
  }
}

/**
 * The one place stored events become events of the current versions, for either adapter: every
 * read, stream or `$all`, and every subscription goes through the upcaster. Appends pass as they
 * are; what is written is always the current version.
 */
export class UpcastingEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly upcaster: EventUpcaster,
  ) {}

  appendToStream(streamId: string, events: readonly EventToAppend[], options?: Readonly<{ expectedRevision?: ExpectedRevision }>): Promise<AppendResult> {
    return this.store.appendToStream(streamId, events, options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.store.readStream(streamId, options)).map((event) => upcastRecorded(this.upcaster, event));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.store.readAll(options)).map((event) => upcastRecorded(this.upcaster, event));
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return new UpcastingSubscription(this.store.subscribeToAll(options), this.upcaster);
  }

  headPosition(): Promise<bigint> {
    return this.store.headPosition();
  }

  ping(): Promise<void> {
    return this.store.ping();
  }

  storeId(): Promise<string> {
    return this.store.storeId();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
