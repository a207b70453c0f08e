import { join } from 'node:path';
import { forkInOwnGroup } from '../../support/processes/own-process-group';

const DEMO = join(__dirname, '..', '..', '..', 'scripts', 'demo', 'record-seed-story.ts');

/** `npm run demo` against a running server: the seed story, through the public API. */
export async function recordTheDemo(baseUrl: string, key: string): Promise<void> {
  const child = forkInOwnGroup(DEMO, {
    env: { ...process.env, PARLEY_URL: baseUrl, PARLEY_KEY: key },
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`The demo exited with ${code}:\n${output}`);
}
