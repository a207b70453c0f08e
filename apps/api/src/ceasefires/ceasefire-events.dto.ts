import { ApiProperty } from '@nestjs/swagger';
import { CEASEFIRE_END_REASONS, CeasefireEndReason } from '@parley/domain';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ClaimBasisDto } from '../claims/claim-basis.dto';
import { OptionalPlace, PlaceDto } from '../claims/place.dto';
import { Slug } from '../claims/slug';

export class ReportCeasefireViolationDto extends ClaimBasisDto {
  @Slug('The registered actor that alleges it', 'isr')
  allegedBy!: string;

  @Slug('The registered actor accused', 'hamas')
  against!: string;

  @ApiProperty({ example: 'Rocket fire reported from northern Gaza' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description!: string;

  @OptionalPlace('Where the violation took place')
  place?: PlaceDto;
}

export class EndCeasefireDto extends ClaimBasisDto {
  @ApiProperty({ enum: CEASEFIRE_END_REASONS })
  @IsIn(CEASEFIRE_END_REASONS)
  reason!: CeasefireEndReason;
}
