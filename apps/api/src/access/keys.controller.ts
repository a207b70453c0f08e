import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SlugPipe } from '../claims/slug.pipe';
import { CLOCK, Clock } from '../commands/clock';
import { ApiProblem } from '../problem/problem';
import { Requires } from './access-rule.decorator';
import { ApiKey, ApiKeyStore, DuplicateKeyNameError } from './api-key.store';
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
  list(): ApiKey[] {
    return this.keys.list();
  }

  @Delete(':name')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: refused from its next request on' })
  revoke(@Param('name', SlugPipe) name: string): void {
    if (!this.keys.revoke(name, this.clock())) throw new ApiProblem(404, 'KEY.NOT_FOUND', `No live key named ${name}`);
  }
}
