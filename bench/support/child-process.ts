import { ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** How a TypeScript entry runs in a child: transpiled on load; the code that runs is what tsc emits. */
export const TS_NODE_ARGS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type Child = Readonly<{ process: ChildProcess; url: string; stop: () => Promise<void> }>;

/** Starts a server in its own process and waits (60 s unless told) until `readyPath` answers below 500. */
export async function startServer(
  entry: string,
  options: Readonly<{ env?: Record<string, string>; execArgv?: string[]; readyPath?: string; cwd?: string; readyTimeoutMs?: number }> = {},
): Promise<Child> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = fork(entry, [], {
    cwd: options.cwd ?? ROOT,
    execArgv: options.execArgv ?? [],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...options.env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = () => stopChild(child);
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(`${url}${options.readyPath ?? '/health'}`);
      if (response.status < 500) return { process: child, url, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`${entry} did not become ready within ${readyTimeoutMs / 1000} s`);
}

/** Runs a script to completion in its own process and returns the JSON it prints last on stdout. */
export function runChild<T>(entry: string, env: Record<string, string>, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(entry, [], { cwd: ROOT, execArgv: TS_NODE_ARGS, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${entry} exited with ${code}: ${last}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${entry} printed no JSON result: ${last}`));
      }
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // A server busy folding a long stream ignores SIGTERM until it is done: do not wait for that.
  const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!killed) {
    child.kill('SIGKILL');
    await exited;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
