import { Controller, Get, Param, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { JsonResponse } from '../openapi/json-response.decorator';
import { CATALOGUE_ENTRY } from '../openapi/problem.schema';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { arrayOf } from '../openapi/schema-component';
import { ApiProblem } from './problem';
import { CatalogueEntry, PROBLEM_CATALOGUE } from './problem-catalogue';
import { Public } from '../access/access-rule.decorator';

/** What a problem's `type` points at: every error code, its status and what it means. */
@ApiTags('operations')
@Controller({ path: 'problems', version: VERSION_NEUTRAL })
@Public()
export class ProblemsController {
  @Get()
  @ApiOperation({ summary: 'Every error code the API can answer with' })
  @JsonResponse(200, 'The catalogue', arrayOf(CATALOGUE_ENTRY))
  list(): CatalogueEntry[] {
    return [...PROBLEM_CATALOGUE.values()];
  }

  @Get(':code')
  @ApiOperation({ summary: 'One error code: its HTTP status and meaning' })
  @ApiParam({ name: 'code', schema: { type: 'string', example: 'MEETING.TOO_FEW_PARTICIPANTS' } })
  @JsonResponse(200, 'The code’s entry', CATALOGUE_ENTRY.ref)
  @ProblemResponses('REQUEST.INVALID', 'ROUTE.NOT_FOUND')
  get(@Param('code') code: string): CatalogueEntry {
    const entry = PROBLEM_CATALOGUE.get(code);
    if (!entry) throw new ApiProblem(404, 'ROUTE.NOT_FOUND', `No error code ${code}`);
    return entry;
  }
}
