import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { endOf, startOf } from './moment';
import { TimeTravelQueryDto } from './time-travel-query.dto';

/** Reads of claims in date order: a window their dates must overlap, and the bitemporal reads. */
export class DateWindowQueryDto extends TimeTravelQueryDto {
  @ApiPropertyOptional({
    description:
      'Claims whose date (or range, to the end of `occurredUntil`) ends on or after the first moment of this year, month, day or date-time with an offset (a person freed goes by the claim freeing them); undated openings are left out',
    example: '2025-01-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description:
      'Claims whose date (or range) begins on or before the last moment of this year, month, day or date-time with an offset (`2025-01`: through 31 January); with `from`, the claims whose range overlaps the window',
    example: '2025-12-31',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** The window a query asks for: from the first moment `from` names to the last moment `to` names (`to=2025-01`: through 31 January). */
export function dateWindowOf(query: Pick<DateWindowQueryDto, 'from' | 'to'>): Readonly<{ from?: Date; to?: Date }> {
  return { from: startOf(query.from, 'from'), to: endOf(query.to, 'to', true) };
}
