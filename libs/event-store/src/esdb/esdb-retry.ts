import { Verdict } from './esdb-errors';

export type RetryOptions = Readonly<{
  /** Tries in all, the first included. Default 6. */
  attempts: number;
  /** First wait between tries; doubles up to `maxBackoffMs`. Defaults 100 ms and 1000 ms (about 3 s in all). */
  minBackoffMs: number;
  maxBackoffMs: number;
  /** Told about each failed try that will be tried again. */
  onRetry?: (error: unknown, attempt: number) => void;
}>;

export const DEFAULT_RETRY: RetryOptions = { attempts: 6, minBackoffMs: 100, maxBackoffMs: 1000 };

/**
 * Runs `operation` until it succeeds, fails for good, or the tries run out, then throws the
 * port's error for the last failure. Only safe for operations whose repetition does no harm:
 * reads, and appends, which carry their event ids and an expected revision, so an append
 * that did land before its answer was lost is answered as the first time when repeated.
 */
export async function withRetries<T>(operation: () => Promise<T>, judge: (error: unknown) => Verdict, options: RetryOptions): Promise<T> {
  let wait = options.minBackoffMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const verdict = judge(error);
      if (!verdict.retry || attempt >= options.attempts) throw verdict.error;
      options.onRetry?.(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, options.maxBackoffMs);
    }
  }
}
