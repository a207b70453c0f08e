import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOutcome } from '../commands/command-outcome';
import { CommandRequest, FromCommandRequest } from '../commands/command-request';
import { SlugPipe } from '../claims/slug.pipe';
import { CommandEndpoint } from '../openapi/command-endpoint.decorator';
import { OpenTalksDto } from './open-talks.dto';
import { talksCommand } from './talks-command';
import { ConcludeTalksDto, TalksTransitionDto } from './talks-transition.dto';
import { Requires } from '../access/access-rule.decorator';

@ApiTags('talks')
@Controller('talks')
export class TalksController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Requires('analyst')
  @CommandEndpoint('Open a track of talks', 'Parties and mediators must be registered actors.')
  open(@Body() { id, ...body }: OpenTalksDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'OpenTalks', body, request));
  }

  @Post(':id/stall')
  @Requires('editor')
  @CommandEndpoint('Record that the talks stalled')
  stall(@Param('id', SlugPipe) id: string, @Body() body: TalksTransitionDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'StallTalks', body, request));
  }

  @Post(':id/resume')
  @Requires('editor')
  @CommandEndpoint('Record that stalled talks resumed')
  resume(@Param('id', SlugPipe) id: string, @Body() body: TalksTransitionDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'ResumeTalks', body, request));
  }

  @Post(':id/conclude')
  @Requires('editor')
  @CommandEndpoint('Record how the talks concluded', 'A concluded track takes only corrections and retractions afterwards.')
  conclude(@Param('id', SlugPipe) id: string, @Body() body: ConcludeTalksDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'ConcludeTalks', body, request));
  }
}
