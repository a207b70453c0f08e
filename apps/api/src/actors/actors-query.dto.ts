import { ApiPropertyOptional } from '@nestjs/swagger';
import { ACTOR_KINDS, ActorKind } from '@parley/domain';
import { MAX_ACTORS_PAGE } from '@parley/projections';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { OptionalCountryCode } from '../claims/country-code';
import { ActorAsOfQueryDto } from './actor-as-of-query.dto';

export class ActorsQueryDto extends ActorAsOfQueryDto {
  @ApiPropertyOptional({ description: 'Actors whose name or an alias contains this, ignoring case and accents', example: 'witkoff', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ACTOR_KINDS })
  @IsOptional()
  @IsIn(ACTOR_KINDS)
  kind?: ActorKind;

  @OptionalCountryCode('The actor’s country', 'RUS')
  country?: string;

  @ApiPropertyOptional({ description: 'The previous page’s `nextCursor`', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_ACTORS_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ACTORS_PAGE)
  limit = 50;
}
