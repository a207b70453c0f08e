import { SnapshotFormError, StateCodec, isString, parseForm } from '../shared/state-snapshot';
import type { ActorState } from './actor.state';

/**
 * The snapshot form of an actor's state: the state itself, which is plain data. Bump on any
 * change to its shape, to `evolveActor`, or to the actor upcasters (see StateCodec).
 */
export const ACTOR_SNAPSHOT_VERSION = 1;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const decodeActorState = (form: unknown): ActorState => {
  if (!isObject(form)) throw new SnapshotFormError('an actor state');
  if (form.status === 'unregistered') return { status: 'unregistered' };
  const registered = form.status === 'registered' && isString(form.actorId) && isObject(form.profile) && Array.isArray(form.roles);
  if (!registered || !isString(form.registeredAt) || !isString(form.updatedAt)) throw new SnapshotFormError('a registered actor');
  return form as ActorState;
};

export const actorStateCodec: StateCodec<ActorState> = {
  version: ACTOR_SNAPSHOT_VERSION,
  encode: (state) => JSON.stringify(state),
  decode: (text) => decodeActorState(parseForm(text)),
};
