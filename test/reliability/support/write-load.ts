import { randomUUID } from 'node:crypto';
import { Client, networkErrorCode } from './http-client';
import { acknowledgementOf, Ledger } from './ledger';
import { meetingPath, newMeeting, Track } from './seed';

export type WriteLoadOptions = Readonly<{
  concurrency: number;
  /** Each writer stops after this many requests at most (the loops stay bounded). */
  maxRequestsPerWriter: number;
  /** Share of requests sent with an Idempotency-Key (0 to 1). */
  idempotentShare: number;
  /** Checked before each request: writers stop once it answers true. */
  stop?: () => boolean;
  /** A writer goes on after a failed connection (true) or stops (false, the default). */
  continueAfterNetworkError?: boolean;
}>;

export type Unanswered = Readonly<{ idempotencyKey?: string; code: string }>;

export type WriteLoadReport = {
  sent: number;
  /** Requests sent and not yet answered or failed, right now. */
  inFlight: number;
  /** Answers by status. */
  statuses: Record<number, number>;
  /** Answers other than 201, with their body, for the assertion message. */
  unexpected: Array<{ status: number; body: unknown }>;
  /** Requests that got no HTTP answer at all (the server was killed, or closed the connection). */
  unanswered: Unanswered[];
};

/** Writers posting new meetings to random tracks; every 201 goes into the ledger. */
export const runWriteLoad = (client: Client, tracks: readonly Track[], ledger: Ledger, options: WriteLoadOptions): Promise<WriteLoadReport> =>
  startWriteLoad(client, tracks, ledger, options).done;

/** The same, with the report readable while the writers run. */
export function startWriteLoad(
  client: Client,
  tracks: readonly Track[],
  ledger: Ledger,
  options: WriteLoadOptions,
): { report: WriteLoadReport; done: Promise<WriteLoadReport> } {
  const report: WriteLoadReport = { sent: 0, inFlight: 0, statuses: {}, unexpected: [], unanswered: [] };
  const writer = async (): Promise<void> => {
    for (let i = 0; i < options.maxRequestsPerWriter && !options.stop?.(); i++) {
      const track = tracks[Math.floor(Math.random() * tracks.length)];
      const idempotencyKey = Math.random() < options.idempotentShare ? `reliability-${randomUUID()}` : undefined;
      report.sent += 1;
      report.inFlight += 1;
      try {
        const answer = await client.post(meetingPath(track), newMeeting(track), {
          headers: idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey },
        });
        report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
        if (answer.status === 201) ledger.record(acknowledgementOf(answer.body));
        else report.unexpected.push({ status: answer.status, body: answer.body });
      } catch (error) {
        report.unanswered.push({ idempotencyKey, code: networkErrorCode(error) });
        if (!options.continueAfterNetworkError) return;
      } finally {
        report.inFlight -= 1;
      }
    }
  };
  const done = Promise.all(Array.from({ length: options.concurrency }, writer)).then(() => report);
  return { report, done };
}
