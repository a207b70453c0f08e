import { ServerWritableStream } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { EventFilter } from './event-filter';
import { InMemoryLog } from './in-memory-log';
import { int64, readEventResponse } from './wire';

export type SubscriptionStart = 'start' | 'end' | bigint;

/**
 * A catch-up subscription to `$all`: confirmation, the stored events, `caught_up`, then live
 * events as they are appended, in one loop over one cursor into the log, so the seam between
 * catching up and going live can neither skip nor repeat an event.
 *
 * Chosen rather than known (the real server's exact behaviour was not measurable here):
 * - a start position is exclusive: the event at that position is not sent again;
 * - with a filter, a checkpoint after every `checkpointEvery` events looked at, matching or
 *   not, at the position of the last one looked at; none without a filter;
 * - `caught_up` once, when the cursor first reaches the head (newer servers send it; 6.2.1
 *   only emits it as an event);
 * - system events are in `$all` and pass an absent filter, as on the real server.
 */
export async function serveAllSubscription(
  call: ServerWritableStream<ReadReq, ReadResp>,
  log: InMemoryLog,
  start: SubscriptionStart,
  filter: EventFilter | undefined,
): Promise<void> {
  let cancelled = false;
  let wake: (() => void) | undefined;
  const rouse = () => wake?.();
  const onCancelled = () => {
    cancelled = true;
    rouse();
  };
  call.on('cancelled', onCancelled);
  call.on('error', onCancelled);
  call.on('drain', rouse);
  log.on('appended', rouse);
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      if (ready() || cancelled) return resolve();
      wake = () => {
        if (!ready() && !cancelled) return;
        wake = undefined;
        resolve();
      };
    });

  let index = start === 'start' ? 0 : start === 'end' ? log.all.length : log.indexAtOrAfter(start);
  if (typeof start === 'bigint' && log.all[index]?.position === start) index += 1;
  let scanned = 0;
  let caughtUp = false;
  const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
  call.write(new ReadResp().setConfirmation(confirmation));
  try {
    while (!cancelled) {
      if (index < log.all.length) {
        const event = log.all[index++];
        scanned += 1;
        let writable = true;
        if (!filter || filter.matches(event)) writable = call.write(readEventResponse(event));
        if (filter && scanned % filter.checkpointEvery === 0) {
          const checkpoint = new ReadResp.Checkpoint().setCommitPosition(int64(event.position)).setPreparePosition(int64(event.position));
          writable = call.write(new ReadResp().setCheckpoint(checkpoint)) && writable;
        }
        // Back-pressure: a slow reader holds the cursor here rather than the whole log in memory.
        if (!writable) await until(() => call.writableLength === 0);
        continue;
      }
      if (!caughtUp) {
        caughtUp = true;
        call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
      }
      await until(() => index < log.all.length);
    }
  } finally {
    log.off('appended', rouse);
    call.off('drain', rouse);
  }
}
