import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { SLUG_PATTERN } from '@parley/domain';
import { ClaimBasisDto } from '../claims/claim-basis.dto';
import { LooseCountDto } from '../claims/loose-count.dto';
import { OptionalPlace, PlaceDto } from '../claims/place.dto';
import { HostedBy, Slug } from '../claims/slug';

export class RecordHostageReleaseDto extends ClaimBasisDto {
  @ApiPropertyOptional({ description: 'The ceasefire of this track the release is part of', example: 'gaza-2025-phase-1' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'ceasefireId must be a slug' })
  ceasefireId?: string;

  @ApiProperty({ type: LooseCountDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LooseCountDto)
  count!: LooseCountDto;

  @ApiPropertyOptional({ type: [String], example: ['Romi Gonen', 'Doron Steinbrecher', 'Emily Damari'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  names?: string[];

  @Slug('The registered actor that released them', 'hamas')
  releasedBy!: string;

  @ApiPropertyOptional({ type: LooseCountDto, description: 'Prisoners freed in exchange' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LooseCountDto)
  prisonersReleasedInExchange?: LooseCountDto;

  @OptionalPlace('Where the hostages were handed over')
  place?: PlaceDto;

  @HostedBy('egy')
  hostedBy?: string;
}
