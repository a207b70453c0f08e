import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_EXACT_INTEGER } from '../read-models/query-params';

export const MAX_HISTORY_PAGE = 1000;

export class HistoryQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_EXACT_INTEGER, default: 0, description: 'The first revision to return' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_EXACT_INTEGER)
  fromRevision = 0;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_HISTORY_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_HISTORY_PAGE)
  limit = 100;
}
