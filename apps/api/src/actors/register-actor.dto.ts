import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTOR_KINDS, ActorKind, SLUG_PATTERN } from '@parley/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { OptionalCountryCode } from '../claims/country-code';
import { Slug } from '../claims/slug';
import { RoleDateDto } from './role-date.dto';

export class RegisterActorDto {
  @Slug('The actor id; its stream is `actor-{id}`', 'steve-witkoff')
  id!: string;

  @ApiProperty({ example: 'Steve Witkoff' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ACTOR_KINDS, example: 'person' })
  @IsIn(ACTOR_KINDS)
  kind!: ActorKind;

  @OptionalCountryCode('The actor’s country', 'USA')
  country?: string;

  @ApiPropertyOptional({ example: 'US Special Envoy to the Middle East' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ description: 'Whom an envoy speaks for (a registered actor)', example: 'donald-trump' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'represents must be a slug' })
  represents?: string;

  @ApiProperty({ type: [String], example: ['Steven Witkoff'], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  aliases: string[] = [];

  @ApiPropertyOptional({ type: RoleDateDto, description: 'Since when it has held its title and represents; left out: since before any record' })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @ValidateNested()
  @Type(() => RoleDateDto)
  validFrom?: RoleDateDto;
}
