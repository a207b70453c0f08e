import { Controller, Get, Inject, VERSION_NEUTRAL } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@parley/event-store';
import { Public } from '../access/access-rule.decorator';
import { Environment } from '../config/environment';
import { JsonResponse } from '../openapi/json-response.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { POSITION, record } from '../openapi/schema-component';
import { ApiProblem } from '../problem/problem';
import { ReadModels } from '../read-models/read-models.service';
import { Readiness, readiness } from './readiness';

const PROJECTION_READINESS = record(
  { name: { type: 'string', example: 'talks' }, state: { type: 'string', example: 'live' }, lag: POSITION, ready: { type: 'boolean' }, reason: { type: 'string' } },
  ['reason'],
);

/** For orchestrators: whether to send this process traffic (the store answers, the read models are current). */
@ApiTags('operations')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
@Public()
export class ReadinessController {
  private readonly maxLag: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
    config: ConfigService<Environment, true>,
  ) {
    this.maxLag = config.get('PARLEY_READY_MAX_LAG', { infer: true });
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: 200 when the store answers and every projection is within PARLEY_READY_MAX_LAG events of the head and not rebuilding from scratch; 503 otherwise',
  })
  @JsonResponse(200, 'Ready for traffic', record({ status: { type: 'string', enum: ['ready'] }, eventStore: { type: 'string', enum: ['up'] }, projections: { type: 'array', items: PROJECTION_READINESS } }))
  @ProblemResponses('SERVICE.NOT_READY')
  async ready(): Promise<Omit<Readiness, 'ready'> & { status: 'ready' }> {
    const storeUp = await this.store.ping().then(
      () => true,
      () => false,
    );
    const { ready, ...checks } = readiness(storeUp, await this.readModels.statuses().catch(() => []), this.maxLag);
    if (!ready) {
      const behind = checks.projections.filter((projection) => !projection.ready).map(({ name, reason }) => `${name}: ${reason}`);
      const detail = storeUp ? `Not ready: ${behind.join('; ')}` : 'Not ready: the event store does not answer';
      throw new ApiProblem(503, 'SERVICE.NOT_READY', detail, { ...checks, headers: { 'retry-after': '5' } });
    }
    return { status: 'ready', ...checks };
  }
}
