import { actorDecider, actorStreamId, Decider, talksDecider, talksStreamId } from '@parley/domain';

/** Every stream kind the generic handler can decide for: its decider and how its stream is named. */
export const AGGREGATES = {
  talks: { decider: talksDecider, streamId: talksStreamId },
  actor: { decider: actorDecider, streamId: actorStreamId },
} as const;

export type AggregateName = keyof typeof AGGREGATES;

// The handler works on any decider; the concrete command and event types are the controllers' business.
export type AnyDecider = Decider<any, any, any>;
