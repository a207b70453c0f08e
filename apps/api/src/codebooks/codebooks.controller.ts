import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Reads } from '../access/access-rule.decorator';
import { JsonResponse } from '../openapi/json-response.decorator';
import { CODEBOOK_LISTING, CodebookListing } from './codebook-listing';
import { CODEBOOK_LISTING_SCHEMA } from './codebooks.schema';

@ApiTags('timeline')
@Controller('codebooks')
@Reads()
export class CodebooksController {
  @Get()
  @ApiOperation({ summary: 'The codes the exports carry (CAMEO, PLOVER event, mode, context, precision) and the editions they are pinned to' })
  @JsonResponse(200, 'Every code, by the export column that carries it', CODEBOOK_LISTING_SCHEMA.ref)
  list(): CodebookListing {
    return CODEBOOK_LISTING;
  }
}
