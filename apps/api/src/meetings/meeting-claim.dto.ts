import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { ClaimBasisDto } from '../claims/claim-basis.dto';
import { PlaceDto } from '../claims/place.dto';
import { HostedBy, Slug, SlugList } from '../claims/slug';

/** What a scheduled and a held meeting both say: which meeting, who, where. */
export abstract class MeetingClaimDto extends ClaimBasisDto {
  @Slug('Chosen by the analyst; a held meeting with the id of a scheduled one fulfils it', 'witkoff-putin-2025-04')
  meetingId!: string;

  @SlugList('Registered actors who meet (two or more, distinct)', ['steve-witkoff', 'vladimir-putin'], 2)
  participants!: string[];

  @ApiProperty({ type: PlaceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PlaceDto)
  location!: PlaceDto;

  @HostedBy('mbs')
  hostedBy?: string;
}
