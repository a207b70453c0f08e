/**
 * How long a wait may see no progress at all before it is judged stuck. Not a bound on the
 * whole wait: on a busy machine work goes slower but still goes, and each sign of progress
 * starts this window again.
 */
export const STALL_MS = 30_000;

export type ProgressWait = Readonly<{
  /** What is awaited, for the failure message. */
  what: string;
  /** True once the wait is over. */
  done: () => boolean | Promise<boolean>;
  /** Any value that changes while the awaited work advances: a count, a position, CPU time used. */
  progress: () => unknown;
  stallMs?: number;
  pollMs?: number;
}>;

/** Waits until `done()`, for as long as `progress()` keeps changing; fails after `stallMs` without a change. */
export async function waitWhileProgressing({ what, done, progress, stallMs = STALL_MS, pollMs = 10 }: ProgressWait): Promise<void> {
  let seen = JSON.stringify(progress());
  let lastChange = Date.now();
  while (!(await done())) {
    const now = JSON.stringify(progress());
    if (now !== seen) {
      seen = now;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > stallMs) {
      throw new Error(`No progress towards ${what} for ${stallMs} ms (last seen: ${seen})`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
