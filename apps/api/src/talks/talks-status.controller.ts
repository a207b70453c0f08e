import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { getStatus, listStatuses, statusAt, StatusView, statusView } from '@parley/projections';
import { SlugParam } from '../claims/slug';
import { SlugPipe } from '../claims/slug.pipe';
import { JsonResponse } from '../openapi/json-response.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { arrayOf } from '../openapi/schema-component';
import { TALKS_STATUS } from './talks-status.schema';
import { ApiProblem } from '../problem/problem';
import { ReadModels } from '../read-models/read-models.service';
import { ReadsFrom } from '../read-models/reads-from.decorator';
import { TimeTravelQueryDto, timeTravelOf } from '../read-models/time-travel-query.dto';
import { TalksListQueryDto } from './talks-query.dto';
import { Reads } from '../access/access-rule.decorator';

const notOpened = (id: string, when = ''): ApiProblem => new ApiProblem(404, 'TALKS.NOT_OPENED', `No track ${id} had been opened${when}`);

@ApiTags('talks')
@Controller('talks')
@Reads()
export class TalksStatusController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ReadsFrom('talks')
  @ApiOperation({ summary: 'The status of every track: talks × ceasefire, parties, mediators, counts, last activity, next meeting' })
  @JsonResponse(200, 'One status per track, ordered by id', arrayOf(TALKS_STATUS))
  list(@Query() { status, ceasefire, party, mediator }: TalksListQueryDto): StatusView[] {
    const now = new Date();
    return listStatuses(this.readModels.context('talks'), { lifecycle: status, party, mediator })
      .map((doc) => statusView(doc, now))
      .filter((view) => ceasefire === undefined || view.ceasefire.status === ceasefire);
  }

  @Get(':id')
  @ReadsFrom('talks')
  @ApiOperation({
    summary: 'One track’s status now, or as of a date (valid time) and as known at a moment (recorded time)',
    description: '`asOf` and `knownAt` fold the track’s claims as they stood when known, with the same status fold as the live read model.',
  })
  @SlugParam('id', 'The track’s id')
  @JsonResponse(200, 'The track’s status', TALKS_STATUS.ref)
  @ProblemResponses('TALKS.NOT_OPENED', 'READ.TOO_BROAD', 'STORE.UNAVAILABLE')
  get(@Param('id', SlugPipe) id: string, @Query() query: TimeTravelQueryDto): StatusView {
    const moments = timeTravelOf(query);
    if (moments.asOf === undefined && moments.knownAt === undefined) {
      const doc = getStatus(this.readModels.context('talks'), id);
      if (!doc) throw notOpened(id);
      return statusView(doc, new Date());
    }
    const view = statusAt(this.readModels.context('talks'), id, moments);
    if (!view) throw notOpened(id, ` as of ${query.asOf ?? 'now'}, as known at ${query.knownAt ?? 'now'}`);
    return view;
  }
}
