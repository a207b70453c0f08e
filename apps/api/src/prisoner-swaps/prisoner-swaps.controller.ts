import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOutcome } from '../commands/command-outcome';
import { CommandRequest, FromCommandRequest } from '../commands/command-request';
import { SlugParam } from '../claims/slug';
import { SlugPipe } from '../claims/slug.pipe';
import { CommandEndpoint, PLACE_PROBLEMS, TALKS_CLAIM_PROBLEMS } from '../openapi/command-endpoint.decorator';
import { talksCommand } from '../talks/talks-command';
import { RecordPrisonerSwapDto } from './record-prisoner-swap.dto';
import { Requires } from '../access/access-rule.decorator';

@ApiTags('prisoner swaps')
@SlugParam('id', 'The track’s id')
@Controller('talks/:id')
@Requires('analyst')
export class PrisonerSwapsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('prisoner-swaps')
  @CommandEndpoint('Record a prisoner swap: the people freed, by whom and to whom, how many in all, where and hosted by whom', {
    rejections: [...TALKS_CLAIM_PROBLEMS, 'SWAP.DUPLICATE', 'SWAP.NO_RELEASES', 'COUNT.INVALID', 'DATE.END_BEFORE_START', 'SWAP.TOTAL_BELOW_NAMED', 'SWAP.RELEASED_TO_RELEASER', ...PLACE_PROBLEMS],
  })
  record(@Param('id', SlugPipe) id: string, @Body() body: RecordPrisonerSwapDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'RecordPrisonerSwap', body, request));
  }
}
