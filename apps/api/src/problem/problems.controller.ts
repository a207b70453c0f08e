import { Controller, Get, Param, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
  list(): CatalogueEntry[] {
    return [...PROBLEM_CATALOGUE.values()];
  }

  @Get(':code')
  @ApiOperation({ summary: 'One error code: its HTTP status and meaning' })
  get(@Param('code') code: string): CatalogueEntry {
    const entry = PROBLEM_CATALOGUE.get(code);
    if (!entry) throw new ApiProblem(404, 'ROUTE.NOT_FOUND', `No error code ${code}`);
    return entry;
  }
}
