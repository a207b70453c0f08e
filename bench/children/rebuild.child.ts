/**
 * A full rebuild of the talks projection (the largest read model) over BENCH_DB, as
 * `npm run cli -- projections rebuild talks` runs it: pages of $all through the store, each
 * page applied with its checkpoint in one transaction, then the swap. The read models go to a
 * fresh file of their own (BENCH_READ_DB) so each round starts from nothing. Prints
 * {events, seconds, skipped} as its last line.
 */
import { EVENT_UPCASTERS } from '@parley/domain';
import { openDurableSqlite, SqliteEventStore, UpcastingEventStore } from '@parley/event-store';
import { ProjectionRunner, talksProjection } from '@parley/projections';

async function main(): Promise<void> {
  // Read as the app reads: through the upcasters.
  const store = new UpcastingEventStore(await SqliteEventStore.open({ filename: process.env.BENCH_DB! }), EVENT_UPCASTERS);
  const readModels = openDurableSqlite(process.env.BENCH_READ_DB!);
  const runner = new ProjectionRunner(store, readModels, talksProjection);
  const events = Number(await store.headPosition());
  const started = process.hrtime.bigint();
  await runner.rebuild();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const status = await runner.status();
  await runner.stop();
  readModels.close();
  await store.close();
  process.stdout.write(`${JSON.stringify({ events, seconds, skipped: status.skipped, checkpoint: status.checkpoint })}\n`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
