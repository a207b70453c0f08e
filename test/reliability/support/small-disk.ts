import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerOptions, ServerProcess } from './server-process';

const TMPFS_SIZE = '16m';
const FILL_CHUNK = Buffer.alloc(64 * 1024, 0x5a);
const MAX_PAGES = 1_073_741_823;

/**
 * A disk that can fill up and get space back. Preferably a real one: a small tmpfs (needs
 * root to mount), filled with a filler file until ENOSPC. Where mounting is refused (CI
 * runners without root), SQLite's own page limit stands in; see sqlite-page-limit.preload.js.
 */
export type SmallDisk = Readonly<{
  kind: 'tmpfs' | 'sqlite-page-limit';
  directory: string;
  serverOptions: ServerOptions;
  fill: (server: ServerProcess) => Promise<void>;
  free: (server: ServerProcess) => Promise<void>;
  dispose: () => void;
}>;

export function makeSmallDisk(): SmallDisk {
  const directory = mkdtempSync(join(tmpdir(), 'parley-disk-'));
  // PARLEY_RELIABILITY_DISK=sqlite-page-limit tries the stand-in where mount would work.
  if (process.env.PARLEY_RELIABILITY_DISK === 'sqlite-page-limit') return pageLimitDisk(directory);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', directory], { stdio: 'ignore' });
  } catch {
    return pageLimitDisk(directory);
  }
  const filler = join(directory, 'filler');
  return {
    kind: 'tmpfs',
    directory,
    serverOptions: {},
    fill: async () => {
      const fd = openSync(filler, 'a');
      try {
        // Bounded by the filesystem's size: ENOSPC ends it.
        for (let written = 0; written < 64 * 1024 * 1024; written += FILL_CHUNK.length) writeSync(fd, FILL_CHUNK);
        throw new Error('The small filesystem never filled up');
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
        // Down to the last byte: a smaller write may still fit into what the chunk left.
        for (let bytes = FILL_CHUNK.length / 2; bytes >= 1; bytes = Math.floor(bytes / 2)) {
          try {
            while (writeSync(fd, FILL_CHUNK, 0, bytes) === bytes);
          } catch {
            // ENOSPC at this size: try a smaller one.
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: async () => rmSync(filler, { force: true }),
    dispose: () => {
      execFileSync('umount', ['-l', directory], { stdio: 'ignore' });
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function pageLimitDisk(directory: string): SmallDisk {
  return {
    kind: 'sqlite-page-limit',
    directory,
    serverOptions: { preload: [join(__dirname, 'sqlite-page-limit.preload.js')] },
    fill: async (server) => void (await server.ask({ maxPages: 1 })),
    free: async (server) => void (await server.ask({ maxPages: MAX_PAGES })),
    dispose: () => rmSync(directory, { recursive: true, force: true }),
  };
}
