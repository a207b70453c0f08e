import { ApiPropertyOptional } from '@nestjs/swagger';
import { SLUG_PATTERN } from '@parley/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ReadQueryDto } from '../read-models/read-query.dto';

export const MAX_SUGGESTIONS = 100;

export class SuggestionsQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, example: 'us-russia-ukraine', description: 'Only pairs within this track' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'talksId must be a track id' })
  talksId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_SUGGESTIONS, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SUGGESTIONS)
  limit = 20;
}
