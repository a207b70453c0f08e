import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { CommandOutcome } from '../commands/command-outcome';
import { CommandRequest, FromCommandRequest } from '../commands/command-request';
import { SlugParam } from '../claims/slug';
import { SlugPipe } from '../claims/slug.pipe';
import { CommandEndpoint, PLACE_PROBLEMS, TALKS_CLAIM_PROBLEMS } from '../openapi/command-endpoint.decorator';
import { talksCommand } from '../talks/talks-command';
import { EndCeasefireDto, ReportCeasefireViolationDto } from './ceasefire-events.dto';
import { ExtendCeasefireDto } from './extend-ceasefire.dto';
import { RecordCeasefireDto } from './record-ceasefire.dto';
import { RecordHostageReleaseDto } from './record-hostage-release.dto';
import { Requires } from '../access/access-rule.decorator';

@ApiTags('ceasefires')
@SlugParam('id', 'The track’s id')
@Controller('talks/:id')
@Requires('analyst')
export class CeasefiresController {
  constructor(private readonly commands: CommandBus) {}

  @Post('ceasefires')
  @CommandEndpoint('Record a brokered ceasefire', {
    description: 'It is `agreed` until `effectiveFrom`, and expires at `endsAt` if one is given.',
    rejections: [...TALKS_CLAIM_PROBLEMS, 'CEASEFIRE.TOO_FEW_PARTIES', 'CEASEFIRE.DUPLICATE', 'DATE.END_BEFORE_START', ...PLACE_PROBLEMS],
  })
  broker(@Param('id', SlugPipe) id: string, @Body() body: RecordCeasefireDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'RecordCeasefire', body, request));
  }

  @Post('ceasefires/:ceasefireId/violations')
  @SlugParam('ceasefireId', 'The ceasefire’s id in this track')
  @CommandEndpoint('Record an alleged violation of a ceasefire of this track', { rejections: [...TALKS_CLAIM_PROBLEMS, 'CEASEFIRE.NOT_FOUND', 'CEASEFIRE.ALREADY_ENDED', ...PLACE_PROBLEMS] })
  reportViolation(
    @Param('id', SlugPipe) id: string,
    @Param('ceasefireId', SlugPipe) ceasefireId: string,
    @Body() body: ReportCeasefireViolationDto,
    @FromCommandRequest() request: CommandRequest,
  ): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'ReportCeasefireViolation', { ...body, ceasefireId }, request));
  }

  @Post('ceasefires/:ceasefireId/end')
  @SlugParam('ceasefireId', 'The ceasefire’s id in this track')
  @CommandEndpoint('Record that a ceasefire of this track ended', {
    rejections: [...TALKS_CLAIM_PROBLEMS, 'CEASEFIRE.NOT_FOUND', 'CEASEFIRE.ALREADY_ENDED', 'DATE.END_BEFORE_START'],
  })
  end(
    @Param('id', SlugPipe) id: string,
    @Param('ceasefireId', SlugPipe) ceasefireId: string,
    @Body() body: EndCeasefireDto,
    @FromCommandRequest() request: CommandRequest,
  ): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'EndCeasefire', { ...body, ceasefireId }, request));
  }

  @Post('ceasefires/:ceasefireId/extensions')
  @SlugParam('ceasefireId', 'The ceasefire’s id in this track')
  @CommandEndpoint('Record that a ceasefire of this track was extended', {
    description:
      'The new `endsAt` applies from the extension’s own `occurredAt`: a status as of an earlier date keeps the end then in force. ' +
      'Extensions of one ceasefire must push its end later in the order of their dates.',
    rejections: [
      ...TALKS_CLAIM_PROBLEMS,
      'CEASEFIRE.NOT_FOUND',
      'CEASEFIRE.NO_END_TO_EXTEND',
      'CEASEFIRE.EXTENSION_BEFORE_START',
      'CEASEFIRE.EXTENSION_AFTER_END',
      'CEASEFIRE.EXTENSION_NOT_LATER',
      'COUNT.INVALID',
    ],
  })
  extend(
    @Param('id', SlugPipe) id: string,
    @Param('ceasefireId', SlugPipe) ceasefireId: string,
    @Body() body: ExtendCeasefireDto,
    @FromCommandRequest() request: CommandRequest,
  ): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'ExtendCeasefire', { ...body, ceasefireId }, request));
  }

  @Post('hostage-releases')
  @CommandEndpoint('Record hostages freed, optionally under a ceasefire of this track', {
    rejections: [...TALKS_CLAIM_PROBLEMS, 'CEASEFIRE.UNKNOWN', 'COUNT.INVALID', ...PLACE_PROBLEMS],
  })
  @ApiBody({
    type: RecordHostageReleaseDto,
    examples: {
      range: {
        summary: 'Freed between 24 and 30 November 2023: counted as of a date once the 30th has passed',
        value: {
          ceasefireId: 'gaza-2023-11', count: { best: 105, low: 102, high: 110 }, releasedBy: 'hamas',
          occurredAt: '2023-11-24', occurredUntil: '2023-11-30', precision: 'day',
          provenance: { sources: [{ publisher: 'Reuters', originator: 'Qatar MFA' }], confidence: 'reported' },
        },
      },
    },
  })
  releaseHostages(@Param('id', SlugPipe) id: string, @Body() body: RecordHostageReleaseDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'RecordHostageRelease', body, request));
  }
}
