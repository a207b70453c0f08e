import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SLUG_PATTERN } from '@parley/domain';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ClaimBasisDto } from './claim-basis.dto';

/**
 * That the claim in the path reports the same real-world event as `sameAs` (or, undone, that it
 * does not): `occurredAt` and `provenance` say when and on whose word the identity was stated.
 */
export class ClaimLinkDto extends ClaimBasisDto {
  @ApiProperty({ description: 'The event id of the other claim: of this track, unless `sameAsTalksId` names another', format: 'uuid', example: '5b0d6a84-3c1e-4f4e-9d8e-2f7a1c9b0e11' })
  @IsUUID()
  sameAs!: string;

  @ApiPropertyOptional({ description: 'The track of `sameAs`, when it is another track than the one in the path', pattern: SLUG_PATTERN.source, example: 'russia-ukraine-istanbul' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'sameAsTalksId must be a track id' })
  sameAsTalksId?: string;

  @ApiProperty({ example: 'TASS and Reuters report the same exchange at Abu Dhabi airport' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}
