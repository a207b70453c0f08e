import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsOptional, ValidateNested } from 'class-validator';
import { ClaimBasisDto } from '../claims/claim-basis.dto';
import { CeasefireTermsDto } from './record-ceasefire.dto';

/** An extension is dated by `occurredAt` (when it was agreed): the status honours its end from that date on. */
export class ExtendCeasefireDto extends ClaimBasisDto {
  @ApiProperty({ description: 'The new end (ISO 8601), after the end in force on the extension’s date; may be in the future', example: '2023-11-30' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiPropertyOptional({
    type: CeasefireTermsDto,
    description: 'What was agreed for the extension, if anything beyond more time',
    example: { summary: 'Two more days: 10 hostages a day for 30 prisoners a day', hostagesToRelease: { best: 20 }, prisonersToRelease: { best: 60 } },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CeasefireTermsDto)
  terms?: CeasefireTermsDto;
}
