import { ChildProcess, fork, ForkOptions } from 'node:child_process';
import { recordChild } from './child-registry';

/**
 * `fork`, with the child leading a process group of its own (whatever it starts joins it), so
 * that one signal reaches all of it; recorded for the end-of-run check that nothing outlived
 * the suite (test/support/suite-run/global-teardown.js).
 */
export function forkInOwnGroup(modulePath: string, options: ForkOptions): ChildProcess {
  const child = fork(modulePath, [], { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`Could not start ${modulePath}`);
  recordChild(child.pid);
  return child;
}

/** Signals the child's whole process group; a group already gone is no error. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
