/**
 * A child process for the crash test: follows `$all` with every projection, in small batches,
 * until it is killed. PARLEY_DB names the database.
 */
import { openDurableSqlite, SqliteEventStore } from '@parley/event-store';
import { ProjectionRunner } from '@parley/projections';
import { ALL_PROJECTIONS } from '../../../apps/api/src/read-models/projections';

async function main(): Promise<void> {
  const file = process.env.PARLEY_DB;
  if (!file) throw new Error('PARLEY_DB is required');
  const store = await SqliteEventStore.open({ filename: file });
  const db = openDurableSqlite(file);
  for (const projection of ALL_PROJECTIONS) await new ProjectionRunner(store, db, projection, { batchSize: 7 }).start();
  process.send?.('started');
}

void main();
