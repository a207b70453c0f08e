import { Identified } from '../shared/event';
import { ActorEvent, ActorProfile, ActorUpdated } from './actor.events';
import { ActorRole, roleOf, roleOn, RolePeriod, rolePeriods } from './actor.roles';

export type UnregisteredActor = Readonly<{ status: 'unregistered' }>;

export type RegisteredActor = Readonly<{
  status: 'registered';
  actorId: string;
  profile: ActorProfile;
  /** Every role it held, oldest first; the last is the profile's title and represents. */
  roles: readonly ActorRole[];
  registeredAt: string;
  updatedAt: string;
}>;

export type ActorState = UnregisteredActor | RegisteredActor;

/** An actor as readers see it: its profile, the roles it held, id and when it was registered and last changed. */
export type ActorView = ActorProfile & Readonly<{ actorId: string; roles: readonly RolePeriod[]; registeredAt: string; updatedAt: string }>;

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

/** Whether the changes give a new title or principal (clearing one included): a new role. */
export const changesRole = (changes: ActorUpdated['data']['changes']): boolean => changes.title !== undefined || changes.represents !== undefined;

const nextRoles = (state: RegisteredActor, profile: ActorProfile, data: ActorUpdated['data']): readonly ActorRole[] => {
  // v2 dates every role change (v1 ones are dated by their upcaster).
  return changesRole(data.changes ?? {}) ? [...state.roles, roleOf(profile.title, profile.represents, data.validFrom)] : state.roles;
};

/** Never throws: an update before the registration, or a second registration, changes nothing. */
export const evolveActor = (state: ActorState, event: Identified<ActorEvent>): ActorState => {
  switch (event.type) {
    case 'ActorRegistered': {
      if (state.status === 'registered') return state;
      const { actorId, registeredAt, validFrom, ...profile } = event.data;
      const roles = [roleOf(profile.title, profile.represents, validFrom)];
      return { status: 'registered', actorId, profile, roles, registeredAt, updatedAt: registeredAt };
    }
    case 'ActorUpdated': {
      if (state.status !== 'registered') return state;
      const profile = applyProfileChanges(state.profile, event.data.changes ?? {});
      return { ...state, profile, roles: nextRoles(state, profile, event.data), updatedAt: event.data.updatedAt };
    }
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
    ? { ...state.profile, actorId: state.actorId, roles: rolePeriods(state.roles), registeredAt: state.registeredAt, updatedAt: state.updatedAt }
    : undefined;

/** The view as of an instant: the title and principal of the role held then (none before the first dated role). */
export const actorViewOn = (view: ActorView, instant: number): ActorView => {
  const { title: _title, represents: _represents, ...rest } = view;
  const role = roleOn(view.roles, instant);
  return { ...rest, ...(role?.title === undefined ? {} : { title: role.title }), ...(role?.represents === undefined ? {} : { represents: role.represents }) };
};
