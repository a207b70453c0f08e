import { ApiPropertyOptional } from '@nestjs/swagger';
import { SLUG_PATTERN } from '@parley/domain';
import { IsOptional, Matches } from 'class-validator';
import { EventTypeList, IsPosition } from '../read-models/query-params';

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
  @IsPosition('from')
  from?: string;

  @EventTypeList()
  type?: string[];

  @ApiPropertyOptional({ description: 'Only events naming this actor: talks events that name it, and its own actor stream', example: 'steve-witkoff' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'actor must be an actor id' })
  actor?: string;
}
