import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ClaimBasisDto } from '../claims/claim-basis.dto';
import { LooseCountDto } from '../claims/loose-count.dto';
import { OptionalPlace, PlaceDto } from '../claims/place.dto';
import { HostedBy, Slug, SlugList } from '../claims/slug';

export class CeasefireTermsDto {
  @ApiPropertyOptional({ type: LooseCountDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LooseCountDto)
  hostagesToRelease?: LooseCountDto;

  @ApiPropertyOptional({ type: LooseCountDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LooseCountDto)
  prisonersToRelease?: LooseCountDto;

  @ApiProperty({ example: 'Phase one: 42 days, 33 hostages for nearly 2,000 Palestinian prisoners' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary!: string;
}

export class RecordCeasefireDto extends ClaimBasisDto {
  @Slug('Chosen by the analyst', 'gaza-2025-phase-1')
  ceasefireId!: string;

  @SlugList('Registered actors bound by it (two or more)', ['isr', 'hamas'], 2)
  parties!: string[];

  @SlugList('Registered actors that brokered it', ['usa', 'qat', 'egy'])
  mediators!: string[];

  @ApiProperty({ description: 'When it takes effect (ISO 8601); may be in the future', example: '2025-01-19' })
  @IsISO8601({ strict: true })
  effectiveFrom!: string;

  @ApiPropertyOptional({ description: 'When it expires, if agreed (ISO 8601)', example: '2025-03-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endsAt?: string;

  @ApiProperty({ type: CeasefireTermsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CeasefireTermsDto)
  terms!: CeasefireTermsDto;

  @OptionalPlace('Where it was agreed or announced')
  place?: PlaceDto;

  @HostedBy('qat')
  hostedBy?: string;
}
