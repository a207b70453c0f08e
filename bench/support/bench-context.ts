import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** What every workload is given: the run's settings and a scratch directory. */
export type BenchContext = Readonly<{
  rounds: number;
  warmupSeconds: number;
  durationSeconds: number;
  peerAvailable: boolean;
  scratch: string;
  /** A path for a new database file in the scratch directory (its directory made, nothing in it). */
  freshDatabase: (name: string) => string;
  log: (line: string) => void;
}>;

export function benchContext(settings: Omit<BenchContext, 'freshDatabase' | 'log'>): BenchContext {
  return {
    ...settings,
    freshDatabase: (name) => {
      const directory = join(settings.scratch, name);
      rmSync(directory, { recursive: true, force: true });
      mkdirSync(directory, { recursive: true });
      return join(directory, 'parley.db');
    },
    log: (line) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`),
  };
}
