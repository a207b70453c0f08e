import { ApiPropertyOptional } from '@nestjs/swagger';
import { ACTOR_KINDS, ActorKind, SLUG_PATTERN } from '@parley/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO31661Alpha3, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { COUNTRY_CODE_SHAPE, upperCase } from '../claims/country-code';
import { RoleDateDto } from './role-date.dto';

const given = (_: object, value: unknown) => value !== undefined;

/** Merge-patch semantics: fields left out stay, `null` clears an optional one. */
export class UpdateActorDto {
  @ApiPropertyOptional({ example: 'Steve Witkoff', minLength: 1, maxLength: 200 })
  @ValidateIf(given)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ACTOR_KINDS })
  @ValidateIf(given)
  @IsIn(ACTOR_KINDS)
  kind?: ActorKind;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 3166-1 alpha-3; null clears it', example: 'USA', pattern: COUNTRY_CODE_SHAPE })
  @IsOptional()
  @upperCase
  @IsISO31661Alpha3()
  country?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 300, example: 'Special Envoy for Peace Missions' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'A registered actor; null clears it', example: 'donald-trump', pattern: SLUG_PATTERN.source })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'represents must be a slug' })
  represents?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @ValidateIf(given)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({
    type: RoleDateDto,
    description: 'When the new title or represents began (not before the role it replaces); left out: now. Only with title or represents',
  })
  @ValidateIf(given)
  @ValidateNested()
  @Type(() => RoleDateDto)
  validFrom?: RoleDateDto;
}
