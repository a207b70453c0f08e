import { hostname } from 'node:os';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeyGuard } from './access/api-key.guard';
import { FirstAdminKey } from './access/first-admin-key';
import { KeysController } from './access/keys.controller';
import { WriteLimitStorage } from './access/write-limit.storage';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { ActorReader } from './actors/actor.view';
import { ActorsController } from './actors/actors.controller';
import { CeasefiresController } from './ceasefires/ceasefires.controller';
import { ClaimChangesValidator } from './claims/claim-changes.validator';
import { ClaimsController } from './claims/claims.controller';
import { IncidentsController } from './incidents/incidents.controller';
import { OtherTrackClaims } from './claims/other-track-claims';
import { RecordedLinks } from './claims/recorded-links';
import { CLOCK, systemClock } from './commands/clock';
import { CommandResponseInterceptor } from './commands/command-response.interceptor';
import { PersistedSnapshots } from './commands/persisted-snapshots';
import { RegisteredActors } from './commands/registered-actors';
import { StreamCommandHandler } from './commands/stream-command.handler';
import { StreamStateCache } from './commands/stream-state.cache';
import { Environment, validateEnvironment } from './config/environment';
import { HealthModule } from './health/health.module';
import { ReadinessController } from './health/readiness.controller';
import { ObservabilityModule } from './observability/observability.module';
import { ScrapeGauges } from './observability/scrape-gauges';
import { requestLogOptions } from './observability/request-log';
import { StreamHistory } from './history/stream-history';
import { MeetingsController } from './meetings/meetings.controller';
import { PrisonerSwapsController } from './prisoner-swaps/prisoner-swaps.controller';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { ProblemsController } from './problem/problems.controller';
import { EventStoreModule } from './store/event-store.module';
import { LocalDatabaseModule } from './store/local-database.module';
import { TalksHistoryController } from './talks/talks-history.controller';
import { TalksController } from './talks/talks.controller';
import { EventsController } from './events/events.controller';
import { ProjectionsController } from './read-models/projections.controller';
import { ALL_PROJECTIONS } from './read-models/projections';
import { PROJECTIONS, ReadModels } from './read-models/read-models.service';
import { ReadYourWritesInterceptor } from './read-models/read-your-writes.interceptor';
import { ReleasesController } from './releases/releases.controller';
import { TalksStatusController } from './talks/talks-status.controller';
import { TimelineController } from './timeline/timeline.controller';
import { CodebooksController } from './codebooks/codebooks.controller';
import { EventFeed } from './subscriptions/event-feed.service';
import { SseConnections } from './subscriptions/sse-connections.service';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { TalksStatusFeed } from './subscriptions/talks-status-feed.service';

export type AppOptions = Readonly<{
  /** Settings that win over the process environment (tests use them). */
  env?: Readonly<Record<string, string>>;
}>;

@Module({})
export class AppModule {
  static forRoot({ env = {} }: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Loaded, not `validate`d: Nest's validate hook copies every setting into process.env, where
        // it would outlive this app (and leak into the next one a test starts).
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validatePredefined: false,
          skipProcessEnv: true,
          load: [() => ({ ...validateEnvironment({ ...process.env, ...env }) })],
        }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) => ({
            pinoHttp: {
              level: config.get('LOG_LEVEL', { infer: true }),
              ...requestLogOptions(config.get('LOG_LEVEL', { infer: true })),
              // On the root logger, not customProps: that costs a child logger on every request.
              base: { pid: process.pid, hostname: hostname(), service: 'parley-api' },
            },
          }),
        }),
        CqrsModule.forRoot(),
        ThrottlerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) => ({
            throttlers: [{ ttl: 60_000, limit: config.get('PARLEY_WRITE_LIMIT', { infer: true }) }],
            storage: new WriteLimitStorage(),
          }),
        }),
        ObservabilityModule,
        EventStoreModule,
        LocalDatabaseModule,
        HealthModule,
      ],
      controllers: [
        TalksController,
        TalksStatusController,
        TalksHistoryController,
        TimelineController,
        CodebooksController,
        ReleasesController,
        EventsController,
        SubscriptionsController,
        ProjectionsController,
        KeysController,
        MeetingsController,
        PrisonerSwapsController,
        CeasefiresController,
        ClaimsController,
        IncidentsController,
        ActorsController,
        ProblemsController,
        ReadinessController,
      ],
      providers: [
        StreamCommandHandler,
        StreamStateCache,
        PersistedSnapshots,
        RegisteredActors,
        StreamHistory,
        ActorReader,
        ClaimChangesValidator,
        OtherTrackClaims,
        RecordedLinks,
        ReadModels,
        ReadYourWritesInterceptor,
        SseConnections,
        EventFeed,
        TalksStatusFeed,
        ScrapeGauges,
        { provide: PROJECTIONS, useValue: ALL_PROJECTIONS },
        { provide: CLOCK, useValue: systemClock },
        FirstAdminKey,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: CommandResponseInterceptor },
      ],
    };
  }
}
