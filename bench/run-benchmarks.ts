/**
 * `npm run bench`: every workload against its ceiling in the same run, in interleaved
 * rounds, each target in a fresh process, over loopback. Prints a Markdown table and saves
 * the run as JSON under bench/results/. Not part of `npm test`.
 *
 * Options: --only append,reads,long-tracks,million,million-reads,tracing  --rounds 3  --duration 8  --no-build
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchContext, BenchContext } from './support/bench-context';
import { ROOT } from './support/child-process';
import { API_ENV } from './support/parley-api';
import { Row } from './support/rows';
import { spread } from './support/stats';
import { runEnvironment } from './support/run-environment';
import { table } from './support/table';
import { appendWorkload } from './workloads/append.workload';
import { longTracksWorkload } from './workloads/long-tracks.workload';
import { millionEventsWorkload } from './workloads/million-events.workload';
import { millionReadsWorkload } from './workloads/million-reads.workload';
import { readsWorkload } from './workloads/reads.workload';
import { tracingWorkload } from './workloads/tracing.workload';

const WORKLOADS: Record<string, (context: BenchContext) => Promise<Row[]>> = {
  append: appendWorkload,
  reads: readsWorkload,
  'long-tracks': longTracksWorkload,
  million: millionEventsWorkload,
  'million-reads': millionReadsWorkload,
  tracing: tracingWorkload,
};

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

function run(command: string, args: string[], timeoutMs: number): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** The peer needs the native sqlite3, which only bench/peer installs, on demand. */
function ensurePeer(): { available: boolean; reason?: string } {
  if (existsSync(join(ROOT, 'bench', 'peer', 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'))) return { available: true };
  process.stderr.write('Installing the peer (Emmett and sqlite3, compiled: about a minute) into bench/peer …\n');
  const installed = run('npm', ['--prefix', join(ROOT, 'bench', 'peer'), 'install', '--no-audit', '--no-fund'], 15 * 60_000);
  if (installed.ok) return { available: true };
  return { available: false, reason: `npm --prefix bench/peer install failed: ${installed.output.split('\n').slice(-5).join(' ')}` };
}

async function main(): Promise<void> {
  const only = (option('only') ?? Object.keys(WORKLOADS).join(',')).split(',');
  const started = new Date();
  if (!process.argv.includes('--no-build')) {
    process.stderr.write('Building the API (npm run build) …\n');
    const built = run('npm', ['run', 'build'], 10 * 60_000);
    if (!built.ok) throw new Error(`npm run build failed:\n${built.output}`);
  }
  const peer = only.includes('append') ? ensurePeer() : { available: false, reason: 'append workload not run' };
  const scratch = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  try {
    const context = benchContext({
      rounds: Number(option('rounds') ?? 3),
      warmupSeconds: 2,
      durationSeconds: Number(option('duration') ?? 8),
      peerAvailable: peer.available,
      scratch,
    });
    const environment = await runEnvironment(context.freshDatabase('environment'));
    const rows: Row[] = [];
    for (const name of only) {
      const workload = WORKLOADS[name];
      if (!workload) throw new Error(`No workload ${name}; choose from ${Object.keys(WORKLOADS).join(', ')}`);
      context.log(`workload ${name} …`);
      try {
        rows.push(...(await workload(context)));
      } catch (error) {
        // One workload failing must not lose the others' figures: it shows as a failed row.
        context.log(`workload ${name} failed: ${(error as Error).stack}`);
        rows.push({ workload: name, target: `failed: ${(error as Error).message}`, metric: '', value: spread([]), met: false });
      }
    }
    const printed = table(rows);
    process.stdout.write(`\n${printed}\n\n`);
    if (!peer.available) process.stdout.write(`Peer (Emmett SQLite) not measured: ${peer.reason}\n`);
    const results = join(ROOT, 'bench', 'results');
    mkdirSync(results, { recursive: true });
    const file = join(results, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
    const settings = { rounds: context.rounds, warmupSeconds: context.warmupSeconds, durationSeconds: context.durationSeconds, apiEnv: { ...API_ENV, PARLEY_BOOTSTRAP_ADMIN_KEY: '(set)' } };
    const run = { startedAt: started.toISOString(), minutes: (Date.now() - started.getTime()) / 60_000, settings, environment, peer, rows, table: printed };
    writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
    process.stdout.write(`Saved ${file}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
