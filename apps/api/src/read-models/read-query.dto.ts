import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsPosition, POSITION_PATTERN } from './query-params';

/** What every read accepts: wait until the read models reflect a position a write answered with. */
export class ReadQueryDto {
  @ApiPropertyOptional({
    description: 'Answer only once the read models include this global position (a command’s `position`); also `X-Min-Position`',
    example: '42',
    pattern: POSITION_PATTERN.source,
  })
  @IsOptional()
  @IsPosition('minPosition')
  minPosition?: string;
}
