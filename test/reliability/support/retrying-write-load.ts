import { randomUUID } from 'node:crypto';
import { Client } from './http-client';
import { acknowledgementOf, Ledger } from './ledger';
import { meetingPath, newMeeting, Track } from './seed';

export type RetryingLoadReport = {
  sent: number;
  /** Answers by status. */
  statuses: Record<number, number>;
  /** Answers that are neither 201 nor a retryable 503 STORE.UNAVAILABLE with Retry-After, with their body. */
  unexpected: Array<{ status: number; body: unknown }>;
  /** Retries of a keyed write after a 503, and keyed writes acknowledged as a replay. */
  retried: number;
  replayed: number;
};

/**
 * Writers posting new meetings to random tracks, as a careful client of a store that can fail
 * over: a 503 STORE.UNAVAILABLE is an answer it expects (with Retry-After), and a write sent
 * with an Idempotency-Key is sent again, same key, same body, until it is acknowledged. A
 * write without a key is not retried: after a 503 it may or may not have been recorded.
 */
export function startRetryingWriteLoad(
  client: Client,
  tracks: readonly Track[],
  ledger: Ledger,
  options: Readonly<{ concurrency: number; idempotentShare: number; stop: () => boolean }>,
): { report: RetryingLoadReport; done: Promise<RetryingLoadReport> } {
  const report: RetryingLoadReport = { sent: 0, statuses: {}, unexpected: [], retried: 0, replayed: 0 };
  const send = async (track: Track, body: unknown, idempotencyKey: string | undefined): Promise<boolean> => {
    report.sent += 1;
    const answer = await client.post(meetingPath(track), body, { headers: idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey } });
    report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
    if (answer.status === 201) {
      if (answer.headers.get('idempotent-replayed') === 'true') report.replayed += 1;
      ledger.record(acknowledgementOf(answer.body));
      return true;
    }
    const retryable = answer.status === 503 && answer.body?.code === 'STORE.UNAVAILABLE' && answer.headers.get('retry-after') !== null;
    if (!retryable) report.unexpected.push({ status: answer.status, body: answer.body });
    return !retryable;
  };
  const writer = async (): Promise<void> => {
    while (!options.stop()) {
      const track = tracks[Math.floor(Math.random() * tracks.length)];
      const body = newMeeting(track);
      const idempotencyKey = Math.random() < options.idempotentShare ? `failover-${randomUUID()}` : undefined;
      let settled = await send(track, body, idempotencyKey);
      // A keyed write is owed an acknowledgement: the same request until it comes.
      while (!settled && idempotencyKey !== undefined) {
        report.retried += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        settled = await send(track, body, idempotencyKey);
      }
    }
  };
  const done = Promise.all(Array.from({ length: options.concurrency }, writer)).then(() => report);
  return { report, done };
}
