import type { Database } from 'better-sqlite3';
import type { AllSubscription, EventStore, RecordedEvent } from '@parley/event-store';
import { Checkpoint, CheckpointStore } from './checkpoint.store';
import { Projection, ProjectionContext, applyEvents, createSchema } from './projection';
import { projectionContext, shadowTable } from './projection-context';
import { ProjectionLogger, SILENT_LOGGER } from './projection-logger';
import { ProjectionBatch, ProjectionObserver } from './projection-observer';

export type ProjectionState = 'stopped' | 'starting' | 'catching_up' | 'live' | 'rebuilding' | 'failed';

export type ProjectionStatus = Readonly<{
  name: string;
  version: number;
  state: ProjectionState;
  /** Decimal strings: positions are 64-bit. */
  checkpoint: string;
  head: string;
  lag: string;
  generation: number;
  skipped: number;
  lastError?: string;
  rebuild?: Readonly<{ position: string; startedAt: string }>;
}>;

/** One committed batch: the checkpoint moved from `from` to `to` over `events` (every event after `from`, used or passed over). */
export type AppliedBatch = Readonly<{ from: bigint; to: bigint; events: readonly RecordedEvent[] }>;

export type AppliedListener = (batch: AppliedBatch) => void;

export type RunnerOptions = Readonly<{
  logger?: ProjectionLogger;
  now?: () => Date;
  /** Events applied per transaction while catching up. */
  batchSize?: number;
  /** Events applied per transaction while rebuilding (batchSize if given, else 2,000): fewer, larger commits load the shadow faster. */
  rebuildBatchSize?: number;
  /** How often to look whether another process swapped the tables (a CLI rebuild). */
  generationCheckMs?: number;
  /** The longest pause before retrying after a failure. */
  maxRetryDelayMs?: number;
  /** Told about every committed batch, live or rebuilding. */
  observers?: readonly ProjectionObserver[];
}>;

/**
 * Keeps one projection up to date with `$all`. Each batch of events is applied together with
 * the checkpoint in one SQLite transaction, guarded by position, so a crash or a replay never
 * applies an event twice or skips one. A rebuild fills shadow tables from position 0 while
 * the live ones keep serving, then swaps them in within one transaction.
 */
