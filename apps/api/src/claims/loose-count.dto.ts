import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** "nearly 2,000" is `{ best: 1900, low: 1800, high: 2000 }`, not a bare number. */
export class LooseCountDto {
  @ApiProperty({ minimum: 0, example: 1900 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  best!: number;

  @ApiPropertyOptional({ minimum: 0, example: 1800 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  low?: number;

  @ApiPropertyOptional({ minimum: 0, example: 2000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  high?: number;
}
