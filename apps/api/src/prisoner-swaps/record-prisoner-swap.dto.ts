import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ClaimBasisDto } from '../claims/claim-basis.dto';
import { CountryCode } from '../claims/country-code';
import { LooseCountDto } from '../claims/loose-count.dto';
import { OptionalPlace, PlaceDto } from '../claims/place.dto';
import { HostedBy, OptionalSlug, Slug, SlugList } from '../claims/slug';

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export class ReleaseDto {
  @ApiProperty({ description: 'The person freed, as named in reports', example: 'Marc Fogel' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  person!: string;

  @CountryCode('The person’s nationality', 'USA')
  nationality!: string;

  @Slug('The registered actor that let the person go', 'rus')
  releasedBy!: string;

  @OptionalSlug('The registered actor the person was handed over to, if reports say (not the releaser)', 'usa')
  releasedTo?: string;

  @ApiPropertyOptional({ description: 'ISO date, possibly reduced: `2021-08` for "arrested in August 2021"', example: '2021-08' })
  @IsOptional()
  @Matches(PARTIAL_DATE, { message: 'detainedSince must be YYYY, YYYY-MM or YYYY-MM-DD' })
  detainedSince?: string;

  @ApiPropertyOptional({ example: '14 years' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sentence?: string;
}

export class RecordPrisonerSwapDto extends ClaimBasisDto {
  @Slug('Chosen by the analyst', 'fogel-vinnik-2025')
  swapId!: string;

  @ApiProperty({ type: [ReleaseDto], minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ReleaseDto)
  releases!: ReleaseDto[];

  @ApiPropertyOptional({
    type: LooseCountDto,
    description: 'How many were freed in all, named or not, when reports give more than they name; its best and high may not be below the number named (SWAP.TOTAL_BELOW_NAMED)',
    example: { best: 26 },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => LooseCountDto)
  total?: LooseCountDto;

  @SlugList('Registered actors that mediated', ['steve-witkoff'])
  mediators!: string[];

  @OptionalPlace('Where the exchange took place')
  place?: PlaceDto;

  @HostedBy('tur')
  hostedBy?: string;
}
