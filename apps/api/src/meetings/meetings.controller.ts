import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOutcome } from '../commands/command-outcome';
import { CommandRequest, FromCommandRequest } from '../commands/command-request';
import { SlugParam } from '../claims/slug';
import { SlugPipe } from '../claims/slug.pipe';
import { CommandEndpoint, PLACE_PROBLEMS, TALKS_CLAIM_PROBLEMS } from '../openapi/command-endpoint.decorator';
import { talksCommand } from '../talks/talks-command';
import { RecordEnvoyVisitDto } from './record-envoy-visit.dto';
import { RecordMeetingDto } from './record-meeting.dto';
import { ScheduleMeetingDto } from './schedule-meeting.dto';
import { Requires } from '../access/access-rule.decorator';

@ApiTags('meetings and visits')
@SlugParam('id', 'The track’s id')
@Controller('talks/:id')
@Requires('analyst')
export class MeetingsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('envoy-visits')
  @CommandEndpoint('Record an envoy’s visit to a country', { rejections: [...TALKS_CLAIM_PROBLEMS, ...PLACE_PROBLEMS] })
  recordVisit(@Param('id', SlugPipe) id: string, @Body() body: RecordEnvoyVisitDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'RecordEnvoyVisit', body, request));
  }

  @Post('scheduled-meetings')
  @CommandEndpoint('Record that a meeting is expected', {
    description: '"Likely to meet": record it held later under the same meetingId.',
    rejections: [...TALKS_CLAIM_PROBLEMS, 'MEETING.TOO_FEW_PARTICIPANTS', 'MEETING.ALREADY_SCHEDULED', ...PLACE_PROBLEMS],
  })
  schedule(@Param('id', SlugPipe) id: string, @Body() body: ScheduleMeetingDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'ScheduleMeeting', body, request));
  }

  @Post('meetings')
  @CommandEndpoint('Record a meeting that was held', { rejections: [...TALKS_CLAIM_PROBLEMS, 'MEETING.TOO_FEW_PARTICIPANTS', 'MEETING.ALREADY_HELD', ...PLACE_PROBLEMS] })
  record(@Param('id', SlugPipe) id: string, @Body() body: RecordMeetingDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'RecordMeeting', body, request));
  }
}
