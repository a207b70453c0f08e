import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorView } from '@parley/domain';
import { FastifyReply } from 'fastify';
import { SlugParam } from '../claims/slug';
import { SlugPipe } from '../claims/slug.pipe';
import { HISTORY_PAGE } from '../history/history.schema';
import { JsonResponse } from '../openapi/json-response.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { ACTOR, ACTOR_ACTIVITY } from './actor.schema';
import { CommandOutcome } from '../commands/command-outcome';
import { CommandRequest, FromCommandRequest } from '../commands/command-request';
import { entityTag } from '../commands/entity-tag';
import { StreamCommand } from '../commands/stream-command';
import { HistoryQueryDto } from '../history/history-query.dto';
import { HistoryPage, StreamHistory } from '../history/stream-history';
import { CommandEndpoint } from '../openapi/command-endpoint.decorator';
import { ActorReader } from './actor.view';
import { RegisterActorDto } from './register-actor.dto';
import { UpdateActorDto } from './update-actor.dto';
import { actorStreamId } from '@parley/domain';
import { ActorActivity, actorActivity, getActorProfile } from '@parley/projections';
import { ApiProblem } from '../problem/problem';
import { ReadModels } from '../read-models/read-models.service';
import { ReadQueryDto } from '../read-models/read-query.dto';
import { ReadsFrom } from '../read-models/reads-from.decorator';
import { Reads, Requires } from '../access/access-rule.decorator';

type ActorActivityView = ActorActivity & Readonly<{ name: string; kind: string; represents: string | null }>;

@ApiTags('actors')
@Controller('actors')
export class ActorsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly actors: ActorReader,
    private readonly history: StreamHistory,
    private readonly readModels: ReadModels,
  ) {}

  @Post()
  @Requires('analyst')
  @CommandEndpoint('Register a person, state or organisation', {
    description: 'Actors must be registered before a claim can name them. `Location` is the actor’s URL.',
    rejections: ['ACTOR.ALREADY_REGISTERED', 'ACTOR.REPRESENTS_ITSELF', 'ACTOR.UNKNOWN'],
  })
  async register(
    @Body() { id, ...profile }: RegisterActorDto,
    @FromCommandRequest() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandOutcome> {
    const outcome = await this.commands.execute(new StreamCommand('actor', id, { type: 'RegisterActor', data: { ...profile, actorId: id } }, request));
    void reply.header('location', `/v1/actors/${id}`);
    return outcome;
  }

  @Patch(':id')
  @SlugParam('id', 'The actor’s id')
  @Requires('editor')
  @CommandEndpoint('Change an actor’s profile', {
    description: 'Fields left out stay as they are; `null` clears an optional field.',
    rejections: ['ACTOR.NOT_FOUND', 'ACTOR.EMPTY_UPDATE', 'ACTOR.REPRESENTS_ITSELF', 'ACTOR.UNKNOWN'],
    noOp: 'Nothing changed: the profile already had these values; nothing was recorded',
  })
  update(@Param('id', SlugPipe) id: string, @Body() changes: UpdateActorDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    return this.commands.execute(new StreamCommand('actor', id, { type: 'UpdateActor', data: { actorId: id, changes: { ...changes } } }, request));
  }

  @Get(':id')
  @Reads()
  @ApiOperation({ summary: 'An actor’s current profile; ETag is its stream revision' })
  @SlugParam('id', 'The actor’s id')
  @JsonResponse(200, 'The profile', ACTOR.ref)
  @ProblemResponses('REQUEST.INVALID', 'ACTOR.NOT_FOUND', 'STORE.UNAVAILABLE')
  async get(@Param('id', SlugPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ActorView> {
    const { actor, revision } = await this.actors.get(id);
    void reply.header('etag', entityTag(revision));
    return actor;
  }

  @Get(':id/activity')
  @Reads()
  @ReadsFrom('talks', 'actors')
  @ApiOperation({ summary: 'What an actor did: visits, meetings, counterparts, countries, deals mediated, and whom it represents' })
  @SlugParam('id', 'The actor’s id')
  @JsonResponse(200, 'Its activity across the live claims', ACTOR_ACTIVITY.ref)
  @ProblemResponses('ACTOR.NOT_FOUND')
  activity(@Param('id', SlugPipe) id: string, @Query() _query: ReadQueryDto): ActorActivityView {
    const profile = getActorProfile(this.readModels.context('actors'), id);
    if (!profile) throw new ApiProblem(404, 'ACTOR.NOT_FOUND', `No actor ${id} is registered`);
    return { ...actorActivity(this.readModels.context('talks'), id), name: profile.name, kind: profile.kind, represents: profile.represents ?? null };
  }

  @Get(':id/history')
  @Reads()
  @ApiOperation({ summary: 'Every event of the actor’s stream, oldest first, paged' })
  @SlugParam('id', 'The actor’s id')
  @JsonResponse(200, 'A page of events with revision, global position, recordedAt and metadata', HISTORY_PAGE.ref)
  @ProblemResponses('REQUEST.INVALID', 'ACTOR.NOT_FOUND', 'STORE.UNAVAILABLE')
  historyOf(@Param('id', SlugPipe) id: string, @Query() { fromRevision, limit }: HistoryQueryDto): Promise<HistoryPage> {
    return this.history.page(actorStreamId(id), fromRevision, limit, 'ACTOR.NOT_FOUND');
  }
}
