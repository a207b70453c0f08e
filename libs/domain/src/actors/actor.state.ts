import { Identified } from '../shared/event';
import { ActorEvent, ActorProfile, ActorUpdated } from './actor.events';

export type UnregisteredActor = Readonly<{ status: 'unregistered' }>;

export type RegisteredActor = Readonly<{
  status: 'registered';
  actorId: string;
  profile: ActorProfile;
  registeredAt: string;
  updatedAt: string;
}>;

export type ActorState = UnregisteredActor | RegisteredActor;

/** An actor as readers see it: its profile, id and when it was registered and last changed. */
export type ActorView = ActorProfile & Readonly<{ actorId: string; registeredAt: string; updatedAt: string }>;

export const initialActorState = (): ActorState => ({ status: 'unregistered' });

const OPTIONAL_FIELDS = ['country', 'title', 'represents'] as const;

/** The profile with the changes applied: a given value replaces, `null` clears an optional field. */
export const applyProfileChanges = (profile: ActorProfile, changes: ActorUpdated['data']['changes']): ActorProfile => {
  const next: Record<string, unknown> = { ...profile };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) {
      if ((OPTIONAL_FIELDS as readonly string[]).includes(key)) delete next[key];
      continue;
    }
    next[key] = value;
  }
  return next as ActorProfile;
};

/** Never throws: an update before the registration, or a second registration, changes nothing. */
export const evolveActor = (state: ActorState, event: Identified<ActorEvent>): ActorState => {
  switch (event.type) {
    case 'ActorRegistered': {
      if (state.status === 'registered') return state;
      const { actorId, registeredAt, ...profile } = event.data;
      return { status: 'registered', actorId, profile, registeredAt, updatedAt: registeredAt };
    }
    case 'ActorUpdated':
      return state.status === 'registered'
        ? { ...state, profile: applyProfileChanges(state.profile, event.data.changes ?? {}), updatedAt: event.data.updatedAt }
        : state;
    default: {
      const _exhaustive: never = event;
      // A type from a newer version of this code: nothing here knows how to apply it.
      void _exhaustive;
      return state;
    }
  }
};

/** The reader's view of a registered actor, or undefined. */
export const actorViewOf = (state: ActorState): ActorView | undefined =>
  state.status === 'registered'
    ? { ...state.profile, actorId: state.actorId, registeredAt: state.registeredAt, updatedAt: state.updatedAt }
    : undefined;
