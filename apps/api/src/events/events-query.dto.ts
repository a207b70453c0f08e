import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { EventTypeList, IsPosition, POSITION_PATTERN } from '../read-models/query-params';

export const MAX_EVENTS_PAGE = 1000;

export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'Events after this global position (exclusive); the previous page’s `nextAfter`', example: '0', pattern: POSITION_PATTERN.source })
  @IsOptional()
  @IsPosition('after')
  after?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_EVENTS_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EVENTS_PAGE)
  limit = 100;

  @EventTypeList()
  type?: string[];

  @ApiPropertyOptional({ description: 'Only streams starting with this prefix, e.g. `talks-` or `actor-`', example: 'talks-', pattern: '^[a-z0-9-]{1,70}$' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,70}$/, { message: 'stream must be a stream id prefix' })
  stream?: string;
}
