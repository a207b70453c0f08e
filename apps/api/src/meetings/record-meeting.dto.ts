import { ApiProperty } from '@nestjs/swagger';
import { MEETING_FORMATS, MeetingFormat } from '@parley/domain';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MeetingClaimDto } from './meeting-claim.dto';

export class RecordMeetingDto extends MeetingClaimDto {
  @ApiProperty({ enum: MEETING_FORMATS, example: 'in_person' })
  @IsIn(MEETING_FORMATS)
  format!: MeetingFormat;

  @ApiProperty({ example: 'Met to break the deadlock in bilateral talks' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary!: string;
}
