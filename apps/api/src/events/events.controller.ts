import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENTS_PAGE } from '../history/history.schema';
import { JsonResponse } from '../openapi/json-response.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { EVENT_STORE, EventStore } from '@parley/event-store';
import { HistoryEvent, historyEventOf } from '../history/stream-history';
import { EventsQueryDto } from './events-query.dto';
import { Reads } from '../access/access-rule.decorator';

export type EventsPage = Readonly<{
  events: ReadonlyArray<HistoryEvent & Readonly<{ streamId: string }>>;
  /** The `after` of the next page; equals the last event's position, or the request's `after` when empty. */
  nextAfter: string;
}>;

/** The global feed: every recorded event in position order, straight from the store. */
@ApiTags('events')
@Controller('events')
@Reads()
export class EventsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'Every recorded event in global order, paged by position; filter by type and stream prefix' })
  @JsonResponse(200, 'A page of events, each with its stream, revision, position, recordedAt, data and metadata', EVENTS_PAGE.ref)
  @ProblemResponses('REQUEST.INVALID', 'STORE.UNAVAILABLE')
  async list(@Query() { after, limit, type, stream }: EventsQueryDto): Promise<EventsPage> {
    const events = await this.store.readAll({
      fromPosition: after === undefined ? undefined : BigInt(after),
      maxCount: limit,
      filter: { eventTypes: type, streamPrefixes: stream === undefined ? undefined : [stream] },
    });
    return {
      events: events.map((event) => ({ streamId: event.streamId, ...historyEventOf(event) })),
      nextAfter: events.length === 0 ? (after ?? '0') : events[events.length - 1].position.toString(),
    };
  }
}
