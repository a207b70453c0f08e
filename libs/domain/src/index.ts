// The pure domain of Parley: events, commands, deciders and their rules. No framework, no I/O.

export * from './shared/claim';
export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/error-codes';
export * from './shared/event';
export { SnapshotFormError, finished } from './shared/state-snapshot';
export type { StateCodec } from './shared/state-snapshot';
export * from './shared/ids';
export { parseIsoDate, periodOf, isWhollyBefore, rangeOf } from './shared/dates';
export type { ParsedDate, Period } from './shared/dates';
export { canCarry } from './shared/dates';
export { countsFrom } from './shared/date.rules';
export type { Dated } from './shared/date.rules';

export * from './talks/talks.events';
export * from './talks/talks.commands';
export { talksDecider } from './talks/talks.decider';
export { evolveAllTalks, evolveTalks, initialTalksState } from './talks/talks.state';
export { ENGAGING_CLAIM_TYPES, LIFECYCLE_CLAIM_TYPES, OPENED_LIFECYCLE, isEngaging, lifecycleAfter, movesLifecycle } from './talks/talks.lifecycle';
export type { EngagingClaimType, LifecycleClaimType, LifecycleFacts } from './talks/talks.lifecycle';
export type {
  CeasefireRecord,
  ClaimRecord,
  MeetingRecord,
  NotOpenedTalks,
  OpenedTalks,
  SwapRecord,
  TalksFacts,
  TalksLifecycle,
  TalksState,
} from './talks/talks.state';
export { TALKS_SNAPSHOT_VERSION, decodeTalksState, encodeTalksState } from './talks/talks.snapshot';
export { CLAIM_FIELDS, mergeChanges } from './talks/claim.fields';
export type { FieldSpec } from './talks/claim.fields';

export * from './actors/actor.events';
export * from './actors/actor.commands';
export { actorDecider } from './actors/actor.decider';
export { actorViewOf, actorViewOn, applyProfileChanges, evolveActor, initialActorState } from './actors/actor.state';
export { roleDatePeriod, roleOn, rolePeriods, rolesOfPeriods } from './actors/actor.roles';
export type { ActorRole, RolePeriod } from './actors/actor.roles';
export { actorUpcasters } from './actors/actor.upcasters';
export { ACTOR_SNAPSHOT_VERSION } from './actors/actor.snapshot';
export type { ActorState, ActorView, RegisteredActor, UnregisteredActor } from './actors/actor.state';

export type { StoredData, Upcaster, UpcasterTable } from './upcasting/upcaster';
export { upcasterRegistry } from './upcasting/upcaster-registry';
export type { Upcasted, UpcasterRegistry } from './upcasting/upcaster-registry';
export { EVENT_UPCASTERS } from './upcasting/event-upcasters';
