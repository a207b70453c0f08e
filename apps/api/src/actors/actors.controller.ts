import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActorView, actorViewOn } from '@parley/domain';
import { FastifyReply } from 'fastify';
import { SlugParam } from '../claims/slug';
import { SlugPipe } from '../claims/slug.pipe';
import { HISTORY_PAGE } from '../history/history.schema';
import { JsonResponse } from '../openapi/json-response.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { ACTOR, ACTOR_ACTIVITY, ACTORS_PAGE } from './actor.schema';
import { ActorAsOfQueryDto } from './actor-as-of-query.dto';
import { ActorsQueryDto } from './actors-query.dto';
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
import { ActorActivity, actorActivity, actorRoleOn, actorsPage, getActorProfile, Page } from '@parley/projections';
import { endOf } from '../read-models/moment';
import { readingCursor } from '../read-models/reading-cursor';
import { ApiProblem } from '../problem/problem';
import { ReadModels } from '../read-models/read-models.service';
import { ReadsFrom } from '../read-models/reads-from.decorator';
import { Reads, Requires } from '../access/access-rule.decorator';

type ActorActivityView = ActorActivity & Readonly<{ name: string; kind: string; title: string | null; represents: string | null }>;

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
    rejections: ['ACTOR.ALREADY_REGISTERED', 'ACTOR.REPRESENTS_ITSELF', 'ACTOR.UNKNOWN', 'ACTOR.VALID_FROM_WITHOUT_ROLE', 'DATE.INVALID', 'DATE.IN_FUTURE'],
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
    description:
      'Fields left out stay as they are; `null` clears an optional field. A new `title` or `represents` is a new role, held from `validFrom` ' +
      '(now if left out): earlier roles stay in `roles`, and reads with `asOf` show the role held then.',
    rejections: [
      'ACTOR.NOT_FOUND',
      'ACTOR.EMPTY_UPDATE',
      'ACTOR.REPRESENTS_ITSELF',
      'ACTOR.UNKNOWN',
      'ACTOR.VALID_FROM_WITHOUT_ROLE',
      'ACTOR.ROLE_BEFORE_CURRENT',
      'DATE.INVALID',
      'DATE.IN_FUTURE',
    ],
    noOp: 'Nothing changed: the profile already had these values; nothing was recorded',
  })
  update(@Param('id', SlugPipe) id: string, @Body() { validFrom, ...changes }: UpdateActorDto, @FromCommandRequest() request: CommandRequest): Promise<CommandOutcome> {
    const data = { actorId: id, changes: { ...changes }, ...(validFrom === undefined ? {} : { validFrom }) };
    return this.commands.execute(new StreamCommand('actor', id, { type: 'UpdateActor', data }, request));
  }

  @Get()
  @Reads()
  @ReadsFrom('actors')
  @ApiOperation({
    summary: 'Actors by id: search by name or alias, filter by kind and country, page by cursor',
    description:
      '`q` finds actors whose name or one of whose aliases contains it anywhere, ignoring case and accents (`erdogan` finds Erdoğan). ' +
      'With `asOf`, each shows the title and represents it held then.',
  })
  @JsonResponse(200, '`{ items, nextCursor }` by actor id', ACTORS_PAGE.ref)
  @ProblemResponses('READ.TOO_BROAD')
  list(@Query() { q, kind, country, cursor, limit, asOf }: ActorsQueryDto): Page<ActorView> {
    const instant = endOf(asOf, 'asOf');
    const page = readingCursor(() => actorsPage(this.readModels.context('actors'), { search: q, kind, country, after: cursor, limit }));
    return instant === undefined ? page : { ...page, items: page.items.map((actor) => actorViewOn(actor, instant.getTime())) };
  }

  @Get(':id')
  @Reads()
  @ApiOperation({ summary: 'An actor’s profile and the roles it held, now or with the role held on `asOf`; ETag is its stream revision' })
  @SlugParam('id', 'The actor’s id')
  @JsonResponse(200, 'The profile', ACTOR.ref)
  @ProblemResponses('REQUEST.INVALID', 'ACTOR.NOT_FOUND', 'STORE.UNAVAILABLE')
  async get(@Param('id', SlugPipe) id: string, @Query() { asOf }: ActorAsOfQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ActorView> {
    const instant = endOf(asOf, 'asOf');
    const { actor, revision } = await this.actors.get(id);
    void reply.header('etag', entityTag(revision));
    return instant === undefined ? actor : actorViewOn(actor, instant.getTime());
  }

  @Get(':id/activity')
  @Reads()
  @ReadsFrom('talks', 'actors')
  @ApiOperation({
    summary: 'What an actor did: visits, meetings, counterparts, countries, deals mediated, and its title and whom it represents',
    description: 'With `asOf`, `title` and `represents` are those of the role held then; the activity is that of the live claims.',
  })
  @SlugParam('id', 'The actor’s id')
  @JsonResponse(200, 'Its activity across the live claims', ACTOR_ACTIVITY.ref)
  @ProblemResponses('ACTOR.NOT_FOUND')
  activity(@Param('id', SlugPipe) id: string, @Query() { asOf }: ActorAsOfQueryDto): ActorActivityView {
    const instant = endOf(asOf, 'asOf');
    const actors = this.readModels.context('actors');
    const profile = getActorProfile(actors, id);
    if (!profile) throw new ApiProblem(404, 'ACTOR.NOT_FOUND', `No actor ${id} is registered`);
    const role =
      instant === undefined ? { title: profile.title ?? null, represents: profile.represents ?? null } : (actorRoleOn(actors, id, instant.getTime()) ?? { title: null, represents: null });
    return { ...actorActivity(this.readModels.context('talks'), id), name: profile.name, kind: profile.kind, ...role };
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
