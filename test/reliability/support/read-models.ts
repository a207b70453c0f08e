import { Client, expectStatus } from './http-client';
import { waitWhileProgressing } from '../../support/progress/wait-while-progressing';
import { readModelRows } from './sqlite-file';

type Status = Readonly<{ name: string; state: string; checkpoint: string; head: string; generation: number; rebuild?: unknown }>;

/** Waits until every projection is live at the head of `$all`, for as long as they keep moving. */
export async function waitForProjections(client: Client): Promise<Status[]> {
  let statuses: Status[] = [];
  await waitWhileProgressing({
    what: 'every projection live at the head',
    done: async () => {
      statuses = expectStatus(await client.get('/v1/admin/projections'), 200).body as Status[];
      return statuses.every((status) => status.state === 'live' && status.rebuild === undefined && status.checkpoint === status.head);
    },
    progress: () => statuses,
    pollMs: 20,
  });
  return statuses;
}

/**
 * The read models the server kept through whatever happened, and the same after
 * `POST /v1/admin/projections/:name/rebuild` replays `$all` from position 0 (call it while
 * nothing writes). Equal rows mean nothing was lost, doubled or half-applied.
 */
export async function keptAndRebuiltReadModels(client: Client, databaseFile: string): Promise<{ kept: unknown; rebuilt: unknown }> {
  const statuses = await waitForProjections(client);
  const kept = readModelRows(databaseFile);
  for (const { name } of statuses) expectStatus(await client.post(`/v1/admin/projections/${name}/rebuild`, undefined), 202);
  const after = await waitForProjections(client);
  // A new generation proves each rebuild ran and swapped its tables in.
  for (const status of after) {
    const before = statuses.find(({ name }) => name === status.name)!;
    if (status.generation <= before.generation) throw new Error(`Projection ${status.name} was not rebuilt`);
  }
  return { kept, rebuilt: readModelRows(databaseFile) };
}
