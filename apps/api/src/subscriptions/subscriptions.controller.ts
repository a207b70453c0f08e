import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Subscribes } from '../access/access-rule.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { EventFeed } from './event-feed.service';
import { lastEventIdOf } from './last-event-id';
import { SseConnections } from './sse-connections.service';
import { EventSubscriptionQueryDto, TalksSubscriptionQueryDto } from './subscription-query.dto';
import { TalksStatusFeed } from './talks-status-feed.service';

const LAST_EVENT_ID = ApiHeader({
  name: 'Last-Event-ID',
  required: false,
  description: 'Resume after this id (EventSource sends it by itself when it reconnects)',
  schema: { type: 'string', pattern: '^(\\d{1,19})?$' },
});

/** A stream of `event:`, `id:` and `data:` lines; its errors come before it starts, as problem+json. */
const eventStream = (description: string) => ApiOkResponse({ description, content: { 'text/event-stream': { schema: { type: 'string' } } } });

const COMMON =
  'Comments (`: keep-alive`) come every PARLEY_SSE_HEARTBEAT_MS; `retry:` advises the reconnect delay. ' +
  'A client whose socket stops draining while more than PARLEY_SSE_MAX_QUEUE messages (or PARLEY_SSE_MAX_QUEUE_BYTES bytes) wait gets `event: reconnect` ' +
  'with `{"lastEventId"}` (the last id it was sent) and the stream ends: reconnect with that Last-Event-ID.';

/** Live subscriptions over Server-Sent Events. Errors (401, 403, 400) are problem+json, answered before the stream starts. */
@ApiTags('subscriptions')
@Controller('subscriptions')
@Subscribes()
export class SubscriptionsController {
  constructor(
    private readonly eventFeed: EventFeed,
    private readonly connections: SseConnections,
    private readonly talksStatus: TalksStatusFeed,
  ) {}

  @Get('events')
  @ApiOperation({
    summary: 'Every recorded event after a position, then each new one as it is recorded (Server-Sent Events)',
    description:
      'First `event: ready` with `id:` the start position. Then one message per event: `id:` its global position, ' +
      '`event:` its type, `data:` the same JSON as the history endpoint, with `streamId`. Starts after `Last-Event-ID`, ' +
      'else after `from`, else at the present. Filters combine: `talksId` (one track), `type` (repeatable), ' +
      '`actor` (talks events naming the actor, and the actor’s own stream). ' +
      COMMON,
  })
  @LAST_EVENT_ID
  @eventStream('A text/event-stream of recorded events')
  @ProblemResponses('REQUEST.INVALID')
  async events(@Query() { from, talksId, type, actor }: EventSubscriptionQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const resumeAfter = lastEventIdOf(request) ?? (from === undefined ? undefined : BigInt(from));
    // The present is where the process's live tail stands: no store read per connection.
    const after = resumeAfter ?? (await this.eventFeed.present());
    this.connections.start(request, reply, (stream) => this.eventFeed.follow(stream, after, { talksId, types: type, actor }));
  }

  @Get('talks')
  @ApiOperation({
    summary: 'The status of every track (or one), then each change as the talks read model applies it (Server-Sent Events)',
    description:
      'First `event: snapshot`, `id:` the talks projection’s position, `data: {"position", "tracks": [status…]}`. ' +
      'Then `event: status` with a track’s new status (as GET /v1/talks/{id}) each time its events are applied, ' +
      '`id:` the position of the track’s last event (or of a link recorded in another track that recounted it: an incident counts once in each track with reports of it). On a reconnect with `Last-Event-ID`, the snapshot holds only the ' +
      'tracks changed after it (`"since"`). ' +
      COMMON,
  })
  @LAST_EVENT_ID
  @eventStream('A text/event-stream of talks statuses')
  @ProblemResponses('REQUEST.INVALID')
  talks(@Query() { talksId }: TalksSubscriptionQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const since = lastEventIdOf(request);
    this.connections.start(request, reply, (stream) => this.talksStatus.follow(stream, { talksId, since }));
  }
}
