import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequiresAdminOrMetricsToken } from '../access/access-rule.decorator';
import { Metrics } from './metrics';

@ApiTags('operations')
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @RequiresAdminOrMetricsToken()
  @ApiOperation({
    summary: 'Prometheus metrics: requests, commands, the event store, projections, live subscriptions',
    description: 'The Prometheus text format. Send an admin key, or the PARLEY_METRICS_TOKEN when one is set, as `Authorization: Bearer …`.',
  })
  @ApiResponse({ status: 200, description: 'Every metric, in the Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string', example: 'parley_projection_lag_events{projection="talks"} 0\n' } } } })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const text = await this.metrics.scrape();
    void reply.type(this.metrics.contentType);
    return text;
  }
}
