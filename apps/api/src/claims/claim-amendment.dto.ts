import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsNotEmptyObject, IsObject, IsString, MaxLength } from 'class-validator';
import { ClaimBasisDto } from './claim-basis.dto';

/** A retraction: `occurredAt` and `provenance` say when and on whose word the claim was withdrawn. */
export class RetractClaimDto extends ClaimBasisDto {
  @ApiProperty({ example: 'The reported meeting did not take place' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}

/** A correction: the fields of the claim's data that change; the merged claim must obey every rule. */
export class CorrectClaimDto extends RetractClaimDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'A partial of the claim’s data; ids cannot change',
    example: { location: { country: 'RUS', city: 'Saint Petersburg' } },
  })
  @IsObject()
  @IsNotEmptyObject()
  changes!: Record<string, unknown>;
}
