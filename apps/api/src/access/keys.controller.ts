import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiConsumes, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SlugParam } from '../claims/slug';
import { SlugPipe } from '../claims/slug.pipe';
import { CLOCK, Clock } from '../commands/clock';
import { ApiProblem } from '../problem/problem';
import { Requires } from './access-rule.decorator';
import { ApiKey, ApiKeyStore, DuplicateKeyNameError } from './api-key.store';
import { JsonResponse } from '../openapi/json-response.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { arrayOf } from '../openapi/schema-component';
import { API_KEY, CREATED_API_KEY } from './api-key.schema';
import { CreateKeyDto } from './create-key.dto';

@ApiTags('operations')
@Controller('admin/keys')
@Requires('admin')
export class KeysController {
  constructor(
    private readonly keys: ApiKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the answer is the only time the key is shown' })
  @ApiConsumes('application/json')
  @JsonResponse(201, 'The key, shown this once', CREATED_API_KEY.ref)
  @ProblemResponses('REQUEST.INVALID', 'REQUEST.MALFORMED_JSON', 'REQUEST.TOO_LARGE', 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'KEY.DUPLICATE')
  create(@Body() { name, role }: CreateKeyDto): ApiKey & { key: string } {
    try {
      const { key, apiKey } = this.keys.create(name, role, this.clock());
      return { ...apiKey, key };
    } catch (error) {
      if (error instanceof DuplicateKeyNameError) throw new ApiProblem(409, 'KEY.DUPLICATE', error.message);
      throw error;
    }
  }

  @Get()
  @ApiOperation({ summary: 'Every key: name, role, prefix, created, last used, revoked (never the key itself)' })
  @JsonResponse(200, 'Every key, revoked ones included', arrayOf(API_KEY))
  list(): ApiKey[] {
    return this.keys.list();
  }

  @Delete(':name')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: refused from its next request on' })
  @SlugParam('name', 'The key’s name')
  @ApiNoContentResponse({ description: 'Revoked' })
  @ProblemResponses('REQUEST.INVALID', 'KEY.NOT_FOUND')
  revoke(@Param('name', SlugPipe) name: string): void {
    if (!this.keys.revoke(name, this.clock())) throw new ApiProblem(404, 'KEY.NOT_FOUND', `No live key named ${name}`);
  }
}
