import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cpuTicksOf } from '../../support/processes/cpu-time';
import { forkInOwnGroup, signalGroup } from '../../support/processes/own-process-group';
import { waitWhileProgressing } from '../../support/progress/wait-while-progressing';

/** The first admin key of every server the suite starts. */
export const ADMIN_KEY = 'parley_reliability-admin-key-000000000000';

const MAIN = join(__dirname, '..', '..', '..', 'apps', 'api', 'src', 'main.ts');

export type ServerProcess = Readonly<{
  baseUrl: string;
  pid: number;
  /** Resolves with how the process ended; never rejects. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The CPU time it used so far (clock ticks): it grows while the server works. */
  cpuTicks: () => number | undefined;
  /** Its resident set size in bytes, read from /proc (Linux). */
  rssBytes: () => number;
  /** What it wrote to stderr so far: a failed scenario shows the server's side. */
  stderr: () => string;
  /** Signals its process group, and resolves once it has ended. */
  kill: (signal: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a message over the IPC channel and resolves with the child's next message. */
  ask: (message: object) => Promise<unknown>;
}>;

export type ServerOptions = Readonly<{
  env?: Record<string, string>;
  /** Modules the child loads first (`-r`), e.g. a test-only fault injector. */
  preload?: readonly string[];
  /** Listen on this port (a restarted server where its clients knew it), else on a free one. */
  port?: number;
}>;

/**
 * The real API (`apps/api/src/main.ts`) in a child process on a SQLite file, listening on a
 * free loopback port, resolved once /health answers 200. PORT=0 would not tell us the port.
 */
export async function startServer(databaseFile: string, { env = {}, preload = [], port: fixedPort }: ServerOptions = {}): Promise<ServerProcess> {
  const port = fixedPort ?? (await freePort());
  const child: ChildProcess = forkInOwnGroup(MAIN, {
    env: {
      ...process.env,
      PARLEY_DB: databaseFile,
      PARLEY_EVENT_STORE: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      PARLEY_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
      // The suite writes thousands of times a minute with one key; the limiter is not under test.
      PARLEY_WRITE_LIMIT: '1000000',
      PARLEY_READ_LIMIT: '1000000',
      ...env,
    },
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', ...preload.flatMap((module) => ['-r', module])],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  const baseUrl = `http://127.0.0.1:${port}`;

  // Starting takes as long as the machine lets it (TypeScript is compiled on the way): the wait
  // goes on while the child keeps using CPU, and gives up only once it has stopped working.
  try {
    await waitWhileProgressing({
      what: 'the server answering /health',
      done: async () => {
        if (ended) throw new Error('The server exited while starting');
        return fetch(`${baseUrl}/health`).then(
          (response) => response.status === 200,
          () => false,
        );
      },
      progress: () => cpuTicksOf(child.pid!),
      pollMs: 50,
    });
  } catch (error) {
    signalGroup(child, 'SIGKILL');
    await exited;
    throw new Error(`${(error as Error).message}:\n${stderr}`);
  }

  return {
    baseUrl,
    pid: child.pid!,
    exited,
    cpuTicks: () => cpuTicksOf(child.pid!),
    rssBytes: () => {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return Number(match![1]) * 1024;
    },
    stderr: () => stderr,
    kill: (signal) => {
      if (!ended) signalGroup(child, signal);
      return exited;
    },
    ask: (message) =>
      new Promise((resolve, reject) => {
        child.once('message', resolve);
        child.send(message, (error) => error && reject(error));
      }),
  };
}

/** A port nobody listens on right now (the kernel picks it; we release it at once). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
