import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JsonResponse } from '../openapi/json-response.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { RELEASES_PAGE } from './releases.schema';
import { Page, ReleaseItem, releasesAt } from '@parley/projections';
import { dateWindowOf } from '../read-models/date-window-query.dto';
import { ReadModels } from '../read-models/read-models.service';
import { ReadsFrom } from '../read-models/reads-from.decorator';
import { readingCursor } from '../read-models/reading-cursor';
import { timeTravelOf } from '../read-models/time-travel-query.dto';
import { ReleasesQueryDto } from './releases-query.dto';
import { Reads } from '../access/access-rule.decorator';

@ApiTags('releases')
@Controller('releases')
@Reads()
export class ReleasesController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ReadsFrom('talks')
  @ApiOperation({
    summary: 'Every person freed — by prisoner swaps and hostage releases — with track, date and who released them',
    description:
      'A person once per incident (linked reports of one event), as the first recorded report naming them; filters apply to that entry. ' +
      '`from`/`to` keep the people whose claim’s date range overlaps the window, as on the timeline. ' +
      '`asOf` keeps those whose claim had occurred by then (a range once it has wholly passed), as corrected now; ' +
      '`knownAt` answers as recorded by then: each claim as it stood (later corrections not applied, claims retracted by then left out), its incident as linked then.',
  })
  @JsonResponse(200, '`{ items, nextCursor }` in date order', RELEASES_PAGE.ref)
  @ProblemResponses('READ.TOO_BROAD')
  list(@Query() query: ReleasesQueryDto): Page<ReleaseItem> {
    const { talksId, nationality, releasedBy, releasedTo, kind, cursor, limit } = query;
    const filters = { talksId, nationality, releasedBy, releasedTo, kind, ...dateWindowOf(query), after: cursor, limit };
    return readingCursor(() => releasesAt(this.readModels.context('talks'), filters, timeTravelOf(query)));
  }
}
