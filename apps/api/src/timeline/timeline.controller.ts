import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DatasetRecord, Page, ProjectionContext, TimelineFilters, TimelineItem, actorIdsIn, timelineAt } from '@parley/projections';
import { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { dateWindowOf } from '../read-models/date-window-query.dto';
import { ReadModels } from '../read-models/read-models.service';
import { ReadsFrom } from '../read-models/reads-from.decorator';
import { timeTravelOf } from '../read-models/time-travel-query.dto';
import { readingCursor } from '../read-models/reading-cursor';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { CSV, ExportFormat, exportFormatOf, NDJSON, timelineExport } from './timeline-export';
import { TIMELINE_EXPORT_LINE, TIMELINE_PAGE } from './timeline.schema';
import { DATASET_PAGE, DATASET_RECORD } from './dataset.schema';
import { TimelineQueryDto } from './timeline-query.dto';
import { DatasetQueryDto } from './dataset-query.dto';
import { datasetExport, datasetPages, isDatasetQuery } from './dataset-export';
import { Reads } from '../access/access-rule.decorator';

@ApiTags('timeline')
@Controller('timeline')
@Reads()
export class TimelineController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ReadsFrom('talks', 'actors')
  @ApiOperation({
    summary: 'Every live claim in date order, filtered; JSON pages, or the whole of it as CSV or JSON Lines',
    description:
      'Send `Accept: text/csv` or `Accept: application/x-ndjson` for an export of every matching claim with its CAMEO and PLOVER codes. ' +
      '`asOf` and `knownAt` answer from the past: each claim in the version current when it was known, capped at the date asked about. ' +
      '`shape`, `fields` or `changedSince` ask for the dataset-style export instead: flat records (the same in CSV and JSON Lines), one per claim or per dyad, ' +
      'with CAMEO and PLOVER event, mode and context (docs/crosswalk.md); `changedSince` pulls only the versions created, corrected or retracted since a position.',
  })
  @ApiOkResponse({
    description: '`{ items, nextCursor }`, or an export of every matching claim: CSV with a header row, or JSON Lines (one claim a line)',
    content: {
      'application/json': { schema: { anyOf: [TIMELINE_PAGE.ref, DATASET_PAGE.ref] } },
      [CSV]: { schema: { type: 'string', example: 'eventId,talksId,type,occurredAt,…' } },
      [NDJSON]: { schema: { anyOf: [TIMELINE_EXPORT_LINE.ref, DATASET_RECORD.ref] } },
    },
  })
  @ProblemResponses('READ.TOO_BROAD', 'STORE.UNAVAILABLE')
  async list(
    @Query() query: DatasetQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<TimelineItem> | Page<DatasetRecord> | Readable> {
    const filters = filtersOf(query, this.readModels.context('actors'));
    if (isDatasetQuery(query)) return this.dataset(query, filters, exportFormatOf(accept), reply);
    const pageAfter = this.pagesFor(query);
    const format = exportFormatOf(accept);
    // Read the first page now, so a bad cursor is a 400 and not a broken stream.
    const first = readingCursor(() => pageAfter(filters, query.cursor));
    if (!format) return first;
    void reply.header('content-type', format === CSV ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="timeline.${format === CSV ? 'csv' : 'ndjson'}"`);
    return timelineExport(format, (cursor) => pageAfter(filters, cursor), query.cursor);
  }

  /** The dataset-style export (shape, fields, changedSince): JSON pages of flat records, or all of them as CSV or JSON Lines. */
  private dataset(query: DatasetQueryDto, filters: Omit<TimelineFilters, 'after'>, format: ExportFormat | undefined, reply: FastifyReply): Page<DatasetRecord> | Readable {
    const answer = datasetPages(this.readModels.context('talks'), this.readModels.context('actors'), query, filters);
    const first = readingCursor(() => answer.pageAfter(query.cursor));
    if (!format) return first;
    void reply.header('content-type', format === CSV ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="timeline-${query.shape ?? 'claims'}.${format === CSV ? 'csv' : 'ndjson'}"`);
    return datasetExport(format, answer, query.cursor);
  }

  /** Pages from the live read model, or from its claim versions when asOf/knownAt is asked. */
  private pagesFor(query: TimelineQueryDto): (filters: Omit<TimelineFilters, 'after'>, cursor?: string) => Page<TimelineItem> {
    const { asOf, knownAt } = timeTravelOf(query);
    const context = this.readModels.context('talks');
    return (filters, cursor) => timelineAt(context, { ...filters, after: cursor }, { asOf, knownAt });
  }
}

/** The filters a query asks for; a country also matches the actors registered there, read from the actors read model. */
function filtersOf(query: TimelineQueryDto, actors: ProjectionContext): Omit<TimelineFilters, 'after'> {
  return {
    talksId: query.talksId,
    actor: query.actor,
    country: query.country,
    countryActors: query.country === undefined ? undefined : actorIdsIn(actors, query.country),
    placeCountry: query.placeCountry,
    types: query.type,
    ...dateWindowOf(query),
    minConfidence: query.minConfidence,
    stances: query.stance,
    onePerIncident: query.incidents === 'one',
    limit: query.limit,
  };
}
