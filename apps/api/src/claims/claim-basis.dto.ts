import { ApiProperty } from '@nestjs/swagger';
import { PRECISIONS, Precision } from '@parley/domain';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, ValidateNested } from 'class-validator';
import { ProvenanceDto } from './provenance.dto';

/** What every claim about a track carries: when it happened, how precisely, and who says so. */
export abstract class ClaimBasisDto {
  @ApiProperty({ description: 'ISO 8601 date or date-time with offset; see `precision`', example: '2025-04-11' })
  @IsISO8601({ strict: true })
  occurredAt!: string;

  @ApiProperty({ enum: PRECISIONS, description: '"in August 2021" is `month`', example: 'day' })
  @IsIn(PRECISIONS)
  precision!: Precision;

  @ApiProperty({ type: ProvenanceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ProvenanceDto)
  provenance!: ProvenanceDto;
}
