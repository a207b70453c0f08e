import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '@parley/event-store';
import { ApiProblem } from '../problem/problem';

export type HistoryEvent = Readonly<{
  id: string;
  type: string;
  revision: number;
  position: string;
  recordedAt: string;
  data: unknown;
  metadata: Readonly<Record<string, unknown>>;
}>;

export type HistoryPage = Readonly<{
  streamId: string;
  events: readonly HistoryEvent[];
  /** The `fromRevision` of the next page, or null on the last one. */
  nextRevision: number | null;
}>;

export const historyEventOf = (event: RecordedEvent): HistoryEvent => ({
  id: event.id,
  type: event.type,
  revision: event.revision,
  position: event.position.toString(),
  recordedAt: event.recordedAt.toISOString(),
  data: event.data,
  metadata: event.metadata,
});

/** A stream's events, oldest first, a page at a time; an unknown stream is a 404 with `notFoundCode`. */
@Injectable()
export class StreamHistory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async page(streamId: string, fromRevision: number, limit: number, notFoundCode: string): Promise<HistoryPage> {
    // One more than asked tells whether another page follows without a second read.
    const events = await this.store.readStream(streamId, { direction: 'forwards', fromRevision, maxCount: limit + 1 });
    if (events.length === 0 && (fromRevision === 0 || !(await this.exists(streamId)))) {
      throw new ApiProblem(404, notFoundCode, `Nothing has been recorded in ${streamId}`);
    }
    const page = events.slice(0, limit);
    return {
      streamId,
      events: page.map(historyEventOf),
      nextRevision: events.length > limit ? page[page.length - 1].revision + 1 : null,
    };
  }

  private async exists(streamId: string): Promise<boolean> {
    return (await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 })).length > 0;
  }
}
