import { ArgumentMetadata, Body, Controller, Injectable, Param, ParseUUIDPipe, PipeTransform, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandOutcome } from '../commands/command-outcome';
import { CommandRequest, FromCommandRequest } from '../commands/command-request';
import { CommandEndpoint } from '../openapi/command-endpoint.decorator';
import { ApiProblem } from '../problem/problem';
import { talksCommand } from '../talks/talks-command';
import { CorrectClaimDto, RetractClaimDto } from './claim-amendment.dto';
import { ClaimChangesValidator } from './claim-changes.validator';
import { SlugPipe } from './slug.pipe';
import { Requires } from '../access/access-rule.decorator';

/** A UUID, compared case-insensitively (RFC 9562): the store keeps event ids lower-case, so `A1…` finds `a1…`. */
@Injectable()
class EventIdPipe implements PipeTransform<string, Promise<string>> {
  private readonly uuid = new ParseUUIDPipe({
    exceptionFactory: () =>
      new ApiProblem(400, 'REQUEST.INVALID', 'eventId must be the UUID of a recorded event', {
        errors: [{ field: 'eventId', message: 'must be a UUID' }],
      }),
  });

  async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    return (await this.uuid.transform(value, metadata)).toLowerCase();
  }
}

/** Nothing is overwritten: a correction or a retraction is itself a claim, with its own sources. */
@ApiTags('corrections')
@Controller('talks/:id/claims/:eventId')
@Requires('editor')
export class ClaimsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly changes: ClaimChangesValidator,
  ) {}

  @Post('corrections')
  @CommandEndpoint('Correct fields of an earlier claim', 'The corrected claim must still obey every rule; ids cannot change.')
  async correct(
    @Param('id', SlugPipe) id: string,
    @Param('eventId', EventIdPipe) eventId: string,
    @Body() body: CorrectClaimDto,
    @FromCommandRequest() request: CommandRequest,
  ): Promise<CommandOutcome> {
    const changes = await this.changes.validated(id, eventId, body.changes);
    return this.commands.execute(talksCommand(id, 'CorrectClaim', { ...body, changes, eventId }, request));
  }

  @Post('retraction')
  @CommandEndpoint('Retract an earlier claim', 'Read models drop its effect; the claim stays in the history.')
  retract(
    @Param('id', SlugPipe) id: string,
    @Param('eventId', EventIdPipe) eventId: string,
    @Body() body: RetractClaimDto,
    @FromCommandRequest() request: CommandRequest,
  ): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'RetractClaim', { ...body, eventId }, request));
  }
}