export class ProjectionRunner {
  private readonly checkpoints: CheckpointStore;
  private readonly logger: ProjectionLogger;
  private readonly now: () => Date;
  private readonly batchSize: number;
  private readonly rebuildBatchSize: number;
  private live!: ProjectionContext;
  private checkpoint: Checkpoint = { version: 0, position: 0n, generation: 0 };
  private state: ProjectionState = 'stopped';
  private skipped = 0;
  private lastError?: string;
  private rebuilding?: { position: bigint; startedAt: Date };
  private subscription?: AllSubscription;
  private following?: Promise<void>;
  private stopping = false;
  private restartRequested = false;
  private endPause?: () => void;
  private generationTimer?: NodeJS.Timeout;
  private readonly waiters = new Set<{ position: bigint; resolve: (reached: boolean) => void }>();
  private readonly appliedListeners = new Set<AppliedListener>();

  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
    readonly projection: Projection,
    private readonly options: RunnerOptions = {},
  ) {
    this.checkpoints = new CheckpointStore(db);
    this.logger = options.logger ?? SILENT_LOGGER;
    this.now = options.now ?? (() => new Date());
    this.batchSize = options.batchSize ?? 500;
    this.rebuildBatchSize = options.rebuildBatchSize ?? options.batchSize ?? 2000;
    // What the database says until start() (a CLI may only read the status, or rebuild).
    const saved = this.checkpoints.get(projection.name);
    if (saved) this.checkpoint = saved;
    this.useGeneration(this.checkpoint.generation);
  }

  /** The context queries read through: always the live tables of the current generation. */
  get context(): ProjectionContext {
    return this.live;
  }

  get position(): bigint {
    return this.checkpoint.position;
  }

  /** Creates the tables, rebuilds them first if the projection's version changed, then follows `$all`. */
  async start(): Promise<void> {
    this.state = 'starting';
    this.stopping = false;
    const saved = this.checkpoints.get(this.projection.name);
    if (!saved) {
      this.useGeneration(1);
      this.db.transaction(() => {
        createSchema(this.projection, this.live);
        this.saveCheckpoint({ version: this.projection.version, position: 0n, generation: 1 });
      })();
    } else if (saved.version !== this.projection.version) {
      this.logger.log(`Projection ${this.projection.name} changed from version ${saved.version} to ${this.projection.version}: rebuilding`);
      this.checkpoint = saved;
      this.useGeneration(saved.generation);
      await this.buildAndSwap();
    } else {
      this.checkpoint = saved;
      this.useGeneration(saved.generation);
      createSchema(this.projection, this.live);
    }
    this.following = this.follow();
    const checkEvery = this.options.generationCheckMs ?? 1000;
    this.generationTimer = setInterval(() => this.noticeForeignSwap(), checkEvery);
    this.generationTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.generationTimer);
    this.endPause?.();
    await this.subscription?.unsubscribe();
    await this.following;
    this.state = 'stopped';
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters.clear();
  }

  /** Resolves true once the checkpoint reaches `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.checkpoint.position >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /**
   * Calls `listener` after each batch is committed to the live tables, in the same turn, so a
   * query run inside it sees exactly that checkpoint (a rebuild's shadow tables say nothing).
   * Answers the function that stops it. A listener that throws is logged, never fails the batch.
   */
  onApplied(listener: AppliedListener): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  async status(): Promise<ProjectionStatus> {
    const head = await this.store.headPosition();
    const lag = head > this.checkpoint.position ? head - this.checkpoint.position : 0n;
    return {
      name: this.projection.name,
      version: this.projection.version,
      state: this.state,
      checkpoint: this.checkpoint.position.toString(),
      head: head.toString(),
      lag: lag.toString(),
      generation: this.checkpoint.generation,
      skipped: this.skipped,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
      ...(this.rebuilding ? { rebuild: { position: this.rebuilding.position.toString(), startedAt: this.rebuilding.startedAt.toISOString() } } : {}),
    };
  }

  get isRebuilding(): boolean {
    return this.rebuilding !== undefined;
  }

  /**
   * Rebuilds from position 0 into shadow tables while the live ones keep serving, then swaps
   * them in atomically. Live events keep being applied to the old tables meanwhile.
   */
  async rebuild(): Promise<void> {
    if (this.rebuilding) throw new Error(`Projection ${this.projection.name} is already rebuilding`);
    await this.buildAndSwap();
    this.requestRestart();
  }

  private async buildAndSwap(): Promise<void> {
    const previousState = this.state;
    this.state = 'rebuilding';
    // Read from the database: another process (the server, or a CLI) may have swapped since we looked.
    const generation = Math.max(this.checkpoints.get(this.projection.name)?.generation ?? 0, this.checkpoint.generation) + 1;
    const shadow = projectionContext(this.db, this.projection, 'shadow', generation);
    this.rebuilding = { position: 0n, startedAt: this.now() };
    try {
      this.db.transaction(() => {
        for (const table of this.projection.tables) this.db.exec(`DROP TABLE IF EXISTS ${shadowTable(table)}`);
        this.projection.createTables(shadow);
      })();
      // The shadow is invisible until the swap and rebuilt from the store if lost, so its bulk
      // load need not wait for the disk at every commit (in WAL mode NORMAL never corrupts) nor
      // copy the log back every 4 MB; the swap, which readers see, commits at the database's own
      // settings. (A server's other writes on this connection meanwhile share the relaxed setting.)
      const restore = this.relaxDurability();
      let position = 0n;
      try {
        for (;;) {
          const page = await this.store.readAll({ fromPosition: position, maxCount: this.rebuildBatchSize });
          // Reached the head: swap now, before anything else runs, so no event falls between.
          if (page.length === 0) break;
          const startedAt = Date.now();
          const started = performance.now();
          this.db.transaction(() => this.applyTo(shadow, page))();
          const from = position;
          position = page[page.length - 1].position;
          this.rebuilding.position = position;
          this.notifyObservers({ from, to: position, events: page.length, startedAt, durationMs: performance.now() - started, rebuilding: true });
        }
      } finally {
        restore();
      }
      this.projection.createReadIndexes?.(shadow);
      this.db.transaction(() => {
        for (const table of this.projection.tables) {
          this.db.exec(`DROP TABLE IF EXISTS ${table}`);
          this.db.exec(`ALTER TABLE ${shadowTable(table)} RENAME TO ${table}`);
        }
        this.saveCheckpoint({ version: this.projection.version, position, generation });
      })();
      this.useGeneration(generation);
      this.logger.log(`Projection ${this.projection.name} rebuilt up to position ${position}`, { generation });
      this.state = previousState === 'starting' ? 'starting' : 'catching_up';
      this.resolveWaiters();
    } catch (error) {
      this.state = previousState;
      this.lastError = error instanceof Error ? error.message : String(error);
      this.logger.error(`Rebuilding projection ${this.projection.name} failed`, { error: this.lastError });
      throw error;
    } finally {
      this.rebuilding = undefined;
    }
  }

  /**
   * Runs a live batch's transaction at synchronous=NORMAL: in WAL mode a power loss may then undo
   * the last batches, but each went with its checkpoint, so they are simply applied again from
   * the store; the store's own commits (another connection, FULL) keep their fsync. One fsync
   * per command instead of one per projection as well.
   */
  private withoutSync<T>(run: () => T): T {
    const synchronous = Number(this.db.pragma('synchronous', { simple: true }));
    if (synchronous <= 1) return run();
    this.db.pragma('synchronous = NORMAL');
    try {
      return run();
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
    }
  }

  private relaxDurability(): () => void {
    const synchronous = Number(this.db.pragma('synchronous', { simple: true }));
    const autocheckpoint = Number(this.db.pragma('wal_autocheckpoint', { simple: true }));
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('wal_autocheckpoint = 10000');
    return () => {
      this.db.pragma(`synchronous = ${synchronous}`);
      this.db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    };
  }

  /**
   * Catch up, then follow live, for as long as the runner runs. A failure (the store out of
   * reach, a batch that would not apply) rolls its transaction back, shows as `failed` with the
   * error, and is retried from the checkpoint after a growing pause: nothing is lost or skipped.
   */
  private async follow(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      this.restartRequested = false;
      try {
        await this.catchUp();
        if (this.stopping || this.restartRequested) continue;
        this.state = 'live';
        failures = 0;
        await this.followLive();
      } catch (error) {
        failures++;
        this.state = 'failed';
        this.lastError = error instanceof Error ? error.message : String(error);
        const pauseMs = Math.min(this.options.maxRetryDelayMs ?? 30_000, 100 * 2 ** Math.min(failures, 10));
        this.logger.error(`Projection ${this.projection.name} failed; retrying from its checkpoint in ${pauseMs} ms`, { error: this.lastError });
        await this.pause(pauseMs);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.endPause = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.endPause = done;
    });
  }

  /** Pages through what is already recorded, a batch per transaction. */
  private async catchUp(): Promise<void> {
    this.state = 'catching_up';
    for (;;) {
      if (this.stopping || this.restartRequested) return;
      const page = await this.store.readAll({ fromPosition: this.checkpoint.position, maxCount: this.batchSize });
      if (page.length === 0) return;
      this.applyBatch(page);
    }
  }

  /** Then each event as it is recorded; events that arrive together are applied together. */
  private async followLive(): Promise<void> {
    this.subscription = this.store.subscribeToAll({ fromPosition: this.checkpoint.position });
    const pending: RecordedEvent[] = [];
    let flush: NodeJS.Immediate | undefined;
    let failure: unknown;
    try {
      for await (const event of this.subscription) {
        if (failure) throw failure;
        if (this.stopping || this.restartRequested) break;
        pending.push(event);
        flush ??= setImmediate(() => {
          flush = undefined;
          try {
            this.applyBatch(pending.splice(0));
          } catch (error) {
            failure = error;
            void this.subscription?.unsubscribe();
          }
        });
      }
    } finally {
      if (flush) {
        clearImmediate(flush);
        if (!failure && pending.length > 0 && !this.restartRequested) this.applyBatch(pending.splice(0));
      }
      await this.subscription.unsubscribe();
    }
    if (failure) throw failure;
  }

  private applyBatch(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    const startedAt = Date.now();
    const started = performance.now();
    const batch = this.withoutSync(this.db.transaction((): AppliedBatch | 'generation_changed' => {
      const saved = this.checkpoints.get(this.projection.name);
      // Another process rebuilt and swapped the tables: what we hold in memory is stale.
      if (saved && saved.generation !== this.checkpoint.generation) return 'generation_changed';
      const from = saved?.position ?? this.checkpoint.position;
      const applied: RecordedEvent[] = [];
      let to = from;
      for (const event of events) {
        if (event.position <= to) continue;
        applied.push(event);
        to = event.position;
      }
      this.applyTo(this.live, applied);
      this.saveCheckpoint({ version: this.projection.version, position: to, generation: this.checkpoint.generation });
      return { from, to, events: applied };
    }));
    if (batch === 'generation_changed') {
      this.noticeForeignSwap();
      return;
    }
    this.resolveWaiters();
    if (batch.events.length === 0) return;
    this.notifyObservers({ from: batch.from, to: batch.to, events: batch.events.length, startedAt, durationMs: performance.now() - started, rebuilding: false });
    this.notifyApplied(batch);
  }

  private notifyObservers(batch: Omit<ProjectionBatch, 'projection'>): void {
    for (const observer of this.options.observers ?? []) {
      try {
        observer.batchCommitted({ projection: this.projection.name, ...batch });
      } catch (error) {
        this.logger.error(`An observer of projection ${this.projection.name} failed`, { error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  private notifyApplied(batch: AppliedBatch): void {
    for (const listener of this.appliedListeners) {
      try {
        listener(batch);
      } catch (error) {
        this.logger.error(`A listener of projection ${this.projection.name} failed`, { error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  /** Applies the events of the projection's types; call it inside a transaction. */
  private applyTo(context: ProjectionContext, events: readonly RecordedEvent[]): void {
    const handled = events.filter((event) => this.projection.eventTypes.includes(event.type));
    if (handled.length === 0) return;
    applyEvents(this.projection, context, handled).forEach((outcome, i) => {
      if (outcome.applied) return;
      const event = handled[i];
      this.skipped++;
      this.logger.warn(`Projection ${this.projection.name} skipped an event`, {
        eventId: event.id,
        type: event.type,
        position: event.position.toString(),
        reason: outcome.reason,
      });
    });
  }

  private saveCheckpoint(checkpoint: Checkpoint): void {
    this.checkpoints.save(this.projection.name, checkpoint, this.now());
    this.checkpoint = checkpoint;
  }

  private useGeneration(generation: number): void {
    this.checkpoint = { ...this.checkpoint, generation };
    this.live = projectionContext(this.db, this.projection, 'live', generation);
  }

  /** A CLI rebuild in another process swapped the tables: adopt them and resume from their checkpoint. */
  private noticeForeignSwap(): void {
    if (this.rebuilding || this.stopping) return;
    const saved = this.checkpoints.get(this.projection.name);
    if (!saved || saved.generation === this.checkpoint.generation) return;
    this.logger.log(`Projection ${this.projection.name} was rebuilt elsewhere; resuming from position ${saved.position}`);
    this.checkpoint = saved;
    this.useGeneration(saved.generation);
    this.requestRestart();
  }

  private requestRestart(): void {
    this.restartRequested = true;
    void this.subscription?.unsubscribe();
    this.resolveWaiters();
  }

  private resolveWaiters(): void {
    for (const waiter of this.waiters) if (this.checkpoint.position >= waiter.position) waiter.resolve(true);
  }
}
