import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { JsonResponse } from '../openapi/json-response.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { arrayOf } from '../openapi/schema-component';
import { PROJECTION_STATUS } from './projection-status.schema';
import { ProjectionStatus } from '@parley/projections';
import { ReadModels } from './read-models.service';
import { Requires } from '../access/access-rule.decorator';

@ApiTags('operations')
@Controller('admin/projections')
@Requires('admin')
export class ProjectionsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ApiOperation({ summary: 'Every projection: version, checkpoint, lag behind the head of $all, and state' })
  @JsonResponse(200, 'Every projection’s status', arrayOf(PROJECTION_STATUS))
  list(): Promise<ProjectionStatus[]> {
    return this.readModels.statuses();
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rebuild a projection from position 0 without downtime',
    description: 'Builds a shadow copy while the live one keeps serving, then swaps it in atomically. Poll GET /v1/admin/projections for progress.',
  })
  @ApiParam({ name: 'name', description: 'A projection’s name, as GET /v1/admin/projections lists them', schema: { type: 'string', example: 'talks' } })
  @JsonResponse(202, 'The rebuild started; the projection’s status', PROJECTION_STATUS.ref)
  @ProblemResponses('REQUEST.INVALID', 'PROJECTION.NOT_FOUND', 'PROJECTION.REBUILDING')
  async rebuild(@Param('name') name: string): Promise<ProjectionStatus> {
    this.readModels.startRebuild(name);
    return this.readModels.status(name);
  }
}
