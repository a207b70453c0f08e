import { Inject, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorStreamId, isDomainError } from '@parley/domain';
import { DuplicateEventIdError, EVENT_STORE, EventStore, RecordedEvent, WrongExpectedRevisionError } from '@parley/event-store';
import { Environment } from '../config/environment';
import { STATUS_BY_KIND } from '../problem/domain-error-status';
import { ApiProblem } from '../problem/problem';
import { AGGREGATES, AnyDecider } from './aggregates';
import { CLOCK, Clock } from './clock';
import { CommandOutcome } from './command-outcome';
import { CommandRequest } from './command-request';
import { entityTag, satisfies } from './entity-tag';
import { commandIdentity, CommandIdentity, eventMetadata } from './event-metadata';
import { IdempotencyStore } from './idempotency.store';
import { StreamCommand } from './stream-command';

/** Another write got in between our read and our append: decide again on the new state. */
class LostRace extends Error {}

/** The one handler for every stream: read → fold → decide → append with the revision read. */
@CommandHandler(StreamCommand)
export class StreamCommandHandler implements ICommandHandler<StreamCommand, CommandOutcome> {
  private readonly attempts: number;
  private readonly logger = new Logger(StreamCommandHandler.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly idempotency: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    config: ConfigService<Environment, true>,
  ) {
    this.attempts = config.get('PARLEY_CONFLICT_RETRIES', { infer: true });
  }

  async execute(command: StreamCommand): Promise<CommandOutcome> {
    const { idempotencyKey, fingerprint } = command.request;
    if (idempotencyKey !== undefined) {
      const earlier = this.idempotency.find(idempotencyKey);
      if (earlier) return replay(earlier.fingerprint, fingerprint, earlier.outcome);
    }
    const identity = commandIdentity(command.request);
    const outcome = await this.decideWithRetries(command, identity);
    if (idempotencyKey !== undefined && !outcome.replayed) this.rememberIfPossible(idempotencyKey, fingerprint, outcome);
    return outcome;
  }

  /**
   * The events are committed: failing now (a full disk, say) would answer an error for a
   * recorded command. Without the record a retry still finds the events by their ids.
   */
  private rememberIfPossible(key: string, fingerprint: string, outcome: CommandOutcome): void {
    try {
      this.idempotency.remember(key, fingerprint, outcome, this.clock());
    } catch (error) {
      this.logger.warn(`Idempotency-Key ${key} not remembered (its events are recorded): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async decideWithRetries(command: StreamCommand, identity: CommandIdentity): Promise<CommandOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.decideOnce(command, identity);
      } catch (error) {
        if (!(error instanceof LostRace)) throw error;
        if (attempt >= this.attempts) {
          throw new ApiProblem(409, 'CONCURRENCY.CONFLICT', `Other writes to this stream got in first ${attempt} times; retry the command`);
        }
        await backOff(attempt);
      }
    }
  }

  private async decideOnce(command: StreamCommand, identity: CommandIdentity): Promise<CommandOutcome> {
    const { streamId: streamIdOf } = AGGREGATES[command.aggregate];
    const decider: AnyDecider = AGGREGATES[command.aggregate].decider;
    const streamId = streamIdOf(command.id);
    const recorded = await this.store.readStream(streamId);
    const revision = recorded.length === 0 ? -1 : recorded[recorded.length - 1].revision;

    const earlier = recorded.filter((event) => event.metadata.commandId === identity.commandId);
    if (earlier.length > 0) return replay(String(earlier[0].metadata.requestFingerprint), command.request.fingerprint, outcomeOf(streamId, earlier));

    const { ifMatch } = command.request;
    if (ifMatch && !satisfies(ifMatch, revision)) throw preconditionFailed(streamId, revision);

    const state = fold(decider, recorded);
    const registeredActors = await this.registeredAmong(decider.referencedActors(command.command, state));
    const decision = decider.decide({ ...command.command, metadata: { now: this.clock(), registeredActors } }, state);
    if (isDomainError(decision)) {
      throw new ApiProblem(STATUS_BY_KIND[decision.kind], decision.code, decision.message, {
        ...(decision.field === undefined ? {} : { errors: [{ field: decision.field, message: decision.message }] }),
      });
    }
    if (decision.length === 0) {
      const position = recorded.length === 0 ? 0n : recorded[recorded.length - 1].position;
      return { status: 200, replayed: false, body: { streamId, revision, position: position.toString(), events: [] } };
    }

    const metadata = eventMetadata(command.request, identity);
    const events = decision.map((event: { type: string; data: object }, index: number) => ({
      id: identity.eventId(index),
      type: event.type,
      data: event.data,
      metadata,
    }));
    try {
      const result = await this.store.appendToStream(streamId, events, { expectedRevision: revision === -1 ? 'no_stream' : revision });
      return {
        status: 201,
        replayed: false,
        body: {
          streamId,
          revision: result.nextExpectedRevision,
          position: result.position.toString(),
          events: events.map(({ id, type }) => ({ id, type })),
        },
      };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) {
        if (ifMatch) throw preconditionFailed(streamId, typeof error.actual === 'number' ? error.actual : -1);
        throw new LostRace();
      }
      if (error instanceof DuplicateEventIdError) throw keyReused();
      throw error;
    }
  }

  private async registeredAmong(actorIds: readonly string[]): Promise<ReadonlySet<string>> {
    const found = await Promise.all(
      [...new Set(actorIds)].map(async (id) => {
        const last = await this.store.readStream(actorStreamId(id), { direction: 'backwards', maxCount: 1 });
        return last.length > 0 ? id : undefined;
      }),
    );
    return new Set(found.filter((id): id is string => id !== undefined));
  }
}

/**
 * Writers that lost the same race would otherwise retry in lockstep and lose again; a random
 * wait, growing with each loss (full jitter), lets them take turns. Over a networked store
 * (EventStoreDB) a read-decide-append takes milliseconds, so this is what keeps bursts on
 * one stream from running out of attempts.
 */
const backOff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));

function fold(decider: AnyDecider, recorded: readonly RecordedEvent[]): unknown {
  return recorded.reduce((state, { id, type, data }) => decider.evolve(state, { id, type, data }), decider.initialState());
}

function outcomeOf(streamId: string, events: readonly RecordedEvent[]): CommandOutcome {
  const last = events[events.length - 1];
  return {
    status: 201,
    replayed: true,
    body: { streamId, revision: last.revision, position: last.position.toString(), events: events.map(({ id, type }) => ({ id, type })) },
  };
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
