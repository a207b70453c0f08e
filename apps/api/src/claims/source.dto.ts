import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STANCES, Stance } from '@parley/domain';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

export class SourceDto {
  @ApiProperty({ description: 'Who printed or broadcast it', example: 'TASS' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  publisher!: string;

  @ApiPropertyOptional({ description: 'Who said it, when not the publisher', example: 'Dmitry Peskov, Kremlin spokesperson' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  originator?: string;

  @ApiPropertyOptional({ example: 'https://tass.com/politics/1942345' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 date or date-time', example: '2025-04-11' })
  @IsOptional()
  @IsISO8601({ strict: true })
  publishedAt?: string;

  @ApiPropertyOptional({ description: 'The words the claim rests on', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  quote?: string;

  @ApiPropertyOptional({ enum: STANCES, default: 'asserts', description: 'Whether the source says it happened or denies it; absent means `asserts`', example: 'denies' })
  @IsOptional()
  @IsIn(STANCES)
  stance?: Stance;
  @ApiPropertyOptional({ description: 'The wire service this copy reprints: a syndicated copy does not count as an independent source', example: 'Reuters', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  syndicatedFrom?: string;
}
