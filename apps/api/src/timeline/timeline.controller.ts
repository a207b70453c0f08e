import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, TimelineFilters, TimelineItem, timelineAt } from '@parley/projections';
import { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { endOf } from '../read-models/moment';
import { ReadModels } from '../read-models/read-models.service';
import { ReadsFrom } from '../read-models/reads-from.decorator';
import { readingCursor } from '../read-models/reading-cursor';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { CSV, exportFormatOf, NDJSON, timelineExport } from './timeline-export';
import { TIMELINE_EXPORT_LINE, TIMELINE_PAGE } from './timeline.schema';
import { TimelineQueryDto } from './timeline-query.dto';
import { Reads } from '../access/access-rule.decorator';

@ApiTags('timeline')
@Controller('timeline')
@Reads()
export class TimelineController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ReadsFrom('talks')
  @ApiOperation({
    summary: 'Every live claim in date order, filtered; JSON pages, or the whole of it as CSV or JSON Lines',
    description:
      'Send `Accept: text/csv` or `Accept: application/x-ndjson` for an export of every matching claim with its CAMEO and PLOVER codes. ' +
      '`asOf` and `knownAt` answer from the past: each claim in the version current when it was known, capped at the date asked about.',
  })
  @ApiOkResponse({
    description: '`{ items, nextCursor }`, or an export of every matching claim: CSV with a header row, or JSON Lines (one claim a line)',
    content: {
      'application/json': { schema: TIMELINE_PAGE.ref },
      [CSV]: { schema: { type: 'string', example: 'eventId,talksId,type,occurredAt,…' } },
      [NDJSON]: { schema: TIMELINE_EXPORT_LINE.ref },
    },
  })
  @ProblemResponses('READ.TOO_BROAD', 'STORE.UNAVAILABLE')
  async list(
    @Query() query: TimelineQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<TimelineItem> | Readable> {
    const filters = filtersOf(query);
    const pageAfter = this.pagesFor(query);
    const format = exportFormatOf(accept);
    // Read the first page now, so a bad cursor is a 400 and not a broken stream.
    const first = readingCursor(() => pageAfter(filters, query.cursor));
    if (!format) return first;
    void reply.header('content-type', format === CSV ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="timeline.${format === CSV ? 'csv' : 'ndjson'}"`);
    return timelineExport(format, (cursor) => pageAfter(filters, cursor), query.cursor);
  }

  /** Pages from the live read model, or from its claim versions when asOf/knownAt is asked. */
  private pagesFor(query: TimelineQueryDto): (filters: Omit<TimelineFilters, 'after'>, cursor?: string) => Page<TimelineItem> {
    const [asOf, knownAt] = [endOf(query.asOf, 'asOf'), endOf(query.knownAt, 'knownAt')];
    const context = this.readModels.context('talks');
    return (filters, cursor) => timelineAt(context, { ...filters, after: cursor }, { asOf, knownAt });
  }
}

function filtersOf(query: TimelineQueryDto): Omit<TimelineFilters, 'after'> {
  return {
    talksId: query.talksId,
    actor: query.actor,
    country: query.country,
    types: query.type,
    from: query.from === undefined ? undefined : new Date(query.from),
    to: endOf(query.to, 'to'),
    minConfidence: query.minConfidence,
    limit: query.limit,
  };
}
