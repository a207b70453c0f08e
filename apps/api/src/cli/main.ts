/**
 * `npm run cli -- <command>`: operate a Parley installation from the shell, against the same
 * database and configuration as the server (PARLEY_DB). Safe while the server runs: a rebuild
 * swaps its tables in atomically and the server adopts them; a revoked key is refused at once.
 */
import { EventStore, openDurableSqlite, SqliteEventStore, UpcastingEventStore } from '@parley/event-store';
import { ProjectionObserver, ProjectionRunner } from '@parley/projections';
import { EVENT_UPCASTERS, isSlug } from '@parley/domain';
import { Command } from 'commander';
import { ApiKeyStore, DuplicateKeyNameError } from '../access/api-key.store';
import { isRole, ROLES } from '../access/roles';
import { validateEnvironment } from '../config/environment';
import { ALL_PROJECTIONS } from '../read-models/projections';
import { RebuildProgress } from './rebuild-progress';

type ReadSide = Readonly<{ runners: ReadonlyMap<string, ProjectionRunner>; store: EventStore }>;

async function withKeys(work: (store: ApiKeyStore) => void): Promise<void> {
  const database = openDurableSqlite(validateEnvironment(process.env).PARLEY_DB);
  try {
    work(new ApiKeyStore(database));
  } finally {
    database.close();
  }
}

async function withReadSide(work: (readSide: ReadSide) => Promise<void>, observers: readonly ProjectionObserver[] = []): Promise<void> {
  const { PARLEY_DB } = validateEnvironment(process.env);
  const store = new UpcastingEventStore(await SqliteEventStore.open({ filename: PARLEY_DB }), EVENT_UPCASTERS);
  const database = openDurableSqlite(PARLEY_DB);
  try {
    const runners = new Map(ALL_PROJECTIONS.map((projection) => [projection.name, new ProjectionRunner(store, database, projection, { observers })]));
    await work({ runners, store });
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
  .action((name: string) => {
    // Told of every batch: the bar moves with the rebuild, not with a timer it would starve.
    let progress: RebuildProgress | undefined;
    const observer: ProjectionObserver = { batchCommitted: (batch) => progress?.batchCommitted(batch) };
    return withReadSide(async ({ runners, store }) => {
      const runner = runners.get(name);
      if (!runner) return program.error(`No projection ${name}; choose one of ${[...runners.keys()].join(', ')}`);
      const started = Date.now();
      progress = new RebuildProgress(name, Number(await store.headPosition()));
      try {
        await runner.rebuild();
      } finally {
        progress.finish();
      }
      const status = await runner.status();
      console.log(`Rebuilt ${name} up to position ${status.checkpoint} in ${Date.now() - started} ms (generation ${status.generation}).`);
    }, [observer]);
  });

const keys = program.command('keys').description('API keys: who may read and write, and under which name writes are recorded');

keys
  .command('create')
  .description('Create a key and print it once (only its hash is kept)')
  .requiredOption('--name <name>', 'a unique name; it becomes the recordedBy of every event written with the key')
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
  .action(({ name, role }: { name: string; role: string }) =>
    withKeys((store) => {
      if (!isRole(role)) return program.error(`--role must be one of ${ROLES.join(', ')}`);
      if (!isSlug(name)) return program.error('--name must be lower-case letters, digits and dashes, 2 to 63 characters');
      try {
        const { key } = store.create(name, role, new Date());
        console.log(`Created key "${name}" (${role}). It is shown only this once:\n\n    ${key}\n`);
      } catch (error) {
        if (error instanceof DuplicateKeyNameError) return program.error(error.message);
        throw error;
      }
    }),
  );

keys
  .command('list')
  .description('Every key: name, role, prefix, created, last used, revoked')
  .action(() => withKeys((store) => console.table(store.list())));

keys
  .command('revoke')
  .description('Revoke a key: it is refused from its next request on')
  .argument('<name>')
  .action((name: string) =>
    withKeys((store) => {
      if (!store.revoke(name, new Date())) return program.error(`No live key named ${name}`);
      console.log(`Revoked key "${name}".`);
    }),
  );

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
