/**
 * `npm run cli -- <command>`: operate a Parley installation from the shell, against the same
 * database and configuration as the server (PARLEY_DB). Safe while the server runs: a rebuild
 * swaps its tables in atomically and the server adopts them.
 */
import { openDurableSqlite, SqliteEventStore } from '@parley/event-store';
import { ProjectionRunner } from '@parley/projections';
import { Command } from 'commander';
import { validateEnvironment } from '../config/environment';
import { ALL_PROJECTIONS } from '../read-models/projections';

type ReadSide = Readonly<{ runners: ReadonlyMap<string, ProjectionRunner> }>;

async function withReadSide(work: (readSide: ReadSide) => Promise<void>): Promise<void> {
  const { PARLEY_DB } = validateEnvironment(process.env);
  const store = await SqliteEventStore.open({ filename: PARLEY_DB });
  const database = openDurableSqlite(PARLEY_DB);
  try {
    const runners = new Map(ALL_PROJECTIONS.map((projection) => [projection.name, new ProjectionRunner(store, database, projection)]));
    await work({ runners });
  } finally {
    database.close();
    await store.close();
  }
}

const program = new Command('parley').description('Operate Parley from the shell (uses PARLEY_DB, default ./data/parley.db)');
const projections = program.command('projections').description('The read models kept from the event store');

projections
  .command('list')
  .description('Each projection: version, checkpoint, lag and state')
  .action(() =>
    withReadSide(async ({ runners }) => {
      const rows = await Promise.all([...runners.values()].map((runner) => runner.status()));
      console.table(rows.map(({ name, version, checkpoint, head, lag, generation }) => ({ name, version, checkpoint, head, lag, generation })));
    }),
  );

projections
  .command('rebuild')
  .description('Rebuild one projection from position 0 into a shadow copy, then swap it in')
  .argument('<name>', `one of: ${ALL_PROJECTIONS.map((projection) => projection.name).join(', ')}`)
  .action((name: string) =>
    withReadSide(async ({ runners }) => {
      const runner = runners.get(name);
      if (!runner) return program.error(`No projection ${name}; choose one of ${[...runners.keys()].join(', ')}`);
      const started = Date.now();
      await runner.rebuild();
      const status = await runner.status();
      console.log(`Rebuilt ${name} up to position ${status.checkpoint} in ${Date.now() - started} ms (generation ${status.generation}).`);
    }),
  );

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
