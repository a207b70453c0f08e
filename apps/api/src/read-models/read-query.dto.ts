import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { POSITION_PATTERN } from './query-params';

/** What every read accepts: wait until the read models reflect a position a write answered with. */
export class ReadQueryDto {
  @ApiPropertyOptional({
    description: 'Answer only once the read models include this global position (a command’s `position`); also `X-Min-Position`',
    example: '42',
    pattern: POSITION_PATTERN.source,
  })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: 'minPosition must be a global position (a decimal integer)' })
  minPosition?: string;
}
