import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { talksStreamId } from '@parley/domain';
import { SlugParam } from '../claims/slug';
import { SlugPipe } from '../claims/slug.pipe';
import { HISTORY_PAGE } from '../history/history.schema';
import { JsonResponse } from '../openapi/json-response.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { HistoryQueryDto } from '../history/history-query.dto';
import { HistoryPage, StreamHistory } from '../history/stream-history';
import { Reads } from '../access/access-rule.decorator';

@ApiTags('talks')
@Controller('talks')
@Reads()
export class TalksHistoryController {
  constructor(private readonly history: StreamHistory) {}

  @Get(':id/history')
  @ApiOperation({ summary: 'Replay a track: every event, oldest first, with metadata, revision, global position and recordedAt' })
  @SlugParam('id', 'The track’s id')
  @JsonResponse(200, 'A page of events; `nextRevision` is the next page’s fromRevision, or null', HISTORY_PAGE.ref)
  @ProblemResponses('REQUEST.INVALID', 'TALKS.NOT_OPENED', 'STORE.UNAVAILABLE')
  historyOf(@Param('id', SlugPipe) id: string, @Query() { fromRevision, limit }: HistoryQueryDto): Promise<HistoryPage> {
    return this.history.page(talksStreamId(id), fromRevision, limit, 'TALKS.NOT_OPENED');
  }
}
