import { AllSubscription, RecordedEvent } from '../event-store.port';

export type Page = Readonly<{
  events: readonly RecordedEvent[];
  /** Every event up to here has been looked at, matching the filter or not. */
  scannedTo: bigint;
}>;

/** Reads the next matching events strictly after `after`, at most `limit` of them. */
export type PageReader = (after: bigint, limit: number) => Page;

export type PollingOptions = Readonly<{
  pageSize: number;
  pollIntervalMs: number;
  onEnd: (subscription: PollingAllSubscription) => void;
}>;

/**
 * Catch-up and live are one loop over one cursor: read a page after the cursor, hand it
 * out, move the cursor; when a page comes back short, wait for a wake-up or the poll.
 * Because the cursor is the last position looked at, the seam between catching up and
 * going live can neither skip nor repeat an event. This relies on positions becoming
 * visible in order, which SQLite's single writer guarantees.
 */
export class PollingAllSubscription implements AllSubscription {
  private ended = false;
  /** Set by a wake-up that arrives while a page is being handed out, so it is not lost. */
  private woken = false;
  private stopWaiting?: () => void;
  private readonly events: AsyncGenerator<RecordedEvent, void, undefined>;

  constructor(
    private readonly readPage: PageReader,
    private cursor: bigint,
    private readonly options: PollingOptions,
  ) {
    this.events = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events;
  }

  /** New events may be there: look now instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.stopWaiting?.();
  }

  async unsubscribe(): Promise<void> {
    this.end();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.stopWaiting?.();
    this.options.onEnd(this);
  }

  private async *run(): AsyncGenerator<RecordedEvent, void, undefined> {
    try {
      while (!this.ended) {
        this.woken = false;
        const page = this.readPage(this.cursor, this.options.pageSize);
        this.cursor = page.scannedTo;
        for (const event of page.events) {
          if (this.ended) return;
          yield event;
        }
        const caughtUp = page.events.length < this.options.pageSize;
        if (caughtUp && !this.woken && !this.ended) await this.waitForWakeOrPoll();
      }
    } finally {
      this.end();
    }
  }

  private waitForWakeOrPoll(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stopWaiting = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs);
      this.stopWaiting = done;
    });
  }
}
