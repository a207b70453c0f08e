import { ApiPropertyOptional } from '@nestjs/swagger';
import { SLUG_PATTERN } from '@parley/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches } from 'class-validator';

export const POSITION_PATTERN = /^\d{1,19}$/;

const asList = ({ value }: { value: unknown }) => (value === undefined ? undefined : [value].flat());

export class TalksSubscriptionQueryDto {
  @ApiPropertyOptional({ description: 'Follow this track only', example: 'us-russia-ukraine' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'talksId must be a track id' })
  talksId?: string;
}

export class EventSubscriptionQueryDto extends TalksSubscriptionQueryDto {
  @ApiPropertyOptional({
    description: 'Start after this global position (exclusive); `0` replays everything. A `Last-Event-ID` header wins. Default: only new events',
    example: '0',
  })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: 'from must be a global position (a decimal integer)' })
  from?: string;

  @ApiPropertyOptional({ description: 'Only these event types (repeatable)', type: [String], example: ['MeetingHeld'] })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, { each: true, message: 'each type must be an event type name' })
  type?: string[];

  @ApiPropertyOptional({ description: 'Only events naming this actor: talks events that name it, and its own actor stream', example: 'steve-witkoff' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'actor must be an actor id' })
  actor?: string;
}
