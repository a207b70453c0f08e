import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { MeetingClaimDto } from './meeting-claim.dto';

/** "Likely to meet": a later meeting with the same `meetingId` fulfils it. */
export class ScheduleMeetingDto extends MeetingClaimDto {
  @ApiProperty({ description: 'When it is expected (ISO 8601); may be in the future', example: '2025-04-11' })
  @IsISO8601({ strict: true })
  expectedAt!: string;
}
