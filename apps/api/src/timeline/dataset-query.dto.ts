import { ApiPropertyOptional } from '@nestjs/swagger';
import { DATASET_COLUMNS } from '@parley/projections';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { IsPosition, POSITION_PATTERN } from '../read-models/query-params';
import { TimelineQueryDto } from './timeline-query.dto';

const ALL_COLUMNS = [...new Set([...DATASET_COLUMNS.claims, ...DATASET_COLUMNS.dyadic])];

/** `a,b` and `fields=a&fields=b` both name a list of columns. */
const asColumnList = Transform(({ value }: { value: unknown }) =>
  value === undefined ? undefined : [value].flat().flatMap((part) => String(part).split(',')).map((part) => part.trim()).filter(Boolean),
);

/** The timeline's filters, and the dataset-style export: its shape, its columns, and incremental pulls. */
export class DatasetQueryDto extends TimelineQueryDto {
  @ApiPropertyOptional({
    enum: ['claims', 'dyadic'],
    description: 'A dataset-style export: one flat row per claim, or one per directed pair of actors (source → target) with the pair’s CAMEO/PLOVER code',
  })
  @IsOptional()
  @IsIn(['claims', 'dyadic'])
  shape?: 'claims' | 'dyadic';

  @ApiPropertyOptional({
    description: 'Columns of a dataset-style export (comma-separated or repeated); the keys change, changePosition, eventId (and dyad) are always kept',
    type: [String],
    example: ['cameo', 'plover', 'sources'],
  })
  @IsOptional()
  @asColumnList
  @IsArray()
  @ArrayMaxSize(ALL_COLUMNS.length)
  @IsIn(ALL_COLUMNS, { each: true, message: 'each of fields must be a column of the export' })
  fields?: string[];

  @ApiPropertyOptional({
    description:
      'Every claim version created, corrected or retracted (a tombstone row) after this position of `$all`, in the order it happened; ' +
      'a claim whose incident a link or unlink changed comes again as `corrected`. ' +
      'Pass the largest `changePosition` you hold. Combines with talksId and type only',
    pattern: POSITION_PATTERN.source,
    example: '120',
  })
  @IsOptional()
  @IsPosition('changedSince')
  changedSince?: string;
}
