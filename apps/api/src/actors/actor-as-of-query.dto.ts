import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ReadQueryDto } from '../read-models/read-query.dto';

const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Reads of an actor on a date: the title and represents of the role it held then. */
export class ActorAsOfQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({
    description:
      'Show `title` and `represents` as held then (a date means the end of that day; a role counts from the first moment its `validFrom` can mean); other fields are current',
    example: '2025-02-15',
    pattern: DATE_OR_TIME.source,
  })
  @IsOptional()
  @Matches(DATE_OR_TIME, { message: 'asOf must be an ISO 8601 date or date-time with an offset' })
  asOf?: string;
}
