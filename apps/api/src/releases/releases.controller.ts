import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JsonResponse } from '../openapi/json-response.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { RELEASES_PAGE } from './releases.schema';
import { Page, ReleaseItem, releasesPage } from '@parley/projections';
import { ReadModels } from '../read-models/read-models.service';
import { ReadsFrom } from '../read-models/reads-from.decorator';
import { readingCursor } from '../read-models/reading-cursor';
import { ReleasesQueryDto } from './releases-query.dto';
import { Reads } from '../access/access-rule.decorator';

@ApiTags('releases')
@Controller('releases')
@Reads()
export class ReleasesController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ReadsFrom('talks')
  @ApiOperation({ summary: 'Every person freed — by prisoner swaps and hostage releases — with track, date and who released them' })
  @JsonResponse(200, '`{ items, nextCursor }` in date order', RELEASES_PAGE.ref)
  @ProblemResponses('READ.TOO_BROAD')
  list(@Query() { talksId, nationality, releasedBy, releasedTo, kind, cursor, limit }: ReleasesQueryDto): Page<ReleaseItem> {
    return readingCursor(() => releasesPage(this.readModels.context('talks'), { talksId, nationality, releasedBy, releasedTo, kind, after: cursor, limit }));
  }
}
