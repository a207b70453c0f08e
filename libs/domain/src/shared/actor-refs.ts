import { rejection, Verdict } from './error-codes';

/** An actor id as a command names it, with the field it sits in (e.g. `participants[1]`). */
export type ActorRef = Readonly<{ actorId: string; field: string }>;

export const distinctActorIds = (refs: readonly ActorRef[]): readonly string[] => [...new Set(refs.map((ref) => ref.actorId))];

/** Duplicates name one actor: `[a, a, b]` is two participants. */
export const countDistinct = (ids: readonly string[]): number => new Set(ids).size;

/**
 * Every named actor must be registered; the handler looked them up and passed the ones that
 * exist. With `inScope`, only those ids are checked (a correction checks only what it names).
 */
export const checkRegistered = (
  refs: readonly ActorRef[],
  registered: ReadonlySet<string>,
  inScope?: ReadonlySet<string>,
): Verdict => {
  const unknown = refs.find((ref) => (inScope === undefined || inScope.has(ref.actorId)) && !registered.has(ref.actorId));
  return unknown && rejection('ACTOR.UNKNOWN', `Actor '${unknown.actorId}' is not registered.`, unknown.field);
};
