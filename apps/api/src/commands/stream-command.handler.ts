import { Inject, Logger, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Context, context } from '@opentelemetry/api';
import { isDomainError } from '@parley/domain';
import { AppendTooLargeError, DuplicateEventIdError, EVENT_STORE, EventStore, EventToAppend, RecordedEvent, WrongExpectedRevisionError } from '@parley/event-store';
import { Environment } from '../config/environment';
import { commandOutcomeLabel } from '../observability/command-outcome-label';
import { Metrics } from '../observability/metrics';
import { inSpan } from '../observability/spans';
import { STATUS_BY_KIND } from '../problem/domain-error-status';
import { ApiProblem } from '../problem/problem';
import { AGGREGATES, AnyDecider } from './aggregates';
import { CLOCK, Clock } from './clock';
import { CommandOutcome } from './command-outcome';
import { entityTag, satisfies } from './entity-tag';
import { commandIdentity, CommandIdentity, eventMetadata } from './event-metadata';
import { IdempotencyStore } from './idempotency.store';
import { KeyedBatchQueue } from './keyed-batch-queue';
import { RegisteredActors } from './registered-actors';
import { StreamCommand } from './stream-command';
import { KeyedCommand, StreamSnapshot, advance } from './stream-snapshot';
import { StreamStateCache } from './stream-state.cache';

/** One command waiting for its stream's turn. */
type Job = {
  readonly command: StreamCommand;
  readonly identity: CommandIdentity;
  /** The trace of the request that sent it: a batch's spans are drawn in its first job's. */
  readonly traceContext: Context;
  /** Races lost to writers in other processes so far. */
  losses: number;
  /** Decide and append it in a batch of its own (its ids collided with a stored event). */
  alone: boolean;
  readonly resolve: (outcome: CommandOutcome) => void;
  readonly reject: (error: unknown) => void;
};

/** A command decided in a batch: its events, and the stream's revision once they are appended. */
type Planned = Readonly<{ job: Job; events: EventToAppend[]; revision: number }>;

/** A batch decided: what to append, what waits for the next batch, and answers owed now. */
type Plan = { planned: Planned[]; later: Job[]; settled: (() => void)[]; state: unknown };

const STALE = Symbol('decided on a snapshot that may be behind the stream');

// Enough to empty a burst of concurrent writers in one append; small enough to keep a batch's
// decide loop from holding the event loop.
const MAX_BATCH = 100;

/**
 * The one handler for every stream: fold → decide → append with the revision folded. A stream's
 * commands queue inside this process, so its writers never race one another: those that arrive
 * while an append is in flight are decided one after another on the state the earlier ones leave,
 * and appended together in the next append. The state is cached (StreamStateCache): a batch is
 * decided on it without a read, as this process wrote everything it knows of; writers in other
 * processes may have written since, which the append's expected revision catches, and then the
 * batch is decided again on the tail read after the snapshot. A refusal is only ever answered
 * from a state just checked against the store.
 */
