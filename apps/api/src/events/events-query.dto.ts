import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const MAX_EVENTS_PAGE = 1000;

const asList = ({ value }: { value: unknown }) => (value === undefined ? undefined : [value].flat());

export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'Events after this global position (exclusive); the previous page’s `nextAfter`', example: '0' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'after must be a global position (a decimal integer)' })
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_EVENTS_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EVENTS_PAGE)
  limit = 100;

  @ApiPropertyOptional({ description: 'Only these event types (repeatable)', type: [String], example: ['MeetingHeld'] })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  type?: string[];

  @ApiPropertyOptional({ description: 'Only streams starting with this prefix, e.g. `talks-` or `actor-`', example: 'talks-' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,70}$/, { message: 'stream must be a stream id prefix' })
  stream?: string;
}
