import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, ValidateNested } from 'class-validator';
import { ClaimBasisDto } from '../claims/claim-basis.dto';
import { PlaceDto } from '../claims/place.dto';
import { Slug, SlugList } from '../claims/slug';

/** "Likely to meet": a later meeting with the same `meetingId` fulfils it. */
export class ScheduleMeetingDto extends ClaimBasisDto {
  @Slug('Chosen by the analyst; reuse it when the meeting is held', 'witkoff-putin-2025-04')
  meetingId!: string;

  @SlugList('Registered actors expected to meet', ['steve-witkoff', 'vladimir-putin'], 2)
  participants!: string[];

  @ApiProperty({ type: PlaceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PlaceDto)
  location!: PlaceDto;

  @ApiProperty({ description: 'When it is expected (ISO 8601); may be in the future', example: '2025-04-11' })
  @IsISO8601({ strict: true })
  expectedAt!: string;
}
