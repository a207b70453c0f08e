import { CONFIDENCES, Confidence } from '@parley/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import { SourceDto } from './source.dto';

export class ProvenanceDto {
  @ApiProperty({ type: [SourceDto], minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SourceDto)
  sources!: SourceDto[];

  @ApiProperty({ enum: CONFIDENCES, example: 'reported' })
  @IsIn(CONFIDENCES)
  confidence!: Confidence;
}
