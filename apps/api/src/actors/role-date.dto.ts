import { ApiProperty } from '@nestjs/swagger';
import { PRECISIONS, Precision } from '@parley/domain';
import { IsIn, IsISO8601 } from 'class-validator';

/** When a title or principal began, dated as a claim's `occurredAt` and `precision` are. */
export class RoleDateDto {
  @ApiProperty({ description: 'ISO 8601 date or date-time with offset; see `precision`', example: '2025-03-01' })
  @IsISO8601({ strict: true })
  at!: string;

  @ApiProperty({ enum: PRECISIONS, description: '"appointed in March 2025" is `month`', example: 'month' })
  @IsIn(PRECISIONS)
  precision!: Precision;
}
