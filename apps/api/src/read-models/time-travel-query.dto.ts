import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { endOf } from './moment';
import { ReadQueryDto } from './read-query.dto';

const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Bitemporal reads: what was true on a date, and what had been recorded by a moment. */
export class TimeTravelQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({
    description: 'Valid time: only claims that had occurred by then (a date means the end of that day), as known now, corrections included',
    example: '2025-01-18',
    pattern: DATE_OR_TIME.source,
  })
  @IsOptional()
  @Matches(DATE_OR_TIME, { message: 'asOf must be an ISO 8601 date or date-time with an offset' })
  asOf?: string;

  @ApiPropertyOptional({
    description: 'Transaction time: only what had been recorded by then (a date means the end of that day)',
    example: '2026-11-29T12:00:00Z',
    pattern: DATE_OR_TIME.source,
  })
  @IsOptional()
  @Matches(DATE_OR_TIME, { message: 'knownAt must be an ISO 8601 date or date-time with an offset' })
  knownAt?: string;
}

/** The moments a bitemporal read asks about, each a date meaning the end of that day; a date that does not exist is a 400. */
export function timeTravelOf(query: Pick<TimeTravelQueryDto, 'asOf' | 'knownAt'>): Readonly<{ asOf?: Date; knownAt?: Date }> {
  return { asOf: endOf(query.asOf, 'asOf'), knownAt: endOf(query.knownAt, 'knownAt') };
}
