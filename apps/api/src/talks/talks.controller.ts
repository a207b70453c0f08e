import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { CommandOutcome } from '../commands/command-outcome';
import { CommandRequest, FromCommandRequest } from '../commands/command-request';
import { SlugParam } from '../claims/slug';
import { SlugPipe } from '../claims/slug.pipe';
import { CommandEndpoint, TALKS_CLAIM_PROBLEMS } from '../openapi/command-endpoint.decorator';
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
  @CommandEndpoint('Open a track of talks', {
    description:
      'Parties and mediators must be registered actors. The date (`occurredAt` with `precision`) and `provenance` may be left out ' +
      'when we start following talks already under way; a correction of the opening can add them later.',
    rejections: [
      'TALKS.ALREADY_OPENED', 'TALKS.TOO_FEW_PARTIES', 'TALKS.PARTY_IS_MEDIATOR', 'ACTOR.UNKNOWN', 'PROVENANCE.NO_SOURCES', 'DATE.INVALID', 'DATE.IN_FUTURE',
      'DATE.RANGE_REVERSED', 'DATE.INCOMPLETE',
    ],
  })
  @ApiBody({
    type: OpenTalksDto,
    examples: {
      dated: {
        summary: 'Opened on a known date, with a source',
        value: {
          id: 'russia-ukraine-istanbul', title: 'Direct Russia–Ukraine talks in Istanbul', subject: 'Ceasefire and prisoner exchanges',
          parties: ['rus', 'ukr'], mediators: ['tur'], occurredAt: '2025-05-16', precision: 'day',
          provenance: { sources: [{ publisher: 'Reuters' }], confidence: 'confirmed' },
        },
      },
      undated: {
        summary: 'Talks already under way: no date, no source (the claims inside carry theirs)',
        value: { id: 'uae-prisoner-exchanges', title: 'UAE-mediated prisoner exchanges', subject: 'Exchanges of prisoners of war', parties: ['rus', 'ukr'], mediators: ['are'] },
      },
    },
  })
  open(@Body() { id, ...body }: OpenTalksDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'OpenTalks', body, request));
  }

  @Post(':id/stall')
  @SlugParam('id', 'The track’s id')
  @Requires('editor')
  @CommandEndpoint('Record that the talks stalled', { rejections: [...TALKS_CLAIM_PROBLEMS, 'TALKS.ALREADY_STALLED'] })
  stall(@Param('id', SlugPipe) id: string, @Body() body: TalksTransitionDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'StallTalks', body, request));
  }

  @Post(':id/resume')
  @SlugParam('id', 'The track’s id')
  @Requires('editor')
  @CommandEndpoint('Record that stalled talks resumed', { rejections: [...TALKS_CLAIM_PROBLEMS, 'TALKS.NOT_STALLED'] })
  resume(@Param('id', SlugPipe) id: string, @Body() body: TalksTransitionDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'ResumeTalks', body, request));
  }

  @Post(':id/conclude')
  @SlugParam('id', 'The track’s id')
  @Requires('editor')
  @CommandEndpoint('Record how the talks concluded', {
    description: 'A concluded track takes only corrections and retractions afterwards.',
    rejections: TALKS_CLAIM_PROBLEMS,
  })
  conclude(@Param('id', SlugPipe) id: string, @Body() body: ConcludeTalksDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'ConcludeTalks', body, request));
  }
}
