import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRECISIONS, Precision } from '@parley/domain';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ClaimBasisDto } from '../claims/claim-basis.dto';
import { ProvenanceDto } from '../claims/provenance.dto';
import { Slug, SlugList } from '../claims/slug';

/**
 * Opening a track records that we follow it: its date (`occurredAt` with `precision`) and its
 * `provenance` may be left out, for talks already under way (the claims inside carry their own
 * sources); a correction can add them later. The basis's rules still hold for what is given.
 */
export class OpenTalksDto extends ClaimBasisDto {
  // Made optional here only: IsOptional skips the inherited validators when the value is absent.
  @ApiPropertyOptional({ description: 'When the talks began; leave out with `precision` when unknown', example: '2025-02-18' })
  @IsOptional()
  declare occurredAt: string;

  @ApiPropertyOptional({ enum: PRECISIONS, description: 'Given with `occurredAt`', example: 'day' })
  @IsOptional()
  declare precision: Precision;

  @ApiPropertyOptional({ type: ProvenanceDto, description: 'Who reports the talks; may be left out' })
  @IsOptional()
  declare provenance: ProvenanceDto;

  @Slug('The track id; its stream is `talks-{id}`', 'us-russia-ukraine')
  id!: string;

  @ApiProperty({ example: 'US–Russia talks on ending the war in Ukraine' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 'Ceasefire and settlement of the war in Ukraine' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  subject!: string;

  @SlugList('Registered actors that negotiate', ['usa', 'rus'], 2)
  parties!: string[];

  @SlugList('Registered actors that mediate', [])
  mediators!: string[];
}
