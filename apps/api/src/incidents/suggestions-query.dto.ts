import { ApiPropertyOptional } from '@nestjs/swagger';
import { SLUG_PATTERN } from '@parley/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ReadQueryDto } from '../read-models/read-query.dto';

export const MAX_SUGGESTIONS = 100;

export class SuggestionsQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, example: 'us-russia-ukraine', description: 'Only pairs within this track (with `acrossTracks`, pairs with a claim in it)' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'talksId must be a track id' })
  talksId?: string;

  @ApiPropertyOptional({
    type: 'boolean',
    default: false,
    description: 'Also pairs of claims of two tracks, when they share an actor or a country; ranked by the same score',
  })
  @IsOptional()
  // A query string carries text: only the words `true` and `false` are read as a boolean.
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'acrossTracks must be true or false' })
  acrossTracks = false;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_SUGGESTIONS, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SUGGESTIONS)
  limit = 20;
}
