import { ApiProperty } from '@nestjs/swagger';
import { MEETING_FORMATS, MeetingFormat } from '@parley/domain';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ClaimBasisDto } from '../claims/claim-basis.dto';
import { PlaceDto } from '../claims/place.dto';
import { Slug, SlugList } from '../claims/slug';

export class RecordMeetingDto extends ClaimBasisDto {
  @Slug('Chosen by the analyst; the id of a scheduled meeting this fulfils', 'witkoff-dmitriev-2025-04')
  meetingId!: string;

  @SlugList('Registered actors who met (two or more, distinct)', ['steve-witkoff', 'kirill-dmitriev'], 2)
  participants!: string[];

  @ApiProperty({ type: PlaceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PlaceDto)
  location!: PlaceDto;

  @ApiProperty({ enum: MEETING_FORMATS, example: 'in_person' })
  @IsIn(MEETING_FORMATS)
  format!: MeetingFormat;

  @ApiProperty({ example: 'Met to break the deadlock in bilateral talks' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary!: string;
}
