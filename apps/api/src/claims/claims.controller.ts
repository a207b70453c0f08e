import { ArgumentMetadata, Body, Controller, Injectable, Param, ParseUUIDPipe, PipeTransform, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ErrorCode } from '@parley/domain';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { CommandOutcome } from '../commands/command-outcome';
import { CommandRequest, FromCommandRequest } from '../commands/command-request';
import { CommandEndpoint, PLACE_PROBLEMS } from '../openapi/command-endpoint.decorator';
import { ApiProblem } from '../problem/problem';
import { talksCommand } from '../talks/talks-command';
import { CorrectClaimDto, RetractClaimDto } from './claim-amendment.dto';
import { ClaimLinkDto } from './claim-link.dto';
import { OtherTrackClaims } from './other-track-claims';
import { RecordedLinks } from './recorded-links';
import { ClaimChangesValidator } from './claim-changes.validator';
import { SlugParam } from './slug';
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

/** A correction or retraction: of a claim of an open track, itself dated and sourced. */
const AMENDMENT_PROBLEMS: readonly ErrorCode[] = ['TALKS.NOT_OPENED', 'CLAIM.NOT_FOUND', 'CLAIM.ALREADY_RETRACTED', 'PROVENANCE.NO_SOURCES', 'DATE.INVALID', 'DATE.IN_FUTURE'];
/** The corrected claim must obey its own type's rules again. */
const CORRECTED_CLAIM_PROBLEMS: readonly ErrorCode[] = [
  'ACTOR.UNKNOWN',
  'TALKS.TOO_FEW_PARTIES',
  'TALKS.PARTY_IS_MEDIATOR',
  'MEETING.TOO_FEW_PARTICIPANTS',
  'CEASEFIRE.TOO_FEW_PARTIES',
  'CEASEFIRE.UNKNOWN',
  'SWAP.NO_RELEASES',
  'COUNT.INVALID',
  'DATE.END_BEFORE_START',
  'SWAP.TOTAL_BELOW_NAMED',
  'SWAP.RELEASED_TO_RELEASER',
  ...PLACE_PROBLEMS,
  'DATE.RANGE_REVERSED',
  'DATE.INCOMPLETE',
];

/** Nothing is overwritten: a correction or a retraction is itself a claim, with its own sources. */
@ApiTags('corrections')
@SlugParam('id', 'The track’s id')
@ApiParam({ name: 'eventId', description: 'The claim’s event id (from the history)', schema: { type: 'string', format: 'uuid' } })
@Controller('talks/:id/claims/:eventId')
@Requires('editor')
export class ClaimsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly changes: ClaimChangesValidator,
    private readonly otherTracks: OtherTrackClaims,
    private readonly recordedLinks: RecordedLinks,
  ) {}

  @Post('corrections')
  @CommandEndpoint('Correct fields of an earlier claim', {
    description: 'The corrected claim must still obey every rule; ids cannot change.',
    rejections: [...AMENDMENT_PROBLEMS, 'CLAIM.NOT_CORRECTABLE', 'CLAIM.IMMUTABLE_FIELD', 'CLAIM.UNKNOWN_FIELD', 'CLAIM.EMPTY_CORRECTION', 'CLAIM.INVALID_VALUE', ...CORRECTED_CLAIM_PROBLEMS],
  })
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
  @CommandEndpoint('Retract an earlier claim', {
    description: 'Read models drop its effect; the claim stays in the history.',
    rejections: [...AMENDMENT_PROBLEMS, 'CLAIM.NOT_RETRACTABLE'],
  })
  retract(
    @Param('id', SlugPipe) id: string,
    @Param('eventId', EventIdPipe) eventId: string,
    @Body() body: RetractClaimDto,
    @FromCommandRequest() request: CommandRequest,
  ): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'RetractClaim', { ...body, eventId }, request));
  }

  @Post('same-as')
  @CommandEndpoint('State that two claims report the same real-world event', {
    description:
      'Linked claims form one incident: it counts once in the status, and its timeline entries list every report and source. ' +
      'Both claims must be live claims of the same type, not yet one incident: of this track, or `sameAs` of the track `sameAsTalksId` names ' +
      '(the link is recorded in this track). "One incident" counts links recorded in every track: no link may close a cycle through another track.',
    rejections: ['TALKS.NOT_OPENED', 'CLAIM.NOT_FOUND', 'PROVENANCE.NO_SOURCES', 'DATE.INVALID', 'DATE.IN_FUTURE', 'INCIDENT.SELF_LINK', 'INCIDENT.RETRACTED_CLAIM', 'INCIDENT.TYPE_MISMATCH', 'INCIDENT.ALREADY_LINKED'],
  })
  async link(
    @Param('id', SlugPipe) id: string,
    @Param('eventId', EventIdPipe) eventId: string,
    @Body() body: ClaimLinkDto,
    @FromCommandRequest() request: CommandRequest,
  ): Promise<CommandOutcome> {
    const sameAs = body.sameAs.toLowerCase();
    const elsewhere = body.sameAsTalksId !== undefined && body.sameAsTalksId !== id;
    // Whether or not it names another track, a link must not close a cycle through one.
    return this.recordedLinks.oneAtATime(async () => {
      const [otherClaims, linksElsewhere] = await Promise.all([elsewhere ? this.otherTracks.find(body.sameAsTalksId!, sameAs) : undefined, this.recordedLinks.elsewhere(id, [eventId, sameAs])]);
      const context = { ...(otherClaims ? { otherClaims } : {}), ...(linksElsewhere.length > 0 ? { linksElsewhere } : {}) };
      return this.commands.execute(talksCommand(id, 'LinkClaims', { ...body, sameAs, eventId }, request, context));
    });
  }

  @Post('not-same-as')
  @CommandEndpoint('Undo a link between two claims', {
    description: 'The two claims count as separate events again; the link stays in the history.',
    rejections: ['TALKS.NOT_OPENED', 'CLAIM.NOT_FOUND', 'PROVENANCE.NO_SOURCES', 'DATE.INVALID', 'DATE.IN_FUTURE', 'INCIDENT.NOT_LINKED'],
  })
  unlink(
    @Param('id', SlugPipe) id: string,
    @Param('eventId', EventIdPipe) eventId: string,
    @Body() body: ClaimLinkDto,
    @FromCommandRequest() request: CommandRequest,
  ): Promise<CommandOutcome> {
    return this.commands.execute(talksCommand(id, 'UnlinkClaims', { ...body, sameAs: body.sameAs.toLowerCase(), eventId }, request));
  }
}