@CommandHandler(StreamCommand)
export class StreamCommandHandler implements ICommandHandler<StreamCommand, CommandOutcome> {
  private readonly attempts: number;
  private readonly logger = new Logger(StreamCommandHandler.name);
  private readonly lanes = new KeyedBatchQueue<Job>((streamId, jobs) => this.runBatch(streamId, jobs), MAX_BATCH);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly idempotency: IdempotencyStore,
    private readonly states: StreamStateCache,
    private readonly actors: RegisteredActors,
    @Inject(CLOCK) private readonly clock: Clock,
    config: ConfigService<Environment, true>,
    @Optional() private readonly metrics?: Metrics,
  ) {
    this.attempts = config.get('PARLEY_CONFLICT_RETRIES', { infer: true });
  }

  async execute(command: StreamCommand): Promise<CommandOutcome> {
    const labels = { aggregate: command.aggregate, command: command.command.type };
    try {
      const outcome = await this.executeOnce(command);
      this.metrics?.commands.inc({ ...labels, outcome: commandOutcomeLabel(outcome) });
      return outcome;
    } catch (error) {
      this.metrics?.commands.inc({ ...labels, outcome: commandOutcomeLabel(error) });
      throw error;
    }
  }

  private async executeOnce(command: StreamCommand): Promise<CommandOutcome> {
    const { idempotencyKey, fingerprint } = command.request;
    const identity = commandIdentity(command.request);
    // Records are kept by command id: derived from the caller, the route and the key, never the key alone.
    if (idempotencyKey !== undefined) {
      const earlier = this.idempotency.find(identity.commandId);
      if (earlier) return replay(earlier.fingerprint, fingerprint, earlier.outcome);
    }
    const streamId = AGGREGATES[command.aggregate].streamId(command.id);
    const outcome = await new Promise<CommandOutcome>((resolve, reject) =>
      this.lanes.enqueue(streamId, { command, identity, traceContext: context.active(), losses: 0, alone: false, resolve, reject }),
    );
    if (idempotencyKey !== undefined && !outcome.replayed) this.rememberIfPossible(identity.commandId, fingerprint, outcome);
    return outcome;
  }

  /**
   * The events are committed: failing now (a full disk, say) would answer an error for a
   * recorded command. Without the record a retry still finds the events by their command id.
   */
  private rememberIfPossible(commandId: string, fingerprint: string, outcome: CommandOutcome): void {
    try {
      this.idempotency.remember(commandId, fingerprint, outcome, this.clock());
    } catch (error) {
      this.logger.warn(`Command ${commandId} (sent with an Idempotency-Key) not remembered (its events are recorded): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Settles or returns every job; never throws. */
  private async runBatch(streamId: string, jobs: readonly Job[]): Promise<readonly Job[]> {
    const again: Job[] = [];
    for (const job of jobs.filter((j) => j.alone)) again.push(...(await this.decideAndAppend(streamId, [job])));
    const together = jobs.filter((j) => !j.alone);
    if (together.length > 0) again.push(...(await this.decideAndAppend(streamId, together)));
    return again;
  }

  /** In the trace of the batch's first request, so that its read, fold and append are drawn there. */
  private decideAndAppend(streamId: string, jobs: readonly Job[]): Promise<readonly Job[]> {
    return context.with(jobs[0].traceContext, () => this.decideAndAppendNow(streamId, jobs));
  }

  private async decideAndAppendNow(streamId: string, jobs: readonly Job[]): Promise<readonly Job[]> {
    const decider: AnyDecider = AGGREGATES[jobs[0].command.aggregate].decider;
    // Ids derived from an Idempotency-Key may already be stored by another process: such a
    // batch starts from the store's tail, so its key is found rather than appended over.
    const trusting = jobs.every((job) => job.command.request.idempotencyKey === undefined);
    try {
      const held = trusting ? this.states.held(streamId) : undefined;
      if (held) {
        const plan = await this.plan(streamId, decider, held, jobs, false);
        if (plan !== STALE) return await this.settle(streamId, held, plan);
      }
      const snapshot = await this.states.load(streamId, decider);
      return await this.settle(streamId, snapshot, (await this.plan(streamId, decider, snapshot, jobs, true)) as Plan);
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return [];
    }
  }

  /**
   * Decides each job in turn on the state the earlier ones leave. On a snapshot not known to be
   * the stream's head (`verified` false) only acceptances stand, since the append's expected
   * revision checks them: a refusal or a no-op might be answered by events not yet read, so the
   * whole batch is decided again on the head (STALE).
   */
  private async plan(streamId: string, decider: AnyDecider, snapshot: StreamSnapshot, jobs: readonly Job[], verified: boolean): Promise<Plan | typeof STALE> {
    const plan: Plan = { planned: [], later: [], settled: [], state: snapshot.state };
    let revision = snapshot.revision;
    for (const job of jobs) {
      const { request } = job.command;
      if (request.idempotencyKey !== undefined) {
        const earlier = snapshot.keyedCommands.get(job.identity.commandId);
        if (earlier) {
          plan.settled.push(() => job.resolve(replay(earlier.fingerprint, request.fingerprint, outcomeOfKeyed(streamId, earlier))));
          continue;
        }
        // The same key twice in one batch: the second finds the first's events once they are in.
        if (plan.planned.some((p) => p.job.identity.commandId === job.identity.commandId)) {
          plan.later.push(job);
          continue;
        }
      }
      if (request.ifMatch && !satisfies(request.ifMatch, revision)) {
        // Judged against events not yet appended, a mismatch may not stand: ask again once they are.
        if (plan.planned.length > 0) plan.later.push(job);
        else if (!verified) return STALE;
        else plan.settled.push(() => job.reject(preconditionFailed(streamId, revision)));
        continue;
      }
      let events: EventToAppend[];
      try {
        events = await context.with(job.traceContext, () =>
          inSpan('decide', { 'parley.command': job.command.command.type, 'parley.stream_id': streamId }, () => this.decide(job, decider, plan.state)),
        );
      } catch (error) {
        if (!verified) return STALE;
        plan.settled.push(() => job.reject(error));
        continue;
      }
      if (events.length === 0 && plan.planned.length === 0) {
        if (!verified) return STALE;
        const position = snapshot.position.toString();
        plan.settled.push(() => job.resolve({ status: 200, replayed: false, body: { streamId, revision, position, events: [] } }));
        continue;
      }
      for (const event of events) plan.state = decider.evolve(plan.state, { id: event.id, type: event.type, data: event.data });
      revision += events.length;
      plan.planned.push({ job, events, revision });
    }
    return plan;
  }

  private async settle(streamId: string, snapshot: StreamSnapshot, plan: Plan): Promise<readonly Job[]> {
    for (const answer of plan.settled) answer();
    if (plan.planned.length === 0) return plan.later;
    return [...(await this.append(streamId, snapshot, plan.state, plan.planned)), ...plan.later];
  }

  private async decide(job: Job, decider: AnyDecider, state: unknown): Promise<EventToAppend[]> {
    const { command, request } = job.command;
    const registeredActors = await this.actors.among(decider.referencedActors(command, state));
    const decision = decider.decide({ ...command, metadata: { ...job.command.context, now: this.clock(), registeredActors } }, state);
    if (isDomainError(decision)) {
      throw new ApiProblem(STATUS_BY_KIND[decision.kind], decision.code, decision.message, {
        ...(decision.field === undefined ? {} : { errors: [{ field: decision.field, message: decision.message }] }),
      });
    }
    return decision.map((event: { type: string; data: object }, index: number) => ({
      id: job.identity.eventId(index),
      type: event.type,
      data: event.data,
      metadata: eventMetadata(request, job.identity, event.type),
    }));
  }

  private async append(streamId: string, snapshot: StreamSnapshot, state: unknown, planned: readonly Planned[]): Promise<readonly Job[]> {
    const events = planned.flatMap((p) => p.events);
    try {
      const expectedRevision = snapshot.revision === -1 ? 'no_stream' : snapshot.revision;
      const result = await inSpan('append', { 'parley.stream_id': streamId, 'parley.events': events.length, 'parley.commands': planned.length }, () =>
        this.store.appendToStream(streamId, events, { expectedRevision }),
      );
      const decider = AGGREGATES[planned[0].job.command.aggregate].decider;
      this.states.keep(streamId, advance(snapshot, state, recordedAs(streamId, events, snapshot.revision, result.positions)), decider);
      let appended = 0;
      for (const { job, events: own, revision } of planned) {
        appended += own.length;
        // Each command is told where its own last event is (a command with none: where the
        // stream stood when it was decided), whatever else went out in the same append.
        const position = result.positions[appended - 1];
        job.resolve({
          status: own.length === 0 ? 200 : 201,
          replayed: false,
          body: { streamId, revision, position: position.toString(), events: own.map(({ id, type }) => ({ id, type })) },
        });
      }
      return [];
    } catch (error) {
      // The snapshot is still a fold of committed events; it just may not be the head any more.
      this.states.doubt(streamId);
      return this.afterFailedAppend(streamId, planned, error);
    }
  }

  private async afterFailedAppend(streamId: string, planned: readonly Planned[], error: unknown): Promise<readonly Job[]> {
    const again: Job[] = [];
    if (error instanceof DuplicateEventIdError) {
      // One command's ids are taken: only a batch of its own tells which, and keeps the others' writes.
      if (planned.length > 1) return planned.map(({ job }) => Object.assign(job, { alone: true }));
      planned[0].job.reject(keyReused());
      return [];
    }
    // Commands batched together may pass the store's size limit where none alone does: each alone says which.
    if (error instanceof AppendTooLargeError && planned.length > 1) return planned.map(({ job }) => Object.assign(job, { alone: true }));
    if (!(error instanceof WrongExpectedRevisionError)) {
      for (const { job } of planned) job.reject(error);
      return [];
    }
    for (const { job } of planned) {
      if (job.command.request.ifMatch) job.reject(preconditionFailed(streamId, typeof error.actual === 'number' ? error.actual : -1));
      else if (++job.losses >= this.attempts) {
        job.reject(new ApiProblem(409, 'CONCURRENCY.CONFLICT', `Other writes to this stream got in first ${job.losses} times; retry the command`));
      } else again.push(job);
    }
    if (again.length > 0) await backOff(Math.max(...again.map((job) => job.losses)));
    return again;
  }
}

/**
 * Writers in other processes that lost the same race would otherwise retry in lockstep and lose
 * again; a random wait, growing with each loss (full jitter), lets them take turns.
 */
const backOff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));

/** The events just appended as the store recorded them, as far as the snapshot needs to know. */
function recordedAs(streamId: string, events: readonly EventToAppend[], before: number, positions: readonly bigint[]): RecordedEvent[] {
  const recordedAt = new Date(0);
  return events.map((event, index) => ({
    ...event,
    streamId,
    revision: before + index + 1,
    position: positions[index],
    metadata: event.metadata ?? {},
    recordedAt,
  }));
}

function outcomeOfKeyed(streamId: string, earlier: KeyedCommand): CommandOutcome {
  return { status: 201, replayed: true, body: { streamId, revision: earlier.revision, position: earlier.position.toString(), events: earlier.events } };
}

function replay(earlierFingerprint: string, fingerprint: string, outcome: CommandOutcome): CommandOutcome {
  if (earlierFingerprint !== fingerprint) throw keyReused();
  return { ...outcome, replayed: true };
}

const keyReused = (): ApiProblem =>
  new ApiProblem(422, 'IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used for a different request');

const preconditionFailed = (streamId: string, revision: number): ApiProblem =>
  new ApiProblem(
    412,
    'PRECONDITION.FAILED',
    revision === -1 ? `Stream ${streamId} does not exist yet` : `Stream ${streamId} is at revision ${revision}`,
    { currentRevision: revision, headers: revision === -1 ? {} : { etag: entityTag(revision) } },
  );
