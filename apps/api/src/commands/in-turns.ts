// How long work spread over turns may hold the event loop before it hands it back.
export const TURN_MS = 10;

/** Settles after the event loop has run what is waiting (I/O, timers, other requests). */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What the steps return, taken with the event loop handed back whenever a turn has lasted
 * `turnMs`: the long work of one stream (encoding, restoring or folding 100,000 claims takes
 * about a second) then delays every other request by a turn at most, not by all of it.
 */
export async function inTurns<T>(steps: Iterator<unknown, T, undefined>, turnMs = TURN_MS): Promise<T> {
  let turnStarted = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - turnStarted >= turnMs) {
      await nextTurn();
      turnStarted = performance.now();
    }
  }
}
