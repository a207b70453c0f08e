import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IncidentSuggestion, incidentSuggestions } from '@parley/projections';
import { Reads } from '../access/access-rule.decorator';
import { JsonResponse } from '../openapi/json-response.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { ReadModels } from '../read-models/read-models.service';
import { ReadsFrom } from '../read-models/reads-from.decorator';
import { INCIDENT_SUGGESTIONS } from './suggestions.schema';
import { SuggestionsQueryDto } from './suggestions-query.dto';

@ApiTags('incidents')
@Controller('incidents')
@Reads()
export class IncidentsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('suggestions')
  @ReadsFrom('talks')
  @ApiOperation({
    summary: 'Pairs of claims that may report the same real-world event, best first, for an editor to confirm',
    description:
      'Read only: nothing is ever linked automatically. Same type, overlapping dates; ranked by shared actors and countries. ' +
      'Pairs are of one track unless `acrossTracks=true`, which adds pairs of two tracks that share an actor or a country ' +
      '(link one with `sameAsTalksId`); candidates are found through the date index either way.',
  })
  @JsonResponse(200, '`{ items }`, best first', INCIDENT_SUGGESTIONS.ref)
  @ProblemResponses('READ.TOO_BROAD')
  suggestions(@Query() { talksId, acrossTracks, limit }: SuggestionsQueryDto): { items: IncidentSuggestion[] } {
    return { items: incidentSuggestions(this.readModels.context('talks'), { talksId, acrossTracks, limit }) };
  }
}
