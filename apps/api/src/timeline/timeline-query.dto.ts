import { ApiPropertyOptional } from '@nestjs/swagger';
import { CONFIDENCES, Confidence, SLUG_PATTERN, TALKS_CLAIM_TYPES } from '@parley/domain';
import { CLAIM_STANCES, ClaimStance } from '@parley/projections';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { OptionalCountryCode } from '../claims/country-code';
import { asList } from '../read-models/query-params';
import { DateWindowQueryDto } from '../read-models/date-window-query.dto';

export const MAX_TIMELINE_PAGE = 500;

export class TimelineQueryDto extends DateWindowQueryDto {
  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, example: 'us-russia-ukraine' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'talksId must be a track id' })
  talksId?: string;

  @ApiPropertyOptional({ description: 'Claims naming this actor in any role', pattern: SLUG_PATTERN.source, example: 'steve-witkoff' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'actor must be an actor id' })
  actor?: string;

  @OptionalCountryCode('Claims in or about this country: where they happened, the nationality of someone they free, or an actor of theirs registered there', 'RUS')
  country?: string;

  @OptionalCountryCode('Claims that happened in this country, and only those (a visit’s host country, a meeting’s location, any other claim’s place)', 'TUR')
  placeCountry?: string;

  @ApiPropertyOptional({ description: 'Claim types (repeatable)', enum: TALKS_CLAIM_TYPES, isArray: true, maxItems: TALKS_CLAIM_TYPES.length })
  @IsOptional()
  @asList
  @IsArray()
  @ArrayMaxSize(TALKS_CLAIM_TYPES.length)
  @IsIn(TALKS_CLAIM_TYPES, { each: true })
  type?: string[];

  @ApiPropertyOptional({ enum: CONFIDENCES, description: 'rumoured < reported < confirmed (a denial is a `stance`, not a confidence)' })
  @IsOptional()
  @IsIn(CONFIDENCES)
  minConfidence?: Confidence;

  @ApiPropertyOptional({
    description: 'Where the claim’s sources stand (repeatable): `asserted` (none denies it), `denied` (every one does), `disputed` (some do)',
    enum: CLAIM_STANCES,
    isArray: true,
    maxItems: CLAIM_STANCES.length,
  })
  @IsOptional()
  @asList
  @IsArray()
  @ArrayMaxSize(CLAIM_STANCES.length)
  @IsIn(CLAIM_STANCES, { each: true })
  stance?: ClaimStance[];

  @ApiPropertyOptional({
    enum: ['each', 'one'],
    default: 'each',
    description:
      '`one`: one entry per incident (linked reports of one event), at its first recorded live report, whose `incident` lists the others; a page may then hold fewer than `limit` items. `each` (default): every report, each carrying its incident',
  })
  @IsOptional()
  @IsIn(['each', 'one'])
  incidents?: 'each' | 'one';

  @ApiPropertyOptional({ description: 'The previous page’s `nextCursor`', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_TIMELINE_PAGE, default: 50, description: 'Page size (exports stream every page)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TIMELINE_PAGE)
  limit = 50;
}
