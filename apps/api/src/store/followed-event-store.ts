import { CheckpointStore } from '@parley/projections';
import type { Database } from 'better-sqlite3';

/** What to do when the local database follows another event store than the one configured. */
export const ON_STORE_CHANGE = ['refuse', 'rebuild'] as const;
export type OnStoreChange = (typeof ON_STORE_CHANGE)[number];

export type FollowOutcome = 'first' | 'same' | 'rebuilt';

/**
 * The local database (read models, checkpoints, idempotency records) is derived from one event
 * store. Pointed at another (PARLEY_EVENT_STORE changed, the store emptied and recreated), it
 * would list tracks the store does not hold and answer "already recorded" from records of
 * writes the store never saw. So it records which store it follows, by the identity the store
 * keeps (EventStore.storeId), and on a mismatch either refuses, or, when told to, drops all it
 * derived from the other store: its projections rebuild from the new store at start and its
 * idempotency records go. API keys stay: they belong to the installation, not to a store.
 */
export function followEventStore(database: Database, storeId: string, onChange: OnStoreChange, now: Date): FollowOutcome {
  database.exec(`
    CREATE TABLE IF NOT EXISTS followed_event_store (
      store_id    TEXT PRIMARY KEY,
      followed_at INTEGER NOT NULL
    ) STRICT`);
  const followed = database.prepare<[], { store_id: string }>('SELECT store_id FROM followed_event_store').get()?.store_id;
  if (followed === storeId) return 'same';
  if (followed !== undefined && onChange === 'refuse') {
    throw new Error(
      `The local database follows event store ${followed}, but the configured store is ${storeId}. ` +
        'Its read models and idempotency records describe the other store. Point PARLEY_EVENT_STORE (or PARLEY_DB) back at the ' +
        'store it follows, or start once with PARLEY_ON_STORE_CHANGE=rebuild to rebuild the read models from this store and drop ' +
        'the idempotency records of the other one (API keys are kept).',
    );
  }
  database.transaction(() => {
    if (followed !== undefined) {
      new CheckpointStore(database).requireRebuildOfAll(now);
      const records = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'idempotency_records'").get();
      if (records) database.exec('DELETE FROM idempotency_records');
    }
    database.exec('DELETE FROM followed_event_store');
    database.prepare('INSERT INTO followed_event_store (store_id, followed_at) VALUES (?, ?)').run(storeId, now.getTime());
  })();
  return followed === undefined ? 'first' : 'rebuilt';
}
