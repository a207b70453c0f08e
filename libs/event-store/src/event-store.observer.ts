import type { AllSubscription, AppendResult, EventStore, EventToAppend, ExpectedRevision, ReadAllOptions, ReadStreamOptions, RecordedEvent, SubscribeToAllOptions } from './event-store.port';

/** The store's calls an observer is told about (subscriptions report through their reads). */
export type StoreOperation = 'append' | 'readStream' | 'readAll' | 'headPosition' | 'ping';

/** One group commit of the SQLite adapter: the appends that arrived in one event-loop turn, written in one transaction. */
export type GroupCommit = Readonly<{ appends: number; events: number; durationMs: number; failed: boolean }>;

/**
 * What the store reports, for metrics and traces; the app decides what to measure them with,
 * so that the library depends on no metrics client.
 */
export interface EventStoreObserver {
  /** A call finished, after `durationMs`; `error` is what it threw, if it did. */
  operationFinished?(operation: StoreOperation, durationMs: number, error?: unknown): void;
  /** The SQLite adapter committed (or failed to commit) one group of appends. */
  groupCommitted?(commit: GroupCommit): void;
}

/** Any adapter, with each call timed and reported to `observer`; the store's answers and errors pass through unchanged. */
export function observedEventStore(store: EventStore, observer: EventStoreObserver): EventStore {
  const report = observer.operationFinished?.bind(observer);
  if (!report) return store;
  const timed = async <T>(operation: StoreOperation, call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      const result = await call();
      report(operation, performance.now() - started);
      return result;
    } catch (error) {
      report(operation, performance.now() - started, error);
      throw error;
    }
  };
  return {
    appendToStream: (streamId: string, events: readonly EventToAppend[], options?: Readonly<{ expectedRevision?: ExpectedRevision }>): Promise<AppendResult> =>
      timed('append', () => store.appendToStream(streamId, events, options)),
    readStream: (streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> => timed('readStream', () => store.readStream(streamId, options)),
    readAll: (options?: ReadAllOptions): Promise<RecordedEvent[]> => timed('readAll', () => store.readAll(options)),
    subscribeToAll: (options?: SubscribeToAllOptions): AllSubscription => store.subscribeToAll(options),
    headPosition: (): Promise<bigint> => timed('headPosition', () => store.headPosition()),
    ping: (): Promise<void> => timed('ping', () => store.ping()),
    storeId: (): Promise<string> => store.storeId(),
    close: (): Promise<void> => store.close(),
  };
}
