import { ApiPropertyOptional } from '@nestjs/swagger';
import { SLUG_PATTERN } from '@parley/domain';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ReadQueryDto } from '../read-models/read-query.dto';

export const LIFECYCLES = ['open', 'active', 'stalled', 'concluded'] as const;
export const CEASEFIRE_STATUSES = ['none', 'agreed', 'in_effect', 'violated', 'ended', 'collapsed'] as const;

export class TalksListQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ enum: LIFECYCLES })
  @IsOptional()
  @IsIn(LIFECYCLES)
  status?: (typeof LIFECYCLES)[number];

  @ApiPropertyOptional({ enum: CEASEFIRE_STATUSES, description: 'The ceasefire status today' })
  @IsOptional()
  @IsIn(CEASEFIRE_STATUSES)
  ceasefire?: (typeof CEASEFIRE_STATUSES)[number];

  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, example: 'rus' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'party must be an actor id' })
  party?: string;

  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, example: 'qat' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'mediator must be an actor id' })
  mediator?: string;
}
