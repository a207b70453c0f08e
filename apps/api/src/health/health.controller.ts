import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health';
import { Public } from '../access/access-rule.decorator';
import { JsonResponse } from '../openapi/json-response.decorator';
import { record } from '../openapi/schema-component';

@ApiTags('operations')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
  ) {}

  @Get()
  // Above @HealthCheck, so that the 503 it documents is the problem+json the filter really answers.
  @ProblemResponses('STORE.UNAVAILABLE')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and readiness: 200 when the event store answers, 503 otherwise' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.eventStore.check('eventStore')]);
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process serves HTTP at all (it checks nothing else, so a slow store never gets it restarted)' })
  @JsonResponse(200, 'The process is up', record({ status: { type: 'string', enum: ['up'] } }))
  live(): { status: 'up' } {
    return { status: 'up' };
  }
}
