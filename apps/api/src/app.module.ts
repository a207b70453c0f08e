import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { ActorReader } from './actors/actor.view';
import { ActorsController } from './actors/actors.controller';
import { CeasefiresController } from './ceasefires/ceasefires.controller';
import { ClaimChangesValidator } from './claims/claim-changes.validator';
import { ClaimsController } from './claims/claims.controller';
import { CLOCK, systemClock } from './commands/clock';
import { CommandResponseInterceptor } from './commands/command-response.interceptor';
import { StreamCommandHandler } from './commands/stream-command.handler';
import { Environment, validateEnvironment } from './config/environment';
import { HealthModule } from './health/health.module';
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
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: (raw) => ({ ...validateEnvironment({ ...raw, ...env }) }) }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) => ({
            pinoHttp: {
              level: config.get('LOG_LEVEL', { infer: true }),
              redact: ['req.headers.authorization'],
              customProps: () => ({ service: 'parley-api' }),
            },
          }),
        }),
        CqrsModule.forRoot(),
        EventStoreModule,
        LocalDatabaseModule,
        HealthModule,
      ],
      controllers: [
        TalksController,
        TalksStatusController,
        TalksHistoryController,
        TimelineController,
        ReleasesController,
        EventsController,
        ProjectionsController,
        MeetingsController,
        PrisonerSwapsController,
        CeasefiresController,
        ClaimsController,
        ActorsController,
        ProblemsController,
      ],
      providers: [
        StreamCommandHandler,
        StreamHistory,
        ActorReader,
        ClaimChangesValidator,
        ReadModels,
        ReadYourWritesInterceptor,
        { provide: PROJECTIONS, useValue: ALL_PROJECTIONS },
        { provide: CLOCK, useValue: systemClock },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: CommandResponseInterceptor },
      ],
    };
  }
}
