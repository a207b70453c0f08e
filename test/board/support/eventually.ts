import { waitWhileProgressing } from '../../support/progress/wait-while-progressing';

/**
 * Waits until `check()` holds, for as long as the server or the browser keeps working (their
 * CPU time grows); fails only after a stretch with neither moving. Never a fixed delay.
 */
export const eventually = (what: string, check: () => Promise<boolean> | boolean, progress: () => unknown): Promise<void> =>
  waitWhileProgressing({ what, done: check, progress, pollMs: 25 });
