import { ApiProperty } from '@nestjs/swagger';
import { TALKS_OUTCOMES, TalksOutcome } from '@parley/domain';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ClaimBasisDto } from '../claims/claim-basis.dto';

/** Body of `stall` and `resume`. */
export class TalksTransitionDto extends ClaimBasisDto {
  @ApiProperty({ example: 'Deadlock over territorial questions' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class ConcludeTalksDto extends ClaimBasisDto {
  @ApiProperty({ enum: TALKS_OUTCOMES })
  @IsIn(TALKS_OUTCOMES)
  outcome!: TalksOutcome;

  @ApiProperty({ example: 'A framework agreement was signed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary!: string;
}
