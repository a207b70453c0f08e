import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
  list(): Promise<ProjectionStatus[]> {
    return this.readModels.statuses();
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rebuild a projection from position 0 without downtime',
    description: 'Builds a shadow copy while the live one keeps serving, then swaps it in atomically. Poll GET /v1/admin/projections for progress.',
  })
  async rebuild(@Param('name') name: string): Promise<ProjectionStatus> {
    this.readModels.startRebuild(name);
    return this.readModels.status(name);
  }
}
