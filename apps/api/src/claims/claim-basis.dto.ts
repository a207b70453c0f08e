import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTE_MAX_LENGTH, PRECISIONS, Precision } from '@parley/domain';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ProvenanceDto } from './provenance.dto';

/** What every claim about a track carries: when it happened, how precisely, and who says so. */
export abstract class ClaimBasisDto {
  @ApiProperty({ description: 'ISO 8601 date or date-time with offset; see `precision`', example: '2025-04-11' })
  @IsISO8601({ strict: true })
  occurredAt!: string;

  @ApiPropertyOptional({
    description:
      'The latest it can have happened, at the same `precision`: "released between the 25th and the 30th" is ' +
      '`occurredAt` 2025-11-25, `occurredUntil` 2025-11-30. `asOf` counts the claim once this has wholly passed.',
    example: '2025-11-30',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredUntil?: string;

  @ApiProperty({
    enum: PRECISIONS,
    description: '"in August 2021" is `month`; `week` is the ISO week (Monday to Sunday, UTC) holding the date: "the week of 17 November 2025" is 2025-11-17 (or any day of it) at `week`',
    example: 'day',
  })
  @IsIn(PRECISIONS)
  precision!: Precision;

  @ApiProperty({ type: ProvenanceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ProvenanceDto)
  provenance!: ProvenanceDto;

  // The length is the domain's rule (NOTE.TOO_LONG, 422), so a correction's note meets the same code.
  @ApiPropertyOptional({
    description: `The analyst's free-text note, at most ${NOTE_MAX_LENGTH} characters (longer is NOTE.TOO_LONG); a correction sets it, or clears it with null`,
    maxLength: NOTE_MAX_LENGTH,
    example: 'Date from the Saudi press agency; the venue is reported by one source only',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  note?: string;
}
