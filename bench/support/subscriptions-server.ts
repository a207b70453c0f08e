import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The API in a child process of its own, so its memory is measured apart from the subscribers'. */

const ROOT = join(__dirname, '..', '..');
export const SUBSCRIPTIONS_BENCH_KEY = 'parley_bench-subscriptions-key-000000000';

export type BenchServer = Readonly<{ url: string; pid: number; rssMb: () => number; stop: () => Promise<void> }>;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

/** Resident memory of a process, from /proc (Linux); NaN elsewhere. */
export const rssMbOf = (pid: number): number => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
  } catch {
    return NaN;
  }
};

export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const directory = mkdtempSync(join(tmpdir(), 'parley-bench-sse-'));
  const port = await freePort();
  // PARLEY_BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server (NODE_OPTIONS refuses --cpu-prof).
  const child: ChildProcess = spawn(process.execPath, [...(process.env.PARLEY_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PARLEY_DB: join(directory, 'parley.db'),
      PARLEY_EVENT_STORE: '',
      PARLEY_BOOTSTRAP_ADMIN_KEY: SUBSCRIPTIONS_BENCH_KEY,
      PARLEY_WRITE_LIMIT: '100000000',
      PARLEY_READ_LIMIT: '100000000',
      PARLEY_SSE_MAX_STREAMS_PER_KEY: '100000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(directory, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode} before it answered`);
    const healthy = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error('The API did not answer /health within 90 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, pid: child.pid!, rssMb: () => rssMbOf(child.pid!), stop };
}
