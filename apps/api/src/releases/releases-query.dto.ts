import { ApiPropertyOptional } from '@nestjs/swagger';
import { SLUG_PATTERN } from '@parley/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { OptionalCountryCode } from '../claims/country-code';
import { DateWindowQueryDto } from '../read-models/date-window-query.dto';

export const RELEASE_KINDS = ['prisoner', 'hostage'] as const;
export const MAX_RELEASES_PAGE = 500;

/** The ledger's filters: the person's own, and (as the timeline's) their claim's track, dates and time travel. */
export class ReleasesQueryDto extends DateWindowQueryDto {
  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, example: 'us-russia-ukraine' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'talksId must be a track id' })
  talksId?: string;

  @OptionalCountryCode('Nationality of the people freed', 'USA')
  nationality?: string;

  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, example: 'rus' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'releasedBy must be an actor id' })
  releasedBy?: string;

  @ApiPropertyOptional({ description: 'People a swap handed over to this actor', pattern: SLUG_PATTERN.source, example: 'usa' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'releasedTo must be an actor id' })
  releasedTo?: string;

  @ApiPropertyOptional({ enum: RELEASE_KINDS })
  @IsOptional()
  @IsIn(RELEASE_KINDS)
  kind?: (typeof RELEASE_KINDS)[number];

  @ApiPropertyOptional({ description: 'The previous page’s `nextCursor`', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_RELEASES_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_RELEASES_PAGE)
  limit = 100;
}
