import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EVENT_STORE, EventStore } from '@parley/event-store';
import { AppliedListener, Projection, ProjectionContext, ProjectionLogger, ProjectionRunner, ProjectionStatus, setReadBudget } from '@parley/projections';
import type { Database } from 'better-sqlite3';
import { Environment } from '../config/environment';
import { Metrics } from '../observability/metrics';
import { projectionTelemetry } from '../observability/projection-telemetry';
import { ApiProblem } from '../problem/problem';
import { LOCAL_DATABASE } from '../store/local-database.module';

export const PROJECTIONS = Symbol('PROJECTIONS');

/** The read side: one runner per projection, started with the app and stopped before the database closes. */
@Injectable()
export class ReadModels implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly runners: ReadonlyMap<string, ProjectionRunner>;
  private readonly waitMs: number;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(LOCAL_DATABASE) database: Database,
    @Inject(PROJECTIONS) projections: readonly Projection[],
    config: ConfigService<Environment, true>,
    metrics: Metrics,
  ) {
    const logger: ProjectionLogger = {
      log: (message, details) => this.logger.log({ ...details, msg: message }),
      warn: (message, details) => this.logger.warn({ ...details, msg: message }),
      error: (message, details) => this.logger.error({ ...details, msg: message }),
    };
    this.runners = new Map(projections.map((projection) => [projection.name, new ProjectionRunner(store, database, projection, { logger, observers: [projectionTelemetry(metrics)] })]));
    this.waitMs = config.get('PARLEY_READ_WAIT_MS', { infer: true });
    setReadBudget(database, config.get('PARLEY_READ_BUDGET_ROWS', { infer: true }));
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const runner of this.runners.values()) await runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  /** The live tables a query reads. */
  context(name: string): ProjectionContext {
    return this.runner(name).context;
  }

  /** The position a projection's live tables reflect. */
  position(name: string): bigint {
    return this.runner(name).position;
  }

  /** Told about each batch a projection commits; answers the function that stops it. */
  onApplied(name: string, listener: AppliedListener): () => void {
    return this.runner(name).onApplied(listener);
  }

  statuses(): Promise<ProjectionStatus[]> {
    return Promise.all([...this.runners.values()].map((runner) => runner.status()));
  }

  status(name: string): Promise<ProjectionStatus> {
    return this.runner(name).status();
  }

  /** Starts a rebuild in the background; its progress shows in the projection's status. */
  startRebuild(name: string): void {
    const runner = this.runner(name);
    if (runner.isRebuilding) throw new ApiProblem(409, 'PROJECTION.REBUILDING', `Projection ${name} is already rebuilding`);
    runner.rebuild().catch((error: unknown) => this.logger.error({ msg: `Rebuild of ${name} failed`, error: String(error) }));
  }

  /** Resolves once every named projection includes `position`; a 503 problem after the configured wait. */
  async awaitPosition(position: bigint, names: readonly string[]): Promise<void> {
    const runners = names.map((name) => this.runner(name));
    const reached = await Promise.all(runners.map((runner) => runner.waitFor(position, this.waitMs)));
    if (reached.every(Boolean)) return;
    const behind = runners.reduce((lowest, runner) => (runner.position < lowest ? runner.position : lowest), position);
    throw new ApiProblem(503, 'READ_MODEL.BEHIND', `The read models reached position ${behind}, not yet ${position}`, {
      minPosition: position.toString(),
      position: behind.toString(),
      headers: { 'retry-after': '1' },
    });
  }

  private runner(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw new ApiProblem(404, 'PROJECTION.NOT_FOUND', `No projection ${name}`);
    return runner;
  }
}
